import Foundation
import GirconvAdapters
import GirconvCore
import GirconvXML
import XCTest
@testable import GirconvPages

/// Samples, records and parsed pages for the proof-sheet tests.
enum PageFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")

    /// Every sample that is a report (the not-a-report notice is the one that is not).
    static func reportSamples() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            .filter { ["txt", "html", "pdf", "docx"].contains($0.pathExtension) && !$0.lastPathComponent.hasPrefix("not-a-report") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func record(_ file: URL) throws -> CanonicalRecord {
        try BuiltinAdapters.registry().convert(RawInput(name: file.lastPathComponent, path: "Samples/" + file.lastPathComponent,
                                                        bytes: [UInt8](try Data(contentsOf: file))))
    }

    /// The page of a record, with the layout file it was read with.
    static func page(_ record: CanonicalRecord) throws -> String {
        let layout = try BuiltinAdapters.layoutLibrary().layouts.first { $0.spec.id == record.detection.adapter }?.spec
        return ProofSheet.page(for: record, layout: layout)
    }

    /// Every element below `node` (depth first) for which `predicate` holds.
    static func elements(in tree: LibXML2Tree, where predicate: (LibXML2Tree.Node) -> Bool) -> [LibXML2Tree.Node] {
        var found: [LibXML2Tree.Node] = []
        var stack = [tree.topLevelNodes.makeIterator()]
        while !stack.isEmpty {
            guard let node = stack[stack.count - 1].next() else { stack.removeLast(); continue }
            guard node.isElement else { continue }
            if predicate(node) { found.append(node) }
            stack.append(node.children.makeIterator())
        }
        return found
    }

    /// The text of each `data-path` element of a page: what a reader sees in each figure's cell.
    static func shownFigures(_ tree: LibXML2Tree) -> [String: String] {
        var shown: [String: String] = [:]
        for node in elements(in: tree, where: { $0.attribute("data-path") != nil }) {
            shown[node.attribute("data-path")!] = node.textContent
        }
        return shown
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}

final class ProofSheetTests: XCTestCase {
    /// A record by hand whose text tries to break out of the markup everywhere it reaches the page.
    func hostileRecord() -> CanonicalRecord {
        let hostile = "\"><script>alert(1)</script>&lt;b&gt;'"
        var record = CanonicalRecord(
            source: SourceInfo(name: "x\"<y>.txt", sha256: "0", mediaType: "text/plain", encoding: "utf-8", byteCount: 1),
            detection: DetectionInfo(adapter: "2021-revised", confidence: 1, evidence: [], candidates: []),
            report: ReportInfo(title: hostile, agency: hostile, year: 2023, layout: .revised2021, script: .simplified))
        record.figures["requests.newReceived.total"] = Figure(value: 12, provenance: Provenance(
            how: .printed, raw: "12", location: SourceLocation(table: hostile, row: hostile, column: hostile, line: 3)))
        record.figures["fees.collectedYuan"] = Figure(value: 0, provenance: Provenance(
            how: .statedZero, raw: "0", location: SourceLocation(sentence: "收取费用0元\(hostile)。", line: 9)))
        record.warnings = [ReportWarning(code: "cell-unreadable", message: hostile, path: "requests.newReceived.natural\"Person")]
        return record
    }

    func testReportTextIsEscapedEverywhere() throws {
        let page = ProofSheet.page(for: hostileRecord())
        XCTAssertFalse(page.contains("<script"), "no script from the text, and a proof sheet has none of its own")
        XCTAssertTrue(page.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;lt;b&amp;gt;&#39;"))
        // The whole page is well-formed (as XML, the strictest reading), with both figures in their cells.
        let tree = try LibXML2Tree(xmlPart: Array(Self.withoutDoctype(page).utf8))
        XCTAssertEqual(PageFixtures.shownFigures(tree), ["requests.newReceived.total": "12", "fees.collectedYuan": "0"])
    }

    /// A proof sheet parses cleanly with libxml2: as XML (so no unclosed or misnested element, no bare `&` or
    /// `<`), and as HTML with its frame where a browser expects it.
    func testPageParsesCleanlyWithLibxml2() throws {
        let record = try PageFixtures.record(PageFixtures.samples.appendingPathComponent("hongze-2023-district.pdf"))
        let page = try PageFixtures.page(record)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertNoThrow(try LibXML2Tree(xmlPart: Array(Self.withoutDoctype(page).utf8)))
        let html = try LibXML2Tree(html: page, options: [.noNetwork])
        let root = try XCTUnwrap(html.root)
        XCTAssertEqual(root.name, "html")
        XCTAssertEqual(root.children.filter(\.isElement).map(\.name), ["head", "body"])
        XCTAssertEqual(PageFixtures.elements(in: html) { $0.hasName("style") }.count, 1)
        XCTAssertEqual(PageFixtures.elements(in: html) { $0.hasName("script") }.count, 0, "readable without a script: it has none")
        for external in ["http://", "https://", "<link", "src=", "@import", "url("] {
            XCTAssertFalse(page.contains(external), "page refers to something outside itself: \(external)")
        }
        // Every figure of the record has its cell, inside a table cell or a sentence's list.
        XCTAssertEqual(Set(PageFixtures.shownFigures(html).keys), Set(record.figures.keys))
        // Each cell is coloured by the way its figure was read (printed, or derived: the group rows of 表三).
        var classes: [String: [Substring]] = [:]
        for cell in PageFixtures.elements(in: html, where: { $0.attribute("id")?.hasPrefix("cell-") == true }) {
            classes[String(cell.attribute("id")!.dropFirst(5))] = (cell.attribute("class") ?? "").split(separator: " ")
        }
        for (path, figure) in record.figures {
            XCTAssertTrue(classes[path]?.contains(Substring(PageShell.cssClass(for: figure.provenance.how))) == true, "\(path): \(classes[path] ?? [])")
        }
        XCTAssertEqual(Set(record.figures.values.map(\.provenance.how)), [.printed, .derived])
        // The tables as the report prints them: 表二, 表三, 表四, then the sentence of the fees.
        XCTAssertEqual(PageFixtures.elements(in: html) { $0.hasName("h2") }.map(\.textContent).prefix(4),
                       ["表二", "表三", "表四", "正文"])
        // The index parses cleanly too (its sorting script has no `<` or `&`).
        let index = ReportIndex.page(entries: [ReportIndex.Entry(record: record, link: "a/b.pdf.html")],
                                     failures: [ReportIndex.Failure(source: "bad<.txt", error: "empty & \"so\" unread")])
        XCTAssertNoThrow(try LibXML2Tree(xmlPart: Array(Self.withoutDoctype(index).utf8)))
    }

    func testTheNumberOfASentenceIsMarkedWhereItStandsAlone() {
        // "10" inside "2010" and "110" is not the figure; the 10 of "10件" is.
        let parts = ProofSheet.segments(of: "2010年收到申请10件，办结110件", marking: "10")
        XCTAssertEqual(parts.filter(\.marked).map(\.text), ["10"])
        XCTAssertEqual(parts.map(\.text).joined(), "2010年收到申请10件，办结110件")
        XCTAssertEqual(parts.firstIndex { $0.marked }, 1)
    }

    func testAFigureTheRecordLacksShowsItsEmptyLabelledCellWithItsWarning() throws {
        // 表四 of the 2021 layout, with one figure read and a warning for a row of it that was not found.
        var record = hostileRecord()
        record.figures = ["appeals.review.upheld": Figure(value: 3, provenance: Provenance(
            how: .printed, raw: "3", location: SourceLocation(table: "表四", row: "行政复议", column: "结果维持", line: 40)))]
        record.warnings = [ReportWarning(code: "row-not-found", message: "no row 复议后起诉", path: "appeals.litigationAfterReview.upheld")]
        let layout = try BuiltinAdapters.layoutLibrary().layouts.first { $0.spec.id == "2021-revised" }?.spec
        let page = ProofSheet.page(for: record, layout: layout)
        let tree = try LibXML2Tree(xmlPart: Array(Self.withoutDoctype(page).utf8))
        XCTAssertEqual(PageFixtures.shownFigures(tree), ["appeals.review.upheld": "3", "appeals.litigationAfterReview.upheld": "null"])
        let cell = try XCTUnwrap(PageFixtures.elements(in: tree) { $0.attribute("id") == "cell-appeals.litigationAfterReview.upheld" }.first)
        XCTAssertTrue(cell.attribute("title")?.contains("row-not-found") == true)
        // Under the column of its sibling (结果维持), in a row of the layout's label.
        let rows = PageFixtures.elements(in: tree) { $0.hasName("tr") }.map { $0.children.filter(\.isElement).map(\.textContent) }
        XCTAssertTrue(rows.contains { $0.first == "行政诉讼 · 复议后起诉" && $0.count == 2 }, "\(rows)")
    }

    static func withoutDoctype(_ page: String) -> String {
        page.hasPrefix("<!DOCTYPE html>") ? String(page.dropFirst("<!DOCTYPE html>".count)) : page
    }
}

/// The proof sheets in a real browser: what a person sees is what the record holds.
final class ProofSheetBrowserTests: XCTestCase {
    /// Hongze 2023's 表四 prints 行政复议 as 10 · 1 · 0 · 0 with 总计 0 (page 4 of the PDF): the identity
    /// 总计 = 维持 + 纠正 + 其他 + 尚未审结 fails, 11 against 0. The rendered page outlines that cell and says so.
    func testHongzeBrokenTableFourCellIsOutlinedWithExpectedAndFound() throws {
        let browser = try HeadlessBrowser.required()
        let directory = try PageFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = try PageFixtures.record(PageFixtures.samples.appendingPathComponent("hongze-2023-district.pdf"))
        let file = directory.appendingPathComponent("hongze-2023.html")
        try PageFixtures.page(record).write(to: file, atomically: true, encoding: .utf8)
        let dom = try LibXML2Tree(html: try browser.renderedDOM(of: file))
        let shown = PageFixtures.shownFigures(dom)
        // As printed in the PDF's 表四, row 行政复议.
        XCTAssertEqual(shown["appeals.review.upheld"], "10")
        XCTAssertEqual(shown["appeals.review.corrected"], "1")
        XCTAssertEqual(shown["appeals.review.other"], "0")
        XCTAssertEqual(shown["appeals.review.pending"], "0")
        XCTAssertEqual(shown["appeals.review.total"], "0")
        let total = try XCTUnwrap(PageFixtures.elements(in: dom) { $0.attribute("id") == "cell-appeals.review.total" }.first)
        let classes = (total.attribute("class") ?? "").split(separator: " ")
        XCTAssertTrue(classes.contains("fail"), "the failing total is outlined: \(classes)")
        XCTAssertTrue(total.textContent.contains("expected 11, found 0"), total.textContent)
        for part in ["upheld", "corrected", "other", "pending"] {
            let cell = try XCTUnwrap(PageFixtures.elements(in: dom) { $0.attribute("id") == "cell-appeals.review.\(part)" }.first)
            XCTAssertTrue((cell.attribute("class") ?? "").split(separator: " ").contains("fail-part"), part)
        }
        // The provenance is there on hover (title) and in the panel a click opens.
        XCTAssertTrue(total.attribute("title")?.contains("表四 · row “行政复议” · column “总计”") == true, total.attribute("title") ?? "")
        XCTAssertTrue(total.attribute("title")?.contains("page 4") == true)
        let panel = PageFixtures.elements(in: dom) { $0.attribute("class") == "prov" }
        XCTAssertTrue(panel.contains { $0.textContent.contains("t4.review.total: fail (expected 11, found 0)") })
    }

    /// Every sample that is a report: the browser renders every figure of its record, each in its own cell
    /// (found by its path) showing its value.
    func testEverySampleShowsEveryFigureOfItsRecord() throws {
        let browser = try HeadlessBrowser.required()
        let directory = try PageFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let samples = try PageFixtures.reportSamples()
        XCTAssertGreaterThanOrEqual(samples.count, 20)
        for sample in samples {
            let record = try PageFixtures.record(sample)
            let file = directory.appendingPathComponent(sample.lastPathComponent + ".html")
            try PageFixtures.page(record).write(to: file, atomically: true, encoding: .utf8)
            let shown = PageFixtures.shownFigures(try LibXML2Tree(html: try browser.renderedDOM(of: file)))
            XCTAssertFalse(record.figures.isEmpty, sample.lastPathComponent)
            for (path, figure) in record.figures {
                XCTAssertEqual(shown[path], figure.value.map { "\($0)" } ?? "null", "\(sample.lastPathComponent): \(path)")
            }
        }
    }
}
