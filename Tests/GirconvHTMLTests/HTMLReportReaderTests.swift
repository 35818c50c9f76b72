import Foundation
import XCTest
import GirconvCore
@testable import GirconvHTML

final class HTMLReportReaderTests: XCTestCase {
    func read(_ html: String, bytes: [UInt8]? = nil) throws -> ReportDocument {
        let raw = RawInput(name: "t.html", bytes: bytes ?? Array(html.utf8))
        let decoded = try InputDecoder.decode(raw)
        let source = SourceInfo(name: "t.html", sha256: "", mediaType: decoded.mediaType, encoding: decoded.encoding, byteCount: raw.bytes.count)
        return try HTMLReportReader().read(decoded, source: source)
    }

    let page = """
    <html><head><meta charset="gb2312"><title>示例县财政局2020年政府信息公开工作年度报告_示例县人民政府</title></head><body>
    <div class="nav"><a>首页</a><a>政务公开</a></div>
    <div class="crumb">当前位置：首页 &gt; 年报</div>
    <table class="layout"><tr><td>
      <h1>示例县财政局2020年政府信息公开工作年度报告</h1>
      <p>一、总体情况</p><p>全年收到申请<b>3</b>件。</p>
      <table><tr><td>规章</td><td>0</td></tr></table>
    </td></tr></table>
    <div class="related"><h4>相关文章</h4><ul><li>示例县财政局2019年政府信息公开工作年度报告</li></ul></div>
    <div id="footer">版权所有 示例县人民政府 ICP备案号：示ICP备123号 访问量：99999</div>
    <script>document.write('第二十条第（一）项')</script>
    </body></html>
    """

    /// Only the number is the number (issue #15): a footnote marker, an index or a link beside a number is
    /// never more of its digits, and struck-out text is not text, in a table cell as in a sentence.
    func testFootnotesIndexesLinksAndStruckOutTextNeverJoinADigit() throws {
        let cells = ["57<sup>1</sup>", "57<a href=\"#fn1\">1</a>", "57<sub>2</sub>", "<del>12</del>57", "<s>9</s>57", "<strike>9</strike>57",
                     "<a href=\"detail.html\">57</a>", "<span>5</span><span>7</span>"]
        let rows = cells.map { "<tr><td>规章</td><td>\($0)</td></tr>" }.joined()
        let document = try read("<html><body><table>\(rows)</table><p>全年收到申请57<sup>1</sup>件，其中<del>12</del>57件。</p></body></html>")
        let texts = try XCTUnwrap(document.tables.first).rows.map { $0.cells.last?.text }
        XCTAssertEqual(texts, ["57 1", "57 1", "57 2", "57", "57", "57", "57", "57"])
        XCTAssertTrue(document.lines.contains { $0.text.contains("全年收到申请57 1 件，其中57件。") }, document.lines.map(\.text).joined(separator: "\n"))
    }

    /// Hidden elements (the `hidden` attribute, an inline `display:none` or `visibility:hidden`) are not on the
    /// page a reader sees: their digits never join a cell's, a hidden row or cell is no row or cell, and a hidden
    /// sentence is no sentence (issue #15). Other style properties (`mso-display`) hide nothing.
    func testHiddenElementsAreNotRead() throws {
        let document = try read("""
        <html><body><p style="display:none">全年收到申请99件。</p><p hidden>共收到申请98件。</p>
        <p style="Visibility : Hidden !important">收到申请97件。</p><p style="mso-display:none;color:red">全年收到申请12件。</p>
        <table>
        <tr><td>规章</td><td>57<span style="display: none">1</span></td></tr>
        <tr style="display:none"><td>规范性文件</td><td>8</td></tr>
        <tr><td>行政许可</td><td hidden>3</td><td>6</td></tr>
        <tbody hidden><tr><td>行政处罚</td><td>4</td></tr></tbody>
        <tr><td>行政强制</td><td>5<span style="visibility:hidden">1</span></td><td style="visibility: hidden">2</td><td>7</td></tr>
        </table></body></html>
        """)
        let rows = try XCTUnwrap(document.tables.first).rows.map { $0.cells.map(\.text) }
        // An invisible element keeps its place: its cell keeps its slot (the cells after it do not shift), and
        // its text is set apart, never more digits of a number ("5 1" is no number).
        XCTAssertEqual(rows, [["规章", "57"], ["行政许可", "6"], ["行政强制", "5 1", "2", "7"]])
        let text = document.lines.map(\.text).joined(separator: "\n")
        XCTAssertFalse(text.contains("99") || text.contains("98") || text.contains("97"), text)
        XCTAssertTrue(text.contains("全年收到申请12件。"), text)
    }

