import Foundation
import XCTest
import GirconvCore
@testable import GirconvLayouts
import GirconvText

/// The layout-file format: what it accepts, and the file:line:column errors for what it does not.
final class LayoutFileParserTests: XCTestCase {
    /// A small valid layout: one table with a unit column, a skipped code column and a section.
    static let minimal = """
    girconv-layout: 1
    id: tiny-form
    layout: pre2019-appendix
    name: tiny form
    detect:
      requireAll: [指标名称]
      tableRows: {base: 0.4, weight: 0.1, max: 0.8}
    tables:
      - name: 统计表
        starts: [指标名称]
        unitColumn: true
        columns:
          - {labels: 代码, skip: true}
          - {key: "", labels: 本期实际}
        sections:
          - {id: review}
        rows:
          - {path: requests.newReceived.total, labels: 收到申请数}
          - {path: appeals.review.total, labels: 行政复议数量, opens: review}
          - {path: "appeals.{section}.upheld", labels: 维持, within: [review]}
    """

    func parse(_ text: String) throws -> LayoutSpec { try LayoutFileParser().parse(text, file: "test.yaml") }

    /// The problems of an invalid file.
    func problems(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [LayoutFileProblem] {
        do {
            _ = try parse(text)
            XCTFail("expected errors", file: file, line: line)
            return []
        } catch let error as LayoutFileError {
            return error.problems
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return []
        }
    }

    func testMinimalLayoutParses() throws {
        let spec = try parse(Self.minimal)
        XCTAssertEqual(spec.id, "tiny-form")
        XCTAssertEqual(spec.layout, .pre2019Appendix)
        XCTAssertEqual(spec.tables.count, 1)
        let table = spec.tables[0]
        XCTAssertTrue(table.unitColumn)
        XCTAssertEqual(table.columns.map(\.skip), [true, false])
        XCTAssertEqual(table.rows.map(\.path), ["requests.newReceived.total", "appeals.review.total", "appeals.{section}.upheld"])
        XCTAssertEqual(table.rows[2].within, ["review"])
        XCTAssertEqual(spec.detection.requireAll.map(\.name), ["指标名称"])
        XCTAssertEqual(spec.detection.tableRows?.max, 0.8)
        XCTAssertEqual(spec.detection.tableRows?.needed, true, "by default a row must be read")
    }

    func testATermCanBeNotNeeded() throws {
        let text = Self.minimal.replacingOccurrences(of: "  tableRows: {base: 0.4, weight: 0.1, max: 0.8}",
                                                     with: "  tableRows: {base: 0.4, weight: 0.1, max: 0.8, needed: false}")
        XCTAssertEqual(try parse(text).detection.tableRows?.needed, false)
        let wrong = Self.minimal.replacingOccurrences(of: "  tableRows: {base: 0.4, weight: 0.1, max: 0.8}",
                                                      with: "  tableRows: {base: 0.4, weight: 0.1, max: 0.8, needed: 3}")
        XCTAssertFalse(problems(wrong).isEmpty)
    }

    func testJSONIsAcceptedToo() throws {
        let json = """
        {"girconv-layout": 1, "id": "tiny-json", "layout": "2021-revised", "name": "t",
         "detect": {"required": [{"phrase": "本年新收", "weight": 0.5}]},
         "tables": [{"name": "表三", "columns": [{"key": "total", "labels": "总计"}],
                     "rows": [{"path": "requests.newReceived", "labels": ["本年新收"]}]}]}
        """
        XCTAssertEqual(try parse(json).tables[0].rows[0].path, "requests.newReceived")
    }

    func testUnknownKeyNamesLineAndSuggestsTheNearestKey() {
        let text = Self.minimal.replacingOccurrences(of: "    starts: [指标名称]", with: "    strats: [指标名称]")
        let found = problems(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].line, 10)
        XCTAssertEqual(found[0].column, 5)
        XCTAssertTrue(found[0].message.contains("unknown key \"strats\""), found[0].message)
        XCTAssertTrue(found[0].message.contains("did you mean \"starts\""), found[0].message)
        XCTAssertTrue(found[0].description.hasPrefix("test.yaml:10:5: "))
    }

    func testUnknownFigurePathIsAnError() {
        let text = Self.minimal.replacingOccurrences(of: "requests.newReceived.total", with: "requests.newRecieved.total")
        let found = problems(text)
        XCTAssertEqual(found.map(\.line), [18])
        XCTAssertTrue(found[0].message.contains("not a canonical figure path"), found[0].message)
    }

