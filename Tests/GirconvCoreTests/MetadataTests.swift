import XCTest
@testable import GirconvCore
import GirconvText

final class MetadataTests: XCTestCase {
    func testYearAndAgencyFromTitles() {
        let cases: [(String, Int?, String?)] = [
            ("恩平市人民政府办公室2019年度政府信息公开工作年度报告", 2019, "恩平市人民政府办公室"),
            ("2016年从化区人民政府办公室 政府信息公开年度报告", 2016, "从化区人民政府办公室"),
            ("深圳市政务服务管理办公室2017年政府信息公开工作年度报告", 2017, "深圳市政务服务管理办公室"),
            ("2018年東莞市政府信息公開工作年度報告", 2018, "東莞市政府"),
            ("葫蘆島市2017年度政府信息公開工作報告", 2017, "葫蘆島市"),
            ("示例县交通运输局２０２１年政府信息公开工作年度报告", 2021, "示例县交通运输局"),
            ("示例市教育局二〇二〇年政府信息公开工作年度报告", 2020, "示例市教育局"),
            ("示例市审计局关于2021年度政府信息公开工作年度报告", 2021, "示例市审计局"),
            ("示例县卫生健康局2022年信息公开年报", 2022, "示例县卫生健康局"),
            ("关于印发2019年工作要点的通知", 2019, nil),
        ]
        for (title, year, agency) in cases {
            XCTAssertEqual(ReportMetadataReader.year(inTitle: title), year, title)
            XCTAssertEqual(ReportMetadataReader.agency(inTitle: title), agency, title)
        }
    }

    func testTitleIsFoundPastSiteChrome() {
        let text = "本站支持IPv6\n当前位置: 首页 > 最新动态 > 通知公告\n恩平市人民政府办公室2019年度政府信息公开工作年度报告\n根据《条例》，现公布2019年度政府信息公开工作年度报告。\n"
        let source = SourceInfo(name: "t", sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
        let document = ReportDocument(source: source, text: text, lines: ReportDocument.splitLines(text), tables: [])
        XCTAssertEqual(ReportMetadataReader.title(in: document), "恩平市人民政府办公室2019年度政府信息公开工作年度报告")
    }

    /// Candidates are scored 200 - rank, +50 with a year, +20 ending in 报告; the search stops once no later
    /// candidate can score more. A later candidate that can still win does; one that can only tie does not.
    func testLaterCandidatesWinOnlyByScoringMore() {
        let source = SourceInfo(name: "t", sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
        func title(_ hints: [String], lines: String = "") -> String? {
            ReportMetadataReader.title(in: ReportDocument(source: source, text: lines, lines: ReportDocument.splitLines(lines), tables: [],
                                                          titleHints: hints))
        }
        let noYear = "示例市政府信息公开工作年度报告", withYear = "示例市2019年政府信息公开工作年度报告"
        // Rank 0 without a year (220) loses to rank 1 with one (269).
        XCTAssertEqual(title([noYear, withYear]), withYear)
        // Rank 0 with a year and the suffix (270) is never beaten, even by the same title later.
        XCTAssertEqual(title([withYear, "示例县2019年政府信息公开工作年度报告"]), withYear)
        // Without the suffix (250 at rank 0), a suffixed later title with a year (269 at rank 1) wins.
        XCTAssertEqual(title(["示例市2019年政府信息公开工作年报", withYear]), withYear)
        // Lines come after the hints.
        XCTAssertEqual(title([noYear], lines: withYear + "\n"), withYear)
    }
}

/// The year is read the same on scalars (the fast path) as on characters.
final class TitleYearTests: XCTestCase {
    func testYearsOfTitles() {
        XCTAssertEqual(ReportMetadataReader.year(inTitle: "某市2019年政府信息公开工作年度报告"), 2019)
        XCTAssertEqual(ReportMetadataReader.year(inTitle: "某市２０２１年度报告"), 2021)
        XCTAssertEqual(ReportMetadataReader.year(inTitle: "某市二〇一八年报告"), 2018)
        XCTAssertEqual(ReportMetadataReader.year(inTitle: "2023 年政府信息公开工作年度报告"), 2023)
        XCTAssertNil(ReportMetadataReader.year(inTitle: "12019年"), "preceded by a digit")
        XCTAssertNil(ReportMetadataReader.year(inTitle: "1999年报告"))
        // Through the Character path: a combining mark after 年 makes another character.
        XCTAssertNil(ReportMetadataReader.year(inTitle: "某市2019年\u{0301}报告"))
        XCTAssertEqual(ReportMetadataReader.year(inTitle: "é某市2019年报告"), 2019)
    }

    func testScalarDigitsAgreeWithCharacterDigits() {
        for value in 0..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(ReportMetadataReader.digitValue(scalar: scalar), ReportMetadataReader.digitValue(Character(scalar)), "U+\(String(value, radix: 16))")
        }
    }

    /// The cheap test before a title candidate's key is made: it must pass every title the key test
    /// accepts (traditional, spaced, full-width) and may reject what can never be one.
    func testTitleCandidatePrefilter() {
        let titles = ["恩平市人民政府办公室2019年度政府信息公开工作年度报告", "葫蘆島市2017年度政府信息公開工作報告",
                      "示例县卫生健康局2022年政务公开年报", "示例县 2021 年 政府信息公 开工作年度 报告", "２０２１年政府信息公开工作年度报告"]
        for title in titles {
            let key = TextNormalizer.matchKey(title)
            XCTAssertTrue((key.has("信息公开") || key.has("政务公开")) && (key.has("报告") || key.has("年报")), title)
            XCTAssertTrue(ReportMetadataReader.mayNameAReport(TextNormalizer.simplified(title)), title)
        }
        for other in ["本站支持IPv6", "当前位置: 首页 > 最新动态", "2019年度工作总结报告", "信息公开指南"] {
            XCTAssertFalse(ReportMetadataReader.mayNameAReport(TextNormalizer.simplified(other)), other)
        }
    }
}

/// A body's name is trimmed only when an end needs it: the same result as always trimming.
final class AgencyTrimTests: XCTestCase {
    func testCleanAgreesWithTrimming() {
        let set = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "　 ,，、:："))
        var generator = SystemRandomNumberGenerator()
        let pieces = ["东莞市", "政府", " ", "　", ",", "，", "、", ":", "：", "\t", "\u{A0}", "\u{2009}", "\n", "a", "é", "e\u{301}"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let trimmed = text.trimmingCharacters(in: set)
            XCTAssertEqual(ReportMetadataReader.clean(text), trimmed.isEmpty ? nil : trimmed, text.debugDescription)
        }
    }
}

