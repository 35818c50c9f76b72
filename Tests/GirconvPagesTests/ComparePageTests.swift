import Foundation
import GirconvAdapters
import GirconvCore
import GirconvXML
import XCTest
@testable import GirconvPages

/// The compare page of the Hongze district government's 2023 and 2024 reports. Figures typed from the reports'
/// tables: 本年新收 21 and 95; 予以公开 0 and 50; 部分公开 4 and 9; 不予公开 (1+1+1 in 2023, 1+1+1 in 2024) 3
/// and 3; 行政复议 总计 printed 0 (2023) and 2 (2024); 结转下年度 2023 总计 0, 上年结转 2024 总计 0.
final class ComparePageTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let page: String = {
        let registry = BuiltinAdapters.registry()
        let records = ["hongze-2024-district.pdf", "hongze-2023-district.pdf"].compactMap { name -> CanonicalRecord? in
            let url = root.appendingPathComponent("Samples/\(name)")
            guard let bytes = try? Data(contentsOf: url) else { return nil }
            return try? registry.convert(RawInput(name: name, path: "Samples/" + name, bytes: [UInt8](bytes)))
        }
        return ComparePage.render(YearComparison(records))
    }()

    func elements(named name: StaticString, in html: String, _ read: (LibXML2Tree.Node) -> String) throws -> [String] {
        try ComparePageTestsSupport.elements(named: name, in: html, read)
    }

    func point(_ node: LibXML2Tree.Node) -> String {
        "\(node.attribute("data-path") ?? "") \(node.attribute("data-year") ?? "")=\(node.attribute("data-value") ?? "")"
    }

    func testPageParsesWithLibXML2AndHoldsTheFigures() throws {
        let page = Self.page
        XCTAssertEqual(try elements(named: "h2", in: page) { $0.textContent }, ["淮安市洪泽区人民政府"])
        let points = try elements(named: "circle", in: page, point)
        for expected in ["requests.newReceived.total 2023=21", "requests.newReceived.total 2024=95",
                         "requests.granted.total 2023=0", "requests.granted.total 2024=50",
                         "requests.partiallyGranted.total 2023=4", "requests.partiallyGranted.total 2024=9",
                         "requests.denied.total 2023=3", "requests.denied.total 2024=3",
                         "appeals.review.total 2023=0", "appeals.review.total 2024=2"] {
            XCTAssertTrue(points.contains(expected), "\(expected) not in \(points)")
        }
        let rules = try elements(named: "li", in: page) { "\($0.attribute("class") ?? "") \($0.attribute("data-rule") ?? "")" }
        XCTAssertTrue(rules.contains("pass continuity.carried.total"), "\(rules)")
        XCTAssertFalse(page.contains("<script"), "no script")
    }

    func testSkippedContinuityShowsItsReason() {
        let a = YearComparison([record("a", 2019, ["requests.carriedForward.total": 1]), record("b", 2021, ["requests.carriedOver.total": 1])])
        let page = ComparePage.render(a)
        XCTAssertTrue(page.contains("data-reason=\"years not consecutive\""), page)
        XCTAssertTrue(page.contains("2019→2021: no report of 2020"))
    }

    /// Report text reaches the page escaped everywhere: an agency name and a file name holding quotes,
    /// markup and an entity stay text (in elements and in attribute values), and the page still parses.
    func testReportTextIsEscapedInTextAndAttributes() throws {
        let hostile = "示例\"><script>alert(1)</script>&lt;局"
        let comparison = YearComparison([record("a\"<b>.txt", 2021, ["requests.newReceived.total": 1], agency: hostile),
                                         record("c'.txt", 2022, ["requests.newReceived.total": 2], agency: hostile)])
        let page = ComparePage.render(comparison)
        XCTAssertFalse(page.contains("<script>"), page)
        XCTAssertFalse(page.contains("<b>"), page)
        XCTAssertTrue(page.contains("示例&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;lt;局"), page)
        let headings = try elements(named: "h2", in: page) { $0.textContent }
        XCTAssertEqual(headings, [hostile], "the name reads back as printed")
    }

    func record(_ name: String, _ year: Int, _ values: [String: Decimal], agency: String = "示例局") -> CanonicalRecord {
        CanonicalRecord(
            source: SourceInfo(name: name, sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0),
            detection: DetectionInfo(adapter: "2021-revised", confidence: 1, evidence: [], candidates: []),
            report: ReportInfo(agency: agency, year: year, layout: .revised2021, script: .simplified),
            figures: values.mapValues { Figure(value: $0, provenance: Provenance(how: .printed, raw: "\($0)", location: SourceLocation())) })
    }
}

final class ComparePageBrowserTests: XCTestCase {
    /// The page rendered by a real browser: the table's figures and the chart's points reach the DOM.
    func testComparePageRendersInAHeadlessBrowser() throws {
        let browser = try HeadlessBrowser.required()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-compare-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("compare.html")
        try ComparePageTests.page.write(to: file, atomically: true, encoding: .utf8)
        let dom = try browser.renderedDOM(of: file)
        let cells = try ComparePageTestsSupport.elements(named: "td", in: dom) {
            "\($0.attribute("data-year") ?? "Δ")=\($0.textContent)"
        }
        // 本年新收 21 → 95: the row's cells as rendered.
        XCTAssertTrue(cells.contains("2023=21") && cells.contains("2024=95"), "\(cells)")
        XCTAssertTrue(cells.contains("Δ=+74 (+352.4%)"), "\(cells)")
        XCTAssertTrue(cells.contains("Δ=+50 (—)"), "\(cells)")
        let points = try ComparePageTestsSupport.elements(named: "circle", in: dom) {
            "\($0.attribute("data-path") ?? "") \($0.attribute("data-year") ?? "")=\($0.attribute("data-value") ?? "")"
        }
        XCTAssertTrue(points.contains("requests.newReceived.total 2024=95"), "\(points)")
        XCTAssertTrue(points.contains("appeals.review.total 2024=2"), "\(points)")
        XCTAssertTrue(dom.contains("<title>本年新收申请·总计 2023: 21</title>"), "the point's tooltip")
        XCTAssertTrue(dom.contains("continuity.carried.total"))
    }
}

enum ComparePageTestsSupport {
    /// What `read` gives of every element of a name, as libxml2 parses the page.
    static func elements(named name: StaticString, in html: String, _ read: (LibXML2Tree.Node) -> String) throws -> [String] {
        let tree = try LibXML2Tree(html: html)
        return withExtendedLifetime(tree) {
            var found: [String] = []
            _ = LibXML2Tree.Node.firstElement(among: tree.topLevelNodes) { node in
                if node.hasName(name) { found.append(read(node)) }
                return false
            }
            return found
        }
    }

}
