import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvLayouts

/// A layout whose `rows` are in priority order declares the order its form prints them (`printedOrder: [paths]`),
/// the words of its unit column (`unitColumn: [条, 件]`) and a column never below another (`atLeast`); its
/// identities may name a skipped column's cells as "<row path>.<column key>".
final class PrintedOrderTests: XCTestCase {
    static func layout(printedOrder: String = "[proactive.total, proactive.channels.website, requests.channels.fax, extra.requests.channels.letterOrFax]",
                       unitColumn: String = "[条, 件]", atLeast: String = "\"\"",
                       cumulativePath: String = "proactive.total.cumulative") -> String {
        """
        girconv-layout: 1
        id: ordered-form
        layout: pre2019-appendix
        name: ordered form
        detect:
          requireAll: [指标名称, 历年累计]
          tableRows: {base: 0.4, weight: 0.1, max: 0.8}
        figures:
          - {path: extra.requests.channels.letterOrFax, kind: count, label: 信函、传真申请数}
        identities:
          - {rule: form.cumulative, description: 历年累计 网站公开 ≤ 主动公开, totals: [\(cumulativePath)], parts: [proactive.channels.website.cumulative], relation: atMost}
        narrative:
          patterns: pre2019-narrative
          use: all
        tables:
          - name: 统计表
            starts: [指标名称]
            unitColumn: \(unitColumn)
            printedOrder: \(printedOrder)
            columns:
              - {key: "", labels: 年度}
              - {key: cumulative, labels: 历年累计, skip: true, atLeast: \(atLeast)}
            rows:
              - {path: extra.requests.channels.letterOrFax, labels: 信函、传真申请数}
              - {path: requests.channels.fax, labels: 传真申请数}
              - {path: proactive.total, labels: 主动公开信息数}
              - {path: proactive.channels.website, labels: 网站公开}
        """
    }

    func parse(_ text: String) throws -> LayoutSpec { try LayoutFileParser().parse(text, file: "test.yaml") }

    func problems(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try parse(text)
            XCTFail("expected errors", file: file, line: line)
        } catch let error as LayoutFileError {
            return error.problems.map(\.message)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return []
    }

    func testThePrintedOrderUnitWordsAndAtLeastAreRead() throws {
        let table = try XCTUnwrap(parse(Self.layout()).tables.first)
        XCTAssertTrue(table.printedOrder)
        XCTAssertEqual(table.printedRows, [[2], [3], [1], [0]])
        XCTAssertEqual(table.printedSequence.map { table.rows[$0[0]].path },
                       ["proactive.total", "proactive.channels.website", "requests.channels.fax", "extra.requests.channels.letterOrFax"])
        XCTAssertTrue(table.unitColumn)
        XCTAssertEqual(table.unitWords, ["条", "件"])
        XCTAssertEqual(table.columns.map(\.atLeast), [nil, ""])
    }

    /// A report of this made-up form on one line (not Fujian's: no 统计表 caption, 件 as its unit), its rows in
    /// the printed order and not the layout's: "主动公开信息数件1230" is 1 | 230, 12 | 30 or (blank) | 1230 by its
    /// digits, 12 | 30 by the sentence "主动公开政府信息12条"; "1.网站公开件10252." (the 2. is the next row's number):
    /// 10 | 25 or (blank) | 1025 (1 | 025 has a leading zero, 102 | 5 exceeds 历年累计), and only 10 | 25 keeps its
    /// 历年累计 within 30; "2.传真申请数件003." is 0 | 0, the fax row, although "传真申请数" is inside the label of
    /// the row listed first, "3.信函、传真申请数 件 1 1", read as printed cells.
    func testAnotherFormOnOneLine() throws {
        var library = try BuiltinAdapters.layoutLibrary()
        library.add(try parse(Self.layout()), origin: "ordered-form.yaml")
        let text = """
        某县人民政府2012年政府信息公开工作年度报告
        一、概述 本县认真贯彻落实《中华人民共和国政府信息公开条例》，进一步健全政府信息公开工作机制，推进重点领域信息公开。2012年本县主动公开政府信息12条。二、存在的主要问题 公开内容还不够全面。附表 政府信息公开情况汇总 指标名称 计量单位 本年度 历年累计 主动公开信息数件1230其中：1.网站公开件10252.传真申请数件003.信函、传真申请数 件 1 1 附件下载

        """
        let r = try BuiltinAdapters.registry(library: library).convert(RawInput(name: "ordered.txt", bytes: Array(text.utf8)))
        XCTAssertEqual(r.detection.adapter, "ordered-form")
        XCTAssertEqual(r.figures["proactive.total"]?.value, 12)
        XCTAssertEqual(r.figures["proactive.channels.website"]?.value, 10)
        XCTAssertEqual(r.figures["requests.channels.fax"]?.value, 0)
        XCTAssertEqual(r.figures["extra.requests.channels.letterOrFax"]?.value, 1)
        let website = try XCTUnwrap(r.figures["proactive.channels.website"])
        XCTAssertEqual(website.provenance.how, .recovered)
        XCTAssertEqual(website.provenance.raw, "1025")
        XCTAssertEqual(website.provenance.location.row, "1.网站公开", "the unit 件 is a cell of its own")
        XCTAssertTrue(website.provenance.derivedFrom.contains("form.cumulative"), "\(website.provenance.derivedFrom)")
        XCTAssertEqual(r.figures["extra.requests.channels.letterOrFax"]?.provenance.how, .printed)
        XCTAssertEqual(r.checks.first { $0.rule == "form.cumulative" }?.status, nil, "no figure of the record is a 历年累计 cell")
    }

    func testMistakesAreReported() {
        XCTAssertTrue(problems(Self.layout(printedOrder: "[proactive.total, requests.channels.email]"))
            .contains { $0.contains("\"requests.channels.email\" is not the path of a row") })
        XCTAssertTrue(problems(Self.layout(printedOrder: "[proactive.total, proactive.total]")).contains { $0.contains("listed twice") })
        XCTAssertTrue(problems(Self.layout(unitColumn: "[条, 斤]")).contains { $0.contains("\"斤\" is not a unit") })
        XCTAssertTrue(problems(Self.layout(atLeast: "total")).contains { $0.contains("atLeast: \"total\" is not the key") })
        // A skipped column's key after a path the file does not know is no path.
        XCTAssertTrue(problems(Self.layout(cumulativePath: "proactive.nothing.cumulative")).contains { $0.contains("proactive.nothing.cumulative") })
        XCTAssertTrue(problems(Self.layout(cumulativePath: "proactive.total.yearly")).contains { $0.contains("proactive.total.yearly") })
    }
}
