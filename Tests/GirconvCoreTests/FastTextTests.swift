import XCTest
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