    /// Hundreds of unclosed tags stop libxml2 (nesting deeper than 256): what follows is not read, and the
    /// document says so instead of ending silently (issue #15).
    func testUnclosedTagsThatStopTheParseAreReported() throws {
        let spans = String(repeating: "<span>", count: 300)
        let cut = try read("<html><body><p>一、总体情况</p>\n\(spans)<p>三、收到和处理政府信息公开申请情况</p></body></html>")
        XCTAssertEqual(cut.warnings.map(\.code), ["document-truncated"])
        XCTAssertTrue(cut.warnings[0].message.contains("line 2"), cut.warnings[0].message)
        let whole = try read("<html><body><p>一、总体情况</p>\(String(repeating: "<span>", count: 200))<p>三、情况</p></body></html>")
        XCTAssertEqual(whole.warnings.count, 0)
        XCTAssertTrue(whole.lines.contains { $0.text.contains("三、情况") })
    }

    func testBodyTextLeavesChromeOut() throws {
        let document = try read(page)
        let text = document.lines.map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("全年收到申请3件。"))
        XCTAssertTrue(text.contains("规章 | 0"))
        for chrome in ["首页", "当前位置", "相关文章", "2019年政府信息公开", "ICP", "访问量", "99999", "第二十条"] {
            XCTAssertFalse(text.contains(chrome), chrome)
        }
        XCTAssertEqual(document.tables.count, 1, "the layout table is not a data table")
        XCTAssertEqual(document.tables[0].rows[0].cells.map(\.text), ["规章", "0"])
        XCTAssertEqual(document.titleHints.first, "示例县财政局2020年政府信息公开工作年度报告")
        XCTAssertEqual(ReportMetadataReader.title(in: document), "示例县财政局2020年政府信息公开工作年度报告")
    }

    func testGBKPageDeclaredGB2312WithGBKOnlyCharacters() throws {
        let html = page.replacingOccurrences(of: "全年收到申请", with: "联系人朱镕喆，全年收到申请")
        let bytes = [UInt8](html.data(using: String.Encoding(rawValue: 0x8000_0632))!)
        let document = try read(html, bytes: bytes)
        XCTAssertEqual(document.source.encoding, "GB18030")
        XCTAssertTrue(document.text.contains("联系人朱镕喆，全年收到申请3件。"), "no truncation at the first GBK-only character")
        XCTAssertTrue(document.text.contains("规章 | 0"))
    }

    func testGBKPageWithoutDeclaration() throws {
        let html = page.replacingOccurrences(of: "<meta charset=\"gb2312\">", with: "")
        let bytes = [UInt8](html.data(using: String.Encoding(rawValue: 0x8000_0632))!)
        let document = try read(html, bytes: bytes)
        XCTAssertEqual(document.source.encoding, "GB18030")
        XCTAssertEqual(document.titleHints.first, "示例县财政局2020年政府信息公开工作年度报告")
    }

    func testUTF8PageDeclaredGB2312() throws {
        let document = try read(page)
        XCTAssertEqual(document.source.encoding, "UTF-8")
        XCTAssertTrue(document.text.contains("全年收到申请3件。"))
    }

    func testPageTitleSiteSuffixIsSplitOff() {
        XCTAssertEqual(HTMLReportReader.pageTitleParts("示例县2020年政府信息公开工作年度报告_示例县人民政府"),
                       ["示例县2020年政府信息公开工作年度报告", "示例县人民政府"])
    }
}

extension HTMLReportReaderTests {
    /// Hostile nesting: 100,000 nested <div>s and 3,000 nested tables read without crashing.
    func testDeeplyNestedPagesDoNotCrash() throws {
        let divs = "<html><body>" + String(repeating: "<div>", count: 100_000) + "x" + String(repeating: "</div>", count: 100_000) + "</body></html>"
        XCTAssertNoThrow(try read(divs))
        let tables = "<html><body>" + String(repeating: "<table><tr><td>", count: 3_000) + "x" + String(repeating: "</td></tr></table>", count: 3_000) + "</body></html>"
        XCTAssertNoThrow(try read(tables))
    }
}
