import ArgumentParser
import Foundation
import GirconvCore
import GirconvExport

/// `girconv explain FILE PATH`: how one figure was read.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how one figure was read: its cell (row and column labels) or sentence, the raw text, the rule, and its checks.")

    @Argument(help: "The report: a text (.txt), HTML (.html/.htm), PDF (.pdf) or Word (.docx) file, or - for standard input.")
    var file: String

    @Argument(help: "The figure's dotted path, e.g. requests.newReceived.total.")
    var path: String

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        do {
            let record = try reading.convert(file)
            guard let figure = record.figures[path] else {
                let near = record.orderedPaths.filter { $0.hasPrefix(path.split(separator: ".").prefix(2).joined(separator: ".")) }.prefix(12)
                throw GirconvError.usage("\(record.source.name) has no figure \(path)"
                                         + (near.isEmpty ? "" : "; figures nearby: " + near.joined(separator: ", ")))
            }
            print(Self.explanation(of: path, figure, in: record).joined(separator: "\n"))
        } catch {
            Failure.exit(error)
        }
    }

    static func explanation(of path: String, _ figure: Figure, in record: CanonicalRecord) -> [String] {
        let p = figure.provenance, l = p.location
        var lines = ["\(path) = \(figure.value.map { "\($0)" } ?? "null")   (\(p.how.rawValue))"]
        if let spec = FigureCatalog.spec(for: path) { lines.append("  means:   \(spec.label)") }
        if let sentence = l.sentence {
            let marked = p.raw.isEmpty ? sentence : sentence.replacingOccurrences(of: p.raw, with: "【\(p.raw)】")
            lines.append("  from:    \(marked)")
        } else if let table = l.table {
            var place = "\(table)"
            if let row = l.row { place += ", row \"\(row)\"" }
            if let column = l.column { place += ", column \"\(column)\"" }
            lines.append("  from:    \(place)")
        }
        var position: [String] = []
        if let page = l.page { position.append("page \(page)") }
        if let line = l.line { position.append("line \(line)") }
        if let offset = l.offset { position.append("character \(offset)") }
        if let t = l.tableIndex { position.append("table \(t)") }
        if let r = l.rowIndex { position.append("grid row \(r)") }
        if let c = l.columnIndex { position.append("grid column \(c)") }
        if let box = l.box { position.append("box \(box.text) (points from the page's top left)") }
        if !position.isEmpty { lines.append("  at:      \(record.source.name), " + position.joined(separator: ", ")) }
        lines.append("  printed: \(p.raw.isEmpty ? "(blank)" : "\"\(p.raw)\"")")
        lines.append("  rule:    " + ruleText(p, value: figure.value))
        let checks = record.checks.filter { $0.totalPaths.contains(path) || $0.partPaths.contains(path) }
        if checks.isEmpty {
            lines.append("  checks:  none involve this figure")
        } else {
            lines.append("  checks:")
            for check in checks {
                lines.append("    \(check.status.rawValue): \(check.rule) — expected \(check.expected.map { "\($0)" } ?? "unknown"), found \(check.found.map { "\($0)" } ?? "unknown")")
            }
        }
        for warning in record.warnings where warning.path == path {
            lines.append("  warning: \(warning.code): \(warning.message)")
        }
        return lines
    }

    static func ruleText(_ p: Provenance, value: Decimal? = nil) -> String {
        switch p.how {
        case .printed:
            // A unit from the cell, its column header or a 单位 column changes the printed number.
            if let value, case let .number(printed, _) = NumberReader.read(p.raw), printed != value, printed != 0 {
                if value == printed * 10_000 { return "the number as printed, in 万元, converted to 元 (× 10,000)" }
                if value * 10_000 == printed { return "the number as printed, in 元, converted to 万元 (÷ 10,000)" }
            }
            return "the number as printed"
        case .blankAsZero: return "a blank cell inside a filled table, read as 0"
        case .dashAsZero: return "a dash, the statistical sign for none, read as 0"
        case .noneWordAsZero: return "无 (none), read as 0"
        case .notApplicable: return "\"/\" or 不适用: does not apply, so null"
        case .unreadable: return "could not be read as a number, so null (see warnings)"
        case .statedZero: return "a sentence stating there were none, read as 0"
        case .derived: return "derived: the sum of " + p.derivedFrom.joined(separator: " + ")
        case .recovered: return "recovered from cells printed run together (\"\(p.raw)\"), the only split allowed by " + p.derivedFrom.joined(separator: ", ")
        case .byPosition: return "a value row printed without its label, placed by position at the row whose label is missing there; "
            + p.derivedFrom.joined(separator: ", ") + " hold with it, but identities cannot prove an order"
        }
    }
}
