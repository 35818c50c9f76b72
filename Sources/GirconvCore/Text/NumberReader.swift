import Foundation
import GirconvText

/// A unit printed with a number.
public enum PrintedUnit: String, Sendable {
    case yuan = "元"
    case wanYuan = "万元"
    /// A counting word: 件 条 宗 个 项 起 次 期 家 人次 份.
    case counter

    /// Words printed alone in a 单位 / 计量单位 column: the counting words and the money units.
    package static let columnWords: Set<String> = Set(NumberReader.counters + ["万元", "元"])
    /// The UTF-8 length of the longest column word: a longer label is not one (no hashing needed).
    package static let longestColumnWord = columnWords.map(\.utf8.count).max() ?? 0

    /// The unit a 单位-column word gives cells (nil for counting words).
    package static func ofColumnWord(_ word: String) -> PrintedUnit? {
        word == "万元" ? .wanYuan : (word == "元" ? .yuan : nil)
    }
}

/// What one table cell (or one number in a sentence) says.
package enum CellReading: Sendable, Equatable {
    case number(Decimal, unit: PrintedUnit?)
    /// Empty, or only spaces / NBSP.
    case blank
    /// "—", "-", "－", "--" …
    case dash
    /// 无 / 無 / 没有.
    case noneWord
    /// "/", "／", 不适用, "——/" …
    case notApplicable
    /// "57.25%": a share, never a count or an amount (a 占比 column is a value column, not a label).
    case percent(Decimal)
    /// A number with more significant digits than `NumberReader.maximumSignificantDigits`. It stands where
    /// a value stands (a cell of digits is a value cell, not a row label, so the row keeps its other cells),
    /// but it is no figure.
    case overlongNumber(significantDigits: Int)
    /// Anything else: words, ranges.
    case text
}

