import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvLayouts

/// Issue #17, point 5: a pre-2019 form of two columns (this year | 历年累计) printed on one line, its cells
/// run together, decided by identities its layout file declares (`relation: atMost`): this year ≤ cumulative
/// and the channels ≤ the whole. The layout and the report are made up for the test; every expected figure is
/// worked out by hand from the text below.
final class FusedFormLayoutTests: XCTestCase {
    static let layout = """
    girconv-layout: 1
    id: two-column-form
    layout: pre2019-appendix
    name: two-column form
    detect:
      requireAll: [指标名称, 历年累计]
      tableRows: {base: 0.4, weight: 0.1, max: 0.8}
    figures:
      - {path: extra.proactive.year, kind: count, label: 主动公开信息数 本年}
      - {path: extra.proactive.cumulative, kind: count, label: 主动公开信息数 历年累计}
      - {path: extra.website.year, kind: count, label: 网站公开 本年}
      - {path: extra.website.cumulative, kind: count, label: 网站公开 历年累计}
      - {path: extra.gazette.year, kind: count, label: 政府公报公开 本年}
      - {path: extra.gazette.cumulative, kind: count, label: 政府公报公开 历年累计}
      - {path: extra.requests.year, kind: count, label: 受理申请数 本年}
      - {path: extra.requests.cumulative, kind: count, label: 受理申请数 历年累计}
    identities:
      - {rule: form.website.year-within-cumulative, description: 网站公开 本年 ≤ 历年累计, totals: extra.website.cumulative, parts: [extra.website.year], relation: atMost}
      - {rule: form.gazette.year-within-cumulative, description: 政府公报公开 本年 ≤ 历年累计, totals: extra.gazette.cumulative, parts: [extra.gazette.year], relation: atMost}
      - {rule: form.channels.year, description: 各渠道 本年 ≤ 主动公开信息数, totals: extra.proactive.year, parts: [extra.website.year, extra.gazette.year], relation: atMost}
      - {rule: form.channels.cumulative, description: 各渠道 历年累计 ≤ 主动公开信息数, totals: extra.proactive.cumulative, parts: [extra.website.cumulative, extra.gazette.cumulative], relation: atMost}
    tables:
      - name: 统计表
        starts: [指标名称]
        printedOrder: true
        columns:
          - {key: year, labels: 本年}
          - {key: cumulative, labels: 历年累计}
        rows:
          - {path: extra.proactive, labels: 主动公开信息数}
          - {path: extra.website, labels: 网站公开}
          - {path: extra.gazette, labels: 政府公报公开}
          - {path: extra.requests, labels: 受理申请数}
    """

    /// 主动公开信息数 500 | 2000 (spaced: printed); 1.网站公开 "4181509" whose "2." is the next row's number:
    /// 4 | 181509, 41 | 81509 and 418 | 1509 keep year ≤ cumulative, but only 418 | 1509 keeps the channels'
    /// cumulative within 2000 (with the gazette's at least 0), and (blank) | 4181509 does not either; 2.政府公报公开
    /// "77": 7 | 7 or (blank) | 77, both within the wholes: null. 受理申请数 120 | 300 printed.
    static let report = """
    某县人民政府2011年政府信息公开工作年度报告
    一、概述 本县认真贯彻落实《中华人民共和国政府信息公开条例》，进一步健全政府信息公开工作机制，完善政府信息公开目录和指南，推进重点领域信息公开，主动回应社会关切，依法办理政府信息公开申请，政府信息公开工作取得了新的进展。二、政府信息公开情况统计表 指标名称 本年 历年累计 主动公开信息数500 2000其中：1.网站公开41815092.政府公报公开77 受理申请数120 300 三、存在的主要问题及改进措施 一是公开内容还不够全面，二是公开形式还不够丰富。

    """

    func convert() throws -> CanonicalRecord {
        var library = try BuiltinAdapters.layoutLibrary()
        library.add(try LayoutFileParser().parse(Self.layout, file: "two-column-form.yaml"), origin: "two-column-form.yaml")
        return try BuiltinAdapters.registry(library: library).convert(RawInput(name: "form.txt", bytes: Array(Self.report.utf8)))
    }

