import Foundation
import XCTest
@testable import GirconvLayouts

/// The prefilter literals of zero-statement patterns: every literal found must be in every match, and
/// anything the extractor cannot be sure of gives no literal (no prefilter), never a wrong one.
final class RegexLiteralsTests: XCTestCase {
    func testBuiltInZeroStatementPatterns() {
        XCTAssertEqual(RegexLiterals.required(in: "(未|没有)(收到|受理|接到)[^。;,]{0,8}(信息公开|依申请|公开)[^。;,]{0,6}申请"), ["申请"])
        XCTAssertEqual(RegexLiterals.required(in: "(未|没有|不)[^。;,]{0,10}收取[^。;,]{0,6}费"), ["收取", "费"])
        XCTAssertEqual(RegexLiterals.required(in: "(未|没有|无)[^。;,]{0,25}(举报|投诉)[、,和及与]*复议[、,和及与]*诉讼"), ["复议", "诉讼"])
        XCTAssertEqual(RegexLiterals.required(in: "(未|没有|无)(发生|收到|出现)?[^。;,]{0,20}行政复议"), ["行政复议"])
    }

    func testQuantifiedCharactersAreNotRequired() {
        XCTAssertEqual(RegexLiterals.required(in: "行政复?议"), ["行政", "议"])
        XCTAssertEqual(RegexLiterals.required(in: "申请*数"), ["申", "数"])
        XCTAssertEqual(RegexLiterals.required(in: "申请{0,2}数"), ["申", "数"])
        XCTAssertEqual(RegexLiterals.required(in: "申请+数"), ["申请", "数"])
        XCTAssertEqual(RegexLiterals.required(in: "(复议)?诉讼"), ["诉讼"])
        XCTAssertEqual(RegexLiterals.required(in: "a.b^c$d"), ["a", "b", "c", "d"])
    }

    func testUncertainPatternsGiveNoPrefilter() {
        XCTAssertEqual(RegexLiterals.required(in: "复议|诉讼"), [], "top-level alternation")
        XCTAssertEqual(RegexLiterals.required(in: "(?i)abc"), [], "inline flags")
        XCTAssertEqual(RegexLiterals.required(in: "\\d+件"), [], "class escapes")
        XCTAssertEqual(RegexLiterals.required(in: "\\p{Han}申请"), [])
        XCTAssertEqual(RegexLiterals.required(in: "(申请"), [], "unbalanced")
        XCTAssertEqual(RegexLiterals.required(in: "申请)"), [])
        XCTAssertEqual(RegexLiterals.required(in: "[abc"), [])
        XCTAssertEqual(RegexLiterals.required(in: ""), [])
    }

    func testEscapesAndClasses() {
        XCTAssertEqual(RegexLiterals.required(in: "a\\.b"), ["a.b"])
        XCTAssertEqual(RegexLiterals.required(in: "[]a]申请[^]]数"), ["申请", "数"])
        XCTAssertEqual(RegexLiterals.required(in: "[\\]]申请"), ["申请"])
        _ = RegexLiterals.required(in: "x{2")   // an open brace without its end does not hang
        _ = RegexLiterals.required(in: "{")
    }

    /// The literals really are in every match: checked on matches of each pattern in sample sentences.
    func testLiteralsAreInEveryMatch() throws {
        let cases: [(String, String)] = [
            ("(未|没有|无)[^。;,]{0,25}(举报|投诉)[、,和及与]*复议[、,和及与]*诉讼", "本年度未发生有关政府信息公开的投诉、复议、诉讼。"),
            ("申请+数", "申请请数"),
            ("a\\.b", "xa.by"),
        ]
        for (pattern, text) in cases {
            let expression = try NSRegularExpression(pattern: pattern)
            let matches = expression.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
            XCTAssertFalse(matches.isEmpty, pattern)
            for match in matches {
                let matched = (text as NSString).substring(with: match.range)
                for literal in RegexLiterals.required(in: pattern) { XCTAssertTrue(matched.contains(literal), "\(pattern): \(literal) in \(matched)") }
            }
        }
    }
}
