import ArgumentParser
import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport
import GirconvSQLite

/// What `--to` names: a format written as bytes (`OutputFormat.all`) or a record store (a database, which
/// takes records, not a stream of bytes). Names are matched without regard to case (`--to CSV`).
enum OutputTarget: ExpressibleByArgument, Equatable {
    case bytes(OutputFormat)
    case store(StoreFormat)

    /// The record stores `--to` can name, after the byte formats.
    static let stores: [StoreFormat] = [SQLiteRecordStore.format]

    static var all: [OutputTarget] { OutputFormat.all.map { .bytes($0) } + stores.map { .store($0) } }

    var name: String {
        switch self {
        case .bytes(let format): format.name
        case .store(let format): format.name
        }
    }

    init?(argument: String) {
        if let format = OutputFormat.named(argument) {
            self = .bytes(format)
        } else if let store = Self.stores.first(where: { $0.name.caseInsensitiveCompare(argument) == .orderedSame }) {
            self = .store(store)
        } else {
            return nil
        }
    }
    static var allValueStrings: [String] { all.map(\.name) }
    var defaultValueDescription: String { name }
}

/// `girconv [convert] INPUT... --to json|jsonl|csv|xml|sqlite [-o OUT | --out-dir DIR]`: the main job,
/// for one report or a whole corpus.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert reports into the canonical record (the default command).",
        discussion: """
        JSON is the canonical form (pretty for one input unless --compact; JSON Lines for several); jsonl is \
        always JSON Lines, one line per report even for one input. CSV has one header row of stable column \
        names and one row per report (--excel adds the byte order mark Excel needs to read it as UTF-8). XML \
        nests like the JSON. sqlite stores the records in a database file (-o, required): tables reports, \
        figures, checks and warnings, written in one transaction per run; converting the same files again \
        replaces their rows.

        Several inputs, or directories (searched recursively for .txt/.html/.htm/… files), are converted in \
        parallel on all cores with bounded memory, in a deterministic order, into one stream (-o or stdout) or \
        one file per input (--out-dir). A bad input never stops the run: it is reported on stderr, listed in \
        --errors (JSON Lines: path, error, kind, exitCode), and the run ends with exit status 2. Output files \
        are written atomically. A progress line appears on stderr when it is a terminal.
        """)

    @Argument(help: "Reports to read — text (.txt), HTML (.html/.htm), PDF (.pdf) or Word (.docx) files, directories of them (recursive), or - for standard input.")
    var inputs: [String]

    @OptionGroup var reading: ReadingOptions

    @Option(name: [.customShort("t"), .customLong("to")],
            help: "Output format, in any case (sqlite: a database, -o required).")
    var target: OutputTarget = .bytes(.json)

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output; with --to sqlite, the database file (required).")
    var output: String?

    @Option(name: .customLong("out-dir"), help: "Write one file per input into this directory (mirroring input folders).")
    var outDir: String?

    @Option(name: .customLong("errors"), help: "Write failed inputs to this file as JSON Lines (path, error, kind, exitCode).")
    var errorsFile: String?

    @Option(name: .customLong("shard"), help: "Convert only shard i of n (e.g. 2/8), split by a stable hash of each path.")
    var shard: String?

    @Flag(help: "JSON on one line.")
    var compact = false

    @Flag(name: [.customShort("q"), .customLong("quiet")],
          help: "Several inputs: no error line per failed input on stderr (they still go to --errors and the summary).")
    var quiet = false

    @Flag(help: "CSV with one row per figure (path, value, how read, where, checks) instead of one row per report.")
    var long = false

    @Flag(name: .customLong("guard-formulas"),
          help: "CSV: prefix text fields starting with = + - @ with ' so spreadsheets show them as text, never run them.")
    var guardFormulas = false

    /// The language of CSV column names.
    enum HeaderLabels: String, ExpressibleByArgument, CaseIterable { case paths, zh }

    @Option(name: .customLong("labels"),
            help: "CSV column names: paths (requests.newReceived.naturalPerson, the default) or zh (本年新收申请·自然人; see girconv schema --dictionary).")
    var labels: HeaderLabels = .paths

    @Flag(name: [.customLong("excel"), .customLong("bom")],
          help: "CSV: start with a UTF-8 byte order mark, so that Excel (in a Chinese locale too) reads the file as UTF-8.")
    var excel = false

    func validate() throws {
        if long && target != .bytes(.csv) { throw ValidationError("--long applies to --to csv") }
        if labels == .zh && target != .bytes(.csv) { throw ValidationError("--labels applies to --to csv") }
        if guardFormulas && target != .bytes(.csv) { throw ValidationError("--guard-formulas applies to --to csv") }
        if excel && target != .bytes(.csv) { throw ValidationError("--excel (--bom) applies to --to csv") }
        if case .store(let store) = target {
            if outDir != nil { throw ValidationError("--to \(store.name) writes one database: give it with -o, not --out-dir") }
            guard let output, output != "-" else { throw ValidationError("--to \(store.name) needs -o FILE, the database to write") }
            if StreamingOutput.inheritedDescriptor(output) != nil { throw ValidationError("--to \(store.name) writes a database file, not a stream: -o names a file") }
            if inputs.contains("-") { throw ValidationError("--to \(store.name) keys each report by its path: standard input (-) has none") }
            if compact { throw ValidationError("--compact applies to --to json") }
        }
        if output != nil && outDir != nil { throw ValidationError("use either -o or --out-dir, not both") }
        if inputs.contains("-") && inputs.count > 1 { throw ValidationError("- (standard input) must be the only input") }
        if inputs.isEmpty { throw ValidationError("give at least one input") }
        if let shard { _ = try parseShard(shard) }
    }

    func parseShard(_ text: String) throws -> (Int, Int) {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
            throw ValidationError("--shard takes i/n with 1 ≤ i ≤ n, e.g. 3/8")
        }
        return (parts[0], parts[1])
    }

    /// The byte format chosen (JSON when --to names a store, which writes none).
    var format: OutputFormat {
        if case .bytes(let format) = target { return format }
        return .json
    }

    /// The writer of the chosen format with its options. The `extra.` figures the layout files in use declare
    /// are its wide CSV's last columns, named by their labels with `--labels zh` (the layout files are read
    /// once here; a layout file with errors is reported by the conversion itself).
    var writer: any RecordWriter {
        let extras = (try? reading.layouts.library())?.extraFigures ?? []
        return format.writer(WriterOptions(
            compact: compact, long: long, guardFormulas: guardFormulas, byteOrderMark: excel,
            extraColumns: extras.map(\.path), chineseLabels: labels == .zh,
            extraLabels: Dictionary(extras.map { ($0.path, $0.label) }, uniquingKeysWith: { first, _ in first })))
    }

    func run() throws {
        // A store takes every run through the batch path: its transaction and its report keys live there.
        let single = inputs.count == 1 && outDir == nil && shard == nil && errorsFile == nil
            && !isDirectory(inputs[0]) && target == .bytes(format)
        if single {
            // The output is opened first: an unwritable one is reported before any work.
            var output: StreamingOutput? = nil
            do {
                output = try StreamingOutput(path: self.output)
                let record = try reading.convert(inputs[0])
                try output?.write(try writer.document([record]))
                try output?.commit()
            } catch {
                output?.abandon()
                Failure.exit(error)
            }
            return
        }
        do {
            try runBatch()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Failure.exit(error)
        }
    }

    func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    func runBatch() throws {
        if let errorsFile, outDir == nil, StreamingOutput.sameDestination(output, errorsFile) {
            throw GirconvError.usage("-o and --errors name the same destination (\(errorsFile)): the error list would replace the records")
        }
        var collector = try InputCollector(inputs)
        if collector.items.isEmpty {
            throw GirconvError.inputUnreadable(path: inputs.joined(separator: " "),
                                               reason: "no report files found" + (collector.skipped > 0 ? " (\(collector.skipped) files with other extensions)" : ""))
        }
        // A shard may be empty: that is a successful run with nothing to do.
        if let shard {
            let (index, count) = try parseShard(shard)
            collector.keepShard(index, of: count)
        }
        // Every destination is opened (or made) before any work: an unwritable one is found now, not after
        // the whole run.
        if let outDir { try BatchRun.prepareDirectory(outDir) }
        let store: (any RecordStore)?
        if case .store(let kind) = target, let output { store = try kind.store(at: output) } else { store = nil }
        let stream = outDir == nil && store == nil ? try StreamingOutput(path: output) : nil
        let errors: StreamingOutput?
        do { errors = try errorsFile.map { try StreamingOutput(path: $0) } } catch { stream?.abandon(); throw error }
        let tally: BatchRun.Tally
        do {
            if let store {
                // One transaction for the whole run (docs/corpus-database.md): the database changes at once when
                // the run completes, and not at all when it stops on an error or is killed.
                var stored = BatchRun.Tally(total: 0)
                try store.transaction { put in
                    stored = try convert(collector, errors: errors, render: { $0 }) { _, record in try put(record); return nil }
                }
                tally = stored
            } else if let stream {
                let writer = self.writer
                try stream.write(try writer.begin(.stream))
                // Each record is rendered by the worker that converted it: its part of the stream (a JSON line,
                // CSV rows, an XML element).
                tally = try convert(collector, errors: errors, render: { try writer.part(for: $0, in: .stream) }) { _, bytes in
                    try stream.write(bytes)
                    return nil
                }
                try stream.write(try writer.end(.stream))
                try stream.commit()
            } else if let outDir {
                tally = try convertIntoFolder(collector, outDir, errors: errors)
            } else {
                throw GirconvError.internalError("no destination")
            }
            try errors?.commit()
        } catch {
            stream?.abandon()
            errors?.abandon()
            throw error
        }
        try summarise(tally, collector)
    }

    /// Converts into one file per input under --out-dir, each a whole document rendered by its worker.
    private func convertIntoFolder(_ collector: InputCollector, _ outDir: String, errors: StreamingOutput?) throws -> BatchRun.Tally {
        let writer = self.writer
        let format = self.format
        var folder = BatchRun.Folder(directory: outDir)
        return try convert(collector, errors: errors, render: { try writer.document([$0]) }) { item, bytes in
            try folder.write(bytes, for: item, extension: format.name)
        }
    }

    private func convert<Rendered: Sendable>(
        _ collector: InputCollector, errors: StreamingOutput?,
        render: @escaping @Sendable (CanonicalRecord) throws -> Rendered,
        write: (InputCollector.Item, Rendered) throws -> GirconvError?
    ) throws -> BatchRun.Tally {
        try BatchRun(reading: reading, quiet: quiet).convert(collector, errors: errors, render: render, write: write)
    }

    private func summarise(_ tally: BatchRun.Tally, _ collector: InputCollector) throws {
        try BatchRun.summarise(tally, collector)
    }
}