    func testYearWithinCumulativeAndPartsWithinTheWholeDecideARow() throws {
        let r = try convert()
        XCTAssertEqual(r.detection.adapter, "two-column-form")
        XCTAssertEqual(r.figures["extra.proactive.year"]?.value, 500)
        XCTAssertEqual(r.figures["extra.proactive.cumulative"]?.value, 2000)
        XCTAssertEqual(r.figures["extra.requests.year"]?.value, 120)
        XCTAssertEqual(r.figures["extra.website.year"]?.value, 418)
        XCTAssertEqual(r.figures["extra.website.cumulative"]?.value, 1509)
        let website = try XCTUnwrap(r.figures["extra.website.year"])
        XCTAssertEqual(website.provenance.how, .recovered)
        XCTAssertEqual(website.provenance.raw, "4181509")
        XCTAssertTrue(website.provenance.derivedFrom.contains("form.channels.cumulative"), "\(website.provenance.derivedFrom)")
        XCTAssertNil(r.figures["extra.gazette.year"]?.value, "7 | 7 or (blank) | 77")
        XCTAssertTrue(r.warnings.contains { $0.code == "fused-row-ambiguous" && $0.message.contains("\"77\"") })
        XCTAssertEqual(r.checks.first { $0.rule == "form.channels.cumulative" }?.status, .usedForRecovery)
    }
}

/// A glued enumerator is the whole number before its point: "…2710.档案馆" is 27 and the label "10.",
/// "…3111.图书馆" is 31 and "11." (the row before is "10."), never 271 or 311. The layout and the report
/// are made up for the test; the expected figures are typed from the line below.
final class FusedNumberedRowsTests: XCTestCase {
    static let channels = ["website": "网站公开", "gazette": "政府公报公开", "press": "新闻发布会", "weibo": "政务微博",
                           "wechat": "政务微信", "broadcast": "广播电视", "newspapers": "报刊", "boards": "公开栏",
                           "centres": "服务中心", "archives": "档案馆", "libraries": "图书馆"]
    static let order = ["website", "gazette", "press", "weibo", "wechat", "broadcast", "newspapers", "boards", "centres", "archives", "libraries"]

    static var layout: String {
        """
        girconv-layout: 1
        id: numbered-channels
        layout: pre2019-appendix
        name: numbered channels
        detect:
          requireAll: [指标名称, 公开渠道统计表]
          tableRows: {base: 0.4, weight: 0.1, max: 0.8}
        figures:
        \(order.map { "  - {path: extra.channels.\($0).year, kind: count, label: \(channels[$0]!) 本年}" }.joined(separator: "\n"))
        tables:
          - name: 公开渠道统计表
            starts: [公开渠道统计表]
            printedOrder: true
            columns:
              - {key: year, labels: 本年}
            rows:
        \(order.map { "      - {path: extra.channels.\($0), labels: \(channels[$0]!)}" }.joined(separator: "\n"))
        """
    }

    /// 网站公开 15, 政府公报公开 24, 新闻发布会 12, 政务微博 30, 政务微信 18, 广播电视 11, 报刊 19, 公开栏 13,
    /// 服务中心 27, 档案馆 31, 图书馆 14, each run into the next row's number.
    static let report = """
    某县人民政府2012年政府信息公开工作年度报告
    一、概述 本县认真贯彻落实《中华人民共和国政府信息公开条例》，进一步健全政府信息公开工作机制，完善政府信息公开目录和指南。二、公开渠道统计表 指标名称 本年 1.网站公开152.政府公报公开243.新闻发布会124.政务微博305.政务微信186.广播电视117.报刊198.公开栏139.服务中心2710.档案馆3111.图书馆14 三、存在的主要问题及改进措施 公开形式还不够丰富。

    """

    func testATwoDigitEnumeratorGluedToTheValuesIsTheNextLabelsWhole() throws {
        var library = try BuiltinAdapters.layoutLibrary()
        library.add(try LayoutFileParser().parse(Self.layout, file: "numbered-channels.yaml"), origin: "numbered-channels.yaml")
        let r = try BuiltinAdapters.registry(library: library).convert(RawInput(name: "channels.txt", bytes: Array(Self.report.utf8)))
        XCTAssertEqual(r.detection.adapter, "numbered-channels")
        let expected: [Decimal] = [15, 24, 12, 30, 18, 11, 19, 13, 27, 31, 14]
        XCTAssertEqual(Self.order.map { r.figures["extra.channels.\($0).year"]?.value }, expected)
    }

