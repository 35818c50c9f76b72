// libFuzzer harness over decoding, the readers, detection, conversion and every writer.
// Build and run (docs/robustness.md):
//   swift build -c release --product girconv-fuzz --scratch-path .build-fuzz \
//       -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING
//   .build-fuzz/release/girconv-fuzz Fuzz/corpus -runs=1000000 -max_len=8192
// GIRCONV_FUZZ_TARGET chooses what the bytes are (seeds for each in Fuzz/corpus-<target>):
//   any (default)  a whole input file: text, HTML, PDF header, .docx
//   docx           a .docx: bytes starting with "PK" are the archive itself (its ZIP structure fuzzed), other
//                  bytes are word/document.xml, packed into a valid archive (its XML fuzzed)
//   pdftext        the text pdftotext -layout printed for a PDF (the reading of it; pdftotext itself is not fuzzed)
//   pdfboxes       the XHTML pdftotext -bbox-layout printed for a PDF (its parse and the grid rebuilt from its boxes)
// Without -DFUZZING this target builds as a tiny executable that says how to build it for fuzzing, so
// that `swift build` of the whole package keeps working.

import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport
import GirconvLayouts
import GirconvPDF
import ZIPFoundation

/// The built-in layouts and the guide's example layouts (docs/examples), so that the engine's options the
/// built-ins do not use (unit columns, skipped columns, {section} paths, extra figures) are fuzzed too.
let registry: Converter = {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples")
    guard var library = try? BuiltinAdapters.layoutLibrary() else { return BuiltinAdapters.registry() }
    for directory in (try? FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)) ?? [] {
        try? library.load(from: directory)
    }
    return (try? BuiltinAdapters.registry(library: library)) ?? BuiltinAdapters.registry()
}()

/// What the fuzzing bytes are (GIRCONV_FUZZ_TARGET).
enum FuzzTarget: String {
    case any, docx, pdftext, pdfboxes
    static let current = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["GIRCONV_FUZZ_TARGET"] ?? "any") ?? .any
}

let limits = ReadingLimits(maxBytes: 1 << 20, pdfTimeoutSeconds: 10)

/// One fuzzing input: must never crash, whatever the bytes.
func fuzzOne(_ bytes: [UInt8]) {
    let document: ReportDocument?
    switch FuzzTarget.current {
    case .any:
        document = try? registry.document(from: RawInput(name: "fuzz", bytes: bytes), limits: limits)
    case .docx:
        let archive = bytes.starts(with: [0x50, 0x4B]) ? bytes : packedDocx(documentXML: bytes)
        document = try? registry.document(from: RawInput(name: "fuzz.docx", bytes: archive), limits: limits)
    case .pdftext:
        let source = SourceInfo(name: "fuzz.pdf", sha256: "", mediaType: "application/pdf", encoding: "pdf text layer", byteCount: bytes.count)
        document = try? PDFReportReader.document(fromLayoutText: String(decoding: bytes, as: UTF8.self), source: source, limits: limits)
    case .pdfboxes:
        let source = SourceInfo(name: "fuzz.pdf", sha256: "", mediaType: "application/pdf", encoding: "pdf text layer", byteCount: bytes.count)
        document = (try? PDFReportReader.document(fromBoxes: bytes, source: source, limits: limits)) ?? nil
    }
    guard let document else { return }
    convertAndWrite(document, everyWay: FuzzTarget.current == .any)
}

/// A .docx archive holding `documentXML` as word/document.xml (deflated, as Word writes it).
func packedDocx(documentXML: [UInt8]) -> [UInt8] {
    guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return [] }
    let data = Data(documentXML)
    try? archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count),
                          compressionMethod: .deflate) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
    }
    return archive.data.map { [UInt8]($0) } ?? []
}

/// Detection, conversion (normal and --strict) and every writer; the reader targets (`docx`, `pdftext`),
/// whose inputs are whole documents, convert once and write JSON: the rest is the `any` target's, and it
/// makes each execution several times slower.
func convertAndWrite(_ document: ReportDocument, everyWay: Bool) {
    guard everyWay else {
        if let record = try? registry.convert(document) { _ = JSONRecordWriter().bytes([record]) }
        return
    }
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
