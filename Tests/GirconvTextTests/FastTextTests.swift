import Foundation
import XCTest
@testable import GirconvText
@testable import GirconvCore

/// `FastText.contains` finds a needle by its last byte: it must agree with the standard library's
/// substring search everywhere, including needles at either end, repeated bytes and partial matches.
final class FastTextTests: XCTestCase {
    func testAgreesWithTheStandardLibrary() {
        let haystacks = ["", "a", "aaaa", "abcabd", "政府信息公开工作年度报告", "本年新收政府信息公开申请数量 | 12 | 3",
                         "公开公开公开开", "ab政府ab", "信息公开\n政务公开"]
        let needles = ["a", "aa", "aaaaa", "abd", "cab", "政府", "公开", "开开", "报告", "告", "年度报告x", "政", "ab政", "府ab",
                       "公开公开开", "务公开", "\n", "信息公开\n政务公开", "信息公开\n政务公开!"]
        for haystack in haystacks {
            for needle in needles {
                XCTAssertEqual(FastText.contains(haystack, needle), haystack.contains(needle), "\(haystack) ∋ \(needle)")
                XCTAssertEqual(FastText.contains(Array(haystack.utf8), needle), haystack.contains(needle), "\(haystack) ∋ \(needle) (bytes)")
            }
            XCTAssertTrue(FastText.contains(haystack, ""))
        }
    }

    func testRandomTextsAgree() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("公开政府信息ab 1")
        for _ in 0..<2_000 {
            let haystack = String((0..<Int.random(in: 0..<30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let needle = String((0..<Int.random(in: 1..<4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(FastText.contains(haystack, needle), haystack.contains(needle), "\(haystack) ∋ \(needle)")
        }
    }
}

/// `FastText.replacing` fills layout placeholders ("{section}", "{scope}") on bytes: it must give what
/// Foundation's `replacingOccurrences(of:with:)` gives, for every position, repeat and length.
final class PlaceholderReplacementTests: XCTestCase {
    func testAgreesWithFoundation() {
        let texts = ["", "{section}", "requests.{section}.total", "{section}{section}", "a.{scope}.b.{scope}", "{sec", "{section",
                     "x{{section}}y", "denied.{section}", "无占位符", "{section}.公开.{section}"]
        let needles = ["{section}", "{scope}", "{", "}"]
        let replacements = ["", "stateSecret", "x", "政府", "{section}"]
        for text in texts {
            for needle in needles {
                for replacement in replacements {
                    XCTAssertEqual(FastText.replacing(text, needle, with: replacement),
                                   text.replacingOccurrences(of: needle, with: replacement), "\(text) / \(needle) → \(replacement)")
                }
            }
        }
        XCTAssertEqual(FastText.replacing("abc", "", with: "x"), "abc")
    }

    func testRandomTextsAgree() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{s}a公")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0..<20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let needle = String((0..<Int.random(in: 1..<4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(FastText.replacing(text, needle, with: "R1"), text.replacingOccurrences(of: needle, with: "R1"), "\(text) / \(needle)")
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

/// The GB18030 plausibility counts, made on the UTF-8 bytes, equal the counts over the text's scalars.
final class PlausibilityCountTests: XCTestCase {
    func testByteCountsEqualScalarCounts() {
        func reference(_ text: String) -> (Int, Int) {
            var cjk = 0, other = 0
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                let v = scalar.value
                if (0x4E00...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v) { cjk += 1 } else { other += 1 }
            }
            return (cjk, other)
        }
        var texts = ["", "ascii only", "政府信息公开，“年报”——2021年。", "é ß ∑ 😀 𠀀 ａｂ　、", "\u{FFFD}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"]
        var generator = SystemRandomNumberGenerator()
        let limits: [UInt32] = [0x7F, 0x7FF, 0xFFFF, 0x10FFFF]
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<20 {
                let limit = limits.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: 0...limit, using: &generator)) { scalars.append(scalar) }
            }
            texts.append(String(scalars))
        }
        // ASCII runs of every length around the eight bytes skipped at once, between other characters.
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<6 {
                text += String(repeating: "a", count: Int.random(in: 0..<20, using: &generator))
                text += ["政", "é", "😀", "ａ", "、", "\u{7FF}"].randomElement(using: &generator)!
            }
            texts.append(text)
        }
        for text in texts {
            let counts = InputDecoder.cjkAndOtherCounts(text)
            XCTAssertTrue(counts == reference(text), text)
        }
    }
}

/// `source.sha256` is the lowercase hex of SHA-256 (FIPS 180-2 test vectors).
final class SHA256HexTests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

/// `ReportDocument.textLines(joined:)` gives the HTML reader's lines without joining and splitting them
/// again: the same lines, numbers and offsets as `splitLines` of the joined text, or nil where a line holds
/// a break of its own.
final class TextLinesFromLinesTests: XCTestCase {
    func testAgreesWithSplittingTheJoinedText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", "a", "公开", "—", "…", " ", "表 | 1 | 2", "𠀀", "\u{2029}"]
        for _ in 0..<2_000 {
            let lines = (0..<Int.random(in: 0..<6, using: &generator)).map { _ in
                (0..<Int.random(in: 0..<4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            XCTAssertEqual(ReportDocument.textLines(joined: lines), ReportDocument.splitLines(lines.joined(separator: "\n")), "\(lines)")
        }
    }

    func testLinesWithBreaksOfTheirOwnAreLeftToSplitting() {
        for line in ["a\nb", "a\rb", "a\u{2028}b", "\r\n", "公开\u{2028}"] {
            XCTAssertNil(ReportDocument.textLines(joined: ["x", line]), line.debugDescription)
        }
        XCTAssertEqual(ReportDocument.textLines(joined: []), [])
        XCTAssertEqual(ReportDocument.textLines(joined: [""]), [])
    }
}

/// The binary check counts control bytes eight at a time where it can: the count (given in the error)
/// must be the byte-by-byte count, for bytes of every kind at every position.
final class ControlByteCountTests: XCTestCase {
    func testCountAgreesWithByteByByteCounting() {
        var generator = SystemRandomNumberGenerator()
        let kinds: [UInt8] = [0x41, 0xE5, 0x8C, 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x01, 0x1B, 0x1F, 0x7F]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 1..<90, using: &generator)).map { _ in kinds.randomElement(using: &generator)! }
            let expected = bytes.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C].contains($0) }.count
            do {
                try InputDecoder.rejectBinary(bytes, name: "t")
                XCTAssertLessThanOrEqual(expected * 100, bytes.count, "\(bytes)")
            } catch let error as GirconvError {
                XCTAssertGreaterThan(expected * 100, bytes.count, "\(bytes)")
                XCTAssertTrue("\(error)".contains("\(expected) control bytes"), "\(error) for \(bytes)")
            } catch {
                XCTFail("\(error)")
            }
        }
    }
}

