import ArgumentParser
import Foundation
import GirconvAdapters
import GirconvCore

/// `girconv detect FILE`: which layout a report is, how sure, and why.
struct Detect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which layout a report is detected as, with the evidence and every adapter's score.")

    @Argument(help: "The report to read: a text or HTML file, or - for standard input.")
    var file: String

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        do {
            let registry = try reading.layouts.registry()
            let raw = try reading.load(file)
            let document = try registry.document(from: raw, limits: reading.limits)
            let decision = registry.detect(document, forcing: reading.adapter)
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
            print(lines.joined(separator: "\n"))
            if decision.chosen == nil {
                _ = try registry.convert(document) // throws the "no known layout" error with what was seen
            }
        } catch {
            Failure.exit(error)
        }
    }
}
