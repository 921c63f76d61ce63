import Foundation
import TriangulateFuzzing

// `triangulate-fuzz`: runs one parser of `FuzzTarget`, chosen by `TRIANGULATE_FUZZ_TARGET`,
// on inputs.
//
// Built with `--sanitize=fuzzer -Xswiftc -DFUZZING` (see `.ci/fuzz`), it is a libFuzzer
// binary, whose `main` is libFuzzer's: `TRIANGULATE_FUZZ_TARGET=change-set triangulate-fuzz
// CORPUS -max_total_time=60`. Built plainly, it runs the target on each file given, as the
// tests do with the corpora.

/// The target `TRIANGULATE_FUZZ_TARGET` names; stops the process with the list when it names none.
func chosenTarget() -> FuzzTarget {
    let name = ProcessInfo.processInfo.environment["TRIANGULATE_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("triangulate-fuzz: set TRIANGULATE_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}

#if FUZZING
/// The target, read once before fuzzing starts.
nonisolated(unsafe) var target = FuzzTarget.requestSignature

/// libFuzzer calls this once, before any input.
@_cdecl("LLVMFuzzerInitialize")
func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> Int32 {
    target = chosenTarget()
    return 0
}

/// libFuzzer calls this with each input.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    target.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#else
@main
struct TriangulateFuzz {
    static func main() {
        let target = chosenTarget()
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("triangulate-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            target.run(data)
        }
        print("triangulate-fuzz: \(target.rawValue) ran \(CommandLine.arguments.count - 1) inputs")
    }
}
#endif
