import Foundation

/// Decimal numbers spelled from their fields, without Foundation's formatting (which costs a quarter to
/// two thirds of a microsecond a number, and a record has hundreds): sign, a mantissa of up to 64 bits and
/// a small exponent. The fields are read from `Decimal`'s storage (NSDecimal's layout: an 8-bit exponent,
/// then length, sign and flags, then eight 16-bit mantissa words); that layout is verified once per
/// process against known values, and any value outside the cases handled here — or a layout that does
/// not verify — is left to Foundation. `DecimalTextTests` compares both spellings on many values; the
/// identity checks add whole numbers with `wholeNumber`.
package enum DecimalText {
    /// A decimal's stored fields: value = (negative ? -1 : 1) × mantissa × 10^exponent.
    package struct Fields: Equatable {
        package var exponent: Int, negative: Bool, length: Int, mantissa: UInt64
    }

    /// The fields of a decimal as stored, when its mantissa fits in 64 bits.
    package static func fields(_ value: Decimal) -> Fields? {
        withUnsafeBytes(of: value) { raw -> Fields? in
            guard raw.count == 20 else { return nil }
            let exponent = Int(Int8(bitPattern: raw[0]))
            let length = Int(raw[1] >> 4), negative = raw[1] & 0x08 != 0
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in (0..<length).reversed() {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            return Fields(exponent: exponent, negative: negative, length: length, mantissa: mantissa)
        }
    }

    /// True when `fields` reads this platform's `Decimal` as expected.
    package static let layoutVerified: Bool = {
        let cases: [(String, Fields)] = [
            ("7", Fields(exponent: 0, negative: false, length: 1, mantissa: 7)),
            ("-35", Fields(exponent: 0, negative: true, length: 1, mantissa: 35)),
            ("0.12", Fields(exponent: -2, negative: false, length: 1, mantissa: 12)),
            ("65536", Fields(exponent: 0, negative: false, length: 2, mantissa: 65536)),
            ("123456789012", Fields(exponent: 0, negative: false, length: 3, mantissa: 123_456_789_012)),
            ("-4295.0000001", Fields(exponent: -7, negative: true, length: 3, mantissa: 42_950_000_001)),
        ]
        return cases.allSatisfy { text, expected in
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return false }
            return MemoryLayout<Decimal>.size == 20 && fields(value) == expected
        }
    }()

    /// The plain spelling of a decimal, or nil when Foundation should spell it.
    package static func plain(_ value: Decimal) -> String? {
        guard layoutVerified, let f = fields(value) else { return nil }
        if f.length == 0 { return f.negative ? nil : "0" }      // negative with no mantissa: NaN
        guard f.exponent >= -18 && f.exponent <= 18 else { return nil }
        // A negative exponent with a mantissa ending in 0 is not normalised: leave it to Foundation.
        if f.exponent < 0 && f.mantissa % 10 == 0 { return nil }
        var digits = String(f.mantissa)
        if f.exponent > 0 {
            // (The whole-number spelling Foundation's path gives: `int64Value` within ±999,999,999,999,
            // the description's plain digits beyond; both are the digits and the zeros.)
            digits += String(repeating: "0", count: f.exponent)
        } else if f.exponent < 0 {
            let point = digits.count + f.exponent
            if point > 0 {
                digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
            } else {
                digits = "0." + String(repeating: "0", count: -point) + digits
            }
        }
        return f.negative ? "-" + digits : digits
    }
}

extension DecimalText {
    /// The value as a 64-bit integer when it is a whole number that fits (nil otherwise, or when the layout
    /// did not verify): sums of figures are made in integers, then as one `Decimal`.
    package static func wholeNumber(_ value: Decimal) -> Int64? {
        guard layoutVerified, let f = fields(value) else { return nil }
        if f.length == 0 { return f.negative ? nil : 0 }
        guard f.exponent >= 0, f.exponent <= 18 else { return nil }
        var magnitude = f.mantissa
        for _ in 0..<f.exponent {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = product
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return f.negative ? -Int64(magnitude) : Int64(magnitude)
    }
}

extension DecimalText {
    /// A decimal as girconv writes it: plain notation, no exponent, no trailing zeros.
    package static func spelling(_ value: Decimal) -> String {
        if let fast = plain(value) { return fast }
        return spellingThroughFoundation(value)
    }

    /// `spelling` as Foundation spells it (the reference `plain` is tested against).
    static func spellingThroughFoundation(_ value: Decimal) -> String {
        // Whole numbers (nearly every figure) without Decimal's slow description.
        if value.exponent == 0, value >= -999_999_999_999, value <= 999_999_999_999 {
            return String(NSDecimalNumber(decimal: value).int64Value)
        }
        var text = "\(value)"
        if text.contains("e") || text.contains("E") {
            text = NSDecimalNumber(decimal: value).stringValue
        }
        return text
    }
}
