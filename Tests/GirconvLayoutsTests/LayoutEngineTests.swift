import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvLayouts

/// Rules of the generic layout engine (tables, sections, headers, units, detection, narrative use), each
/// on a small layout file and a small flattened report.
final class LayoutEngineTests: XCTestCase {
    /// Converts `text` with the built-in layouts plus `layouts` (layout-file texts).
    func convert(_ text: String, layouts: [String], name: String = "t.txt") throws -> CanonicalRecord {
        var library = try BuiltinAdapters.layoutLibrary()
        for (index, layout) in layouts.enumerated() {
            library.add(try LayoutFileParser().parse(layout, file: "layout\(index).yaml"), origin: "layout\(index).yaml")
        }
        return try BuiltinAdapters.registry(library: library).convert(RawInput(name: name, bytes: Array(text.utf8)))
    }

    func value(_ record: CanonicalRecord, _ path: String) -> Decimal? { record.figures[path]?.value }

    static let form = LayoutFileParserTests.minimal

    static let formReport = """
    某县统计局2016年政府信息公开工作年度报告
    附件：政府信息公开情况统计表
    指标名称	计量单位	代码	本期实际
    （一）收到申请数	件	20	52
    四、行政复议数量	件	50	2
    （一）维持具体行政行为数	件	51	1
    """

    func testUnitColumnAndSkippedCodeColumn() throws {
        let record = try convert(Self.formReport, layouts: [Self.form])
        XCTAssertEqual(record.detection.adapter, "tiny-form")
        XCTAssertEqual(value(record, "requests.newReceived.total"), 52, "the 代码 column (20) is skipped")
        XCTAssertEqual(value(record, "appeals.review.total"), 2)
        let location = record.figures["requests.newReceived.total"]!.provenance.location
        XCTAssertEqual(location.table, "统计表")
        XCTAssertEqual(location.row, "（一）收到申请数")
        XCTAssertEqual(location.column, "本期实际")
    }

    func testSectionPlaceholderOpensAndWithin() throws {
        let record = try convert(Self.formReport, layouts: [Self.form])
        XCTAssertEqual(value(record, "appeals.review.upheld"), 1, "{section} is the section 行政复议数量 opened")
        // Outside its section the row does not match: reported, not read.
        let early = Self.formReport.replacingOccurrences(of: "四、行政复议数量\t件\t50\t2\n", with: "")
        let other = try convert(early, layouts: [Self.form])
        XCTAssertNil(other.figures["appeals.review.upheld"])
        XCTAssertTrue(other.warnings.contains { $0.code == "row-unrecognised" && $0.message.contains("维持具体行政行为数") })
    }

    func testOneCellPerLineWithUnitColumn() throws {
        let text = Self.formReport.replacingOccurrences(of: "\t", with: "\n")
        let record = try convert(text, layouts: [Self.form])
        XCTAssertEqual(value(record, "requests.newReceived.total"), 52)
        XCTAssertEqual(value(record, "appeals.review.upheld"), 1)
    }

    func testMoneyUnitColumnConvertsAmounts() throws {
        let layout = Self.form.replacingOccurrences(of: "      - {path: requests.newReceived.total, labels: 收到申请数}",
                                                    with: "      - {path: fees.collectedYuan, labels: 收取的费用}")
        let text = Self.formReport.replacingOccurrences(of: "（一）收到申请数\t件\t20\t52", with: "七、收取的费用\t万元\t80\t0.012")
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(value(record, "fees.collectedYuan"), 120)
        XCTAssertEqual(record.figures["fees.collectedYuan"]?.provenance.raw, "0.012")
    }

    func testHeaderRowReordersColumns() throws {
        let layout = Self.form
            .replacingOccurrences(of: "      - {labels: 代码, skip: true}\n      - {key: \"\", labels: 本期实际}",
                                  with: "      - {labels: 代码, skip: true}\n      - {key: \"\", labels: 本期实际}\n      - {labels: 本年累计, skip: true}")
        let text = """
        指标名称	计量单位	本年累计	代码	本期实际
        （一）收到申请数	件	60	20	52
        """
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(value(record, "requests.newReceived.total"), 52, "the header printed 本期实际 last")
    }

