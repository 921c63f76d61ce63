import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

/// The node's side of the sync core, inside one write transaction: it turns writes to
/// shareable records into changes, stores each document's merged state, and applies changes
/// from other replicas. Whatever it does commits or rolls back with the transaction.
///
/// The node store uses it for every command; it is public so that tools (the benchmark) can
/// run it over a database of their own made with `createTables(in:)`.
public struct SyncLedger {
    let db: Database
    let organisation: OrganisationCode
    private(set) var clock: HybridClock
    private var outgoing = OutgoingChanges()

    /// How far in the future a remote change may be stamped before it is refused: one day.
    public static let maximumDrift: UInt64 = 24 * 60 * 60 * 1000

    /// Creates the ledger's tables (and the triggers on the node's record tables, when
    /// present) in `db`.
    public static func createTables(in db: Database) throws { try SyncLedgerSchema.create(db) }

    /// Opens the ledger, creating this node's replica id on first use.
    public init(_ db: Database, organisation: OrganisationCode) throws {
        self.db = db
        self.organisation = organisation
        if let row = try Row.fetchOne(db, sql: "SELECT replica, clockMillis, clockCounter FROM syncReplica") {
            let replica = ReplicaID(row["replica"] as String)
            let last = HybridTimestamp(
                milliseconds: UInt64(row["clockMillis"] as Int64), counter: UInt32(row["clockCounter"] as Int64), replica: replica)
            clock = HybridClock(replica: replica, maximumDrift: Self.maximumDrift, resumingAfter: last)
        } else {
            let suffix = UUID().uuidString.prefix(8).lowercased()
            let replica = ReplicaID("\(organisation.rawValue).\(suffix)")
            try db.execute(
                sql: "INSERT INTO syncReplica (singleton, replica, clockMillis, clockCounter) VALUES (1, ?, 0, 0)",
                arguments: [replica.rawValue])
            clock = HybridClock(replica: replica, maximumDrift: Self.maximumDrift)
        }
    }

    /// Milliseconds since the epoch, as the clock reads them.
    public static func wall(_ date: Date) -> UInt64 { UInt64(max(0, date.timeIntervalSince1970 * 1000)) }

    // MARK: Local writes

    /// Tracks every record the transaction has written so far, then forgets them.
    mutating func trackPending(at date: Date) throws {
        let pending = try Row.fetchAll(db, sql: "SELECT type, id FROM syncPending")
        guard !pending.isEmpty else { return }
        for row in pending {
            guard let type = DocumentType(rawValue: row["type"]), let process = ProcessRegistry.process(declaring: type) else { continue }
            if let (header, fields) = try process.project(type, id: row["id"], organisation: organisation, in: db) {
                try track(header, fields, wall: Self.wall(date))
            }
        }
        try db.execute(sql: "DELETE FROM syncPending")
    }

    /// Records the changes that bring `header`'s document to `fields`; returns how many.
    /// `fields` is the whole document unless `isComplete` is false (an edit of some fields).
    @discardableResult
    public mutating func track(_ header: DocumentHeader, _ fields: [String: FieldValue], wall: UInt64, isComplete: Bool = true) throws -> Int {
        let existing = try loadHeaderAndState(header.id)
        var state = existing?.state ?? DocumentState()
        let operations = state.operations(toReach: fields, schema: try ProcessRegistry.schema(header.type), isComplete: isComplete)
        guard !operations.isEmpty else { return 0 }
        let changes = operations.map { field, operation in
            Change(document: header.id, field: field, operation: operation, stamp: clock.tick(wall: wall))
        }
        state.apply(changes)  // applied together, so that a new document's fields are allocated once
        outgoing.append(contentsOf: changes, to: header)
        try saveState(header, state, isNew: existing == nil)
        return operations.count
    }

    /// Stores this transaction's own changes as one commit and the clock's last reading.
    public mutating func finish() throws {
        guard !outgoing.isEmpty else { return }
        let last = clock.lastReading
        try db.execute(
            sql: "INSERT INTO syncCommit (lastMillis, lastCounter, changeCount, changes) VALUES (?, ?, ?, ?)",
            arguments: [Int64(last.milliseconds), Int64(last.counter), outgoing.count, Data(outgoing.encoded())])
        try saveClock()
        outgoing = OutgoingChanges()
    }

    // MARK: Remote changes

