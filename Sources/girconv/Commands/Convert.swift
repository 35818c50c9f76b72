import ArgumentParser
import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let format = OutputFormat.named(argument) else { return nil }
        self = format
    }
    public static var allValueStrings: [String] { all.map(\.name) }
    public var defaultValueDescription: String { name }
}

/// `girconv [convert] INPUT... --to json|csv|xml [-o OUT | --out-dir DIR]`: the main job, for one
/// report or a whole corpus.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert reports into the canonical record (the default command).",
        discussion: """
        JSON is the canonical form (pretty for one input unless --compact; JSON Lines for several). CSV has one \
        header row of stable column names and one row per report. XML nests like the JSON.

        Several inputs, or directories (searched recursively for .txt/.html/.htm/… files), are converted in \
        parallel on all cores with bounded memory, in a deterministic order, into one stream (-o or stdout) or \
        one file per input (--out-dir). A bad input never stops the run: it is reported on stderr, listed in \
        --errors (JSON Lines: path, error, kind, exitCode), and the run ends with exit status 2. Output files \
        are written atomically. A progress line appears on stderr when it is a terminal.
        """)

    @Argument(help: "Reports to read: files, directories (recursive), or - for standard input.")
    var inputs: [String]

    @OptionGroup var reading: ReadingOptions

    @Option(name: .customLong("to"), help: "Output format: \(OutputFormat.all.map(\.name).joined(separator: ", ")).")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("out-dir"), help: "Write one file per input into this directory (mirroring input folders).")
    var outDir: String?

    @Option(name: .customLong("errors"), help: "Write failed inputs to this file as JSON Lines (path, error, kind, exitCode).")
    var errorsFile: String?

    @Option(name: .customLong("shard"), help: "Convert only shard i of n (e.g. 2/8), split by a stable hash of each path.")
    var shard: String?

    @Flag(help: "JSON on one line.")
    var compact = false

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

    func validate() throws {
        if long && format != .csv { throw ValidationError("--long applies to --to csv") }
        if labels == .zh && format != .csv { throw ValidationError("--labels applies to --to csv") }
        if guardFormulas && format != .csv { throw ValidationError("--guard-formulas applies to --to csv") }
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

    /// The writer of the chosen format with its options.
    var writer: any RecordWriter {
        format.writer(WriterOptions(compact: compact, long: long, guardFormulas: guardFormulas, extraColumns: extraColumns,
                                    chineseLabels: labels == .zh, extraLabels: extraLabels))
    }

    /// The `extra.` figures the layout files in use declare (columns of the wide CSV). A layout file with
    /// errors is reported by the conversion itself.
    var extraColumns: [String] {
        ((try? reading.layouts.library())?.extraFigures ?? []).map(\.path)
    }

    /// The labels the layout files in use give their `extra.` figures (their columns' names with `--labels zh`).
    var extraLabels: [String: String] {
        Dictionary(((try? reading.layouts.library())?.extraFigures ?? []).map { ($0.path, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    func run() throws {
        let single = inputs.count == 1 && outDir == nil && shard == nil && errorsFile == nil
            && !isDirectory(inputs[0])
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
        if let outDir { try Self.prepareDirectory(outDir) }
        let stream = outDir == nil ? try StreamingOutput(path: output) : nil
        let errors: StreamingOutput?
        do { errors = try errorsFile.map { try StreamingOutput(path: $0) } } catch { stream?.abandon(); throw error }
        do {
            try convert(collector, into: stream, errors: errors)
        } catch let exit as ExitCode {
            throw exit   // some inputs failed: the outputs are complete and committed
        } catch {
            stream?.abandon()
            errors?.abandon()
            throw error
        }
    }

    /// Converts every input of the run, writing records to `stream` (or one file each under --out-dir) and
    /// failures to `errors`, both committed at the end.
    private func convert(_ collector: InputCollector, into stream: StreamingOutput?, errors: StreamingOutput?) throws {
        let items = collector.items
        var progress = ProgressBar(total: items.count)
        var converted = 0, failed = 0, withoutFigures = 0
        var failureCodes: [Int32: Int] = [:]
        let started = Date()
        let writer = self.writer
        // Which input writes each --out-dir file: a second input that would write one is refused, not let overwrite it.
        var writtenBy: [String: String] = [:]

        try stream?.write(try writer.begin(.stream))
        // Each record is rendered by the worker that converted it: its part of the stream (a JSON line, CSV
        // rows, an XML element), or a whole document for its --out-dir file.
        let format = self.format
        let render: @Sendable (CanonicalRecord) throws -> [UInt8]
        if outDir == nil {
            render = { record in try writer.part(for: record, in: .stream) }
        } else {
            render = { record in try writer.document([record]) }
        }
        func fail(_ item: InputCollector.Item, _ error: GirconvError) throws {
            failed += 1
            failureCodes[error.exitCode, default: 0] += 1
            progress.note("girconv: error: \(GirconvError.shown(item.path)): \(Self.stripPath(error.description, item.path))")
            let entry = TreeValue.object([("path", .string(item.recordPath)), ("error", .string(error.description)),
                                          ("kind", .string(error.kind)), ("exitCode", .number(Decimal(Int(error.exitCode))))])
            try errors?.write(JSONRecordWriter(compact: true).serialize(entry, pretty: false) + "\n")
        }
        // A folder that could not be listed is a failure like an unreadable file: its reports are missing.
        for folder in collector.unreadableFolders {
            try fail(folder, .inputUnreadable(path: folder.path, reason: "cannot list this folder (no permission, or it went away): its reports were not read"))
        }
        try BatchConverter(reading: reading).run(items, render: render) { item, outcome in
            switch outcome {
            case let .record(rendered, noFigures):
                let bytes: [UInt8]
                switch rendered {
                case .success(let made): bytes = made
                case .failure(let error): try fail(item, error); return
                }
                if let stream {
                    try stream.write(bytes)
                } else if let outDir {
                    let target = Self.outputPath(for: item, in: outDir, extension: format.name)
                    if let other = writtenBy[target] {
                        try fail(item, .outputUnwritable(path: target, reason: "\(GirconvError.shown(other)) of this run writes that file already"))
                        return
                    }
                    writtenBy[target] = item.recordPath
                    do {
                        // `target` always has a directory part (NSString's deletingLastPathComponent traps without one).
                        let folder = String(target[..<(target.lastIndex(of: "/") ?? target.startIndex)])
                        do {
                            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                        } catch {
                            // The system's own message (ENOSPC's among them, so that a full disk stops the run).
                            let posix = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { Int32($0.code) }
                            let reason = posix.map { String(cString: strerror($0)) } ?? (error as NSError).localizedDescription
                            throw GirconvError.outputUnwritable(path: folder, reason: "cannot make the folder: \(reason)")
                        }
                        try OutputWriter.write(bytes, to: target)
                    } catch let error as GirconvError {
                        // A full disk or a failing device stops the run (every later file would fail too); any
                        // other problem (a file where a folder should be) is this input's failure alone.
                        if Self.stopsTheRun(error) { throw error }
                        try fail(item, error)
                        return
                    }
                }
                converted += 1
                if noFigures { withoutFigures += 1 }
            case .failure(let error):
                try fail(item, error)
            }
            progress.update(done: converted + failed, failed: failed)
        }
        if let stream {
            try stream.write(try writer.end(.stream))
            try stream.commit()
        }
        try errors?.commit()
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        var summary = String(format: "girconv: %d converted, %d failed of %d inputs in %.1f s (%.0f reports/s)",
                             converted, failed, items.count + collector.unreadableFolders.count, seconds,
                             Double(items.count) / max(seconds, 0.001))
        if withoutFigures > 0 { summary += "; \(withoutFigures) converted with no readable figure (warning no-figures)" }
        if !failureCodes.isEmpty {
            summary += "; exit codes " + failureCodes.keys.sorted().map { "\($0): \(failureCodes[$0]!)" }.joined(separator: ", ")
        }
        if collector.skipped > 0 { summary += "; \(collector.skipped) files with other extensions skipped" }
        if collector.skippedOther > 0 { summary += "; \(collector.skippedOther) entries that are not regular files (or broken links) skipped" }
        StandardError.write(summary + "\n")
        if failed > 0 { throw ExitCode(2) }
    }

    /// Write errors after which no output can be written at all: a full disk or quota, an I/O error, a file
    /// system mounted read-only (told by their system messages, as `StreamingOutput` reports them).
    static let runStoppingReasons = [ENOSPC, EDQUOT, EIO, EROFS].map { String(cString: strerror($0)) }

    static func stopsTheRun(_ error: GirconvError) -> Bool {
        guard case let .outputUnwritable(_, reason) = error else { return false }
        return runStoppingReasons.contains { reason.hasSuffix($0) }
    }

    /// Makes the --out-dir directory if needed and checks that files can be made in it.
    static func prepareDirectory(_ directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GirconvError.outputUnwritable(path: directory, reason: "cannot make the directory (\((error as NSError).localizedDescription))")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw GirconvError.outputUnwritable(path: directory, reason: String(cString: strerror(errno)))
        }
    }

    /// DIR/<record path>.<format> for one input: the record path with the output extension added (not put in
    /// place of the input's), so `a/r.txt` and `a/r.html` give `a/r.txt.json` and `a/r.html.json`. A leading
    /// `/` and `.` components are dropped and `..` becomes `__`, so nothing is written outside DIR.
    static func outputPath(for item: InputCollector.Item, in directory: String, extension ext: String) -> String {
        let components = item.recordPath.split(separator: "/").compactMap { component -> String? in
            switch component {
            case ".": return nil
            case "..": return "__"
            default: return String(component)
            }
        }
        let relative = item.recordPath == "-" ? "stdin" : components.joined(separator: "/")
        return (directory as NSString).appendingPathComponent(relative + "." + ext)
    }

    /// Error descriptions start with the file name; the batch line already names the path.
    static func stripPath(_ description: String, _ path: String) -> String {
        for shown in [GirconvError.shown(path), GirconvError.shown((path as NSString).lastPathComponent)] where description.hasPrefix(shown + ": ") {
            return String(description.dropFirst(shown.count + 2))
        }
        return description
    }
}