/// `FastText.scalars(of:)` decodes in one pass what `Array(text.unicodeScalars)` gives.
final class ScalarArrayTests: XCTestCase {
    func testAgreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "é", "政", "𠀀", "😀", "\u{FEFF}", "\u{2028}", "\r\n", " ", "１", "é"]
        XCTAssertEqual(FastText.scalars(of: ""), [])
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(FastText.scalars(of: text), Array(text.unicodeScalars), text.debugDescription)
            XCTAssertEqual(FastText.scalarCount(text), text.unicodeScalars.count, text.debugDescription)
        }
    }
}

/// Grid cells keep numeric locations inline and others in a box: every way of making or changing a cell
/// must give back the location it was given.
final class GridCellLocationTests: XCTestCase {
    func testLocationsRoundTrip() {
        let numeric = SourceLocation(line: 12, tableIndex: 2, rowIndex: 3, columnIndex: 4)
        let direct = GridCell(text: "5", line: 12, tableIndex: 2, rowIndex: 3, columnIndex: 4, originRow: 2, originColumn: 3)
        let general = GridCell(text: "5", location: numeric, originRow: 2, originColumn: 3)
        XCTAssertEqual(direct, general)
        XCTAssertEqual(direct.location, numeric)
        let full = SourceLocation(table: "表三", row: "收到申请", column: "总计", sentence: "s", line: 1, offset: 9, page: 2,
                                  tableIndex: 1, rowIndex: 1, columnIndex: 1)
        var cell = GridCell(text: "x", location: full, originRow: 0, originColumn: 0)
        XCTAssertEqual(cell.location, full)
        let copy = cell
        cell.location.table = "表四"
        XCTAssertEqual(cell.location.table, "表四")
        XCTAssertEqual(copy.location, full, "a copy keeps its own location")
        cell.location = numeric
        XCTAssertEqual(cell.location, numeric)
        XCTAssertNotEqual(cell, copy)
        XCTAssertEqual(GridCell(text: "", line: nil, tableIndex: 1, rowIndex: 2, columnIndex: 3, originRow: 1, originColumn: 2).location,
                       SourceLocation(tableIndex: 1, rowIndex: 2, columnIndex: 3))
    }
}

