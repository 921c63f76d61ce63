/// The benchmark's output: each figure next to its target.
struct BenchReport: Encodable {
    var build: String
    var documents: Int
    var fieldsPerDocument: Int
    var sync: SyncFigures?
    var hub: HubFigures?
    var audit: AuditFigures?
    var hubScale: HubScaleFigures?
    var worklist: WorklistFigures?
    /// The web application's pages (issue 14).
    var web: WebFigures?
    var register: RegisterFigures?
    var match: MatchFigures?
    var soak: SoakFigures?
    /// A node's catch-up after 90 days offline (issue 19).
    var catchUp: CatchUpFigures?
}

/// A node's catch-up after 90 days offline, through a hub process: one sync that pulls,
/// verifies and applies everything it missed.
struct CatchUpFigures: Encodable {
    /// The sync's time, from its first request to its last commit.
    var catchUp: Figure
    var changesPerSecond: Double
    var shares: Int
    var changes: Int
    var changesPerBatch: Int
    /// What the sync reported: items pulled (declarations and batches) and changes applied.
    var itemsPulled: Int
    var changesApplied: Int
    /// Every change applied, nothing rejected, and every document holding the partner's last values.
    var converged: Bool
}

/// The figures of issue 6: ingest through separate hub processes.
struct HubScaleFigures: Encodable {
    /// One hub process on the embedded SQLite store.
    var sqliteOneProcess: ScaleRun
    /// One hub process on PostgreSQL.
    var postgresOneProcess: ScaleRun
    /// Two hub processes on one PostgreSQL database, the nodes spread over them.
    var postgresTwoProcesses: ScaleRun
    /// Two processes' ingest over one's.
    var twoProcessesOverOne: Figure
    var changesPerRun: Int
    var nodes: Int
    /// The processor cores of this machine, which the hub processes, the database and the
    /// benchmark's clients all share.
    var cores: Int
}

/// One configuration of hub processes, measured.
struct ScaleRun: Encodable {
    /// Changes accepted per second, from all nodes at once.
    var ingest: Figure
    /// Processor time the hub processes spent per change accepted.
    var hubCPUMicrosecondsPerChange: Double
    /// The same for the benchmark's own clients (signing, HTTP).
    var clientCPUMicrosecondsPerChange: Double
    /// The same for everything else on the machine: the database above all.
    var otherCPUMicrosecondsPerChange: Double?
    /// How busy the machine's cores were during the run (all processes: hubs, database, clients).
    var machineBusyPercent: Double?
}

/// The figures of issue 5.
struct AuditFigures: Encodable {
    /// Entries appended per second, in durable batches.
    var appends: Figure
    var entriesPerDurableTransaction: Int
    /// An inclusion proof at the log's size.
    var inclusionProofBytes: Figure
    var inclusionProofHashes: Int
    var inclusionProofVerification: Figure
    var inclusionProofVerified: Bool
    /// Making an inclusion proof at the log's size, from the stored nodes it names.
    var inclusionProofGeneration: Figure
    /// A consistency proof from one entry short of the log to the whole log, made by the hub
    /// from its stored nodes (the slowest at this size: it names the most subtrees).
    var consistencyProofGeneration: Figure
    /// Answering who received one document, through the document index.
    var whoReceived: Figure
    var whoReceivedDeliveries: Int
    var entries: Int
}

/// The figures of issue 4.
struct HubFigures: Encodable {
    /// Changes the hub accepted per second, from all nodes at once.
    var ingest: Figure
    var ingestedChanges: Int
    /// From the start of a write's push to the end of the pull that delivered it.
    var writeToArrivalP50: Figure
    var writeToArrivalP99: Figure
    var latencySamples: Int
    var nodes: Int
    /// The write load during the latency run, across all nodes.
    var writesPerSecond: Double
    /// Where the hub ran.
    var hub: String
    /// Processor time per write during the latency run: the hub process's (its push, the
    /// delivery and the long poll it ends), and this process's fifty clients'.
    var latencyHubCPUMillisecondsPerWrite: Double
    var latencyClientCPUMillisecondsPerWrite: Double
    /// How busy the machine's cores were during the latency run.
    var latencyMachineBusyPercent: Double?
}

/// A measured figure, its unit, its target and whether it met it.
struct Figure: Encodable {
    var value: Double
    var unit: String
    var target: String
    var met: Bool

    /// A figure that should be at least `minimum`, rounded to `1 / digits`.
    static func atLeast(_ value: Double, _ minimum: Double, _ unit: String, digits: Double = 1) -> Figure {
        Figure(value: (value * digits).rounded() / digits, unit: unit,
               target: ">= \(minimum == minimum.rounded() ? String(Int(minimum)) : String(minimum))", met: value >= minimum)
    }

    /// A figure that should be at most `maximum`.
    static func atMost(_ value: Double, _ maximum: Double, _ unit: String, digits: Double = 100) -> Figure {
        Figure(value: (value * digits).rounded() / digits, unit: unit, target: "<= \(maximum)", met: value <= maximum)
    }
}

