import ArgumentParser
import Foundation
import GirconvCore

/// The `girconv` command: converts government information-disclosure annual reports into one canonical,
/// machine-readable record.
@main
struct Girconv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "girconv",
        abstract: "Convert Chinese government information-disclosure annual reports (政府信息公开工作年度报告) into one canonical record.",
        discussion: """
        Reads a report as plain text or an HTML page (UTF-8, GBK/GB2312/GB18030, with or without a \
        declared charset), detects its layout, and writes the canonical record as JSON, CSV or XML. \
        Every figure carries its provenance; a figure that cannot be read is null with a warning.

        Examples:
          girconv report.txt --to csv
          girconv report.html -o report.json
          cat report.txt | girconv - --to xml
          girconv detect report.txt
          girconv schema > girconv-record.schema.json

        Exit codes:
          0   success
          64  usage error (bad option or argument)
          65  no known layout recognised (or no reader for the input's media type)
          66  input unreadable: missing, empty, binary, undecodable or over --max-bytes
          70  internal error
          73  output could not be written
        """,
        version: "0.1.0",
        subcommands: [Convert.self, Detect.self, Schema.self],
        defaultSubcommand: Convert.self
    )
}

/// Options shared by the commands that read a report.
struct InputOptions: ParsableArguments {
    @Argument(help: "The report to read: a text or HTML file, or - for standard input.")
    var file: String

    @Option(name: .customLong("max-bytes"), help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = InputDecoder.defaultMaxBytes

    @Option(name: .customLong("adapter"), help: "Skip detection and read with this adapter id (see `girconv detect`).")
    var adapter: String?

    func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    }

    /// Reads the input bytes (a file or stdin).
    func rawInput() throws -> RawInput {
        try InputLoader.load(file, maxBytes: maxBytes)
    }
}