    /// Applies changes from other replicas: changes already merged are counted as duplicates,
    /// changes a replica of a non-owner makes to an owner-only field are refused, and the whole
    /// set is refused — nothing applied — when it is malformed or a change is stamped more than a
    /// day ahead of `date`.
    ///
    /// Nothing is skipped by version vector: a node receives only the changes of the shares it
    /// is in, so one origin's changes can arrive out of stamp order (a document shared today
    /// whose changes are older than another's received yesterday). The merge is idempotent, so
    /// every change is simply merged; the vector only records how far each origin has been seen.
    public mutating func applyRemote(_ set: ChangeSet, at date: Date) throws -> RemoteApplyReport {
        let wall = Self.wall(date)
        let changes = set.changes
        // Every change is checked before any is applied: one bad change refuses the set.
        var runs: [(header: DocumentHeader, range: Range<Int>, owned: [Bool])] = []
        var start = changes.startIndex
        while start < changes.endIndex {
            let id = changes[start].document
            guard let header = set.headers[id] else {
                throw SyncError(.schemaViolation, "a change to document \(id) arrived without its header")
            }
            let schema = try ProcessRegistry.schema(header.type)
            var end = start
            var owned: [Bool] = []
            while end < changes.endIndex, changes[end].document == id {
                owned.append(try schema.validate(changes[end])?.writer == .owner)
                try clock.receive(changes[end].stamp, wall: wall)
                end += 1
            }
            runs.append((header, start..<end, owned))
            start = end
        }
        var vector = try loadVector()
        var report = RemoteApplyReport()
        let me = organisation.rawValue
        for run in runs {
            let header = run.header
            let id = header.id
            var accepted: [Int] = []
            accepted.reserveCapacity(run.range.count)
            for (index, isOwnerOnly) in zip(run.range, run.owned) {
                let origin = changes[index].stamp.replica
                if origin == clock.replica {
                    report.duplicates += 1
                } else if isOwnerOnly, !Self.replica(origin, isOf: header.owner) {
                    report.refused.append("\(origin) may not write \(changes[index].field) of \(header.type.rawValue) \(id): only its owner \(header.owner) may")
                } else {
                    accepted.append(index)
                }
            }
            guard !accepted.isEmpty else { continue }
            let stored = try loadHeaderAndState(id)
            if let stored, stored.header.type != header.type || stored.header.owner != header.owner {
                report.refused.append("document \(id) is a \(stored.header.type.rawValue) of \(stored.header.owner) here; changes naming it otherwise are refused")
                continue
            }
            let isOwn = header.owner == me
            var state = stored?.state ?? DocumentState()
            var edits: [String: Set<String>] = [:]  // partners' new changes to this organisation's own document, by partner
            var partnerChanges: [Change] = []
            for index in accepted {
                let change = changes[index]
                if vector[change.stamp.replica].map({ change.stamp > $0 }) ?? true { vector[change.stamp.replica] = change.stamp }
                if state.knows(change) {
                    report.duplicates += 1
                    continue
                }
                state.apply(change)
                report.applied += 1
                if isOwn, !Self.replica(change.stamp.replica, isOf: me) {
                    edits[Self.organisation(of: change.stamp.replica), default: []].insert(String(change.field.prefix { $0 != "/" }))
                    partnerChanges.append(change)
                }
            }
            // The owner makes its partners' edits its own, so that its other shares carry them.
            if isOwn {
                for (field, operation) in state.adoptions(of: partnerChanges, isOwn: { Self.replica($0.replica, isOf: me) }) {
                    let change = Change(document: id, field: field, operation: operation, stamp: clock.tick(wall: wall))
                    state.apply(change)
                    outgoing.append(change, to: header)
                }
            }
            try saveState(header, state, isNew: stored == nil)
            if isOwn, let process = ProcessRegistry.process(declaring: header.type) {
                try process.writeBack(state.view, to: header, edits: PartnerEdits(fields: edits, at: date), in: db)
                try logEdits(edits, to: header, of: process, at: date)
            }
        }
        try saveVector(vector)
        try saveClock()
        return report
    }

