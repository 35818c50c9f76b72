// girconv-bench: end-to-end conversion throughput against libxml2 parse-only on the same bytes.
//
//   swift run -c release girconv-bench                      # 2,000 realistic pages (see below)
//   swift run -c release girconv-bench --pages N            # N realistic pages
//   swift run -c release girconv-bench --samples [--copies N]   # Samples/ as they are, × N (default 120)
//   swift run -c release girconv-bench --corpus DIR         # the .html/.htm/.txt files of DIR
//   swift run -c release girconv-bench --write-corpus DIR [--pages N]   # write the realistic pages and
//                                                           # expected.jsonl (their figures), then stop
//   add --stages for the time of each stage of the pipeline
//   add --profile to run only girconv end to end, five times, nothing else (for `perf record`)
//   add --json to time only the JSON writer (records converted once, written ten times; the fastest pass)
//
// Realistic pages (`GirconvCorpus`): the reports of Samples/ (every HTML sample and the prose samples) in
// the full chrome of 40 generated government sites, UTF-8 and GBK — what a scraped corpus looks like.
// Every page's figures are checked against the figures of its sample (the golden records).
//
// All inputs are read into memory first, so disk speed is not measured. Each measurement runs three
// times, interleaved in chunks of 50 pages (parse a chunk, convert it, …), and the median is reported. Single-threaded: pages/s
// and MB/s for (1) libxml2 parsing the bytes alone (htmlReadMemory with the page's encoding) and
// (2) girconv's whole pipeline (decode, read, detect, extract, check, write the JSON record), and their
// ratio; then the pipeline on all cores; and the process's peak RSS.

import Foundation
import GirconvAdapters
import GirconvCore
import GirconvCorpus
import GirconvExport
import GirconvXML

struct Options {
    enum Source { case realistic, samples, directory(String) }
    var source = Source.realistic
    var pages = 2_000
    var copies = 120
    var writeCorpus: String?
    var stages = false
    var profile = false
    var json = false
    init() {
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--pages": pages = Int(arguments.popFirst() ?? "") ?? pages
            case "--copies": copies = Int(arguments.popFirst() ?? "") ?? copies
            case "--samples": source = .samples
            case "--corpus": source = .directory(arguments.popFirst() ?? ".")
            case "--write-corpus": writeCorpus = arguments.popFirst()
            case "--stages": stages = true
            case "--profile": profile = true
            case "--json": json = true
            default:
                FileHandle.standardError.write(Data("usage: girconv-bench [--pages N | --samples [--copies N] | --corpus DIR] [--stages | --profile | --json] [--write-corpus DIR]\n".utf8))
                exit(64)
            }
        }
    }
}

let samplesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples")

