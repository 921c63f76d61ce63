import Foundation

/// Files that hold private keys or shared records — node and hub stores, their write-ahead log
/// and shared memory, backups — are readable by their owner only: created 0600 (SQLite gives
/// the `-wal` and `-shm` files the main file's mode), in directories made 0700, and checked when
/// opened.
public enum PrivateFile {
    /// Creates an empty file at `path` with mode 0600 unless something is there already, and
    /// the missing directories above it with mode 0700; a database opened there then keeps
    /// that mode.
    public static func prepare(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard !FileManager.default.fileExists(atPath: path) else { return }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// A warning when the file at `path`, or its `-wal` or `-shm` file, can be read or written by
    /// anyone but its owner; nil when it cannot or does not exist.
    public static func exposure(of path: String) -> String? {
        let exposed = [path, path + "-wal", path + "-shm"].filter { file in
            guard let mode = (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int else { return false }
            return mode & 0o077 != 0
        }
        guard !exposed.isEmpty else { return nil }
        return "warning: \(exposed.joined(separator: ", ")) can be read by other users of this machine, and holds private keys and shared records: run `chmod 600 \(exposed.joined(separator: " "))`"
    }
}
