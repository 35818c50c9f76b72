import Foundation

/// A unit printed with a number.
public enum PrintedUnit: String, Sendable {
    case yuan = "元"
    case wanYuan = "万元"
    /// A counting word: 件 条 宗 个 项 起 次 期 家 人次 份.
    case counter

    /// Words printed alone in a 单位 / 计量单位 column: the counting words and the money units.
    public static let columnWords: Set<String> = Set(NumberReader.counters + ["万元", "元"])
    /// The UTF-8 length of the longest column word: a longer label is not one (no hashing needed).
    public static let longestColumnWord = columnWords.map(\.utf8.count).max() ?? 0

    /// The unit a 单位-column word gives cells (nil for counting words).
    public static func ofColumnWord(_ word: String) -> PrintedUnit? {
        word == "万元" ? .wanYuan : (word == "元" ? .yuan : nil)
    }
}

/// What one table cell (or one number in a sentence) says.
public enum CellReading: Sendable, Equatable {
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
    /// Anything else: words, ranges.
    case text
}

/// Reads numbers as printed in reports: signs, thousands separators, decimals, full-width digits and a
/// unit written after the number ("251000元", "25.1万元", "12件").
public enum NumberReader {
    /// The last scalars of the unit words `parseNumber` looks for (万元 元 万 and the counters).
    static let unitEnds: Set<UInt32> = Set((counters + ["万元", "元", "万"]).compactMap { $0.unicodeScalars.last?.value })

    static let counters: [String] = ["人次", "件", "条", "宗", "个", "项", "起", "次", "期", "家", "份", "篇", "人", "场", "批"]

    /// Classifies a raw cell text.
    public static func read(_ raw: String) -> CellReading {
        // The commonest cell: a few ASCII digits ("0", "12", "1286").
        var plain: UInt64 = 0
        var plainDigits = 0
        for byte in raw.utf8 {
            guard byte >= 0x30 && byte <= 0x39, plainDigits < 18 else { plainDigits = -1; break }
            plain = plain * 10 + UInt64(byte - 0x30)
            plainDigits += 1
        }
        if plainDigits > 0 { return .number(Decimal(plain), unit: nil) }
        // Fast exits: prose is long or has no digit; only a few short words mean zero or "not applicable".
        var digits = 0, count = 0
        // A Han character outside the few words below (无 無 没 沒 有 不 适 適 用) makes a digit-less cell text:
        // no dash, "none" word or "not applicable" word holds one (most label cells end here, unfolded).
        var otherHan = false
        for scalar in raw.unicodeScalars {
            count += 1
            let v = scalar.value
            if (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) { digits += 1 }
            else if v >= 0x4E00 && v <= 0x9FFF && !otherHan {
                switch v {
                case 0x65E0, 0x7121, 0x6CA1, 0x6C92, 0x6709, 0x4E0D, 0x9002, 0x9069, 0x7528: break
                default: otherHan = true
                }
            }
            if count > 40 { return .text }
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
            guard let share = parseNumber(s.dropLast()), share.unit == nil else { return .text }
            return .percent(share.value)
        }
        return parseNumber(s).map { .number($0.value, unit: $0.unit) } ?? .text
    }

    static func trimmed(_ s: String) -> Substring {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextNormalizer.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !TextNormalizer.isSpace($0) })!
        return Substring(scalars[first...last])
    }

    /// Parses a folded, trimmed string that is exactly a number with an optional unit.
    static func parseNumber<S: StringProtocol>(_ s: S) -> (value: Decimal, unit: PrintedUnit?)? {
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
                guard significantDigits <= 18 else { return nil }
                significand = significand * 10 + UInt64(scalar.value - 0x30)
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
        let value = Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
        return (value, unit)
    }

    /// Converts a printed number to the unit a path expects. Returns nil when the unit does not fit the
    /// path (a money unit on a count, a counting word on an amount).
    public static func convert(_ value: Decimal, unit: PrintedUnit?, to kind: FigureKind) -> Decimal? {
        switch kind {
        case .count, .signedCount:
            return (unit == nil || unit == .counter) ? value : nil
        case .amountYuan:
            switch unit {
            case nil, .yuan?: return value
            case .wanYuan?: return value * 10_000
            case .counter?: return nil
            }
        case .amountWanYuan:
            switch unit {
            case nil, .wanYuan?: return value
            case .yuan?: return value / 10_000
            case .counter?: return nil
            }
        }
    }
}