/// The figures of issue 3.
struct SyncFigures: Encodable {
    /// (a) In-memory merge of the initial writes into an empty replica.
    var inMemoryMerge: Figure
    /// (a) In-memory merge of the concurrent edits, both ways.
    var inMemoryConcurrentMerge: Figure
    /// (a) The initial writes decoded from their change set's bytes and merged into an empty
    /// replica, in changes a second: what the peers' full merge times, from their own bytes.
    var mergeFromBytes: Double
    /// (a) Each replica's concurrent edits decoded from their bytes and merged into the other,
    /// in edits a second, the best of the runs: what the peers' concurrent merge times.
    var concurrentMergeFromBytes: Double
    /// (a) The initial writes' change set decoded alone, with no merge, in changes a second: the
    /// decoding in `mergeFromBytes`, the best of the runs.
    var decodeFromBytes: Double
    /// (a) Both replicas' concurrent edits decoded alone, in edits a second: the decoding in
    /// `concurrentMergeFromBytes`, the best of the runs.
    var concurrentDecodeFromBytes: Double
    /// (b) Applying the initial writes into a node's SQLite store.
    var sqliteApply: Figure
    /// (b) Applying one replica's concurrent edits into a store that holds the documents.
    var sqliteConcurrentApply: Figure
    /// (b) Rounds of edits to the same fields applied one after another into a filled store, in
    /// changes a second: each round's edits supersede the last, so the states carry their history.
    var sqliteSustainedApply: Double
    /// The last quarter of those rounds' rate over the first quarter's, from each round's own
    /// timing in the same run: below 1 when later rounds cost more, as states that grow with
    /// every edit make them.
    var sustainedLastOverFirstRounds: Double
    /// The average stored state of a document, in bytes, before and after those rounds.
    var stateBytesBeforeRounds: Double
    var stateBytesAfterRounds: Double
    /// Decoding and encoding one of those states after the rounds, in microseconds: CPU that
    /// every apply spends on each document it changes, besides merging.
    var stateDecodeMicroseconds: Double
    var stateEncodeMicroseconds: Double
    /// The floor under the filled-store apply, in edits a second: per edited document, a row of
    /// opaque bytes the size of its state read and rewritten, in one transaction, with the
    /// store's settings and no decoding, merging or encoding.
    var opaqueRewritesPerSecond: Double
    /// The same rewrites' rows alone, before their commit and checkpoint, in edits a second.
    var opaqueRewriteRowsPerSecond: Double
    /// The same rewrites' rows and commit, without the checkpoint (which the store runs beside
    /// its next transaction), in edits a second: the most a filled-store apply can reach while it
    /// keeps a row per document, with no CPU spent on the states.
    var opaqueRewriteRowsAndCommitPerSecond: Double
    /// The same transaction's commit (its changed pages appended to the write-ahead log and
    /// synced) and the checkpoint after it (those pages copied into the database file), in
    /// milliseconds: SQLite's own I/O for the edits, whatever keeps the states.
    var opaqueRewriteCommitMilliseconds: Double
    var opaqueRewriteCheckpointMilliseconds: Double
    /// How many pages that commit wrote to the write-ahead log: each edit to a document spread
    /// over the store changes a whole page of the state table.
    var opaqueRewritePagesWritten: Int
    /// (c) Tracked local writes over plain inserts of the same rows.
    var trackedWriteRatio: Figure
    /// The two timings behind (c), in milliseconds.
    var plainInsertMilliseconds: Double
    /// The floor under (c): plain inserts plus, per document, a row of opaque bytes the size of
    /// its tracked state, over plain inserts alone.
    var opaqueStateWriteRatio: Double
    /// The same opaque bytes in a column of the inserted row itself, over plain inserts: the
    /// floor of a design that kept each state beside its record, with no second row.
    var opaqueStateInRowWriteRatio: Double
    /// Inserts into a tracked record table, whose triggers list each row for tracking, over
    /// plain inserts: what the node's write path pays before the ledger's work in (c).
    var listedForTrackingWriteRatio: Double
    var trackedWriteMilliseconds: Double
    /// (d) Wire bytes per field change besides its value and its document's header: first writes.
    var wireBytesPerChange: Figure
    /// (d) The same for edits that supersede a write.
    var wireBytesPerEdit: Figure
    /// The header written once per run of changes to one document (id, type, owner, count).
    var wireHeaderBytesPerDocument: Double
    /// Edits to scattered documents, one each, with each document's header counted in.
    var wireBytesPerEditWithHeaders: Double
    /// The edits as a node pushes them, per edit: one signed batch per edited document (each
    /// its own share), in the push request's JSON, values included.
    var pushBytesPerEdit: Double
    /// The two replicas converged after merging both ways (every document compared).
    var converged: Bool
    var concurrentEdits: Int
}
