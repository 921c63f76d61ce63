import Foundation
import GRDBSQLite
import Synchronization

/// Copies a store's write-ahead log back into its database file on a connection and a thread
/// of its own, so that a commit does not wait for it.
///
/// SQLite's own checkpoint runs inside the commit that takes the log past 1,000 pages: a batch
/// of changes spread over a filled store spends about as long there as in its commit. Here the
/// writer's commit only notes the log's length; past `backgroundFrom` pages, one checkpoint at a
/// time runs on this object's queue, which on a machine with a second core overlaps the next
/// transaction. A checkpoint only copies pages already committed and synced, so durability is
/// unchanged: the log holds every commit until its pages are in the file. Should the log reach
/// `inlineFrom` pages (readers holding it, or the disk slower than the writes), the committing
/// connection checkpoints as SQLite would, so the log stays bounded. SQLite runs one checkpoint
/// at a time and refuses a second at once, so a store that must empty its log (a purge,
/// `NodeStore.truncateLog`) first waits for this one.
///
/// The connection opens at the first checkpoint, so a store whose log never reaches 1,000 pages
/// never opens it. The store stops the checkpointer before its own connections close, so that
/// its writer is still the last connection to close, which folds the log into the file and
/// removes it, as before.
final class LogCheckpointer: @unchecked Sendable {
    /// The log's length, in pages, from which a commit starts a background checkpoint: the
    /// length at which SQLite checkpoints by default.
    static let backgroundFrom: Int32 = 1_000
    /// The log's length, in pages, at which the committing connection checkpoints itself:
    /// 64 MiB of 4 KiB pages.
    static let inlineFrom: Int32 = 16_384

    private let path: String
    private let queue = DispatchQueue(label: "triangulate.store.checkpoint", qos: .utility)
    private let state = Mutex(State())
    /// Used only on `queue`, or in `deinit`, when no work is queued: queued work holds `self`.
    private var connection: OpaquePointer?

    private struct State {
        var isScheduled = false
        var isStopped = false
    }

    /// A checkpointer for the store at `path`; it does nothing until a writer is attached.
    init(path: String) {
        self.path = path
    }

    deinit {
        if let connection { sqlite3_close_v2(connection) }
    }

    /// Makes `writer`'s commits report the log's length here, instead of SQLite's own
    /// checkpoint in the commit. The writer must not outlive this object: the store's
    /// configuration, which the writer's pool keeps, holds it.
    func attach(to writer: OpaquePointer) {
        sqlite3_wal_hook(writer, logCheckpointerHook, Unmanaged.passUnretained(self).toOpaque())
    }

    /// After a commit on `writer`, with the log `pages` long.
    fileprivate func committed(logPages pages: Int32, on writer: OpaquePointer?) {
        if pages >= Self.inlineFrom {
            sqlite3_wal_checkpoint_v2(writer, "main", SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            return
        }
        guard pages >= Self.backgroundFrom else { return }
        let start = state.withLock { state -> Bool in
            guard !state.isScheduled, !state.isStopped else { return false }
            state.isScheduled = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            checkpoint()
            state.withLock { $0.isScheduled = false }
        }
    }

    /// Returns once no checkpoint is running or waiting to run.
    func waitUntilIdle() {
        queue.sync {}
    }

    /// Starts no more checkpoints, waits for one running, and closes the connection: the store
    /// calls it before its own connections close.
    func stop() {
        state.withLock { $0.isStopped = true }
        queue.sync {
            if let connection { sqlite3_close_v2(connection) }
            connection = nil
        }
    }

    /// Copies every committed page of the log into the file, waiting for no one: pages a
    /// reader still needs stay in the log for the next checkpoint.
    private func checkpoint() {
        guard !state.withLock({ $0.isStopped }) else { return }
        if connection == nil {
            var opened: OpaquePointer?
            guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let opened else {
                sqlite3_close_v2(opened)
                return  // the store's file has gone: nothing left to copy into
            }
            sqlite3_busy_timeout(opened, 5_000)
            // A connection finds the file in WAL mode at its first read; until then it has no
            // log to checkpoint.
            guard sqlite3_exec(opened, "SELECT 1 FROM sqlite_schema LIMIT 1", nil, nil, nil) == SQLITE_OK else {
                sqlite3_close_v2(opened)
                return
            }
            connection = opened
        }
        sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
}

/// The writer's log hook: SQLite calls it after each commit, on the committing thread.
private func logCheckpointerHook(
    _ context: UnsafeMutableRawPointer?, _ writer: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ pages: Int32
) -> Int32 {
    if let context {
        Unmanaged<LogCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(logPages: pages, on: writer)
    }
    return SQLITE_OK
}
