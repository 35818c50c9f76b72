import Foundation
import XCTest
@testable import GirconvText
@testable import GirconvCore

final class TextNormalizerTests: XCTestCase {
    func testTraditionalBecomesSimplifiedForMatching() {
        XCTAssertEqual(TextNormalizer.matchKey("政府信息公開工作年度報告"), "政府信息公开工作年度报告")
        XCTAssertEqual(TextNormalizer.matchKey("規範性檔案"), "规范性档案")
        XCTAssertTrue(TextNormalizer.isTraditional("葫蘆島市2017年度政府信息公開工作報告"))
        XCTAssertFalse(TextNormalizer.isTraditional("恩平市人民政府办公室2019年度政府信息公开工作年度报告"))
    }

    func testTraditionalMarkersAreFoundOnTheBytes() {
        XCTAssertTrue(TextNormalizer.isTraditional("開"), "one marker is enough in a short text")
        XCTAssertFalse(TextNormalizer.isTraditional("开放"))
        XCTAssertFalse(TextNormalizer.isTraditional(""))
        let long = String(repeating: "政府信息公开", count: 60)
        XCTAssertFalse(TextNormalizer.isTraditional(long + "開報"), "two markers in a long text are a quoted name")
        XCTAssertTrue(TextNormalizer.isTraditional(long + "開報資"))
        XCTAssertFalse(TextNormalizer.isTraditional("😀ｱ\u{FFFF}𠀀"), "characters outside the block are never markers")
    }

    func testVariantWordsAreReplacedWithoutChangingLength() {
        XCTAssertEqual(TextNormalizer.simplified("依法答覆申請人", force: true), "依法答复申请人")
        XCTAssertEqual(FastText.replacingSameLength("答覆答覆x答", "答覆", with: "答复"), "答复答复x答")
        XCTAssertEqual(FastText.replacingSameLength("答", "答覆", with: "答复"), "答")
        XCTAssertEqual(FastText.replacingSameLength("", "答覆", with: "答复"), "")
    }

    func testCollapsedTextIsReturnedAsIs() {
        for text in ["", "a", "规章 0", "本年新 制作数量"] {
            XCTAssertEqual(TextNormalizer.collapseWhitespace(text), text)
        }
        XCTAssertEqual(TextNormalizer.collapseWhitespace(" a"), "a")
        XCTAssertEqual(TextNormalizer.collapseWhitespace("a "), "a")
        XCTAssertEqual(TextNormalizer.collapseWhitespace("a  b"), "a b")
        XCTAssertEqual(TextNormalizer.collapseWhitespace("a\u{00A0}b"), "a b")
        XCTAssertEqual(TextNormalizer.collapseWhitespace("a\u{3000}\u{3000}b\t"), "a b")
        XCTAssertEqual(TextNormalizer.collapseWhitespace("\u{2003}"), "")
    }