/// Reads numbers as printed in reports: signs, thousands separators, decimals, full-width digits and a
/// unit written after the number ("251000元", "25.1万元", "12件").
package enum NumberReader {
    /// The last scalars of the unit words `parseNumber` looks for (万元 元 万 and the counters).
    static let unitEnds: Set<UInt32> = Set((counters + ["万元", "元", "万"]).compactMap { $0.unicodeScalars.last?.value })

    static let counters: [String] = ["人次", "件", "条", "宗", "个", "项", "起", "次", "期", "家", "份", "篇", "人", "场", "批"]

    /// The most significant digits (leading zeros aside) a printed figure may have. The largest figures
    /// these reports print, procurement totals in 元 with their 分, stay well below it. It is also the most
    /// digits an IEEE double holds exactly, so every figure written survives a JSON reader that parses
    /// numbers as doubles (JavaScript) and a spreadsheet (Excel keeps 15 digits). A longer number is a
    /// slip (an identifier pasted into a cell, digits run together), not a figure: it is unreadable,
    /// never rounded.
    package static let maximumSignificantDigits = 15

    /// Classifies a raw cell text.
    /// Digits followed by footnote marks only ("49**", "12＊"), spaces around allowed: a form's marked
    /// code. `read` gives `.text` for it: the marks say the number is qualified, so it is no plain figure.
    package static func isFootnotedNumber(_ raw: String) -> Bool {
        var digits = 0, marks = 0
        for scalar in TextNormalizer.collapseWhitespace(raw).unicodeScalars {
            if marks == 0, ("0"..."9").contains(scalar) || ("\u{FF10}"..."\u{FF19}").contains(scalar) {
                digits += 1
            } else if digits > 0, scalar == "*" || scalar == "\u{FF0A}" {
                marks += 1
            } else {
                return false
            }
        }
        return digits > 0 && marks > 0
    }

    package static func read(_ raw: String) -> CellReading {
        // The commonest cell: a few ASCII digits ("0", "12", "1286"). A run of ASCII digits of any length
        // is decided here; the value is accumulated only while it can be a figure (so never overflows).
        var plain: UInt64 = 0
        var plainDigits = 0, significant = 0
        for byte in raw.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { plainDigits = -1; break }
            if significant > 0 || byte != 0x30 { significant += 1 }
            if significant <= maximumSignificantDigits { plain = plain * 10 + UInt64(byte - 0x30) }
            plainDigits += 1
        }
        if plainDigits > 0 {
            return significant <= maximumSignificantDigits ? .number(Decimal(plain), unit: nil) : .overlongNumber(significantDigits: significant)
        }
        // Fast exits: prose is long or has no digit; only a few short words mean zero or "not applicable".
        var digits = 0, count = 0
        // Only characters a number is printed with so far: a long run of them holding digits is an over-long
        // number, which must still be seen as a value (a value cell taken for a label would break its row),
        // not as prose. A long run without a digit (a rule of dashes) stays text, as before.
        var numberCharacters = true
        // A Han character outside the few words below (无 無 没 沒 有 不 适 適 用) makes a digit-less cell text:
        // no dash, "none" word or "not applicable" word holds one (most label cells end here, unfolded).
        var otherHan = false
        for scalar in raw.unicodeScalars {
            count += 1
            let v = scalar.value
            if (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) { digits += 1 }
            else {
                if numberCharacters && !isNumberPunctuationOrSpace(v) { numberCharacters = false }
                if v >= 0x4E00 && v <= 0x9FFF && !otherHan {
                    switch v {
                    case 0x65E0, 0x7121, 0x6CA1, 0x6C92, 0x6709, 0x4E0D, 0x9002, 0x9069, 0x7528: break
                    default: otherHan = true
                    }
                }
            }
            if count > 40 && (!numberCharacters || digits == 0) { return .text }
        }
        if digits == 0 && otherHan { return .text }
        let s = trimmed(TextNormalizer.foldWidthAndPunctuation(raw))
        if s.isEmpty { return .blank }
        if digits == 0 {
            if s.allSatisfy({ $0 == "-" || $0 == "~" || $0 == "_" }) { return .dash }
            if s == "无" || s == "無" || s == "没有" || s == "沒有" { return .noneWord }
            if s == "/" || s == "\\" || s == "不适用" || s == "不適用" || s == "-/" || s == "/-" { return .notApplicable }
            return .text
        }
        if s.hasSuffix("%") {
            switch parseNumber(s.dropLast()) {
            case let .number(share, unit)?: return unit == nil ? .percent(share) : .text
            case let overlong?: return overlong
            case nil: return .text
            }
        }
        return parseNumber(s) ?? .text
    }

    /// The characters besides digits a printed number is made of: sign, separators, spaces (ASCII and
    /// full-width forms, NBSP, the ideographic space).
    @inline(__always)
    static func isNumberPunctuationOrSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x2B, 0x2C, 0x2D, 0x2E, 0xA0, 0x3000, 0xFF0B, 0xFF0C, 0xFF0D, 0xFF0E: return true
        default: return false
        }
    }

    static func trimmed(_ s: String) -> Substring {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextNormalizer.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !TextNormalizer.isSpace($0) })!
        return Substring(scalars[first...last])
    }

    /// Parses a folded, trimmed string that is exactly a number with an optional unit: `.number`, or
    /// `.overlongNumber` for a well-formed number with too many digits to be a figure; nil for anything else.
    static func parseNumber<S: StringProtocol>(_ s: S) -> CellReading? {
        var body = Substring(s)
        var unit: PrintedUnit? = nil
        // Most cells end in a digit: no unit to look for.
        let last = body.unicodeScalars.last?.value
        if let last, last >= 0x30 && last <= 0x39 {
        } else if let last, last < 0x80 || ((0x4E00...0x9FFF).contains(last) && !unitEnds.contains(last)) {
            // No unit word ends in this character, nor in any character it could be canonically equal to
            // (an ASCII character, or a unified ideograph that ends none of them): the suffixes are not compared.
        } else if body.hasSuffix("万元") { unit = .wanYuan; body = body.dropLast(2) }
        else if body.hasSuffix("元") { unit = .yuan; body = body.dropLast(1) }
        else if body.hasSuffix("万") { unit = .wanYuan; body = body.dropLast(1) }
        else if let c = counters.first(where: { body.hasSuffix($0) }) { unit = .counter; body = body.dropLast(c.count) }
        body = body.drop(while: { $0 == " " })
        while body.last == " " { body = body.dropLast() }
        guard !body.isEmpty else { return nil }
        var negative = false
        if let f = body.first, f == "+" || f == "-" {
            negative = f == "-"
            body = body.dropFirst().drop(while: { $0 == " " })
        }
        // Digits with optional thousands separators (commas, groups of three) and one decimal point.
        var significand: UInt64 = 0
        var significantDigits = 0, fractionDigits = 0
        var groupLength = 0, groups = 0, firstGroupLength = 0
        var seenPoint = false
        for scalar in body.unicodeScalars {
            switch scalar {
            case "0"..."9":
                if significantDigits > 0 || scalar != "0" { significantDigits += 1 }
                // Past the longest figure the rest is still checked (a number, or text?), not accumulated.
                if significantDigits <= maximumSignificantDigits { significand = significand * 10 + UInt64(scalar.value - 0x30) }
                if seenPoint { fractionDigits += 1 } else { groupLength += 1 }
            case ",":
                guard !seenPoint else { return nil }
                if groups == 0 { guard groupLength >= 1 && groupLength <= 3 else { return nil }; firstGroupLength = groupLength }
                else { guard groupLength == 3 else { return nil } }
                groups += 1
                groupLength = 0
            case ".":
                guard !seenPoint, groupLength > 0 || groups == 0 && firstGroupLength > 0 else { return nil }
                if groups > 0 { guard groupLength == 3 else { return nil } }
                seenPoint = true
            default:
                return nil
            }
        }
        if groups > 0 && !seenPoint { guard groupLength == 3 else { return nil } }
        if seenPoint { guard fractionDigits > 0 else { return nil } }
        guard groups > 0 || groupLength > 0 || firstGroupLength > 0 else { return nil }
        guard significantDigits <= maximumSignificantDigits else { return .overlongNumber(significantDigits: significantDigits) }
        let value = Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
        return .number(value, unit: unit)
    }

    /// Converts a printed number to the unit a path expects. Returns nil when the unit does not fit the
    /// path (a money unit on a count, a counting word on an amount).
    package static func convert(_ value: Decimal, unit: PrintedUnit?, to kind: FigureKind) -> Decimal? {
        guard Self.unit(unit, fits: kind) else { return nil }
        switch (kind, unit) {
        case (.amountYuan, .wanYuan?): return value * 10_000
        case (.amountWanYuan, .yuan?): return value / 10_000
        default: return value
        }
    }

    /// Whether a printed unit fits a path's kind: a counting word (or none) on a count, a money unit (or
    /// none) on an amount. Said apart from `convert` for a number that has no value to convert (too long).
    package static func unit(_ unit: PrintedUnit?, fits kind: FigureKind) -> Bool {
        switch kind {
        case .count, .signedCount: return unit == nil || unit == .counter
        case .amountYuan, .amountWanYuan: return unit != .counter
        }
    }
}
