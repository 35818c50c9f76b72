import ArgumentParser
import Foundation
import GirconvCore
import GirconvLayouts
import GirconvPages

/// `girconv view REPORT -o report.html`, `girconv view DIR|FILES --out-dir D`: proof sheets — a report's
/// figures laid out as printed, coloured by how each was read, with failing identities, warnings and every
/// figure's provenance — as self-contained HTML pages, and an index of them.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a proof sheet of a report: one self-contained HTML page of its figures as printed, how each was read, its checks and warnings.",
        discussion: """
        The page shows the report's tables (二/三/四, or the 附表) with the row and column labels it printed, \
        or its sentences with the numbers read from them; each figure coloured by the way it was read (legend \
        at the top), the cells of a failing identity outlined with the expected and the found value, the \
        warnings, and each figure's provenance on hover and on click. No network, no script: it opens anywhere.

        Several inputs, or directories, need --out-dir: one page per report (its record path with .html added, \
        as convert --out-dir names its files) and index.html, a table of the reports (agency, year, layout, \
        checks failed, warnings) that sorts when a heading is clicked. An input that cannot be read is \
        reported (stderr, --errors, the index) and the others go on; every page is written atomically. Exit \
        status 2 when an input failed, otherwise as convert.

        Examples:
          girconv view report.pdf -o report.html
          girconv view archive/ --out-dir sheets/
        """)

    @Argument(help: "Reports to show — text (.txt), HTML (.html/.htm), PDF (.pdf) or Word (.docx) files, directories of them (recursive), or - for standard input.")
    var inputs: [String]

    @OptionGroup var reading: ReadingOptions

    @Option(name: .shortAndLong, help: "Write the page to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("out-dir"), help: "Write one page per report and index.html into this directory.")
    var outDir: String?

    @Option(name: .customLong("errors"), help: "Write failed inputs to this file as JSON Lines (path, error, kind, exitCode).")
    var errorsFile: String?

    @Flag(name: [.customShort("q"), .customLong("quiet")],
          help: "Several inputs: no error line per failed input on stderr (they still go to --errors, the index and the summary).")
    var quiet = false

    /// The index page's name in --out-dir.
    static let indexName = "index.html"

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input") }
        if output != nil && outDir != nil { throw ValidationError("use either -o or --out-dir, not both") }
        if inputs.contains("-") && inputs.count > 1 { throw ValidationError("- (standard input) must be the only input") }
    }

    func run() throws {
        let several = inputs.count > 1 || isDirectory(inputs[0])
        if several && outDir == nil {
            Failure.exit(GirconvError.usage("several reports make several pages: give --out-dir DIR (one page per report and index.html)"))
        }
        if outDir == nil {
            var output: StreamingOutput? = nil
            do {
                output = try StreamingOutput(path: self.output)
                let record = try reading.convert(inputs[0])
                try output?.write(ProofSheet.page(for: record, layout: try layouts()[record.detection.adapter]))
                try output?.commit()
            } catch {
                output?.abandon()
                Failure.exit(error)
            }
            return
        }
        do {
            try runBatch(into: outDir!)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Failure.exit(error)
        }
    }

    /// The layout files in use, by id (they place the figures a record could not read at all).
    func layouts() throws -> [String: LayoutSpec] {
        Dictionary(try reading.layouts.library().layouts.map { ($0.spec.id, $0.spec) }, uniquingKeysWith: { _, last in last })
    }

    func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    func runBatch(into outDir: String) throws {
        let collector = try InputCollector(inputs)
        if collector.items.isEmpty {
            throw GirconvError.inputUnreadable(path: inputs.joined(separator: " "),
                                               reason: "no report files found" + (collector.skipped > 0 ? " (\(collector.skipped) files with other extensions)" : ""))
        }
        try BatchRun.prepareDirectory(outDir)
        let errors = try errorsFile.map { try StreamingOutput(path: $0) }
        let layouts = try self.layouts()
        let indexPath = (outDir as NSString).appendingPathComponent(Self.indexName)
        var folder = BatchRun.Folder(directory: outDir)
        var entries: [ReportIndex.Entry] = []
        var failures: [ReportIndex.Failure] = []
        let tally: BatchRun.Tally
        do {
            // Each page is made by the worker that converted its report; the index takes what it needs.
            tally = try BatchRun(reading: reading, quiet: quiet).convert(collector, errors: errors, render: { record in
                (page: Array(ProofSheet.page(for: record, layout: layouts[record.detection.adapter]).utf8),
                 entry: ReportIndex.Entry(record: record, link: ""))
            }, failed: { item, error in
                failures.append(ReportIndex.Failure(source: item.recordPath, error: error.description))
            }) { item, made in
                let target = BatchRun.outputPath(for: item, in: outDir, extension: "html")
                if target == indexPath {
                    return .outputUnwritable(path: target, reason: "that is the index page's name")
                }
                if let failure = try folder.write(made.page, for: item, extension: "html") { return failure }
                var entry = made.entry
                entry.link = Self.relativeLink(target, in: outDir)
                entries.append(entry)
                return nil
            }
            try OutputWriter.write(ReportIndex.page(entries: entries, failures: failures), to: indexPath)
            try errors?.commit()
        } catch {
            errors?.abandon()
            throw error
        }
        try BatchRun.summarise(tally, collector)
    }

    /// A page's link from the index: its path below the directory, each component percent-encoded.
    static func relativeLink(_ target: String, in directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let relative = target.hasPrefix(prefix) ? String(target.dropFirst(prefix.count)) : (target as NSString).lastPathComponent
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;:")
        return relative.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }
}