    func testLinesSplitOnTheBytesKeepScalarOffsets() {
        let lines = ReportDocument.splitLines("一\r\n二三\rä\u{2028}x\n\n末")
        XCTAssertEqual(lines.map(\.text), ["一", "二三", "ä", "x", "", "末"])
        XCTAssertEqual(lines.map(\.offset), [0, 3, 6, 8, 10, 11])
        XCTAssertEqual(lines.map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(ReportDocument.splitLines("a\n").map(\.text), ["a"])
        XCTAssertTrue(ReportDocument.splitLines("").isEmpty)
    }

    func testWidthQuotesSpacesAndDashesFold() {
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("（一）１２３：，"), "(一)123:,")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("“三安全一稳定”"), "\"三安全一稳定\"")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("a\u{00A0}b\u{3000}c"), "a b c")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("—–－"), "---")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("、"), "、", "the enumeration comma is kept")
        XCTAssertEqual(TextNormalizer.matchKey("商业 企业"), "商业企业", "labels split by spaces")
        XCTAssertEqual(TextNormalizer.matchKey("本年新\n制作数量"), "本年新制作数量")
    }

    func testEnumerationIsStripped() {
        XCTAssertEqual(TextNormalizer.labelKey("一、本年新收政府信息公开申请数量"), "本年新收政府信息公开申请数量")
        XCTAssertEqual(TextNormalizer.labelKey("（三）不予公开"), "不予公开")
        XCTAssertEqual(TextNormalizer.labelKey("(七)总计"), "总计")
        XCTAssertEqual(TextNormalizer.labelKey("3.其他"), "其他")
        XCTAssertEqual(TextNormalizer.labelKey("3、其他"), "其他")
        XCTAssertEqual(TextNormalizer.labelKey("１．属于国家秘密"), "属于国家秘密")
        XCTAssertEqual(TextNormalizer.labelKey("规章"), "规章")
        XCTAssertEqual(TextNormalizer.labelKey("(三)"), "")
    }

    func testLabelPatterns() {
        let pattern = LabelPattern(["规范性文件", "規範性檔案"])
        XCTAssertTrue(pattern.matches(key: TextNormalizer.labelKey("行政规范性文件")))
        XCTAssertTrue(pattern.matches(key: TextNormalizer.labelKey("規範性檔案")))
        let exact = LabelPattern(["其他"], mode: .equals)
        XCTAssertTrue(exact.matches(key: TextNormalizer.labelKey("3.其他")))
        XCTAssertFalse(exact.matches(key: TextNormalizer.labelKey("2.其他法律行政法规禁止公开")))
    }
}

/// The character signature that lets label matching skip synonyms a key cannot contain.
final class LabelSignatureTests: XCTestCase {
    func testAKeyHasEveryBitOfWhatItContains() {
        let keys = ["本年新收政府信息公开申请数量", "(七)总计", "规章", "行政规范性文件", "", "abc", "😀申请"]
        for key in keys {
            let signature = LabelPattern.signature(of: key)
            for start in key.indices {
                for end in key.indices[start...] where end > start {
                    XCTAssertEqual(LabelPattern.signature(of: String(key[start..<end])) & ~signature, 0, "\(key[start..<end]) in \(key)")
                }
            }
        }
    }

    func testMatchingWithASignatureEqualsMatchingWithout() {
        let patterns = [LabelPattern(["本年新收", "新收申请"]), LabelPattern(["总计"], mode: .equals), LabelPattern(["其他"]), LabelPattern([""])]
        let keys = ["本年新收政府信息公开申请数量", "总计", "总计数", "其他处理", "其它", "", "新收申请数"]
        for pattern in patterns {
            for key in keys {
                XCTAssertEqual(pattern.match(key: key, signature: LabelPattern.signature(of: key)), pattern.match(key: key), "\(pattern.synonyms) / \(key)")
            }
        }
    }
}