func files(in directory: URL) -> [RawInput] {
    var files: [URL] = []
    if let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) {
        for case let url as URL in walker where ["txt", "html", "htm"].contains(url.pathExtension) { files.append(url) }
    }
    files.sort { $0.path < $1.path }
    return files.compactMap { url in (try? Data(contentsOf: url)).map { RawInput(name: url.lastPathComponent, bytes: [UInt8]($0)) } }
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func report(_ label: String, bytes: Int, count: Int, seconds: Double) {
    let mbps = Double(bytes) / 1_048_576 / seconds
    print(String(format: "%-34@ %8.0f pages/s %8.2f MB/s  (%.2f s)", label as NSString, Double(count) / seconds, mbps, seconds))
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let options = Options()
let registry = BuiltinAdapters.registry()
let writer = JSONRecordWriter(compact: true)

// MARK: Corpus

var expected: [String: [String: Decimal?]] = [:]
let corpus: [RawInput]
switch options.source {
case .realistic:
    let pages = try RealisticCorpus.generate(samples: samplesDirectory, count: options.pages)
    corpus = pages.map { RawInput(name: $0.name, bytes: $0.bytes) }
    for page in pages { expected[page.name] = page.expected }
    if let directory = options.writeCorpus {
        let url = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var lines: [String] = []
        for page in pages {
            try Data(page.bytes).write(to: url.appendingPathComponent(page.name))
            let figures = page.expected.keys.sorted().map { path -> String in
                "\"\(path)\":\(page.expected[path]!.map { "\($0)" } ?? "null")"
            }
            lines.append("{\"name\":\"\(page.name)\",\"sample\":\"\(page.sample)\",\"figures\":{\(figures.joined(separator: ","))}}")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url.appendingPathComponent("expected.jsonl"))
        print("wrote \(pages.count) pages and expected.jsonl to \(directory)")
        exit(0)
    }
case .samples:
    corpus = (0..<options.copies).flatMap { _ in files(in: samplesDirectory) }
case .directory(let path):
    corpus = files(in: URL(fileURLWithPath: path))
}
let totalBytes = corpus.reduce(0) { $0 + $1.bytes.count }
print("corpus: \(corpus.count) pages, \(String(format: "%.1f", Double(totalBytes) / 1_048_576)) MB, mean \(totalBytes / max(corpus.count, 1) / 1024) KB per page")

if options.profile {
    var converted = 0
    let time = seconds {
        for _ in 0..<5 {
            for input in corpus where (try? registry.convert(input)).map({ !writer.bytes([$0]).isEmpty }) == true { converted += 1 }
        }
    }
    report("girconv end to end (1 core, 5 runs)", bytes: totalBytes * 5, count: corpus.count * 5, seconds: time)
    exit(converted == corpus.count * 5 ? 0 : 1)
}

if options.json {
    let records = corpus.compactMap { try? registry.convert($0) }
    var fastest = Double.infinity, bytes = 0
    for _ in 0..<10 {
        bytes = 0
        fastest = min(fastest, seconds { for record in records { bytes += writer.bytes([record]).count } })
    }
    print(String(format: "JSON writer: %d records, %.1f MB of JSON, %.1f µs per record, %.0f MB/s (fastest of 10 passes)",
                 records.count, Double(bytes) / 1_048_576, fastest / Double(records.count) * 1e6, Double(bytes) / 1_048_576 / fastest))
    exit(0)
}

// The encoding libxml2 is told for each page is the one girconv decided, so both read the same text.
let encodings: [String] = corpus.map { input in
    guard let decoded = try? InputDecoder.decode(input) else { return "UTF-8" }
    return decoded.encoding.hasPrefix("GB") ? "GB18030" : (decoded.encoding.hasPrefix("UTF-16") ? decoded.encoding : "UTF-8")
}

// MARK: Correctness of the realistic pages

if !expected.isEmpty {
    var correct = 0
    var wrong: [String] = []
    for input in corpus {
        guard let record = try? registry.convert(input) else { wrong.append("\(input.name): not converted"); continue }
        let values = record.figures.mapValues(\.value)
        if values == expected[input.name]! { correct += 1 } else {
            let want = expected[input.name]!
            let differing = Set(values.keys).union(want.keys).filter { values[$0] != want[$0] }.sorted()
            wrong.append("\(input.name): \(differing.prefix(5).joined(separator: ", "))")
        }
    }
    print("figures equal to the sample's golden record: \(correct) of \(corpus.count) pages")
    for line in wrong.prefix(10) { print("  differs: \(line)") }
}

// MARK: Throughput

// The two are interleaved in chunks of 50 pages (parse a chunk, convert it, next chunk), so that both see
// the same machine: on a shared or virtual machine the speed drifts by tens of percent within a run.
var parseTimes: [Double] = [], girconvTimes: [Double] = [], ratios: [Double] = []
var converted = 0
for _ in 0..<3 {
    var parseTime = 0.0, girconvTime = 0.0
    converted = 0
    for chunk in stride(from: 0, to: corpus.count, by: 50) {
        let range = chunk..<min(chunk + 50, corpus.count)
        parseTime += seconds {
            for index in range { _ = try? LibXML2Tree(html: corpus[index].bytes, encoding: encodings[index]) }
        }
        girconvTime += seconds {
            // As `girconv DIR --to json` writes each record: JSON Lines bytes.
            for index in range {
                if let record = try? registry.convert(corpus[index]), !writer.bytes([record]).isEmpty { converted += 1 }
            }
        }
    }
    parseTimes.append(parseTime)
    girconvTimes.append(girconvTime)
    ratios.append(parseTime / girconvTime)
}
report("libxml2 parse only (1 core)", bytes: totalBytes, count: corpus.count, seconds: median(parseTimes))
report("girconv end to end (1 core)", bytes: totalBytes, count: corpus.count, seconds: median(girconvTimes))
print(String(format: "ratio end-to-end / parse-only: %.0f%%   (%d of %d pages converted; median of 3 runs, each interleaved in chunks of 50 pages: %@)",
             median(ratios) * 100, converted, corpus.count, ratios.map { String(format: "%.0f%%", $0 * 100) }.joined(separator: ", ") as NSString))

let cores = ProcessInfo.processInfo.activeProcessorCount
report("girconv end to end (\(cores) cores)", bytes: totalBytes, count: corpus.count, seconds: seconds {
    DispatchQueue.concurrentPerform(iterations: corpus.count) { index in
        if let record = try? registry.convert(corpus[index]) { _ = writer.bytes([record]) }
    }
})
print(String(format: "peak RSS: %.1f MB", peakRSSMegabytes()))

// MARK: Stages

// Where one core's time goes, stage by stage (each stage timed over the whole corpus). Detection runs
// again inside "detect + extract + check" but finds the document's readings cached.
if options.stages {
    var times = [Double](repeating: 0, count: 6)
    func clock() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    for input in corpus {
        var t = clock()
        func lap(_ i: Int) { let now = clock(); times[i] += Double(now - t) / 1e9; t = now }
        guard (try? InputDecoder.decode(input)) != nil else { continue }
        lap(0)
        guard let document = try? registry.document(from: input) else { continue }
        lap(1)
        _ = registry.detect(document)
        lap(2)
        guard let record = try? registry.convert(document) else { continue }
        lap(3)
        _ = record.tree()
        lap(4)
        _ = writer.bytes([record])
        lap(5)
    }
    let names = ["decode", "decode + read document", "detect (all layouts)", "detect + extract + check", "record tree (XML, CSV)", "JSON (from the record)"]
    for (name, time) in zip(names, times) {
        print(String(format: "  %-26@ %6.3f s  %7.1f µs/page", name as NSString, time, time / Double(corpus.count) * 1e6))
    }
}

// Detection time by layout (in registration order, sharing the document's cached readings).
if options.stages {
    var perAdapter = [Double](repeating: 0, count: registry.adapters.count)
    for input in corpus {
        guard let document = try? registry.document(from: input) else { continue }
        for (i, adapter) in registry.adapters.enumerated() { perAdapter[i] += seconds { _ = adapter.detect(document) } }
    }
    for (adapter, time) in zip(registry.adapters, perAdapter) {
        print(String(format: "  detect %-19@ %6.3f s  %7.1f µs/page", adapter.id as NSString, time, time / Double(corpus.count) * 1e6))
    }
}
