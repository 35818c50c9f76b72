import ArgumentParser
import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport

extension OutputFormat: ExpressibleByArgument {}

/// `girconv [convert] FILE --to json|csv|xml [-o OUT]`: the main job.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert one report into the canonical record (the default command).",
        discussion: "JSON is the canonical form (pretty unless --compact). CSV has one header row of stable column names and one row per report. XML nests like the JSON.")

    @Argument(help: "The report to read: a text or HTML file, or - for standard input.")
    var file: String

    @OptionGroup var reading: ReadingOptions

    @Option(name: .customLong("to"), help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "JSON on one line.")
    var compact = false

    @Flag(help: "CSV with one row per figure (path, value, how read, where, checks) instead of one row per report.")
    var long = false

    func validate() throws {
        if long && format != .csv { throw ValidationError("--long applies to --to csv") }
    }

    func run() throws {
        do {
            let record = try reading.convert(file)
            let writer: any RecordWriter
            switch format {
            case .json: writer = JSONRecordWriter(compact: compact)
            case .csv: writer = CSVRecordWriter(long: long)
            case .xml: writer = XMLRecordWriter()
            }
            try OutputWriter.write(try writer.write([record]), to: output)
        } catch {
            Failure.exit(error)
        }
    }
}
