import Foundation
import GirconvCore

import Plot

/// A small line chart of a few key figures of one agency over its years, as inline SVG built with Plot's
/// element nodes (no chart library, no script). Years run left to right at their true distance (a missing
/// year leaves a gap in x); the y axis runs from 0 to the largest value shown. Each point is a `<circle>`
/// with `data-path`, `data-year` and `data-value` (the exact figure) and a `<title>` tooltip; a line joins a
/// series' points of neighbouring reports only where both are known.
enum TrendChart {
    static let width = 320.0, height = 170.0
    static let left = 40.0, right = 12.0, top = 12.0, bottom = 24.0
    static let colours = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a"]

    static func chart(_ trend: (name: String, title: String, paths: [String]), agency: YearComparison.Agency) -> Node<HTML.BodyContext> {
        let years = agency.reports.compactMap(\.year)
        let series = trend.paths.compactMap { path -> (path: String, name: String, points: [(year: Int, value: Decimal?)])? in
            guard let row = agency.rows.first(where: { $0.path == path }) else { return nil }
            let points = zip(agency.reports, row.values).compactMap { report, value in report.year.map { (year: $0, value: value) } }
            return points.contains { $0.value != nil } ? (path, row.name, points) : nil
        }
        guard let firstYear = years.min(), let lastYear = years.max(), !series.isEmpty else { return .empty }
        let maximum = max(1, series.flatMap { $0.points.compactMap(\.value) }.map { NSDecimalNumber(decimal: $0).doubleValue }.max() ?? 1)
        func x(_ year: Int) -> Double {
            lastYear == firstYear ? left + (width - left - right) / 2
                : left + Double(year - firstYear) / Double(lastYear - firstYear) * (width - left - right)
        }
        func y(_ value: Decimal) -> Double {
            top + (1 - NSDecimalNumber(decimal: value).doubleValue / maximum) * (height - top - bottom)
        }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        func attribute(_ name: String, _ value: String?) -> Node<HTML.BodyContext> { PageShell.attribute(name, value) }

        var nodes: [Node<HTML.BodyContext>] = [
            .element(named: "line", nodes: [attribute("class", "axis"), attribute("x1", number(left)), attribute("y1", number(height - bottom)),
                                            attribute("x2", number(width - right)), attribute("y2", number(height - bottom))]),
            .element(named: "line", nodes: [attribute("class", "axis"), attribute("x1", number(left)), attribute("y1", number(top)),
                                            attribute("x2", number(left)), attribute("y2", number(height - bottom))]),
            .element(named: "text", nodes: [attribute("x", number(left - 4)), attribute("y", number(top + 4)),
                                            attribute("text-anchor", "end"), PageShell.text(maximumLabel(maximum))]),
            .element(named: "text", nodes: [attribute("x", number(left - 4)), attribute("y", number(height - bottom)),
                                            attribute("text-anchor", "end"), PageShell.text("0")]),
        ]
        for year in Set(years).sorted() {
            nodes.append(.element(named: "text", nodes: [attribute("x", number(x(year))), attribute("y", number(height - 6)),
                                                         attribute("text-anchor", "middle"), PageShell.text(String(year))]))
        }
        for (index, line) in series.enumerated() {
            let colour = colours[index % colours.count]
            for (a, b) in zip(line.points, line.points.dropFirst()) {
                guard let va = a.value, let vb = b.value else { continue }
                nodes.append(.element(named: "polyline", nodes: [
                    attribute("stroke", colour),
                    attribute("points", "\(number(x(a.year))),\(number(y(va))) \(number(x(b.year))),\(number(y(vb)))")]))
            }
            for point in line.points {
                guard let value = point.value else { continue }
                let shown = ComparisonText.value(value)
                nodes.append(.element(named: "circle", nodes: [
                    attribute("class", "point"), attribute("fill", colour), attribute("r", "3.5"),
                    attribute("cx", number(x(point.year))), attribute("cy", number(y(value))),
                    attribute("data-path", line.path), attribute("data-year", String(point.year)), attribute("data-value", shown),
                    .element(named: "title", nodes: [PageShell.text("\(line.name) \(point.year): \(shown)")]),
                ]))
            }
        }
        return .element(named: "figure", nodes: [
            attribute("class", "chart"), attribute("data-trend", trend.name),
            .element(named: "figcaption", nodes: [PageShell.text(trend.title)]),
            .element(named: "svg", nodes: [
                attribute("xmlns", "http://www.w3.org/2000/svg"), attribute("width", number(width)), attribute("height", number(height)),
                attribute("viewBox", "0 0 \(number(width)) \(number(height))"), attribute("role", "img"),
                attribute("aria-label", trend.title),
            ] + nodes),
            .ul(.class("series"), .forEach(Array(series.enumerated())) { index, line in
                .li(.span(.class("swatch"), PageShell.attribute("style", "background:\(colours[index % colours.count])")),
                    PageShell.text(line.name))
            }),
        ])
    }

    /// The top of the y axis, as a whole number when it is one.
    static func maximumLabel(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int64(value)) : String(format: "%g", value)
    }
}