    func testRowWithTooFewCellsIsNullWithWarning() throws {
        let text = Self.formReport.replacingOccurrences(of: "（一）收到申请数\t件\t20\t52", with: "（一）收到申请数\t件\t52")
        let record = try convert(text, layouts: [Self.form])
        let figure = try XCTUnwrap(record.figures["requests.newReceived.total"])
        XCTAssertNil(figure.value)
        XCTAssertTrue(record.warnings.contains { $0.code == "row-incomplete" })
    }

    func testRequireAllKeepsAVariantOffOrdinaryReports() throws {
        let text = Self.formReport.replacingOccurrences(of: "指标名称", with: "指标")
        let record = try? convert(text, layouts: [Self.form])
        XCTAssertNotEqual(record?.detection.adapter, "tiny-form")
    }

    func testOnEqualConfidenceTheLaterLayoutWins() throws {
        let second = Self.form.replacingOccurrences(of: "id: tiny-form", with: "id: tiny-form-b")
        let record = try convert(Self.formReport, layouts: [Self.form, second])
        XCTAssertEqual(record.detection.adapter, "tiny-form-b")
        XCTAssertEqual(record.detection.candidates.first?.adapter, "tiny-form")
        XCTAssertEqual(record.detection.candidates.first?.confidence, record.detection.confidence)
    }

    func testExtraFiguresKeepTheirKindAndReachTheRecord() throws {
        let layout = Self.form.replacingOccurrences(of: "      - {path: requests.newReceived.total, labels: 收到申请数}",
                                                    with: "      - {path: extra.budget.printingWanYuan, labels: 印刷经费}")
            + "\nfigures:\n  - {path: extra.budget.printingWanYuan, kind: amountWanYuan, label: 印刷经费}\n"
        let text = Self.formReport.replacingOccurrences(of: "（一）收到申请数\t件\t20\t52", with: "印刷经费\t元\t86\t35000")
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(value(record, "extra.budget.printingWanYuan"), Decimal(string: "3.5"), "35000 元 = 3.5 万元")
        guard case .object(let top) = record.tree(), let extra = top.first(where: { $0.0 == "extra" })?.1 else {
            return XCTFail("no extra object in the record")
        }
        XCTAssertTrue("\(extra)".contains("printingWanYuan"))
    }

    func testSectionRowWithItsOwnFiguresAndMissingRows() throws {
        let layout = """
        girconv-layout: 1
        id: groups
        layout: 2021-revised
        name: g
        detect:
          requireAll: [分组测试]
          required: [{phrase: 分组测试, weight: 0.9}]
        tables:
          - name: 表三
            starts: [分组测试]
            reportMissingRows: true
            columns:
              - {key: naturalPerson, labels: 自然人}
              - {key: total, labels: 总计, match: equals}
            sections:
              - {id: otherHandling, labels: 其他处理, path: requests.otherHandling}
            rows:
              - {path: requests.newReceived, labels: 本年新收}
              - {path: requests.otherHandling.noCorrection, labels: 逾期不补正, section: otherHandling}
              - {path: requests.carriedForward, labels: 结转下年度}
        """
        let text = """
        分组测试
        一、本年新收政府信息公开申请数量	3	3
        （六）其他处理	1	1
        """
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(value(record, "requests.otherHandling.total"), 1, "a section label printed with figures")
        let missing = try XCTUnwrap(record.warnings.first { $0.code == "rows-not-found" })
        XCTAssertTrue(missing.message.contains("表三 结转下年度"), missing.message)
        XCTAssertFalse(missing.message.contains("逾期不补正"), "rows under a section printed as one row are not missing")
    }

