import Foundation
import GirconvCore
import GirconvText

/// Writes a `YearComparison` (`girconv compare`) as a text table, CSV or JSON; the HTML page is
/// GirconvPages' `ComparePage`.
///
/// Numbers are spelled by `ComparisonText` (shared with the page): percent changes rounded only when
/// written — one decimal place in the text table, four in CSV and JSON; a change from 0 has no percent
/// ("—" in text, empty in CSV, null in JSON).
public enum ComparisonWriter {
    public static let displayPlaces = ComparisonText.displayPlaces
    public static let dataPlaces = ComparisonText.dataPlaces
    static func value(_ v: Decimal?) -> String { ComparisonText.value(v) }
    static func changeText(_ change: YearComparison.Change) -> String { ComparisonText.changeText(change) }
    static func heading(_ report: YearComparison.Report) -> String { ComparisonText.heading(report) }

    // MARK: text

    public static func text(_ comparison: YearComparison) -> String {
        var out: [String] = []
        for agency in comparison.agencies {
            let others = agency.names.filter { $0 != agency.name }
            out.append(agency.name + (others.isEmpty ? "" : "  (also named: \(others.joined(separator: ", ")))"))
            for report in agency.reports {
                out.append("  \(heading(report)): \(report.source) (\(report.layout.rawValue))")
            }
            var table: [[String]] = [["figure"] + agency.reports.map(heading)
                + zip(agency.reports, agency.reports.dropFirst()).map { "\(heading($0))→\(heading($1))" }]
            for row in agency.rows {
                table.append([row.name] + zip(row.values, row.present).map { $1 ? value($0) : "" } + row.changes.map(changeText))
            }
            if agency.rows.isEmpty {
                out.append("  no key figure in both reports of any pair of years")
            } else {
                out += aligned(table).map { "  " + $0 }
            }
            if !agency.continuity.isEmpty || !agency.skipped.isEmpty {
                out.append("  continuity:")
                out += agency.continuity.map { "    " + $0.line }
                out += agency.skipped.map { "    " + $0.line }
            }
            out.append("")
        }
        for skipped in comparison.unplaced { out.append("not compared: \(skipped.line)") }
        return out.joined(separator: "\n") + (out.last == "" ? "" : "\n")
    }

    /// Columns padded to their widest cell (a CJK character counts two columns), numbers right-aligned:
    /// the first row is the header, every column but the first holds numbers.
    static func aligned(_ rows: [[String]]) -> [String] {
        guard let header = rows.first else { return [] }
        let count = rows.map(\.count).max() ?? 0
        let padded = header + Array(repeating: "", count: max(0, count - header.count))
        return TextTable(header: padded, rows: Array(rows.dropFirst()), rightAligned: Set(1..<max(count, 1))).lines()
    }

    // MARK: CSV

    /// One row per agency, key figure and pair of neighbouring years (an agency's only report: one row per
    /// figure with no later year).
    public static func csv(_ comparison: YearComparison) throws -> String {
        var rows = [["agency", "agencyKey", "path", "name", "fromYear", "toYear", "from", "to", "fromValue", "toValue",
                     "change", "percentChange", "note"]]
        for agency in comparison.agencies {
            for row in agency.rows {
                if agency.reports.count == 1 {
                    let report = agency.reports[0]
                    rows.append([agency.name, agency.key, row.path, row.name, report.year.map(String.init) ?? "", "", report.source, "",
                                  row.values[0].map(DecimalText.spelling) ?? "", "", "", "", "only one report"])
                }
                for (index, change) in row.changes.enumerated() {
                    let from = agency.reports[index], to = agency.reports[index + 1]
                    rows.append([agency.name, agency.key, row.path, row.name, from.year.map(String.init) ?? "",
                                 to.year.map(String.init) ?? "", from.source, to.source,
                                 row.values[index].map(DecimalText.spelling) ?? "", row.values[index + 1].map(DecimalText.spelling) ?? "",
                                 change.difference.map(DecimalText.spelling) ?? "",
                                 change.roundedPercent(places: dataPlaces).map(DecimalText.spelling) ?? "",
                                 change.gap?.rawValue ?? (change.difference != nil && change.percent == nil ? "no percent of 0" : "")])
                }
            }
        }
        return try CSVText.encode(rows)
    }

    // MARK: JSON

    public static func tree(_ comparison: YearComparison) -> TreeValue {
        func number(_ value: Decimal?) -> TreeValue { value.map(TreeValue.number) ?? .null }
        return .object([
            ("agencies", .array(comparison.agencies.map { agency in
                .object([
                    ("name", .string(agency.name)), ("key", .string(agency.key)), ("names", .array(agency.names.map(TreeValue.string))),
                    ("reports", .array(agency.reports.map { report in
                        .object([("source", .string(report.source)), ("agency", report.agency.map(TreeValue.string) ?? .null),
                                 ("year", report.year.map { .number(Decimal($0)) } ?? .null), ("layout", .string(report.layout.rawValue))])
                    })),
                    ("figures", .array(agency.rows.map { row in
                        .object([
                            ("path", .string(row.path)), ("name", .string(row.name)),
                            ("values", .array(zip(agency.reports, zip(row.values, row.present)).map { report, cell in
                                .object([("year", report.year.map { .number(Decimal($0)) } ?? .null), ("present", .bool(cell.1)),
                                         ("value", number(cell.0))])
                            })),
                            ("changes", .array(row.changes.enumerated().map { index, change in
                                .object([("fromYear", agency.reports[index].year.map { .number(Decimal($0)) } ?? .null),
                                         ("toYear", agency.reports[index + 1].year.map { .number(Decimal($0)) } ?? .null),
                                         ("change", number(change.difference)),
                                         ("percentChange", number(change.roundedPercent(places: dataPlaces))),
                                         ("note", change.gap.map { .string($0.rawValue) } ?? .null)])
                            })),
                        ])
                    })),
                    ("continuity", .array(agency.continuity.map { $0.tree() })),
                    ("continuitySkipped", .array(agency.skipped.map { $0.tree() })),
                ])
            })),
            ("unplaced", .array(comparison.unplaced.map { $0.tree() })),
        ])
    }

    public static func json(_ comparison: YearComparison) -> String {
        JSONRecordWriter().serialize(tree(comparison), pretty: true) + "\n"
    }
}