/// A crawler's header (标题 / 发布时间 / 原文链接 … then "==== 正文 ====") is metadata: its 标题 is the title,
/// and none of its lines is a line of the report (title, agency, sentences, rows).
final class CrawlerHeaderTests: XCTestCase {
    static let header = """
        标题: 平潭综合实验区管委会2014年度政府信息公开工作年度报告
        发布时间: 2015-01-02 00:00
        文号: 
        发布机构: 
        栏目: 政府信息公开年报
        原文链接: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201501/t20150102_80791.htm
        本地目录: zwgk/zfxxgk/zfxxgknb/201501/80791_平潭综合实验区管委会2014年度政府信息公开工作年度报告
        页面链接与图片详见 links.tsv(同目录)
        ==================== 正文 ====================

        """

    func document(_ text: String) throws -> ReportDocument {
        let decoded = try InputDecoder.decode(RawInput(name: "t.txt", bytes: Array(text.utf8)))
        let source = SourceInfo(name: "t.txt", sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
        return try PlainTextReader().read(decoded, source: source)
    }

    func testTheHeaderGivesTheTitleAndIsNoPartOfTheReport() throws {
        let body = "平潭综合实验区 2014年度政府信息公开工作年度报告 根据《条例》，编制本报告。\n"
        let document = try document(Self.header + body)
        XCTAssertEqual(document.titleHints, ["平潭综合实验区管委会2014年度政府信息公开工作年度报告"])
        XCTAssertEqual(document.lines.map(\.text), [body.trimmingCharacters(in: .newlines)])
        XCTAssertEqual(document.lines.first?.number, 10, "lines keep their numbers in the file")
        let (info, _) = ReportMetadataReader.read(document, layout: .pre2019Narrative)
        XCTAssertEqual(info.title, "平潭综合实验区管委会2014年度政府信息公开工作年度报告")
        XCTAssertEqual(info.agency, "平潭综合实验区管委会")
        XCTAssertEqual(info.year, 2014)
        XCTAssertFalse(document.tables.flatMap(\.rows).flatMap(\.cells).contains { $0.text.contains("2015") || $0.text.contains("原文链接") },
                       "no header line is a table row")
    }

    func testFullWidthColonsAndAnEmptyTitle() throws {
        let text = "标题：示例县2016年政府信息公开年度报告\n原文链接：http://example.org/a.htm\n==== 正文 ====\n示例县2016年政府信息公开年度报告\n"
        XCTAssertEqual(try document(text).titleHints, ["示例县2016年政府信息公开年度报告"])
        XCTAssertEqual(try document(text).lines.count, 1)
        // The title is given as printed: the fold rules (其它 → 其他, full-width forms) are for matching only.
        XCTAssertEqual(try document("标题: 示例县其它单位２０１６年政府信息公开年度报告\n==== 正文 ====\n正文\n").titleHints,
                       ["示例县其它单位２０１６年政府信息公开年度报告"])
        let empty = try document("标题:\n==== 正文 ====\n正文第一行\n")
        XCTAssertEqual(empty.titleHints, [])
        XCTAssertEqual(empty.lines.map(\.text), ["正文第一行"])
    }

    /// Only the header's structure makes it one: a "标题:" line without the 正文 line, or a 正文 line without a
    /// 标题 first, leaves the text as it is.
    func testWithoutItsStructureNothingIsRemoved() throws {
        for text in ["标题: 示例县2016年政府信息公开年度报告\n发布时间: 2017-01-01\n一、概述\n",
                     "示例县2016年政府信息公开年度报告\n==== 正文 ====\n一、概述\n",
                     "报告标题: 示例\n==== 正文 ====\n一、概述\n"] {
            let document = try document(text)
            XCTAssertEqual(document.titleHints, [], text)
            XCTAssertEqual(document.lines.count, 3, text)
        }
        XCTAssertFalse(CrawlerHeader.isBodyMarker("==== 正文和附件 ===="))
        XCTAssertTrue(CrawlerHeader.isBodyMarker("  ====================  正文  ===================="))
    }
}