    func testIgnoredRowsAreSilentAndUnknownRowsWarn() throws {
        let layout = Self.form.replacingOccurrences(of: "    sections:", with: "    ignore: [回应解读]\n    sections:")
        let text = Self.formReport + "\n回应解读次数\t次\t09\t6\n未知指标\t件\t99\t7\n"
        let record = try convert(text, layouts: [layout])
        XCTAssertFalse(record.warnings.contains { $0.message.contains("回应解读次数") })
        XCTAssertTrue(record.warnings.contains { $0.code == "row-unrecognised" && $0.message.contains("未知指标") })
    }

    func testNarrativeUseListTakesOnlyThosePathsFromSentences() throws {
        let layout = Self.form + "\nnarrative:\n  patterns: pre2019-narrative\n  use: [fees.collectedYuan]\n"
        let text = "2016年共收到政府信息公开申请52件，收取信息处理费共计300元。\n" + Self.formReport
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(value(record, "fees.collectedYuan"), 300, "fees from the sentence")
        XCTAssertEqual(record.figures["requests.newReceived.total"]?.provenance.location.table, "统计表", "the table's figure")
        XCTAssertTrue(record.checks.contains { $0.rule == "text.requests.newReceived.total" && $0.status == .pass },
                      "the sentence is checked against the table")
    }

    func testNarrativePatternsFromAnUnknownLayoutIsAnError() throws {
        var library = LayoutLibrary()
        library.add(try LayoutFileParser().parse(Self.form + "\nnarrative:\n  patterns: no-such-layout\n", file: "f.yaml"), origin: "f.yaml")
        XCTAssertThrowsError(try library.adapters()) { error in
            let problem = (error as? LayoutFileError)?.problems.first
            XCTAssertEqual(problem?.file, "f.yaml")
            XCTAssertTrue(problem?.message.contains("no-such-layout") == true)
        }
    }

    func testSingleRowTable() throws {
        let layout = """
        girconv-layout: 1
        id: appeals-row
        layout: 2021-revised
        name: a
        detect:
          requireAll: [复议诉讼测试]
          required: [{phrase: 复议诉讼测试, weight: 0.9}]
        tables:
          - name: 表四
            starts: [复议诉讼测试]
            singleRow:
              groups: [{key: appeals.review, label: 行政复议}]
              columns: [{key: upheld, label: 结果维持}, {key: corrected, label: 结果纠正}, {key: total, label: 总计}]
        """
        let record = try convert("复议诉讼测试\n1 2 3\n", layouts: [layout])
        XCTAssertEqual(value(record, "appeals.review.upheld"), 1)
        XCTAssertEqual(value(record, "appeals.review.total"), 3)
        XCTAssertEqual(record.figures["appeals.review.corrected"]?.provenance.location.column, "结果纠正")
    }

    func testAShareColumnIsSkippedNotMistakenForALabel() throws {
        let layout = Self.form.replacingOccurrences(of: "      - {key: \"\", labels: 本期实际}",
                                                    with: "      - {key: \"\", labels: 本期实际}\n      - {labels: 占比, skip: true}")
        let text = """
        指标名称\t计量单位\t代码\t本期实际\t占比
        （一）收到申请数\t件\t20\t52\t100%
        """
        for flattened in [text, text.replacingOccurrences(of: "\t", with: "\n")] {
            let record = try convert(flattened, layouts: [layout])
            XCTAssertEqual(value(record, "requests.newReceived.total"), 52)
            XCTAssertFalse(record.warnings.contains { $0.code.hasPrefix("row-") || $0.code.hasPrefix("cell-") }, "\(record.warnings)")
        }
    }

    func testOwnPatternsExtendTheNamedOnes() throws {
        let layout = Self.form + """

        narrative:
          patterns: pre2019-narrative
          use: all
        patterns:
          triggers:
            - {path: proactive.normativeDocs.made, phrases: [印发规范性文件]}
        """
        let text = "2016年共印发规范性文件7件，主动公开政府信息120条。\n" + Self.formReport
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(value(record, "proactive.normativeDocs.made"), 7, "the file's own trigger")
        XCTAssertEqual(value(record, "proactive.total"), 120, "a trigger of the named patterns")
    }

    func testALayoutFileCanBeLoadedByItsPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-one-\(UUID().uuidString).yaml")
        try Self.form.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var library = LayoutLibrary()
        try library.load(from: file)
        XCTAssertEqual(library.layouts.map(\.spec.id), ["tiny-form"])
        XCTAssertThrowsError(try library.load(from: file.appendingPathExtension("missing"))) { error in
            XCTAssertTrue("\(error)".contains("no such layout file or directory"))
        }
    }

    func testAUnitColumnAfterTheNumbers() throws {
        let layout = Self.form
            .replacingOccurrences(of: "      - {labels: 代码, skip: true}\n", with: "")
            .replacingOccurrences(of: "      - {path: requests.newReceived.total, labels: 收到申请数}",
                                  with: "      - {path: requests.newReceived.total, labels: 收到申请数}\n      - {path: fees.collectedYuan, labels: 收取的费用}")
        let text = """
        指标名称\t本期实际\t计量单位
        （一）收到申请数\t52\t件
        收取的费用\t0.03\t万元
        """
        for flattened in [text, text.replacingOccurrences(of: "\t", with: "\n")] {
            let record = try convert(flattened, layouts: [layout])
            XCTAssertEqual(value(record, "requests.newReceived.total"), 52)
            XCTAssertEqual(value(record, "fees.collectedYuan"), 300, "0.03 in a 万元 row")
            XCTAssertFalse(record.warnings.contains { $0.code.hasPrefix("row-") }, "\(record.warnings)")
        }
    }

    func testAnUnreadableTableCellDoesNotHideTheSentence() throws {
        let layout = Self.form + "\nnarrative:\n  patterns: pre2019-narrative\n  use: all\n"
        let text = "2016年共收到政府信息公开申请52件。\n" + Self.formReport.replacingOccurrences(of: "（一）收到申请数\t件\t20\t52", with: "（一）收到申请数\t件\t52")
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(value(record, "requests.newReceived.total"), 52)
        XCTAssertNotNil(record.figures["requests.newReceived.total"]?.provenance.location.sentence, "from the sentence")
        XCTAssertFalse(record.checks.contains { $0.rule == "text.requests.newReceived.total" }, "no check of the sentence against itself")
        XCTAssertTrue(record.warnings.contains { $0.code == "row-incomplete" })
    }

    /// The guide's recipe: table 四 printed as three rows of five results instead of one row of fifteen.
    func testTransposedAppealsTableRecipe() throws {
        let layout = """
        girconv-layout: 1
        id: appeals-by-row
        layout: 2021-revised
        name: table 四 by rows
        detect:
          requireAll: [复议后起诉]
          required: [{phrase: 尚未审结, weight: 0.5}]
        tables:
          - name: 表四
            starts: [行政复议]
            columns:
              - {key: upheld, labels: 结果维持}
              - {key: corrected, labels: 结果纠正}
              - {key: other, labels: 其他结果}
              - {key: pending, labels: 尚未审结}
              - {key: total, labels: 总计, match: equals}
            rows:
              - {path: appeals.litigationDirect, labels: 未经复议直接起诉}
              - {path: appeals.litigationAfterReview, labels: 复议后起诉}
              - {path: appeals.review, labels: 行政复议}
        """
        let text = """
        四、政府信息公开行政复议、行政诉讼情况
        类别\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
        行政复议\t1\t0\t0\t1\t2
        行政诉讼（未经复议直接起诉）\t0\t1\t0\t0\t1
        行政诉讼（复议后起诉）\t1\t0\t0\t0\t1
        """
        let record = try convert(text, layouts: [layout])
        XCTAssertEqual(record.detection.adapter, "appeals-by-row")
        XCTAssertEqual(value(record, "appeals.review.total"), 2)
        XCTAssertEqual(value(record, "appeals.review.pending"), 1)
        XCTAssertEqual(value(record, "appeals.litigationDirect.corrected"), 1)
        XCTAssertEqual(value(record, "appeals.litigationAfterReview.upheld"), 1)
        XCTAssertTrue(record.checks.filter { $0.rule.hasPrefix("appeals") }.allSatisfy { $0.status == .pass })
    }
}