    func testTheGluedEnumeratorInTheValueRun() {
        let cutter = FusedLineCutter(tables: [])
        func run(_ text: String, following: Int? = nil) -> String? {
            let scalars = Array(text.unicodeScalars)
            return cutter.valueRun(in: scalars, from: 0, limit: scalars.count, following: following)
                .map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        XCTAssertEqual(run("00000002.其他"), "0000000", "0 starts no number: the 2 alone")
        XCTAssertEqual(run("0000110.其他"), "00001", "10, not 0: the row keeps 00001")
        XCTAssertEqual(run("0000110、其他"), "00001")
        XCTAssertEqual(run("0000111.其他", following: 11), "00001", "the row before is 10.: the next is 11")
        XCTAssertEqual(run("0000111.其他", following: 2), nil, "neither 1 nor 11 follows 1.: not read")
        XCTAssertEqual(run("0000111.其他"), nil, "1 or 11, no number before: not read")
        XCTAssertEqual(run("10000122.没有", following: 2), "1000012")
        XCTAssertEqual(run("1000012 3"), "1000012 3", "no point after: all values")
    }
}

/// The cutter's work on hostile lines is bounded: a section label repeated over and over on one line
/// gives no rows (the line is left as it is), quickly; thousands of candidate lines are cut in one pass,
/// the first `maximumLines` only.
final class FusedLineCutterBoundsTests: XCTestCase {
    func tables() throws -> [TableSpec] {
        try XCTUnwrap(BuiltinAdapters.layoutLibrary().layouts.first { $0.spec.id == "2021-revised" }?.spec.tables)
    }

    func rows(_ lines: [String]) -> [RowView] {
        lines.enumerated().map { index, line in
            RowView(row: GridRow(cells: [GridCell(text: line, location: SourceLocation(line: index + 1, offset: 0), originRow: 0, originColumn: 0)],
                                 index: index), tableIndex: nil)
        }
    }

    func testALabelRepeatedOnOneLineIsLeftUncutQuickly() throws {
        let cutter = FusedLineCutter(tables: try tables())
        for count in [200_000, 30_000] {
            let line = "三、收到和处理政府信息公开申请情况" + String(repeating: "（三）不予公开123", count: count)
            let views = rows([line])
            let started = Date()
            let candidates = FusedLineCutter.candidates(in: views, traditional: false)
            // 30,000: a line short enough to be tried, left as it is at the anchor bound; 200,000: too long.
            XCTAssertEqual(candidates.count, count == 30_000 ? 1 : 0)
            let out = cutter.cut(views, candidates: candidates, traditional: false)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "\(count) repetitions")
            XCTAssertEqual(out.count, 1, "\(count) repetitions: left as it is")
        }
    }

    func testThousandsOfOneTableLinesAreCutInOnePassTheFirstOnly() throws {
        let cutter = FusedLineCutter(tables: try tables())
        let line = "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量141000116二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开8100009（二）部分公开200000 2（七）总计131000115四、结转下年度继续办理1000001"
        let views = rows([String](repeating: line, count: 3000))
        let started = Date()
        let candidates = FusedLineCutter.candidates(in: views, traditional: false)
        XCTAssertEqual(candidates.count, FusedLineCutter.maximumLines)
        let out = cutter.cut(views, candidates: candidates, traditional: false)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        let one = cutter.cut(rows([line]), candidates: FusedLineCutter.candidates(in: rows([line]), traditional: false), traditional: false)
        XCTAssertGreaterThan(one.count, 3, "one line is cut into its rows")
        XCTAssertEqual(out.count, FusedLineCutter.maximumLines * one.count + 3000 - FusedLineCutter.maximumLines)
        XCTAssertEqual(out.last?.labels.first?.text, line, "the lines after the first ones are left as they are")
    }
}
