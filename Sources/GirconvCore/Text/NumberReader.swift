import Foundation

/// A unit printed with a number.
public enum PrintedUnit: String, Sendable {
    case yuan = "元"
    case wanYuan = "万元"
    /// A counting word: 件 条 宗 个 项 起 次 期 家 人次 份.
    case counter
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
    /// Anything else: words, percentages, ranges.
    case text
}

/// Reads numbers as printed in reports: signs, thousands separators, decimals, full-width digits and a
/// unit written after the number ("251000元", "25.1万元", "12件").
public enum NumberReader {
    static let counters: [String] = ["人次", "件", "条", "宗", "个", "项", "起", "次", "期", "家", "份", "篇", "人", "场", "批"]

    /// Classifies a raw cell text.
    public static func read(_ raw: String) -> CellReading {
        let folded = TextNormalizer.foldWidthAndPunctuation(raw)
        let s = folded.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty { return .blank }
        if s.allSatisfy({ $0 == "-" || $0 == "~" || $0 == "_" }) { return .dash }
        if s == "无" || s == "無" || s == "没有" || s == "沒有" { return .noneWord }
        if s == "/" || s == "\\" || s == "不适用" || s == "不適用" || s == "-/" || s == "/-" { return .notApplicable }
        return parseNumber(s).map { .number($0.value, unit: $0.unit) } ?? .text
    }

    /// Parses a folded, trimmed string that is exactly a number with an optional unit.
    static func parseNumber(_ s: String) -> (value: Decimal, unit: PrintedUnit?)? {
        var body = Substring(s)
        var unit: PrintedUnit? = nil
        if body.hasSuffix("万元") { unit = .wanYuan; body = body.dropLast(2) }
        else if body.hasSuffix("元") { unit = .yuan; body = body.dropLast(1) }
        else if body.hasSuffix("万") { unit = .wanYuan; body = body.dropLast(1) }
        else if let c = counters.first(where: { body.hasSuffix($0) }) { unit = .counter; body = body.dropLast(c.count) }
        body = body.drop(while: { $0 == " " })
        while body.last == " " { body = body.dropLast() }
        guard !body.isEmpty else { return nil }
        var sign = ""
        if let f = body.first, f == "+" || f == "-" {
            if f == "-" { sign = "-" }
            body = body.dropFirst().drop(while: { $0 == " " })
        }
        // Digits with optional thousands separators (commas, groups of three) and one decimal point.
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerPart = parts.first, !integerPart.isEmpty else { return nil }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var digits = groups.joined()
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            digits += "." + fraction
        }
        guard let value = Decimal(string: sign + digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
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
