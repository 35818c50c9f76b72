import Foundation
import XCTest
@testable import GirconvText

/// Decimals spelled from their fields must be spelled exactly as Foundation spells them.
final class DecimalTextTests: XCTestCase {
    func testTheLayoutVerifiesHere() {
        XCTAssertTrue(DecimalText.layoutVerified, "Decimal's storage is not laid out as expected: every number would go through Foundation")
        XCTAssertEqual(DecimalText.plain(1200), "1200")
        XCTAssertEqual(DecimalText.plain(Decimal(string: "0.12")!), "0.12")
    }

    func testSpellingsAgreeWithFoundation() {
        let posix = Locale(identifier: "en_US_POSIX")
        var values: [Decimal] = [0, 1, -1, 10, 100, 1200, -35, 65535, 65536, 999_999_999_999, 1_000_000_000_000, -999_999_999_999,
                                 Decimal(UInt64.max), Decimal(Int64.min), .nan, Decimal(string: "1e30")!, Decimal(string: "1e-30")!,
                                 Decimal(string: "12345678901234567890.5")!, Decimal(1) / Decimal(3), Decimal(2) / Decimal(3) * 100]
        for text in ["0.5", "0.05", "0.005", "57.25", "57.20", "100.00", "0.12", "-0.12", "25.1", "1.000001", "0.0000001",
                     "123.456", "-4295.0000001", "3.14159265358979", "1234567890.0987654321", "0.1e5", "12e17", "12e19", "7e-18", "7e-19"] {
            values.append(Decimal(string: text, locale: posix)!)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...(UInt64.random(in: 0...1, using: &generator) == 0 ? 100_000 : .max), using: &generator)
            let exponent = Int.random(in: -22...22, using: &generator)
            var value = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
            values.append(value)
            // Sums and products of figures, as the checks and unit conversions make them.
            value = value * 10_000 + Decimal(Int.random(in: -5...5, using: &generator)) / 4
            values.append(value)
        }
        var fast = 0
        for value in values {
            let plain = DecimalText.plain(value)
            if plain != nil { fast += 1 }
            XCTAssertEqual(plain ?? DecimalText.spellingThroughFoundation(value), DecimalText.spellingThroughFoundation(value), "\(value)")
            XCTAssertEqual(DecimalText.spelling(value), DecimalText.spellingThroughFoundation(value), "\(value)")
        }
        XCTAssertGreaterThan(fast, values.count / 3, "the fast spelling handles the common cases")
    }
}
