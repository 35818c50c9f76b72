import Foundation
import XCTest
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