/// The byte-level match key equals folding scalar by scalar, on every character class folding touches.
final class MatchKeyBytesTests: XCTestCase {
    func testByteLevelKeyEqualsScalarFolding() {
        let samples = ["（一）１２３：，", "a\u{00A0}b\u{3000}c\u{1680}d\u{2028}e\u{0085}f", "“三安全一稳定”‘x’", "—–－\u{2212}\u{FE58}\u{FE63}",
                       "〔2019〕「引」", "\u{200B}零\u{FEFF}宽\u{200D}", "😀𠀀ä\u{0301}", "政府信息公开 年度报告\t\n", "", "ＡＢＣｘｙｚ％"]
        for text in samples {
            var expected = ""
            for scalar in text.unicodeScalars {
                guard let folded = TextNormalizer.fold(scalar), !TextNormalizer.isSpace(folded) else { continue }
                expected.unicodeScalars.append(folded)
            }
            XCTAssertEqual(TextNormalizer.matchKey(text), expected, text)
            XCTAssertEqual(String(decoding: TextNormalizer.matchKeyBytes(text), as: UTF8.self), expected, text)
        }
        // Every scalar of the Basic Multilingual Plane folds the same way, one at a time (less the CJK
        // ideographs, where traditional characters would send the text through ICU first).
        var scalars: [Unicode.Scalar] = []
        for value in stride(from: 0x21, through: 0xFFFD, by: 1) where !(0x4E00...0x9FFF).contains(value) {
            if let scalar = Unicode.Scalar(UInt32(value)) { scalars.append(scalar) }
        }
        let all = String(String.UnicodeScalarView(scalars))
        var expected = ""
        for scalar in scalars {
            guard let folded = TextNormalizer.fold(scalar), !TextNormalizer.isSpace(folded) else { continue }
            expected.unicodeScalars.append(folded)
        }
        XCTAssertTrue(TextNormalizer.matchKey(all, traditional: false).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    /// Copied runs and folded characters in every order (the key copies runs of unchanged bytes at once).
    func testRandomMixturesEqualScalarFolding() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["政府", "信息", "a", "Z", "1", " ", "\t", "\n", "\u{3000}", "（", "）", "：", "，", "“", "—", "\u{200B}", "😀", "ä", "\u{A0}", "〔", "ｘ"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var expected = ""
            for scalar in text.unicodeScalars {
                guard let folded = TextNormalizer.fold(scalar), !TextNormalizer.isSpace(folded) else { continue }
                expected.unicodeScalars.append(folded)
            }
            XCTAssertEqual(TextNormalizer.matchKey(text), expected, text.debugDescription)
        }
    }
}

final class ScalarCountTests: XCTestCase {
    func testFewerScalarsAgreesWithCounting() {
        for text in ["", "a", "abc", "规章", "规章制度", "😀😀", "a😀b", String(repeating: "规", count: 39), String(repeating: "规", count: 40),
                     String(repeating: "a", count: 40), String(repeating: "😀", count: 41), "e\u{301}\u{301}"] {
            for limit in [0, 1, 2, 3, 4, 39, 40, 41, 90] {
                XCTAssertEqual(text.hasFewerScalars(than: limit), text.unicodeScalars.count < limit, "\(text) < \(limit)")
            }
        }
    }
}

/// `stripEnumeration` reads keys of whole-character scalars on scalars: the same result as on `Character`s.
final class StripEnumerationTests: XCTestCase {
    func testScalarPathAgreesWithCharacterPath() {
        var keys = ["(一)不予公开", "(1)国家秘密", "[2]其他", "(十一)x", "(一二三四)过长", "()空", "(a)字母", "一、总体情况", "1.网上申请",
                    "12.当面", "1、信函", "十,其他", "3:三", "2)二", "一", "1", "(", "(一", "一、", "本年新收申请", "", "、开头",
                    "二十一、合计", "(1)", "(1)(2)嵌套", "1.2.3", "〇、零"]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("(一)[1]、.,:十二3申请 ")
        for _ in 0..<3_000 {
            keys.append(String((0..<Int.random(in: 0..<8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for key in keys where key.unicodeScalars.allSatisfy(TextNormalizer.isOwnCharacter) {
            XCTAssertEqual(TextNormalizer.stripEnumerationOnScalars(key), TextNormalizer.stripEnumerationOnCharacters(key), key)
        }
        // Keys with other scalars take the Character path.
        XCTAssertEqual(TextNormalizer.stripEnumeration("1.e\u{301}tude"), "e\u{301}tude")
    }
}

/// Collapsing whitespace on bytes gives what collapsing on scalars gives, for every kind of space.
final class CollapseOnBytesTests: XCTestCase {
    static func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if TextNormalizer.isWhitespace(scalar) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    func testAgreesWithCollapsingScalars() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}",
                      "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}", "\u{E000}", "\u{1F600}", "é", "¢", "政", "a", "—", "…"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(TextNormalizer.collapseWhitespace(text), Self.reference(text), text.debugDescription)
        }
    }
}
