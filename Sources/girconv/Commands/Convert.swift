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

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("to"), help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "JSON on one line.")
    var compact = false

    func run() throws {
        do {
            let raw = try input.rawInput()
            let record = try BuiltinAdapters.registry().convert(raw, forcing: input.adapter, maxBytes: input.maxBytes)
            let writer: any RecordWriter = format == .json ? JSONRecordWriter(compact: compact) : format.writer
            try OutputWriter.write(try writer.write([record]), to: output)
        } catch {
            Failure.exit(error)
        }
    }
}
