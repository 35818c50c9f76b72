import XCTest
@testable import GirconvText

/// The JSON writer's byte-level escaping (`JSONText`) against the byte-at-a-time rule it accelerates.
final class JSONTextTests: XCTestCase {
    func testPlainWordTestIsExact() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            var word = UInt64.random(in: .min ... .max, using: &generator)
            if Bool.random(using: &generator) {
                // Mostly plain bytes, so that the plain case is tested as much as the other.
                word = (0..<8).reduce(0) { acc, k in acc | (UInt64(UInt8.random(in: 0x23...0x5B, using: &generator)) << (8 * UInt64(k))) }
            }
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
            let expected = bytes.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }
            XCTAssertEqual(JSONText.isPlain(word), expected, String(word, radix: 16))
        }
    }

    func testIntegersAreSpelledAsStringSpellsThem() {
        for value in [0, 7, -7, 10, 1_234_567, Int.max, Int.min, -1_000_000_000_000] {
            var out: [UInt8] = []
            JSONText.appendInteger(value, into: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(value))
        }
    }
}