    /// Records partners' edits of this organisation's own document in its case's history: which
    /// partner changed which fields (their names, never their values), when they arrived.
    private func logEdits(_ edits: [String: Set<String>], to header: DocumentHeader, of process: any NodeProcess.Type, at date: Date) throws {
        guard !edits.isEmpty, let projected = try process.project(header.type, id: header.id, organisation: organisation, in: db) else { return }
        // The record's own reference, or its concern's (an outcome, a review): the case's timeline finds it by either.
        guard case .register(let reference?)? = projected.fields["reference"] ?? projected.fields["concern"] else { return }
        for (editor, fields) in edits.sorted(by: { $0.key < $1.key }) {
            var entry = HistoryEntry(concernId: nil, entity: header.type.rawValue, reference: reference,
                                     event: "edited by partner: \(fields.sorted().joined(separator: ", "))", fromState: nil, toState: nil,
                                     actor: editor, at: date)
            try entry.insert(db)
        }
    }

    /// The organisation a replica belongs to: its id up to the first dot.
    static func organisation(of replica: ReplicaID) -> String { String(organisationCode(of: replica)) }

    /// Whether `replica` belongs to `organisation`, without making a string.
    static func replica(_ replica: ReplicaID, isOf organisation: String) -> Bool { organisationCode(of: replica) == organisation }

    private static func organisationCode(of replica: ReplicaID) -> Substring { replica.rawValue.prefix { $0 != "." } }

    // MARK: Reading

    /// This node's own changes after `stamp` (all of them when `nil`), read from `db`.
    public static func ownChanges(after stamp: HybridTimestamp?, in db: Database) throws -> ChangeSet {
        let since = stamp ?? HybridTimestamp(milliseconds: 0, counter: 0, replica: ReplicaID(""))
        let blobs = try Data.fetchAll(
            db,
            sql: "SELECT changes FROM syncCommit WHERE lastMillis > ? OR (lastMillis = ? AND lastCounter > ?) ORDER BY seq",
            arguments: [Int64(since.milliseconds), Int64(since.milliseconds), Int64(since.counter)])
        var result = ChangeSet()
        for blob in blobs {
            let commit = try ChangeSet(decoding: [UInt8](blob))
            for change in commit.changes where stamp == nil || change.stamp > since {
                result.changes.append(change)
                result.headers[change.document] = commit.headers[change.document]
            }
        }
        return result
    }

    // MARK: Storage

    func loadHeaderAndState(_ id: String) throws -> (header: DocumentHeader, state: DocumentState)? {
        try Self.loadHeaderAndState(id, in: db)
    }

    /// A stored document's header and merged state.
    static func loadHeaderAndState(_ id: String, in db: Database) throws -> (header: DocumentHeader, state: DocumentState)? {
        guard let row = try DocumentRows(db: db).row(id) else { return nil }
        return (row.header, try DocumentState(decoding: row.state))
    }

    private func saveState(_ header: DocumentHeader, _ state: DocumentState, isNew: Bool) throws {
        if isNew {
            try DocumentRows(db: db).insert(header, state: state.encoded())
        } else {
            try DocumentRows(db: db).update(header.id, state: state.encoded())
        }
    }

    private func saveClock() throws {
        let last = clock.lastReading
        try db.execute(
            sql: "UPDATE syncReplica SET clockMillis = ?, clockCounter = ?",
            arguments: [Int64(last.milliseconds), Int64(last.counter)])
    }

    func loadVector() throws -> [ReplicaID: HybridTimestamp] { try Self.loadVector(in: db) }

    /// The highest stamp applied from each other replica.
    static func loadVector(in db: Database) throws -> [ReplicaID: HybridTimestamp] {
        var vector: [ReplicaID: HybridTimestamp] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT replica, millis, counter FROM syncVector") {
            let replica = ReplicaID(row["replica"] as String)
            vector[replica] = HybridTimestamp(
                milliseconds: UInt64(row["millis"] as Int64), counter: UInt32(row["counter"] as Int64), replica: replica)
        }
        return vector
    }

    private func saveVector(_ vector: [ReplicaID: HybridTimestamp]) throws {
        for (replica, stamp) in vector {
            try db.execute(
                sql: "INSERT INTO syncVector (replica, millis, counter) VALUES (?, ?, ?) ON CONFLICT (replica) DO UPDATE SET millis = excluded.millis, counter = excluded.counter",
                arguments: [replica.rawValue, Int64(stamp.milliseconds), Int64(stamp.counter)])
        }
    }
}

/// What applying remote changes did.
public struct RemoteApplyReport: Hashable, Sendable {
    /// Changes merged into documents.
    public var applied = 0
    /// Changes already known (or this node's own), skipped.
    public var duplicates = 0
    /// Changes refused, each with its reason.
    public var refused: [String] = []
}
