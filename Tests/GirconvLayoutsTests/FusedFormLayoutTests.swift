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
