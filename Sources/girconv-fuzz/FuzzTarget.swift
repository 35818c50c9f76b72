// libFuzzer harness over decoding, HTML reading, detection, conversion and every writer.
// Build and run (docs/robustness.md):
//   swift build -c release --product girconv-fuzz --scratch-path .build-fuzz \
//       -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING
//   .build-fuzz/release/girconv-fuzz Fuzz/corpus -runs=1000000 -max_len=8192
// Without -DFUZZING this target builds as a tiny executable that says how to build it for fuzzing, so
// that `swift build` of the whole package keeps working.

import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport
import GirconvLayouts

/// The built-in layouts and the guide's example layouts (docs/examples), so that the engine's options the
/// built-ins do not use (unit columns, skipped columns, {section} paths, extra figures) are fuzzed too.
let registry: AdapterRegistry = {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples")
    guard var library = try? BuiltinAdapters.layoutLibrary() else { return BuiltinAdapters.registry() }
    for directory in (try? FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)) ?? [] {
        try? library.load(from: directory)
    }
    return (try? BuiltinAdapters.registry(library: library)) ?? BuiltinAdapters.registry()
}()

/// One fuzzing input: must never crash, whatever the bytes.
func fuzzOne(_ bytes: [UInt8]) {
    let input = RawInput(name: "fuzz", bytes: bytes)
    guard let document = try? registry.document(from: input, limits: ReadingLimits(maxBytes: 1 << 20, pdfTimeoutSeconds: 10)) else { return }
    _ = registry.detect(document)
    for strict in [false, true] {
        guard let record = try? registry.convert(document, strict: strict) else { continue }
        _ = try? JSONRecordWriter().write([record])
        _ = try? CSVRecordWriter().write([record])
        _ = try? CSVRecordWriter(long: true).write([record])
        _ = try? XMLRecordWriter().write([record])
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
@_cdecl("girconv_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzerTestOneInput(data, size) }
}
#else
@main
struct FuzzUsage {
    static func main() {
        // Without libFuzzer: replay the given files through the harness (a crash is a bug).
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            print("girconv-fuzz: build with -sanitize=fuzzer -parse-as-library -DFUZZING for libFuzzer (see docs/robustness.md),")
            print("or pass files to replay them through the harness.")
        }
        for file in files {
            if let data = FileManager.default.contents(atPath: file) { fuzzOne([UInt8](data)) }
        }
    }
}
#endif