/// The completeness check's prefix lookup: a candidate is present exactly when it is a figure path or a
/// dotted prefix of one.
final class PresentPrefixesTests: XCTestCase {
    func testCandidatesPresentExactlyWhenAPathOrAPrefix() {
        let paths = ["requests.newReceived.total", "requests.denied.stateSecret.naturalPerson", "proactive.rules.made", "fees"]
        let figures = Dictionary(uniqueKeysWithValues: paths.map {
            ($0, Figure(value: 1, provenance: Provenance(how: .printed, raw: "1", location: SourceLocation())))
        })
        let candidates = ["requests", "requests.newReceived", "requests.newReceived.total", "requests.denied.stateSecret",
                          "requests.denied.state", "requests.new", "proactive.rules", "proactive.rules.made.x", "fees", "fee",
                          "appeals", "", "requests.denied.stateSecret.naturalPerson"]
        let present = TableReader.presentPrefixes(of: figures, among: candidates)
        for candidate in candidates {
            let expected = paths.contains { $0 == candidate || $0.hasPrefix(candidate + ".") }
            XCTAssertEqual(present.contains(candidate), expected, candidate)
        }
    }

    /// Random dotted paths and candidates (with empty segments, leading and trailing dots, non-ASCII
    /// segments and repeated prefixes) against the definition.
    func testRandomPathsAgreeWithTheDefinition() {
        var generator = SystemRandomNumberGenerator()
        let segments = ["a", "b", "ab", "", "公开", "total", "a.b"]
        func randomPath() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in segments.randomElement(using: &generator)! }.joined(separator: ".")
        }
        for _ in 0..<300 {
            let paths = Set((0..<Int.random(in: 0...6, using: &generator)).map { _ in randomPath() })
            let figures = Dictionary(uniqueKeysWithValues: paths.map {
                ($0, Figure(value: 1, provenance: Provenance(how: .printed, raw: "1", location: SourceLocation())))
            })
            let candidates = (0..<8).map { _ in randomPath() } + Array(paths.prefix(2))
            let present = TableReader.presentPrefixes(of: figures, among: candidates)
            for candidate in candidates {
                let expected = paths.contains { $0 == candidate || $0.hasPrefix(candidate + ".") }
                XCTAssertEqual(present.contains(candidate), expected, "\(candidate) in \(paths)")
            }
            XCTAssertTrue(present.isSubset(of: Set(candidates)))
        }
    }
}

/// Inside a filled report, a table left entirely blank reads as zeros and says so (issue #15).
final class BlankTableTests: XCTestCase {
    func figure(_ how: ReadingRule, table: String, line: Int) -> Figure {
        Figure(value: how == .printed ? 3 : 0, provenance: Provenance(how: how, raw: how == .printed ? "3" : "",
                                                                     location: SourceLocation(table: table, line: line)))
    }

    func testOnlyTablesBlankInEveryCellAreNamed() {
        let figures: [String: Figure] = [
            "requests.newReceived.total": figure(.printed, table: "表三", line: 40),
            "requests.granted.total": figure(.blankAsZero, table: "表三", line: 41),
            "appeals.review.upheld": figure(.blankAsZero, table: "表四", line: 60),
            "appeals.review.total": figure(.blankAsZero, table: "表四", line: 60),
            "proactive.rules.made": figure(.blankAsZero, table: "表二", line: 20),
            "proactive.rules.inForce": figure(.dashAsZero, table: "表二", line: 20),
        ]
        let warnings = LayoutAdapter.blankTableWarnings(figures)
        XCTAssertEqual(warnings.map(\.code), ["table-blank"])
        XCTAssertTrue(warnings[0].message.hasPrefix("表四: every value cell is blank (2 cells), read as 0"), warnings[0].message)
    }
}
