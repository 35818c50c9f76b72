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
