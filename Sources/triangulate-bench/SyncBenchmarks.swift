import Foundation
import GRDB
import GRDBSQLite
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// Issue 3's benchmarks: (a) in-memory merge, (b) applying remote changes into a node's SQLite
/// store, (c) tracked local writes against plain inserts, (d) wire bytes per change.
struct SyncBenchmarks {
    let workload: Workload
    let repeats: Int

    func run() throws -> SyncFigures {
        let now = SyncLedger.wall(Date()) - 60_000
        progress("writing \(workload.ids.count) documents on replica A")
        var writer = Replica(id: ReplicaID("NMC.a"))
        for (index, id) in workload.ids.enumerated() {
            for field in Workload.fields {
                writer.assign(Workload.value(field, index), to: field, of: id, wall: now + UInt64(index / 1_000))
            }
        }
        let initial = writer.changes(since: [:])
        let headers = Dictionary(uniqueKeysWithValues: workload.ids.map {
            ($0, DocumentHeader(id: $0, type: .action, owner: "NMC"))
        })

        progress("(a) merging \(initial.count) changes in memory")
        var best = Duration.seconds(1_000_000)
        var other = Replica(id: ReplicaID("GMC.b"))
        for _ in 0..<repeats {
            var fresh = Replica(id: ReplicaID("GMC.b"))
            best = min(best, try measure { try fresh.apply(initial, wall: now + 60_000) })
            other = fresh
        }
        let merge = Double(initial.count) / best.seconds

        progress("(a) the same changes decoded from their bytes and merged, as the peers are timed")
        let initialBytes = ChangeSet(headers: headers, changes: initial).encoded()
        var fromBytesBest = Duration.seconds(1_000_000)
        for _ in 0..<repeats {
            var fresh = Replica(id: ReplicaID("GMC.b"))
            fromBytesBest = min(fromBytesBest, try measure {
                try fresh.apply(try ChangeSet(decoding: initialBytes).changes, wall: now + 60_000)
            })
        }
        let mergeFromBytes = Double(initial.count) / fromBytesBest.seconds
        let decodeBest = try Self.bestDecode(of: [initialBytes], expecting: initial.count, repeats: repeats)

        // The replicas before the edits, for the runs that decode the edits from their bytes.
        let (forkA, forkB) = (writer, other)
        progress("(a) \(workload.edits.count) concurrent edits on each replica, merged both ways")
        let (aEdits, bEdits) = Self.concurrentEdits(workload, on: &writer, and: &other, wall: now + 120_000)
        let concurrent = try measure {
            try writer.apply(bEdits, wall: now + 180_000)
            try other.apply(aEdits, wall: now + 180_000)
        }
        let concurrentMerge = Double(aEdits.count + bEdits.count) / concurrent.seconds
        progress("comparing the two replicas' \(workload.ids.count) documents")
        var converged = writer.views == other.views

        progress("(a) the concurrent edits decoded from their bytes and merged both ways, \(repeats) times")
        var concurrentFromBytesBest = Duration.seconds(1_000_000)
        for _ in 0..<repeats {
            var (left, right) = (forkA, forkB)
            let (leftEdits, rightEdits) = Self.concurrentEdits(workload, on: &left, and: &right, wall: now + 120_000)
            let leftBytes = ChangeSet(headers: headers, changes: leftEdits).encoded()
            let rightBytes = ChangeSet(headers: headers, changes: rightEdits).encoded()
            concurrentFromBytesBest = min(concurrentFromBytesBest, try measure {
                try left.apply(try ChangeSet(decoding: rightBytes).changes, wall: now + 180_000)
                try right.apply(try ChangeSet(decoding: leftBytes).changes, wall: now + 180_000)
            })
            converged = converged && left.views == right.views
        }
        let concurrentMergeFromBytes = Double(aEdits.count + bEdits.count) / concurrentFromBytesBest.seconds
        let concurrentDecodeBest = try Self.bestDecode(
            of: [ChangeSet(headers: headers, changes: aEdits).encoded(), ChangeSet(headers: headers, changes: bEdits).encoded()],
            expecting: aEdits.count + bEdits.count, repeats: repeats)

        progress("(b) applying \(initial.count) changes into a node store")
        let initialSet = ChangeSet(headers: headers, changes: initial)
        let editSet = ChangeSet(headers: headers, changes: aEdits)
        var applyBest = Duration.seconds(1_000_000)
        var editBest = Duration.seconds(1_000_000)
        for _ in 0..<repeats {
            try withTemporaryDirectory { directory in
                let store = try NodeStore.create(at: directory.appendingPathComponent("node.sqlite").path,
                                                 organisation: try OrganisationCode(parsing: "CQC"), by: "bench")
                applyBest = min(applyBest, try measure { _ = try store.applyRemote(initialSet) })
                editBest = min(editBest, try measure { _ = try store.applyRemote(editSet) })
            }
        }

        progress("(b) \(Self.sustainedRounds) more rounds of \(workload.edits.count) edits applied into a filled store")
        var rounds: [ChangeSet] = []
        for round in 1...Self.sustainedRounds {
            let changes = workload.edits.map { document, field in
                writer.assign("Amended by NMC, round \(round)", to: field, of: workload.ids[document], wall: now + 240_000 + UInt64(round))
            }
            rounds.append(ChangeSet(headers: headers, changes: changes))
        }
        let (roundTimes, stateBytes, codec) = try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("node.sqlite").path
            let store = try NodeStore.create(at: path, organisation: try OrganisationCode(parsing: "CQC"), by: "bench")
            _ = try store.applyRemote(initialSet)
            let before = Self.averageBytes(try editedStates(in: path))
            let times = try rounds.map { round in try measure { _ = try store.applyRemote(round) } }
            let after = try editedStates(in: path)
            return (times, (before, Self.averageBytes(after)), try stateCodecMicroseconds(after))
        }
        let sustained = Double(rounds.count * workload.edits.count) / roundTimes.reduce(.zero, +).seconds
        let comparedRounds = Self.sustainedRounds / 4
        let lastOverFirst = roundTimes.prefix(comparedRounds).reduce(.zero, +).seconds / roundTimes.suffix(comparedRounds).reduce(.zero, +).seconds

