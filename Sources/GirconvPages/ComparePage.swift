import Foundation
import GirconvCore

import Plot

/// The page of `girconv compare --to html`: per agency, the key figures year by year with their changes, the
/// continuity checks (passed, failed, or skipped with the reason), and small trend charts drawn as inline
/// SVG (`TrendChart`) — in the frame every girconv page shares (`PageShell`).
///
/// Every figure cell and every chart point carries its exact value in `data-value` (and the path and year in
/// `data-path`, `data-year`), so a test — or a reader's own script — can check what is shown.
public enum ComparePage {
    public static func render(_ comparison: YearComparison, title: String = "逐年比较 · Year-over-year comparison") -> String {
        let reportCount = comparison.agencies.reduce(0) { $0 + $1.reports.count }
        var body: [Node<HTML.BodyContext>] = comparison.agencies.map(section)
        if !comparison.unplaced.isEmpty {
            body.append(.section(.class("unplaced"), .h2(PageShell.text("Not compared")),
                                 .ul(.forEach(comparison.unplaced) { .li(.class("skipped"), PageShell.text($0.line)) })))
        }
        return PageShell.document(
            title: title,
            subtitle: "\(count(comparison.agencies.count, "agency", "agencies")), \(count(reportCount, "report", "reports")). Percent changes rounded half away from zero to "
                + "\(ComparisonText.displayPlaces) decimal place; a change from 0 has no percent (—).",
            pageStyle: style, bodyNodes: body)
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    static func section(_ agency: YearComparison.Agency) -> Node<HTML.BodyContext> {
        let others = agency.names.filter { $0 != agency.name }
        let pairs = Array(zip(agency.reports, agency.reports.dropFirst()))
        return .section(
            .class("agency"), PageShell.attribute("data-agency-key", agency.key),
            .h2(PageShell.text(agency.name)),
            .if(!others.isEmpty, .p(.class("names"), PageShell.text("Also named: " + others.joined(separator: "、")))),
            .p(.class("sources"), PageShell.text(agency.reports.map { "\(ComparisonText.heading($0)): \($0.source) (\($0.layout.rawValue))" }
                .joined(separator: " · "))),
            .table(
                .class("compare"),
                .thead(.tr(.th(PageShell.text("指标")),
                           .forEach(agency.reports) { .th(.class("num"), PageShell.text(ComparisonText.heading($0))) },
                           .forEach(pairs) { .th(.class("num"), PageShell.text("\(ComparisonText.heading($0.0))→\(ComparisonText.heading($0.1))")) })),
                .tbody(.forEach(agency.rows) { row in
                    .tr(PageShell.attribute("data-path", row.path),
                        .th(PageShell.text(row.name), .span(.class("path"), PageShell.text(row.path))),
                        .forEach(Array(agency.reports.enumerated())) { index, report in
                            .td(.class(row.present[index] ? "num value" : "num value absent"),
                                PageShell.attribute("data-year", report.year.map(String.init)),
                                PageShell.attribute("data-value", row.values[index].map(ComparisonText.value)),
                                PageShell.text(row.present[index] ? ComparisonText.value(row.values[index]) : ""))
                        },
                        .forEach(row.changes) { change in
                            .td(.class(change.gap == nil ? "num change" : "num change gap"),
                                PageShell.attribute("data-value", change.difference.map(ComparisonText.value)),
                                PageShell.attribute("data-percent", change.roundedPercent(places: ComparisonText.displayPlaces).map(ComparisonText.value)),
                                PageShell.text(ComparisonText.changeText(change)))
                        })
                })
            ),
            .if(agency.rows.isEmpty, .p(PageShell.text("No key figure in both reports of any pair of years."))),
            .h3(PageShell.text("Continuity")),
            .ul(.class("continuity"),
                .forEach(agency.continuity) { result in
                    .li(.class(statusClass(result.check.status)), PageShell.attribute("data-rule", result.check.rule),
                        PageShell.attribute("data-expected", result.check.expected.map(ComparisonText.value)),
                        PageShell.attribute("data-found", result.check.found.map(ComparisonText.value)),
                        PageShell.text(result.line))
                },
                .forEach(agency.skipped) { skipped in
                    .li(.class("skipped"), PageShell.attribute("data-reason", skipped.reason.rawValue), PageShell.text(skipped.line))
                },
                .if(agency.continuity.isEmpty && agency.skipped.isEmpty, .li(PageShell.text("nothing to check")))),
            .div(.class("charts"), .forEach(YearComparison.trends) { TrendChart.chart($0, agency: agency) })
        )
    }

    static func statusClass(_ status: CheckStatus) -> String {
        switch status {
        case .pass: return "pass"
        case .fail: return "fail"
        case .notAssessable: return "not-assessable"
        case .usedForRecovery: return "used"
        }
    }

    static let style = """
    table.compare th .path{display:block;color:var(--muted);font-weight:400;font-size:.75rem}
    td.change{color:var(--muted)}td.gap{font-style:italic}td.absent{background:#f4f4f4}
    ul.continuity{list-style:none;padding:0}ul.continuity li{padding:.15rem .5rem;margin:.15rem 0;border-left:4px solid var(--line)}
    ul.continuity li.pass{border-color:#2e7d32}ul.continuity li.fail{border-color:var(--fail);color:var(--fail)}
    ul.continuity li.skipped,ul.continuity li.not-assessable{border-color:var(--warn)}
    .charts{display:flex;flex-wrap:wrap;gap:1rem}figure.chart{margin:0;background:#fff;border:1px solid var(--line);padding:.5rem}
    figure.chart figcaption{font-weight:600;font-size:.9rem}figure.chart svg{display:block}
    .chart .axis{stroke:var(--muted);stroke-width:1}.chart text{font-size:10px;fill:var(--muted)}
    .chart polyline{fill:none;stroke-width:2}ul.series{list-style:none;padding:0;margin:.3rem 0 0;font-size:.8rem}
    .series .swatch{border:none}

    """
}
