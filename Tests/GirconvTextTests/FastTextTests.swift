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
