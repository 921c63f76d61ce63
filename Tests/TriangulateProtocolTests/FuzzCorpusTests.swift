import Foundation
import Testing
import TriangulateFuzzing

/// Every input the fuzzers kept (Tests/Fuzz/Corpus, one folder per target) still holds each
/// target's properties: the corpora are the fuzzers' regression tests, run on every build.
@Suite("Fuzz corpora")
struct FuzzCorpusTests {
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fuzz/Corpus").standardized

    @Test(arguments: FuzzTarget.allCases)
    func everyKeptInputStillPasses(_ target: FuzzTarget) throws {
        let folder = Self.corpora.appendingPathComponent(target.rawValue)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 10, "the corpus of \(target.rawValue) is nearly empty")
        for file in files { target.run(try Data(contentsOf: file)) }
    }
}
