import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore

/// Issue #17: a crawled page whose whole article is on one line, table cells run together. The report
/// below is made up for the test (2021 revised layout); every expected figure is typed from its text, and
/// each fused row's split is worked out by hand from its digits and the sums the report prints.
final class FusedTextTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    func convert(_ text: String, name: String = "fused.txt") throws -> CanonicalRecord {
        try registry.convert(RawInput(name: name, bytes: Array(text.utf8)))
    }

    /// Table 三 (自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计):
    /// 一 14 | 1 | 0 | 0 | 0 | 1 | 16 ("141000116"); 二 zeros; （一） 8 | 1 | 0 | 0 | 0 | 0 | 9; （二） 2 | 0 … | 2,
    /// printed "200000 2"; （三）4 第三方 1 | 0 … | 1, glued to the "5." of the next row; （四）1 不掌握
    /// 1 | 0 | 0 | 0 | 0 | 1 | 2; （五）2 重复申请 1 | 0 … | 1; （七） 13 | 1 | 0 | 0 | 0 | 1 | 15; 四 1 | 0 … | 1.
    /// Table 二: 规章 0 | 0 | 0 ("000"), 行政规范性文件 "5240" (many splits: null), 许可 1530, 处罚 87, 强制 3,
    /// 收费 12.5 万元. Table 四 spaced: 复议 0 1 1 0 2, 直接起诉 1 0 0 0 1, 复议后起诉 zeros.
    static let report = """
    示例县人民政府2021年政府信息公开工作年度报告
    一、总体情况 2021年，本县认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息1200条。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件5240第二十条第（五）项信息内容本年处理决定数量行政许可1530 第二十条第（六）项信息内容 本年处理决定数量行政处罚87行政强制3第二十条第（八）项信息内容 本年收费金额（单位：万元）行政事业性收费12.5三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量141000116二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开8100009（二）部分公开（区分处理的，只计这一情形，不计其他情形）200000 2（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益10000015.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息10000122.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请10000013.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000（七）总计131000115四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 五、存在的主要问题及改进情况 政策解读形式不够丰富。六、其他需要报告的事项 无。

    """

    static let seven = ["naturalPerson", "business", "research", "nonprofit", "legalService", "otherOrg", "total"]

    func row(_ record: CanonicalRecord, _ path: String) -> [Decimal?] {
        Self.seven.map { record.figures["\(path).\($0)"]?.value }
    }

    func testAOneLineArticleConvertsEndToEnd() throws {
        let r = try convert(Self.report)
        XCTAssertEqual(r.report.layout, .revised2021)
        XCTAssertEqual(r.report.year, 2021)
        // Table 三, rows recovered.
        XCTAssertEqual(row(r, "requests.newReceived"), [14, 1, 0, 0, 0, 1, 16])
        XCTAssertEqual(row(r, "requests.carriedOver"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.granted"), [8, 1, 0, 0, 0, 0, 9])
        XCTAssertEqual(row(r, "requests.partiallyGranted"), [2, 0, 0, 0, 0, 0, 2], "\"200000 2\": partly spaced")
        XCTAssertEqual(row(r, "requests.denied.stateSecret"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.denied.prohibitedByLaw"), [0, 0, 0, 0, 0, 0, 0], "the 2 of \"00000002.其他法律\" is the label's")
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [1, 0, 0, 0, 0, 0, 1], "the 5 of \"10000015.属于\" is the next label's")
        XCTAssertEqual(row(r, "requests.denied.internalAffairs"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.unableToProvide.notHeld"), [1, 0, 0, 0, 0, 1, 2])
        XCTAssertEqual(row(r, "requests.notProcessed.repeated"), [1, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(row(r, "requests.otherHandling.other"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.handledTotal"), [13, 1, 0, 0, 0, 1, 15])
        XCTAssertEqual(row(r, "requests.carriedForward"), [1, 0, 0, 0, 0, 0, 1])

        let received = try XCTUnwrap(r.figures["requests.newReceived.naturalPerson"])
        XCTAssertEqual(received.provenance.how, .recovered)
        XCTAssertEqual(received.provenance.raw, "141000116")
        XCTAssertEqual(received.provenance.location.row, "一、本年新收政府信息公开申请数量")
        XCTAssertEqual(received.provenance.location.column, "自然人")
        XCTAssertTrue(received.provenance.derivedFrom.contains("t3.rowTotal.newReceived"), "\(received.provenance.derivedFrom)")
        XCTAssertEqual(r.figures["requests.carriedOver.total"]?.provenance.derivedFrom, ["digits"])
        XCTAssertTrue(r.warnings.contains { $0.code == "fused-row-recovered" && $0.message.contains("141000116") && $0.message.contains("14 | 1 | 0 | 0 | 0 | 1 | 16") })

        // The identities that chose a split are used for the recovery, not passes; the others pass.
        let rowTotal = try XCTUnwrap(r.checks.first { $0.rule == "t3.rowTotal.newReceived" })
        XCTAssertEqual(rowTotal.status, .usedForRecovery)
        XCTAssertFalse(r.checks.contains { $0.status == .fail }, "\(r.checks.filter { $0.status == .fail }.map(\.rule))")

        // Table 二: digits alone, printed single numbers, an amount, and an ambiguous row.
        XCTAssertEqual(r.figures["proactive.rules.made"]?.value, 0)
        XCTAssertEqual(r.figures["proactive.rules.inForce"]?.value, 0)
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.value, 1530)
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.provenance.how, .printed)
        XCTAssertEqual(r.figures["proactive.penalties.decisions"]?.value, 87)
        XCTAssertEqual(r.figures["proactive.enforcement.decisions"]?.value, 3)
        XCTAssertEqual(r.figures["proactive.fees.amountWanYuan"]?.value, Decimal(string: "12.5"))
        for key in ["made", "repealed", "inForce"] {
            let figure = r.figures["proactive.normativeDocs.\(key)"]
            XCTAssertNotNil(figure)
            XCTAssertNil(figure?.value, "5240 has many splits in three columns and no identity: null")
        }
        XCTAssertTrue(r.warnings.contains { $0.code == "fused-row-ambiguous" && $0.message.contains("5240") })

        // Table 四, separated by single spaces: read as cells.
        XCTAssertEqual(["upheld", "corrected", "other", "pending", "total"].map { r.figures["appeals.review.\($0)"]?.value }, [0, 1, 1, 0, 2])
        XCTAssertEqual(["upheld", "corrected", "other", "pending", "total"].map { r.figures["appeals.litigationDirect.\($0)"]?.value }, [1, 0, 0, 0, 1])
        XCTAssertEqual(r.figures["appeals.review.total"]?.provenance.how, .printed)

        // The header of table 三 gives no figure; the prose before the tables gives none of table 三's.
        XCTAssertFalse(r.warnings.contains { $0.code == "row-unrecognised" }, "\(r.warnings.filter { $0.code == "row-unrecognised" })")
    }

    func testEachTableOnALineOfItsOwn() throws {
        // "A few long lines": the same article with a line break before each table's heading.
        var text = Self.report
        for heading in ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议", "五、存在的主要问题"] {
            text = text.replacingOccurrences(of: heading, with: "\n" + heading)
        }
        let r = try convert(text)
        XCTAssertEqual(row(r, "requests.newReceived"), [14, 1, 0, 0, 0, 1, 16])
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [1, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(row(r, "requests.handledTotal"), [13, 1, 0, 0, 0, 1, 15])
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.value, 1530)
        XCTAssertEqual(r.figures["proactive.rules.made"]?.value, 0)
    }

    func testABlankRowNeverTakesTheDigitsOfTheNextEnumeratedRow() throws {
        // （一）予以公开 printed without digits (blank), and the next row's label a variant the layout does not
        // know ("部分提供"): its "200000 2" is no cells of （一）.
        let text = Self.report.replacingOccurrences(of: "（一）予以公开8100009（二）部分公开", with: "（一）予以公开（二）部分提供")
        let r = try convert(text)
        XCTAssertNil(r.figures["requests.granted.naturalPerson"]?.value)
        XCTAssertNil(r.figures["requests.partiallyGranted.naturalPerson"]?.value)
        XCTAssertEqual(row(r, "requests.newReceived"), [14, 1, 0, 0, 0, 1, 16])
    }

    func testTheSameTableOnManyLinesIsReadAsBefore() throws {
        // The cutter only acts on long lines: the same rows one per line, cells spaced, are read as printed.
        let lines = """
        示例县人民政府2021年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 本年制发件数 本年废止件数 现行有效件数
        规章 0 0 0
        三、收到和处理政府信息公开申请情况
        申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
        一、本年新收政府信息公开申请数量 14 1 0 0 0 1 16
        二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
        （七）总计 13 1 0 0 0 1 15
        四、结转下年度继续办理 1 0 0 0 0 0 1

        """
        let r = try convert(lines)
        XCTAssertEqual(row(r, "requests.newReceived"), [14, 1, 0, 0, 0, 1, 16])
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.provenance.how, .printed)
        XCTAssertFalse(r.warnings.contains { $0.code.hasPrefix("fused-row") })
    }

    // MARK: A real crawled report

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/real")

    /// Pingtan's 2022 report as a crawler saved it (Tests/Fixtures/real/README.md): the whole article on one
    /// line. Expected figures read by hand from the document: "一、本年新收政府信息公开申请数量 713000074" is
    /// 71 | 3 | 0 | 0 | 0 | 0 | 74 (the only split whose parts add up to 74), "（七）总计 723000075" is
    /// 72 | 3 | 0 | 0 | 0 | 0 | 75, "二、上年结转… 1000001" 1 | 0 … | 1, "5.属于三类内部事务信息 10000016.属于…" is
    /// 1 | 0 … | 1 with the 6 of the next label, table 四 "0 1 1 0 2 1 0 0 0 1 0 0 0 0 0" spaced; table 二
    /// "规章000", "行政许可10690", "行政处罚2113", "行政强制0", "行政事业性收费9116.36"; "行政规范性文件8855698" with
    /// the sentence "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件".
    func testTheCrawledPingtan2022Report() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("pingtan-zonghe-2022.txt"))
        let r = try registry.convert(RawInput(name: "pingtan-zonghe-2022.txt", bytes: [UInt8](data)))
        XCTAssertEqual(r.report.layout, .revised2021)
        XCTAssertEqual(r.report.year, 2022)
        XCTAssertEqual(row(r, "requests.newReceived"), [71, 3, 0, 0, 0, 0, 74])
        XCTAssertEqual(row(r, "requests.carriedOver"), [1, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(row(r, "requests.granted"), [21, 0, 0, 0, 0, 0, 21])
        XCTAssertEqual(row(r, "requests.partiallyGranted"), [8, 1, 0, 0, 0, 0, 9])
        XCTAssertEqual(row(r, "requests.denied.internalAffairs"), [1, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(row(r, "requests.denied.processInfo"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(row(r, "requests.unableToProvide.notHeld"), [37, 0, 0, 0, 0, 0, 37])
        XCTAssertEqual(row(r, "requests.otherHandling.noCorrection"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(row(r, "requests.handledTotal"), [72, 3, 0, 0, 0, 0, 75])
        XCTAssertEqual(row(r, "requests.carriedForward"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(["upheld", "corrected", "other", "pending", "total"].map { r.figures["appeals.review.\($0)"]?.value }, [0, 1, 1, 0, 2])
        XCTAssertEqual(["upheld", "corrected", "other", "pending", "total"].map { r.figures["appeals.litigationDirect.\($0)"]?.value }, [1, 0, 0, 0, 1])
        XCTAssertEqual(r.figures["proactive.rules.made"]?.value, 0)
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.value, 10690)
        XCTAssertEqual(r.figures["proactive.penalties.decisions"]?.value, 2113)
        XCTAssertEqual(r.figures["proactive.enforcement.decisions"]?.value, 0)
        XCTAssertEqual(r.figures["proactive.fees.amountWanYuan"]?.value, Decimal(string: "9116.36"))
        // "行政规范性文件8855698": no identity decides made | repealed | inForce, but section 一 states "现行有效
        // 行政规范性文件698件" and "本年度制发的规范性文件88件": 88 | 55 | 698, decided by the text.
        XCTAssertEqual(["made", "repealed", "inForce"].map { r.figures["proactive.normativeDocs.\($0)"]?.value }, [88, 55, 698])
        XCTAssertEqual(r.figures["proactive.normativeDocs.repealed"]?.provenance.derivedFrom,
                       ["text.proactive.normativeDocs.inForce", "text.proactive.normativeDocs.made"])
        XCTAssertEqual(r.checks.first { $0.rule == "text.proactive.normativeDocs.made" }?.status, .usedForRecovery)
        // The text says 75 applications where the table prints 74: the table is kept, the disagreement said.
        XCTAssertTrue(r.warnings.contains { $0.code == "narrative-table-disagree" && $0.path == "requests.newReceived.total" })
        XCTAssertEqual(r.checks.filter { $0.status == .fail }.map(\.rule), ["text.requests.newReceived.total"], "the identities hold")
    }

    // MARK: Hostile lines

    /// Lines made of the layout's own labels, enumerators, digits, points and spaces in random order: every
    /// one converts or is refused, quickly, and every figure recovered sits in a row that printed it.
    func testRandomOneLineTablesNeverCrash() throws {
        let pieces = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（三）不予公开", "1.属于国家秘密",
                      "2.", "3.其他", "（七）总计", "四、结转下年度继续办理", "第二十条第（一）项", "规章", "行政复议", "申请人情况",
                      "0000000", "640020470", "12.5", ".", "、", " ", "0", "9", "123", "（", "）", "年", "件", "万元", "总计", "其他"]
        var generator = SplitMix(seed: 17)
        let started = Date()
        var cut = 0
        for _ in 0..<60 {
            var line = "示例县人民政府2021年政府信息公开工作年度报告\n收到和处理政府信息公开申请情况 第二十条第（一）项 本年制发件数 "
            for _ in 0..<(200 + Int(generator.next() % 300)) { line += pieces[Int(generator.next() % UInt64(pieces.count))] }
            guard let record = try? convert(line + "\n") else { continue }
            if record.warnings.contains(where: { $0.code.hasPrefix("fused-row") }) { cut += 1 }
            for (path, figure) in record.figures where figure.provenance.how == .recovered {
                XCTAssertFalse(figure.provenance.raw.isEmpty, path)
                XCTAssertTrue(figure.provenance.raw.allSatisfy { $0.isNumber || $0 == "." || $0 == " " }, "\(path): \(figure.provenance.raw)")
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 120)
        XCTAssertGreaterThan(cut, 2, "lines cut into rows with cells run together")
    }
}

/// A small deterministic generator (the test is the same on every run).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
