import ArgumentParser
import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport

/// `girconv detect FILE`: which layout a report is, how sure, and why.
struct Detect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which layout a report is detected as, with the evidence and every adapter's score.")

    @Argument(help: "The report to read: a text (.txt), HTML (.html/.htm), PDF (.pdf) or Word (.docx) file, or - for standard input.")
    var file: String

    @OptionGroup var reading: ReadingOptions

    /// The form of the answer: lines for people, or one JSON object for programs.
    enum Format: String, FormatName { case text, json }

    @Option(name: [.customShort("t"), .customLong("to")],
            help: "text (default) or json: {file, mediaType, encoding, script, layout, adapter, confidence, evidence, candidates}.")
    var format: Format = .text

    func run() throws {
        do {
            let registry = try reading.layouts.registry()
            let raw = try reading.load(file)
            let document = try registry.document(from: raw, limits: reading.limits)
            let decision = registry.detect(document, forcing: reading.adapter)
            switch format {
            case .text: print(Self.lines(document, decision).joined(separator: "\n"))
            case .json: print(JSONRecordWriter(compact: false).serialize(Self.tree(document, decision), pretty: true))
            }
            if decision.chosen == nil {
                _ = try registry.convert(document) // throws the "no known layout" error with what was seen
            }
        } catch {
            Failure.exit(error)
        }
    }

    static func lines(_ document: ReportDocument, _ decision: Converter.Decision) -> [String] {
        var lines: [String] = []
        lines.append("file: \(document.source.name) (\(document.source.mediaType), \(document.source.encoding), script \(document.script.rawValue))")
        if let chosen = decision.chosen {
            lines.append("layout: \(chosen.layout.rawValue) (adapter \(chosen.id), confidence \(String(format: "%.2f", decision.score.confidence)))")
            lines.append("evidence: " + decision.score.evidence.joined(separator: " · "))
        } else {
            lines.append("layout: none recognised")
        }
        lines.append("candidates:")
        for candidate in decision.candidates {
                let evidence = candidate.score.evidence.isEmpty ? "" : "  [" + candidate.score.evidence.joined(separator: " · ") + "]"
            lines.append("  \(candidate.id): \(String(format: "%.2f", candidate.score.confidence))\(evidence)")
        }
        return lines
    }

    /// The same answer as one JSON object; `layout`, `adapter` and `confidence` are null when no layout was
    /// recognised (the command then exits 65, as the text form does).
    static func tree(_ document: ReportDocument, _ decision: Converter.Decision) -> TreeValue {
        func confidence(_ value: Double) -> TreeValue {
            .number(Decimal(string: String(format: "%.2f", value)) ?? 0)
        }
        func evidence(_ items: [String]) -> TreeValue { .array(items.map(TreeValue.string)) }
        let candidates = decision.candidates.map { candidate in
            TreeValue.object([("adapter", .string(candidate.id)),
                              ("confidence", confidence(candidate.score.confidence)),
                              ("evidence", evidence(candidate.score.evidence))])
        }
        return .object([
            ("file", .string(document.source.name)),
            ("mediaType", .string("\(document.source.mediaType)")),
            ("encoding", .string("\(document.source.encoding)")),
            ("script", .string(document.script.rawValue)),
            ("layout", decision.chosen.map { .string($0.layout.rawValue) } ?? .null),
            ("adapter", decision.chosen.map { .string($0.id) } ?? .null),
            ("confidence", decision.chosen == nil ? .null : confidence(decision.score.confidence)),
            ("evidence", evidence(decision.chosen == nil ? [] : decision.score.evidence)),
            ("candidates", .array(candidates)),
        ])
    }
}
