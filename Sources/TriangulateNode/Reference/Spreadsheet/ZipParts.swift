import Foundation
import ZIPFoundation

/// The parts of a ZIP archive a spreadsheet is (XLSX, ODS), read one at a time.
struct ZipParts {
    /// The largest part read out of an archive: a guard against a file that inflates without end.
    static let maximumPartBytes: UInt64 = 1 << 30

    private let archive: Archive

    /// Opens `data`; refuses what is not a readable ZIP archive.
    init(_ data: Data) throws {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw NodeError(.invalidInput, "the file is not an XLSX or ODS spreadsheet: it is not a readable ZIP archive")
        }
    }

    /// Whether the archive holds `path`.
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of `path`, or nil when the archive has no such part.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= Self.maximumPartBytes else { throw NodeError(.invalidInput, "\(path) inflates to more than 1 GiB: not read") }
        var bytes = Data()
        do { _ = try archive.extract(entry) { bytes.append($0) } } catch { throw NodeError(.invalidInput, "\(path) in the spreadsheet is damaged: \(error)") }
        return bytes
    }
}