        progress("(c) tracked writes against plain inserts of the same rows")
        var plainBest = Duration.seconds(1_000_000)
        var floorBest = Duration.seconds(1_000_000)
        var inRowBest = Duration.seconds(1_000_000)
        var listedBest = Duration.seconds(1_000_000)
        var trackedBest = Duration.seconds(1_000_000)
        let stateSizes = try stateSizes()
        for _ in 0..<repeats {
            plainBest = min(plainBest, try timeInserts(.plain))
            floorBest = min(floorBest, try timeInserts(.withOpaqueState(stateSizes)))
            inRowBest = min(inRowBest, try timeInserts(.withOpaqueStateInRow(stateSizes)))
            listedBest = min(listedBest, try timeInserts(.listedForTracking))
            trackedBest = min(trackedBest, try timeInserts(.tracked))
        }

        progress("(b) floor: rewriting an opaque row per edited document")
        var rewriteBest: FloorRun?
        for _ in 0..<repeats {
            let run = try timeOpaqueRewrites(stateSizes)
            if rewriteBest.map({ run.transaction < $0.transaction }) ?? true { rewriteBest = run }
        }
        guard let rewriteBest else { throw BenchError("--repeats must be at least 1") }

        progress("(d) wire encoding")
        let initialWire = Self.wireCost(of: initialSet)
        let editWire = Self.wireCost(of: editSet)

