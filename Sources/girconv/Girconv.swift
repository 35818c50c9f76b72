import ArgumentParser
import Foundation
import GirconvAdapters
import GirconvCore
import GirconvLayouts
import GirconvText

/// The `girconv` command: converts government information-disclosure annual reports into one canonical,
/// machine-readable record.
@main
struct Girconv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "girconv",
        abstract: "Convert Chinese government information-disclosure annual reports (政府信息公开工作年度报告) into one canonical record.",
        discussion: """
        Reads a report as plain text, an HTML page (UTF-8, GBK/GB2312/GB18030, with or without a \
        declared charset), a PDF with a text layer or a Word .docx, detects its layout, and writes the canonical record as JSON, JSON Lines, CSV or XML, or into a SQLite database. \
        Every figure carries its provenance; a figure that cannot be read is null with a warning.

        Examples:
          girconv report.txt --to csv
          girconv report.html -o report.json
          girconv archive/ --to csv -o all.csv --errors failed.jsonl
          girconv archive/ --out-dir records/ --shard 3/8
          girconv archive/ --to sqlite -o corpus.db  (tables reports, figures, checks, warnings)
          girconv archive/ --to csv --excel -o all.csv  (with a UTF-8 BOM, for Excel)
          cat report.txt | girconv - --to xml
          girconv report.html --to csv --long        (one row per figure, for auditing)
          girconv detect report.txt
          girconv validate 2021.html 2022.html       (identities, percentages, continuity)
          girconv compare 2023.pdf 2024.pdf --to html -o compare.html  (one agency across years)
          girconv explain report.html requests.newReceived.total
          girconv view report.pdf -o report.html     (a proof sheet: figures as printed, checks, provenance)
          girconv schema > girconv-record.schema.json

        Exit codes:
          0   success
          1   validate: an identity or continuity check failed, or a report gave no figure
          2   several inputs: some could not be converted (see --errors)
          64  usage error (bad option or argument)
          65  no known layout recognised, not an annual report (not-a-report), or no reader for the
              input's media type
          66  input unreadable: missing, empty, binary, encrypted, undecodable, over --max-bytes,
              more lines/tags/fields than a report has, no data for --input-timeout, a PDF over
              --pdf-timeout or --pdf-text-limit
          70  internal error
          73  output could not be written (a directory, a full disk, a closed pipe, an I/O error)
          78  a layout file (--layouts, the user layout directory) has errors
          130/143  stopped by SIGINT/SIGTERM (temporary files removed)
        """,
        version: GirconvVersion.current,
        subcommands: [Convert.self, Detect.self, Validate.self, Compare.self, Explain.self, View.self, Layouts.self, Schema.self],
        defaultSubcommand: Convert.self
    )

    /// Parses the command line (a usage error is one line and a hint, exit 64) and runs the command, with
    /// the run's temporary files removed if it is interrupted.
    static func main() {
        Interruption.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = UsageProblem.optionThatIsAFileName(in: arguments) { problem.exit() }
        if let problem = UsageProblem.unknownCommand(in: arguments) { problem.exit() }
        var command: ParsableCommand
        do {
            command = try SubcommandPlacement.parse(arguments)
        } catch {
            // --help and --version end here too, with their own output and exit 0.
            if exitCode(for: error) == .success { exit(withError: error) }
            let first = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            UsageProblem(message: first, hint: UsageProblem.helpHint(arguments)).exit()
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// A usage error as girconv prints it: one line, then a hint; exit 64.
struct UsageProblem {
    var message: String
    var hint: String

    func exit() -> Never {
        StandardError.write("girconv: error: \(GirconvError.shown(message))\ngirconv: hint: \(GirconvError.shown(hint))\n")
        Foundation.exit(64)
    }

    /// "see 'girconv SUBCOMMAND --help'" for the subcommand in use.
    static func helpHint(_ arguments: [String]) -> String {
        let names = Girconv.configuration.subcommands.map { $0._commandName }
        let subcommand = arguments.first { names.contains($0) }
        return "see 'girconv \(subcommand.map { $0 + " " } ?? "")--help'"
    }

    /// A first word that is neither a subcommand, an option, nor a file that exists, and that looks like a
    /// command name (no path separator, no extension): `girconv detcet f` is a usage error with "did you mean
    /// 'detect'?", not a missing input. A file named like that still converts when it exists; a path such as
    /// `report.html` that does not exist stays an unreadable input (exit 66), which says what is wrong.
    static func unknownCommand(in arguments: [String]) -> UsageProblem? {
        guard let word = arguments.first, !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
              !word.isEmpty, !FileManager.default.fileExists(atPath: word) else { return nil }
        let names = Girconv.configuration.subcommands.map { $0._commandName }
        guard !names.contains(word), word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let hint: String
        if let nearest = EditDistance.nearest(to: word.lowercased(), among: names),
           nearest.distance <= max(2, nearest.candidate.count / 3) {
            hint = "did you mean '\(nearest.candidate)'? (commands: \(names.joined(separator: ", ")); to read a file named \(word), write ./\(word))"
        } else {
            hint = "commands: \(names.joined(separator: ", ")); to read a file named \(word), write ./\(word); see 'girconv --help'"
        }
        return UsageProblem(message: "'\(word)' is neither a command nor an existing file", hint: hint)
    }

    /// A single-dash word that cannot be a cluster of short options (it holds something other than letters,
    /// as `-h.txt` does) is a file name that looks like an option: without this check the parser would take
    /// `-h.txt` for `-h` and print the help.
    static func optionThatIsAFileName(in arguments: [String]) -> UsageProblem? {
        for argument in arguments.prefix(while: { $0 != "--" }) {
            guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.count > 2,
                  !argument.dropFirst().allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
            return UsageProblem(message: "unknown option '\(argument)'",
                                hint: "to read a file named \(argument), write ./\(argument) or -- \(argument); see 'girconv --help'")
        }
        return nil
    }
}

/// An output format's name on the command line, in any case (`-t JSON`, `--to Csv`), as every command's `--to`.
protocol FormatName: ExpressibleByArgument, RawRepresentable, CaseIterable where RawValue == String {}

extension FormatName {
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Options shared by the commands that read reports.
struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("max-bytes"),
            help: "Refuse inputs larger than this many bytes (also the most a .docx's document.xml may inflate to).")
    var maxBytes: Int = ReadingLimits.defaultMaxBytes

    @Option(name: .customLong("pdf-timeout"), help: "Stop a PDF's text extraction (pdftotext) after this many seconds.")
    var pdfTimeout: Double = ReadingLimits.defaultPDFTimeoutSeconds

    @Option(name: .customLong("pdf-text-limit"), help: "Stop a PDF's text extraction once it has produced this many bytes.")
    var pdfTextLimit: Int = ReadingLimits.defaultPDFTextBytes

    @Option(name: .customLong("input-timeout"),
            help: "Give up on a pipe, FIFO or device (standard input included) when no bytes come for this many seconds.")
    var inputTimeout: Double = 30

    @Option(name: .customLong("adapter"), help: "Skip detection and read with this adapter id (see `girconv detect`).")
    var adapter: String?

    @Flag(help: "Derive nothing: a blank total next to non-zero parts stays null, group rows are not summed.")
    var strict = false

    @OptionGroup var layouts: LayoutOptions

    func validate() throws {
        guard maxBytes > 0, maxBytes < Int.max / 2 else { throw ValidationError("--max-bytes must be positive (and below 2^62)") }
        guard pdfTimeout > 0, pdfTimeout.isFinite else { throw ValidationError("--pdf-timeout must be a positive number of seconds") }
        guard pdfTextLimit > 0, pdfTextLimit < Int.max / 2 else { throw ValidationError("--pdf-text-limit must be positive (and below 2^62)") }
        guard inputTimeout > 0, inputTimeout.isFinite else { throw ValidationError("--input-timeout must be a positive number of seconds") }
    }

    /// The bounds every input is read within.
    var limits: ReadingLimits {
        ReadingLimits(maxBytes: maxBytes, pdfTimeoutSeconds: pdfTimeout, pdfTextBytes: pdfTextLimit)
    }

    /// Reads one input (a file or "-" for stdin) within the limits; `recordPath` is its `source.path`
    /// (the path as typed when nil).
    func load(_ file: String, recordPath: String? = nil) throws -> RawInput {
        try InputLoader.load(file, recordPath: recordPath, maxBytes: maxBytes, waitSeconds: inputTimeout)
    }

    /// Reads and converts one input (a file or "-" for stdin).
    func convert(_ file: String) throws -> CanonicalRecord {
        try layouts.registry().convert(load(file), forcing: adapter, limits: limits, strict: strict)
    }
}

/// Where layouts come from: the built-in layout files, the per-user layout directory, and `--layouts`.
struct LayoutOptions: ParsableArguments {
    @Option(name: .customLong("layouts"), help: ArgumentHelp(
        "A layout file, or a directory of them (*.yaml, *.yml, *.json), to use besides the built-in ones; repeatable.",
        discussion: "A layout whose id is already loaded replaces it. See docs/adding-a-layout.md.",
        valueName: "path"))
    var directories: [String] = []

    @Flag(name: .customLong("no-user-layouts"), help: "Do not read the per-user layout directory ($GIRCONV_LAYOUTS_DIR, else ~/.config/girconv/layouts).")
    var noUserLayouts = false

    /// The layouts in use; a layout file with errors is a `layoutFile` error (exit 78).
    func library() throws -> LayoutLibrary {
        do {
            return try BuiltinAdapters.library(layoutDirectories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                               userDirectory: noUserLayouts ? nil : LayoutLibrary.userDirectory())
        } catch let error as LayoutFileError {
            throw GirconvError.layoutFile(error.description)
        }
    }

    /// A registry with the layouts in use.
    func registry() throws -> Converter {
        do {
            return try BuiltinAdapters.registry(library: library())
        } catch let error as LayoutFileError {
            throw GirconvError.layoutFile(error.description)
        }
    }
}

/// Options may come before the subcommand: `girconv --layouts D detect f` is `girconv detect --layouts D f`.
/// The parser reads such a line as the default command (convert) with "detect" among its inputs, or refuses
/// it when an option is not convert's (`girconv --agency X compare a b`); then a word naming a subcommand
/// (no file of that name existing) is moved to the front and the line parsed again. The parser itself decides
/// which words are option values (`-o detect` keeps its file name).
enum SubcommandPlacement {
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        let asTyped = Result { try Girconv.parseAsRoot(arguments) }
        guard arguments.first?.hasPrefix("-") == true else { return try asTyped.get() }
        let names = Set(Girconv.configuration.subcommands.map { $0._commandName }.filter { $0 != Convert._commandName })
        func movable(_ word: String) -> Bool { names.contains(word) && !FileManager.default.fileExists(atPath: word) }
        if case .success(let command) = asTyped {
            // Convert with a subcommand's name among its inputs; anything else is what was meant.
            guard let convert = command as? Convert, convert.inputs.contains(where: movable) else { return command }
        }
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        var lastError: Error?
        for index in arguments[..<end].indices where movable(arguments[index]) {
            var moved = arguments
            moved.remove(at: index)
            do { return try Girconv.parseAsRoot([arguments[index]] + moved) } catch { lastError = error }
        }
        // No placement parses: the first line's error, else the moved line's (a subcommand was meant).
        if case .failure(let error) = asTyped { throw error }
        if let lastError { throw lastError }
        return try asTyped.get()
    }
}