    func testExtraFiguresMustBeDeclaredAndLiveUnderExtra() throws {
        let undeclared = Self.minimal.replacingOccurrences(of: "requests.newReceived.total", with: "extra.otherDocs.made")
        XCTAssertTrue(problems(undeclared)[0].message.contains("is not declared"))
        let declared = undeclared + "\nfigures:\n  - {path: extra.otherDocs.made, kind: count, label: 其他主动公开文件}\n"
        XCTAssertEqual(try parse(declared).figures, [ExtraFigure(path: "extra.otherDocs.made", kind: .count, label: "其他主动公开文件")])
        let outside = Self.minimal + "\nfigures:\n  - {path: proactive.otherDocs, label: x}\n"
        XCTAssertTrue(problems(outside)[0].message.contains("must start with \"extra.\""))
    }

    func testUndefinedSectionIsAnError() {
        let text = Self.minimal.replacingOccurrences(of: "within: [review]", with: "within: [reviews]")
        let found = problems(text)
        XCTAssertTrue(found.contains { $0.message.contains("section \"reviews\" is not defined") && $0.line == 20 }, "\(found)")
    }

    func testWrongTypesAndValues() {
        let text = Self.minimal
            .replacingOccurrences(of: "unitColumn: true", with: "unitColumn: maybe")
            .replacingOccurrences(of: "layout: pre2019-appendix", with: "layout: 2022-new")
        let found = problems(text)
        XCTAssertTrue(found.contains { $0.line == 3 && $0.message.contains("\"2022-new\" is not one of") }, "\(found)")
        XCTAssertTrue(found.contains { $0.line == 11 && $0.message.contains("must be true or false") }, "\(found)")
        // Problems come in line order.
        XCTAssertEqual(found.map(\.line), found.map(\.line).sorted())
    }

    func testInvalidYAMLNamesTheLine() {
        let found = problems("girconv-layout: 1\nid: x\ntables: [\n  - a\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.hasPrefix("not valid YAML"), found[0].message)
        XCTAssertGreaterThanOrEqual(found[0].line, 3)
    }

    func testEmptyFileWrongVersionAndMissingKeys() {
        XCTAssertEqual(problems("")[0].message, "the file is empty")
        XCTAssertTrue(problems(Self.minimal.replacingOccurrences(of: "girconv-layout: 1", with: "girconv-layout: 2"))[0].message
            .contains("reads format 1, not 2"))
        let found = problems("girconv-layout: 1\nname: x\n")
        XCTAssertTrue(found.contains { $0.message.contains("\"id\" is required") })
        XCTAssertTrue(found.contains { $0.message.contains("\"layout\" is required") })
        XCTAssertTrue(found.contains { $0.message.contains("\"detect\" is required") })
    }

    func testBadRegularExpressionInZeroStatement() {
        let text = """
        girconv-layout: 1
        id: prose
        layout: pre2019-narrative
        name: p
        detect:
          narrativeFigures: {weight: 0.1, max: 0.8}
        narrative: {use: all}
        patterns:
          triggers:
            - {path: requests.newReceived.total, phrases: [收到申请]}
          zeroStatements:
            - {pattern: '(未|没有', paths: [requests.newReceived.total]}
        """
        let found = problems(text)
        XCTAssertEqual(found.map(\.line), [12])
        XCTAssertTrue(found[0].message.contains("not a valid regular expression"))
    }

    func testIdMustBeAnAdapterName() {
        XCTAssertTrue(problems(Self.minimal.replacingOccurrences(of: "id: tiny-form", with: "id: Tiny Form"))[0].message
            .contains("must be lower-case"))
    }

    func testLabelsAreNormalisedForMatching() throws {
        let spec = try parse(Self.minimal)
        // Full-width, traditional script and a leading enumeration do not matter.
        XCTAssertTrue(spec.tables[0].rows[0].labels.matches(TextNormalizer.labelKey("（一）收到申請數", traditional: true)))
    }

    func testNarrativeDetectionNeedsANarrative() {
        let text = Self.minimal.replacingOccurrences(of: "  tableRows: {base: 0.4, weight: 0.1, max: 0.8}",
                                                     with: "  narrativeFigures: {weight: 0.1, max: 0.8}")
        XCTAssertTrue(problems(text).contains { $0.message.contains("narrativeFigures needs \"narrative\"") })
    }

    func testEachProblemIsReportedOnce() {
        let text = Self.minimal.replacingOccurrences(of: "    sections:\n      - {id: review}", with: "    sections: review")
        let found = problems(text).filter { $0.message.contains("sections must be a list") }
        XCTAssertEqual(found.count, 1, "\(found)")
    }
}