/// The declared charset is read from the first 8 KB in place: the same answers as reading a lowercased
/// copy of them, wherever the declaration sits and however it is spelled.
final class DeclaredCharsetTests: XCTestCase {
    static func reference(_ bytes: [UInt8]) -> InputDecoder.DeclaredCharset? {
        let head = InputDecoder.lowercasedPrefix(bytes, 8192)
        let marker = Array("charset".utf8)
        guard head.count >= marker.count,
              let at = (0...(head.count - marker.count)).first(where: { head[$0] == 0x63 && head[$0..<$0 + marker.count].elementsEqual(marker) })
        else { return nil }
        var i = at + marker.count
        while i < head.count, [0x20, 0x3D, 0x22, 0x27].contains(head[i]) { i += 1 }
        var name = ""
        while i < head.count, let c = Optional(head[i]), (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F {
            name.unicodeScalars.append(Unicode.Scalar(c))
            i += 1
        }
        switch name {
        case "utf-8", "utf8": return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "euc-cn", "cp936", "windows-936", "gb_2312-80", "x-euc-cn": return .gb
        default: return nil
        }
    }

    func testAgreesWithReadingALowercasedCopy() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["<meta ", "charset", "CharSet", "CHARSET", "chars", "=", "\"", "'", " ", "utf-8", "UTF-8", "gbk", "GB2312", "gb18030",
                      "x-gbk", "latin1", "公开", "c", "C", ">", "\n"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            XCTAssertEqual(InputDecoder.declaredCharset(bytes), Self.reference(bytes), text)
        }
        // At the 8 KB boundary: a declaration cut by it, and one after it.
        for padding in [8180, 8185, 8187, 8190, 8200] {
            let bytes = Array((String(repeating: "x", count: padding) + "charset=gbk").utf8)
            XCTAssertEqual(InputDecoder.declaredCharset(bytes), Self.reference(bytes), "\(padding)")
        }
    }
}

/// Identity sums add whole numbers as integers: the same values as Decimal addition, and the same
/// spelling, for whole numbers, fractions, negatives and sums past 64 bits.
final class IntegerSumTests: XCTestCase {
    func testSumsAgreeWithDecimalAddition() {
        var generator = SystemRandomNumberGenerator()
        let pool: [Decimal] = [0, 1, 7, 1200, -35, 65536, Decimal(Int64.max), Decimal(Int64.max) - 1, Decimal(Int64.min),
                               Decimal(string: "0.12")!, Decimal(string: "25.1")!, Decimal(string: "1e20")!, Decimal(UInt64.max)]
        for _ in 0..<5_000 {
            var figures: [String: Figure] = [:]
            var paths: [String] = []
            for i in 0..<Int.random(in: 0...6, using: &generator) {
                let value = Bool.random(using: &generator) ? pool.randomElement(using: &generator)!
                    : Decimal(Int.random(in: -100_000...100_000, using: &generator))
                figures["p\(i)"] = Figure(value: value, provenance: Provenance(how: .printed, raw: "", location: SourceLocation()))
                paths.append("p\(i)")
            }
            var expected = Decimal(0)
            for path in paths { expected += figures[path]!.value! }
            let found = IdentityChecker.sum(paths, figures)
            XCTAssertEqual(found, expected, "\(paths.map { figures[$0]!.value! })")
            XCTAssertEqual(found.map { "\($0)" }, "\(expected)")
        }
        XCTAssertNil(IdentityChecker.sum(["missing"], [:]))
        XCTAssertEqual(DecimalText.wholeNumber(Decimal(string: "12e2")!), 1200)
        XCTAssertNil(DecimalText.wholeNumber(Decimal(string: "0.5")!))
        XCTAssertNil(DecimalText.wholeNumber(.nan))
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

/// The word-at-a-time tests answer "is there such a byte" exactly as looking at each byte does.
final class ByteWordTests: XCTestCase {
    func testAgreesWithEachByte() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0xE2, 0xFF]
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &generator) ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0x21...0x7E, using: &generator) }
            let word = bytes.withUnsafeBufferPointer { FastText.Word.load($0, at: 0) }
            XCTAssertEqual(FastText.Word.isASCII(word), bytes.allSatisfy { $0 < 0x80 })
            for bound: UInt8 in [0x01, 0x20, 0x80] { XCTAssertEqual(FastText.Word.hasByte(below: bound, in: word), bytes.contains { $0 < bound }) }
            for byte in interesting { XCTAssertEqual(FastText.Word.hasByte(byte, in: word), bytes.contains(byte)) }
        }
    }
}
