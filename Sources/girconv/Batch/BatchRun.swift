import ArgumentParser
import Foundation
import GirconvCore
import GirconvExport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The batch machinery of the commands that read many reports (`convert`, `view`): every input converted on
/// the workers (`BatchConverter`), rendered there, written in input order; a bad input reported on stderr and
/// in --errors, never stopping the others; one file per input under --out-dir, each written atomically; the
/// run's summary line and its exit status.
struct BatchRun {
    let reading: ReadingOptions
    /// No error line per failed input on stderr (`--quiet`): failures still go to `--errors` and the summary.
    var quiet = false

    /// What a run did, for its summary line.
    struct Tally {
        var total: Int
        var converted = 0, failed = 0, withoutFigures = 0
        var failureCodes: [Int32: Int] = [:]
        let started = Date()
    }

    /// One file per input in a directory (`--out-dir`), mirroring the inputs' record paths.
    struct Folder {
        let directory: String
        /// Which input writes each file: a second input that would write one is refused, not let overwrite it.
        private var writtenBy: [String: String] = [:]

        init(directory: String) { self.directory = directory }

        /// The file `outputPath` names for `item`, written atomically; this input's failure, if it has one
        /// of its own (a run-stopping one is thrown).
        mutating func write(_ bytes: [UInt8], for item: InputCollector.Item, extension ext: String) throws -> GirconvError? {
            let target = BatchRun.outputPath(for: item, in: directory, extension: ext)
            if let other = writtenBy[target] {
                return .outputUnwritable(path: target, reason: "\(GirconvError.shown(other)) of this run writes that file already")
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
                if BatchRun.stopsTheRun(error) { throw error }
                return error
            }
            return nil
        }
    }

    /// Converts every input of the run: each record is made into what `write` takes by `render` on the worker
    /// that converted it, then given to `write` in input order — which returns this input's failure, if it
    /// has one of its own, and throws what stops the run. Failures go to `errors` and to `failed`.
    func convert<Rendered: Sendable>(
        _ collector: InputCollector, errors: StreamingOutput?,
        render: @escaping @Sendable (CanonicalRecord) throws -> Rendered,
        failed: (InputCollector.Item, GirconvError) -> Void = { _, _ in },
        write: (InputCollector.Item, Rendered) throws -> GirconvError?
    ) throws -> Tally {
        let items = collector.items
        var progress = ProgressBar(total: items.count)
        var tally = Tally(total: items.count + collector.unreadableFolders.count)
        func fail(_ item: InputCollector.Item, _ error: GirconvError) throws {
            tally.failed += 1
            failed(item, error)
            tally.failureCodes[error.exitCode, default: 0] += 1
            if !quiet {
                progress.note("girconv: error: \(GirconvError.shown(item.path)): \(Self.stripPath(error.description, item.path))")
            }
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
                switch rendered {
                case .success(let made):
                    if let failure = try write(item, made) {
                        try fail(item, failure)
                    } else {
                        tally.converted += 1
                        if noFigures { tally.withoutFigures += 1 }
                    }
                case .failure(let error):
                    try fail(item, error)
                }
            case .failure(let error):
                try fail(item, error)
            }
            progress.update(done: tally.converted + tally.failed, failed: tally.failed)
        }
        progress.finish()
        return tally
    }

    /// The run's summary line on stderr; exit status 2 when an input failed (the outputs are complete).
    static func summarise(_ tally: Tally, _ collector: InputCollector) throws {
        let seconds = Date().timeIntervalSince(tally.started)
        var summary = String(format: "girconv: %d converted, %d failed of %d inputs in %.1f s (%.0f reports/s)",
                             tally.converted, tally.failed, tally.total, seconds,
                             Double(collector.items.count) / max(seconds, 0.001))
        if tally.withoutFigures > 0 { summary += "; \(tally.withoutFigures) converted with no readable figure (warning no-figures)" }
        if !tally.failureCodes.isEmpty {
            summary += "; exit codes " + tally.failureCodes.keys.sorted().map { "\($0): \(tally.failureCodes[$0]!)" }.joined(separator: ", ")
        }
        if collector.skipped > 0 { summary += "; \(collector.skipped) files with other extensions skipped" }
        if collector.skippedOther > 0 { summary += "; \(collector.skippedOther) entries that are not regular files (or broken links) skipped" }
        StandardError.write(summary + "\n")
        if tally.failed > 0 { throw ExitCode(2) }
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
