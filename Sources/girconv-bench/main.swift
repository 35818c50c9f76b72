// girconv-bench: end-to-end conversion throughput against libxml2 parse-only on the same bytes.
//
//   swift run -c release girconv-bench [--copies N] [--corpus DIR]
//
// The corpus is every sample in Samples/ repeated N times (default 120; about 2,000 pages of every
// layout), or the files of DIR. All inputs are read into memory first, so disk speed is not measured.
// Reported, single-threaded: pages/s and MB/s for (1) libxml2 parsing the bytes alone (htmlReadMemory
// with the page's encoding) and (2) girconv's whole pipeline (decode, read, detect, extract, check,
// write JSON), and their ratio; then the pipeline on all cores; and the process's peak RSS.

import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport
import GirconvHTML

struct Options {
    var copies = 120
    var corpus: String?
    init() {
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--copies": copies = Int(arguments.popFirst() ?? "") ?? copies
            case "--corpus": corpus = arguments.popFirst()
            case "--stages": break
            default:
                FileHandle.standardError.write(Data("usage: girconv-bench [--copies N] [--corpus DIR]\n".utf8))
                exit(64)
            }
        }
    }
}

func loadCorpus(_ options: Options) -> [RawInput] {
    let directory: URL
    var copies = 1
    if let corpus = options.corpus {
        directory = URL(fileURLWithPath: corpus)
    } else {
        directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        copies = options.copies
    }
    var files: [URL] = []
    if let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) {
        for case let url as URL in walker where ["txt", "html", "htm"].contains(url.pathExtension) { files.append(url) }
    }
    files.sort { $0.path < $1.path }
    let originals = files.compactMap { url in (try? Data(contentsOf: url)).map { RawInput(name: url.lastPathComponent, bytes: [UInt8]($0)) } }
    return (0..<copies).flatMap { _ in originals }
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func measure(_ label: String, bytes: Int, count: Int, _ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let mbps = Double(bytes) / 1_048_576 / seconds
    print(String(format: "%-34@ %8.0f pages/s %8.2f MB/s  (%.2f s)", label as NSString, Double(count) / seconds, mbps, seconds))
    return mbps
}

let options = Options()
let corpus = loadCorpus(options)
let totalBytes = corpus.reduce(0) { $0 + $1.bytes.count }
print("corpus: \(corpus.count) pages, \(String(format: "%.1f", Double(totalBytes) / 1_048_576)) MB")

// The encoding libxml2 is told for each page is the one girconv decided, so both read the same text.
let encodings: [String] = corpus.map { input in
    guard let decoded = try? InputDecoder.decode(input) else { return "UTF-8" }
    return decoded.encoding.hasPrefix("GB") ? "GB18030" : (decoded.encoding.hasPrefix("UTF-16") ? decoded.encoding : "UTF-8")
}

let parseOnly = measure("libxml2 parse only (1 core)", bytes: totalBytes, count: corpus.count) {
    for (input, encoding) in zip(corpus, encodings) {
        _ = try? HTMLDocument(bytes: input.bytes, encoding: encoding)
    }
}

let registry = BuiltinAdapters.registry()
let writer = JSONRecordWriter(compact: true)
var converted = 0
let endToEnd = measure("girconv end to end (1 core)", bytes: totalBytes, count: corpus.count) {
    for input in corpus {
        if let record = try? registry.convert(input), (try? writer.write([record])) != nil { converted += 1 }
    }
}
print(String(format: "ratio end-to-end / parse-only: %.0f%%   (%d of %d pages converted)", endToEnd / parseOnly * 100, converted, corpus.count))

let cores = ProcessInfo.processInfo.activeProcessorCount
_ = measure("girconv end to end (\(cores) cores)", bytes: totalBytes, count: corpus.count) {
    DispatchQueue.concurrentPerform(iterations: corpus.count) { index in
        if let record = try? registry.convert(corpus[index]) { _ = try? writer.write([record]) }
    }
}
print(String(format: "peak RSS: %.1f MB", peakRSSMegabytes()))

// Where one core's time goes, stage by stage (each stage timed over the whole corpus).
if CommandLine.arguments.contains("--stages") || ProcessInfo.processInfo.environment["GIRCONV_BENCH_STAGES"] != nil {
    var times = [Double](repeating: 0, count: 6)
    func clock() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    for input in corpus {
        var t = clock()
        func lap(_ i: Int) { let now = clock(); times[i] += Double(now - t) / 1e9; t = now }
        guard let decoded = try? InputDecoder.decode(input) else { continue }
        lap(0)
        guard let document = try? registry.document(from: input) else { continue }
        lap(1)
        let decision = registry.detect(document)
        lap(2)
        guard let record = try? registry.convert(document) else { continue }
        lap(3)
        let tree = record.tree()
        lap(4)
        _ = writer.serialize(tree, pretty: false)
        lap(5)
        _ = (decoded, decision)
    }
    let names = ["decode", "decode+read document", "detect (all layouts)", "detect+extract+check", "record tree", "JSON emit"]
    for (name, time) in zip(names, times) { print(String(format: "  %-24@ %6.3f s  %7.1f µs/page", name as NSString, time, time / Double(corpus.count) * 1e6)) }
}