        return SyncFigures(
            inMemoryMerge: .atLeast(merge, 1_000_000, "changes/s"),
            inMemoryConcurrentMerge: .atLeast(concurrentMerge, 1_000_000, "changes/s"),
            mergeFromBytes: mergeFromBytes.rounded(),
            concurrentMergeFromBytes: concurrentMergeFromBytes.rounded(),
            decodeFromBytes: (Double(initial.count) / decodeBest.seconds).rounded(),
            concurrentDecodeFromBytes: (Double(aEdits.count + bEdits.count) / concurrentDecodeBest.seconds).rounded(),
            sqliteApply: .atLeast(Double(initial.count) / applyBest.seconds, 200_000, "changes/s"),
            sqliteConcurrentApply: .atLeast(Double(aEdits.count) / editBest.seconds, 200_000, "changes/s"),
            sqliteSustainedApply: sustained.rounded(),
            sustainedLastOverFirstRounds: (lastOverFirst * 100).rounded() / 100,
            stateBytesBeforeRounds: stateBytes.0.rounded(),
            stateBytesAfterRounds: stateBytes.1.rounded(),
            stateDecodeMicroseconds: codec.decode,
            stateEncodeMicroseconds: codec.encode,
            opaqueRewritesPerSecond: (Double(aEdits.count) / rewriteBest.transaction.seconds).rounded(),
            opaqueRewriteRowsPerSecond: (Double(aEdits.count) / rewriteBest.rows.seconds).rounded(),
            opaqueRewriteRowsAndCommitPerSecond: (Double(aEdits.count) / (rewriteBest.rows + rewriteBest.commit).seconds).rounded(),
            opaqueRewriteCommitMilliseconds: (rewriteBest.commit.seconds * 10_000).rounded() / 10,
            opaqueRewriteCheckpointMilliseconds: (rewriteBest.checkpoint.seconds * 10_000).rounded() / 10,
            opaqueRewritePagesWritten: rewriteBest.pagesWritten,
            trackedWriteRatio: .atMost(trackedBest.seconds / plainBest.seconds, 1.3, "x"),
            plainInsertMilliseconds: (plainBest.seconds * 1000).rounded(),
            opaqueStateWriteRatio: ((floorBest.seconds / plainBest.seconds) * 100).rounded() / 100,
            opaqueStateInRowWriteRatio: ((inRowBest.seconds / plainBest.seconds) * 100).rounded() / 100,
            listedForTrackingWriteRatio: ((listedBest.seconds / plainBest.seconds) * 100).rounded() / 100,
            trackedWriteMilliseconds: (trackedBest.seconds * 1000).rounded(),
            wireBytesPerChange: .atMost(initialWire.perChange, 20, "bytes + value"),
            wireBytesPerEdit: .atMost(editWire.perChange, 20, "bytes + value"),
            wireHeaderBytesPerDocument: (initialWire.perDocument * 100).rounded() / 100,
            wireBytesPerEditWithHeaders: (editWire.withHeaders * 100).rounded() / 100,
            pushBytesPerEdit: (try Self.pushBytesPerEdit(editSet) * 10).rounded() / 10,
            converged: converged,
            concurrentEdits: aEdits.count)
    }

    /// The workload's concurrent edits, made on `left` and on `right` at `wall`: the same
    /// fields, each given a value of its replica's own.
    private static func concurrentEdits(
        _ workload: Workload, on left: inout Replica, and right: inout Replica, wall: UInt64
    ) -> (left: [Change], right: [Change]) {
        var edits: (left: [Change], right: [Change]) = ([], [])
        for (document, field) in workload.edits {
            edits.left.append(left.assign("Amended by NMC", to: field, of: workload.ids[document], wall: wall))
            edits.right.append(right.assign("Amended by GMC", to: field, of: workload.ids[document], wall: wall))
        }
        return edits
    }

    /// The best of `repeats` timings of decoding every change set of `sets`, with no merge: the
    /// part of a merge from bytes that is decoding. Throws unless they hold `count` changes.
    private static func bestDecode(of sets: [[UInt8]], expecting count: Int, repeats: Int) throws -> Duration {
        var best = Duration.seconds(1_000_000)
        for _ in 0..<repeats {
            var decoded = 0
            best = min(best, try measure {
                for bytes in sets { decoded += try ChangeSet(decoding: bytes).changes.count }
            })
            guard decoded == count else { throw BenchError("decoded \(decoded) changes of \(count)") }
        }
        return best
    }

    /// How many rounds of the edits the sustained apply runs.
    static let sustainedRounds = 20

    /// The stored states of the documents the edits touch, in the node store at `path`, read
    /// through a connection of its own.
    private func editedStates(in path: String) throws -> [[UInt8]] {
        let edited = Set(workload.edits.map { workload.ids[$0.document] })
        return try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT id, state FROM syncDocument").compactMap { row -> [UInt8]? in
                edited.contains(row["id"]) ? [UInt8](row["state"] as Data) : nil
            }
        }
    }

    /// The average size of `states`, in bytes.
    private static func averageBytes(_ states: [[UInt8]]) -> Double {
        Double(states.reduce(0) { $0 + $1.count }) / Double(max(states.count, 1))
    }

    /// What decoding and encoding `states` costs, per state, in microseconds: the CPU an apply
    /// spends on each document it changes besides merging, the best of `repeats` runs.
    private func stateCodecMicroseconds(_ states: [[UInt8]]) throws -> (decode: Double, encode: Double) {
        var decoded: [DocumentState] = []
        var encoded: [[UInt8]] = []
        var best = (decode: Duration.seconds(1_000_000), encode: Duration.seconds(1_000_000))
        for _ in 0..<repeats {
            best.decode = min(best.decode, try measure { decoded = try states.map { try DocumentState(decoding: $0) } })
            best.encode = min(best.encode, measure { encoded = decoded.map { $0.encoded() } })
        }
        guard encoded == states else { throw BenchError("a state re-encoded differs from the bytes it was read from") }
        let perState = 1_000_000 / Double(max(states.count, 1))
        return ((best.decode.seconds * perState * 100).rounded() / 100, (best.encode.seconds * perState * 100).rounded() / 100)
    }

    /// What is written besides each row in a run of `timeInserts`.
    private enum InsertMode {
        /// Nothing: the rows alone.
        case plain
        /// A row of the given size in a second table, of opaque bytes, per document: what any
        /// per-document metadata row costs SQLite, with no CPU spent making it.
        case withOpaqueState([Int])
        /// The same opaque bytes in a seventh column of the row itself: what a state kept
        /// beside the record's own columns would cost, with no second row.
        case withOpaqueStateInRow([Int])
        /// The rows in a tracked record table (`action`), so that the ledger's triggers list
        /// each in `syncPending`, which each transaction empties as the node's does: what the
        /// node's write path pays before the ledger's own work, which `tracked` does not count.
        case listedForTracking
        /// The sync ledger's tracking, in the same transaction.
        case tracked
    }

    /// The size of each document's stored state when tracked, for the opaque rows.
    private func stateSizes() throws -> [Int] {
        let wall = SyncLedger.wall(Date())
        var clock = HybridClock(replica: ReplicaID("CQC.bench"), maximumDrift: SyncLedger.maximumDrift)
        return workload.ids.indices.map { index in
            var state = DocumentState()
            for field in Workload.fields {
                state.apply(Change(document: workload.ids[index], field: field,
                                   operation: .assign(value: Workload.value(field, index), supersedes: []), stamp: clock.tick(wall: wall)))
            }
            return state.encoded().count
        }
    }

    /// Inserts every document as a row of its id and five columns, 1,000 rows per transaction,
    /// into a fresh file with the node store's settings, with what `mode` adds in the same
    /// transaction.
    ///
    /// The rows' table is named for no tracked record table, but in `listedForTracking`. Named
    /// `action` in every mode, as it once was, the ledger's triggers listed every plain row in
    /// `syncPending`, a second row per document that made the plain insert about 1.5 times as
    /// slow and flattered the ratio. The run checks that `syncPending` is left empty.
    private func timeInserts(_ mode: InsertMode) throws -> Duration {
        let isInRow = if case .withOpaqueStateInRow = mode { true } else { false }
        let table = if case .listedForTracking = mode { "action" } else { "benchRecord" }
        return try withTemporaryDirectory { directory in
            let database = try NodeStore.openDatabase(at: directory.appendingPathComponent("bench.sqlite").path)
            try database.write { db in
                try db.execute(sql: "CREATE TABLE \(table) (id TEXT PRIMARY KEY, reference TEXT, summary TEXT, state TEXT, dueBy TEXT, evidence TEXT\(isInRow ? ", sync BLOB" : ""))")
                try db.execute(sql: "CREATE TABLE opaque (id TEXT PRIMARY KEY, type TEXT NOT NULL, owner TEXT NOT NULL, state BLOB NOT NULL) WITHOUT ROWID")
                try SyncLedger.createTables(in: db)
            }
            let organisation = try OrganisationCode(parsing: "CQC")
            let wall = SyncLedger.wall(Date())
            let values = workload.ids.indices.map { index in Workload.fields.map { Workload.value($0, index) } }
            let blobs: [Data] = switch mode {
            case .withOpaqueState(let sizes), .withOpaqueStateInRow(let sizes): sizes.map { Data(repeating: 0x5A, count: $0) }
            case .plain, .listedForTracking, .tracked: []
            }
            let duration = try measure {
                for start in stride(from: 0, to: workload.ids.count, by: 1_000) {
                    try database.write { db in
                        var ledger = if case .tracked = mode { try SyncLedger(db, organisation: organisation) } else { nil as SyncLedger? }
                        let insert = try db.cachedStatement(sql: "INSERT INTO \(table) VALUES (?, ?, ?, ?, ?, ?\(isInRow ? ", ?" : ""))")
                        let opaque = try db.cachedStatement(sql: "INSERT INTO opaque VALUES (?, 'action', 'CQC', ?)")
                        for index in start..<min(start + 1_000, workload.ids.count) {
                            let id = workload.ids[index]
                            let row = values[index]
                            if isInRow {
                                try insert.execute(arguments: [id, row[0], row[1], row[2], row[3], row[4], blobs[index]])
                            } else {
                                try insert.execute(arguments: [id, row[0], row[1], row[2], row[3], row[4]])
                                if !blobs.isEmpty { try opaque.execute(arguments: [id, blobs[index]]) }
                            }
                            if ledger != nil {
                                var fields: [String: FieldValue] = [:]
                                for (field, value) in zip(Workload.fields, row) { fields[field] = .register(value) }
                                try ledger!.track(DocumentHeader(id: id, type: .action, owner: "CQC"), fields, wall: wall)
                            }
                        }
                        try ledger?.finish()
                        if case .listedForTracking = mode { try db.execute(sql: "DELETE FROM syncPending") }
                    }
                }
            }
            guard try database.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM syncPending") }) == 0 else {
                throw BenchError("the inserted rows were listed for tracking: their table must not be a tracked record table")
            }
            return duration
        }
    }

    /// One timed run of the floor under the filled-store apply, in its three parts.
    private struct FloorRun {
        var rows: Duration
        var commit: Duration
        var checkpoint: Duration
        var pagesWritten: Int
        var transaction: Duration { rows + commit + checkpoint }
    }

    /// The least SQLite work the filled-store apply can do, with the store's settings: a table
    /// shaped like `syncDocument` holds a row of opaque bytes the size of each document's
    /// state; then, in one transaction, each document the edits touch has its row read and
    /// rewritten with bytes of the same size. Through SQLite's C interface, so that no wrapper's
    /// cost is counted, and with no CPU spent decoding, merging or encoding. The transaction
    /// runs once untimed first, as the store's first large apply does, so that the timed commit
    /// writes over a log already that long rather than growing the file. The log's checkpoint,
    /// which SQLite would run inside the commit and the store runs beside its next transaction
    /// (`LogCheckpointer`), is run just after the commit, so that the rows, the commit and the
    /// checkpoint are timed apart.
    private func timeOpaqueRewrites(_ sizes: [Int]) throws -> FloorRun {
        try withTemporaryDirectory { directory in
            let database = try NodeStore.openDatabase(at: directory.appendingPathComponent("floor.sqlite").path)
            try database.write { db in
                try db.execute(sql: "CREATE TABLE opaque (id TEXT PRIMARY KEY, type TEXT NOT NULL, owner TEXT NOT NULL, state BLOB NOT NULL) WITHOUT ROWID")
            }
            for start in stride(from: 0, to: workload.ids.count, by: 1_000) {
                try database.write { db in
                    let insert = try db.cachedStatement(sql: "INSERT INTO opaque VALUES (?, 'action', 'NMC', ?)")
                    for index in start..<min(start + 1_000, workload.ids.count) {
                        try insert.execute(arguments: [workload.ids[index], Data(repeating: 0x5A, count: sizes[index])])
                    }
                }
            }
            var documents: [Int] = []
            for edit in workload.edits where documents.last != edit.document { documents.append(edit.document) }
            let clock = ContinuousClock()
            /// Reads and rewrites each edited document's row in one transaction; returns the
            /// time the rows took, before the commit.
            func rewrite() throws -> Duration {
                let start = clock.now
                var rows = Duration.zero
                try database.write { db in
                    defer { rows = clock.now - start }
                    let select = try db.cachedStatement(sql: "SELECT state FROM opaque WHERE id = ?").sqliteStatement
                    let update = try db.cachedStatement(sql: "UPDATE opaque SET state = ? WHERE id = ?").sqliteStatement
                    for document in documents {
                        let id = workload.ids[document]
                        sqlite3_bind_text(select, 1, id, -1, Self.transient)
                        guard sqlite3_step(select) == SQLITE_ROW, let bytes = sqlite3_column_blob(select, 0) else {
                            throw BenchError("the floor's row \(id) is missing")
                        }
                        var state = [UInt8](UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(select, 0))))
                        sqlite3_reset(select)
                        state[0] &+= 1
                        sqlite3_bind_blob(update, 1, state, Int32(state.count), Self.transient)
                        sqlite3_bind_text(update, 2, id, -1, Self.transient)
                        guard sqlite3_step(update) == SQLITE_DONE else { throw BenchError("the floor's row \(id) was not rewritten") }
                        sqlite3_reset(update)
                    }
                }
                return rows
            }
            try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            _ = try rewrite()
            try database.writeWithoutTransaction { _ = try $0.checkpoint(.restart) }
            let start = clock.now
            let rows = try rewrite()
            let committed = clock.now
            let checkpoint = try database.writeWithoutTransaction { try $0.checkpoint(.passive) }
            return FloorRun(rows: rows, commit: committed - start - rows, checkpoint: clock.now - committed,
                            pagesWritten: checkpoint.walFrameCount)
        }
    }

    /// SQLite's SQLITE_TRANSIENT: it copies what is bound before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// What a push of the edits costs on the wire per edit, as a node sends them: each edited
    /// document is its own share, so each edit travels in its own batch, with the share's id,
    /// the signer's key id and an Ed25519 signature, in the push request's JSON.
    private static func pushBytesPerEdit(_ set: ChangeSet) throws -> Double {
        let key = NodeSigningKey()
        var batches: [SignedBatch] = []
        for change in set.changes {
            guard let header = set.headers[change.document] else { continue }
            let one = ChangeSet(headers: [change.document: header], changes: [change])
            batches.append(try SignedBatch(share: UUID().uuidString.lowercased(), changes: one, key: key))
        }
        return Double(try WireJSON.encoder().encode(PushRequest(batches: batches)).count) / Double(set.changes.count)
    }

    /// What a change set costs on the wire besides its values: per change, not counting the
    /// document headers (id, type, owner, count: written once per run of changes to a
    /// document); per document header; and per change with the headers shared out.
    private static func wireCost(of set: ChangeSet) -> (perChange: Double, perDocument: Double, withHeaders: Double) {
        let total = set.encoded().count
        let values = set.changes.reduce(0) { total, change in
            if case .assign(let value?, _) = change.operation { return total + value.utf8.count }
            return total
        }
        var headers = 0
        var runs = 0
        var start = 0
        while start < set.changes.count {
            var end = start + 1
            while end < set.changes.count, set.changes[end].document == set.changes[start].document { end += 1 }
            headers += 1 + 16 + 1 + 1 + (end - start < 128 ? 1 : 2)  // form, uuid, type, owner index, count
            runs += 1
            start = end
        }
        let count = Double(set.changes.count)
        return (Double(total - values - headers) / count, Double(headers) / Double(runs), Double(total - values) / count)
    }
}

/// Runs `body` with a fresh temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Runs `body` with a fresh temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

private func makeTemporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}
