import ArgumentParser
import Foundation
import GirconvCore
import GirconvExport
import GirconvPages

/// `girconv compare FILES… | DIR`: one agency's reports year by year.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare reports of one agency across years: key figures side by side, changes, continuity.",
        discussion: """
        Reads every input (files, or folders searched as convert does), groups the reports by agency — names \
        such as 洪泽区人民政府 and 淮安市洪泽区人民政府 are one agency (docs/agency-identity.md); --agency NAME \
        puts every report under one name — and orders each agency's reports by year. For each key figure \
        present in both reports of a pair of neighbouring years it gives the values, the change and the \
        percent change (exact, rounded only when written; none from 0), then the continuity checks between \
        consecutive years, with the reason for every pair not checked.

        An input that cannot be read is reported on stderr and the others are compared; the exit status is \
        then 2. When no input can be read, the first one's exit code.

        Examples:
          girconv compare hongze-2023.pdf hongze-2024.pdf
          girconv compare archive/hongze/ --to html -o hongze.html
          girconv compare a.html b.html --agency 洪泽区人民政府 --to csv
        """)

    enum Format: String, FormatName { case text, csv, json, html }

    @Argument(help: "Reports to compare — text (.txt), HTML (.html/.htm), PDF (.pdf) or Word (.docx) files, or directories of them (recursive).")
    var inputs: [String]

    @OptionGroup var reading: ReadingOptions

    @Option(name: [.customShort("t"), .customLong("to")], help: "text (a table), csv, json or html (a self-contained page with charts).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Treat every report as this agency's, whatever name it gives.")
    var agency: String?

    @Flag(name: [.customShort("q"), .customLong("quiet")],
          help: "No error line per input that cannot be read (the closing line still counts them).")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input") }
        if inputs.contains("-") { throw ValidationError("compare reads files and folders, not standard input") }
    }

    func run() throws {
        do {
            try compare()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Failure.exit(error)
        }
    }

    func compare() throws {
        // The output is opened first: an unwritable one is reported before any work.
        let stream = try StreamingOutput(path: output)
        var records: [CanonicalRecord] = []
        var failures: [GirconvError] = []
        do {
            let collector = try InputCollector(inputs)
            // One bad input is reported (stderr, unless --quiet) and the others are compared.
            _ = try BatchRun(reading: reading, quiet: quiet).convert(collector, errors: nil, render: YearComparison.slimmed,
                                                                    failed: { _, error in failures.append(error) }) { _, record in
                records.append(record)
                return nil
            }
            if records.isEmpty {
                throw failures.first ?? GirconvError.inputUnreadable(path: inputs.joined(separator: " "), reason: "no report files found")
            }
            let comparison = YearComparison(records, identity: AgencyIdentity(forced: agency))
            switch format {
            case .text: try stream.write(ComparisonWriter.text(comparison))
            case .csv: try stream.write(ComparisonWriter.csv(comparison))
            case .json: try stream.write(ComparisonWriter.json(comparison))
            case .html: try stream.write(ComparePage.render(comparison))
            }
            try stream.commit()
        } catch {
            stream.abandon()
            throw error
        }
        if !failures.isEmpty {
            StandardError.write("girconv: compared \(records.count) reports; \(failures.count) inputs could not be read\n")
            throw ExitCode(2)
        }
    }
}
