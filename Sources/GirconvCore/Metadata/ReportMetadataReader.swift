import Foundation
import GirconvText

/// Finds a report's title, year and reporting body in its text. Shared by every adapter.
///
/// Matching runs on normalised text; what is returned is quoted from the original (traditional
/// characters stay traditional).
package enum ReportMetadataReader {
    /// The report title: an early short line naming 政府信息公开 and 报告, preferring one with a year.
    package static func title(in document: ReportDocument) -> String? {
        document.cache.value("title") { findTitle(in: document) }
    }

    /// The year in the document's title (`year(inTitle:)` of `title(in:)`), read once per document.
    package static func titleYear(in document: ReportDocument) -> Int? {
        document.cache.value("title-year") { title(in: document).flatMap { year(inTitle: $0) } }
    }

    static let titleWords = ["报告", "報告", "年报", "年報"]

    /// A running header (`ReportDocument.runningLines`) is the title only when no other line is one.
    private static func findTitle(in document: ReportDocument) -> String? {
        let lines = document.lines.prefix(80).filter { line in
            // Cheap tests first: the title words, then the length (a scalar is one to four bytes).
            guard line.text.utf8.count >= 8, titleWords.contains(where: { FastText.contains(line.text, $0) }) else { return false }
            let count = line.text.unicodeScalars.count
            return count >= 8 && count <= 160
        }
        let running = lines.filter { document.runningLines.contains($0.number) }
        guard !running.isEmpty else { return findTitle(among: document.titleHints + lines.map(\.text)) }
        return findTitle(among: document.titleHints + lines.filter { !document.runningLines.contains($0.number) }.map(\.text))
            ?? findTitle(among: running.map(\.text))
    }

    private static func findTitle(among candidates: [String]) -> String? {
        var best: (text: String, score: Int)? = nil
        for (rank, raw) in candidates.enumerated() {
            // A candidate scores at most 200 - rank + 50 + 20, less for each later one: once that cannot
            // beat the best so far, no later candidate can.
            if let best, 270 - rank <= best.score { break }
            let text = TextNormalizer.collapseWhitespace(raw)
            // The key below holds 信息公开/政务公开 and 报告/年报 only if the simplified text holds 公, 开 and
            // 报 (the key is that text folded, and folding never makes a Han character): a cheap test first.
            guard Self.mayNameAReport(TextNormalizer.simplified(text)) else { continue }
            let key = TextNormalizer.matchKey(text)
            guard key.has("信息公开") || key.has("政务公开"), key.has("报告") || key.has("年报") else { continue }
            guard !key.hasPrefix("根据"), !key.has("。"), !key.has(">"), !key.has("|") else { continue }
            guard text.utf8.count >= 8, case let count = text.count, count >= 8, count <= 80 else { continue }
            var score = 200 - rank
            if year(inTitle: text) != nil { score += 50 }
            if key.hasSuffix("报告") { score += 20 }
            if best == nil || score > best!.score { best = (text, score) }
        }
        return best?.text
    }

    /// Whether simplified text holds 公, 开 and 报, the characters every title key must contain.
    static func mayNameAReport(_ simplified: String) -> Bool {
        FastText.contains(simplified, "公") && FastText.contains(simplified, "开") && FastText.contains(simplified, "报")
    }

    /// The year reported on, from the title ("2019年度…", "2019年…", "二〇一九年…").
    package static func year(inTitle title: String) -> Int? {
        let folded = TextNormalizer.foldWidthAndPunctuation(title)
        // Where every scalar is a character of its own (ASCII, CJK ideographs and punctuation: no
        // combining marks), scalars are read, which is faster; anything else goes through `Character`s.
        if folded.unicodeScalars.allSatisfy(TextNormalizer.isOwnCharacter) {
            return year(in: Array(folded.unicodeScalars), digit: digitValue(scalar:), isSpace: { $0 == " " }, isYearMark: { $0 == "年" })
        }
        return year(in: Array(folded), digit: digitValue, isSpace: { $0 == " " }, isYearMark: { $0 == "年" })
    }

    /// A year "20xx年" (or in Chinese numerals; "2023 年" as PDF text prints it) not preceded by a digit.
    static func year<Element>(in folded: [Element], digit: (Element) -> Int?, isSpace: (Element) -> Bool,
                              isYearMark: (Element) -> Bool) -> Int? {
        var i = 0
        while i + 4 < folded.count {
            let precededByDigit = i > 0 && digit(folded[i - 1]) != nil
            var after = i + 4
            while after < folded.count, isSpace(folded[after]) { after += 1 }
            if after < folded.count, isYearMark(folded[after]), !precededByDigit {
                let digits = folded[i..<i + 4].compactMap(digit)
                if digits.count == 4 {
                    let value = digits.reduce(0) { $0 * 10 + $1 }
                    if (2000...2100).contains(value) { return value }
                }
            }
            i += 1
        }
        return nil
    }

    /// `digitValue` of a scalar that is a character of its own, without making the `Character` (whose
    /// comparison is canonical: the compatibility ideographs 零 U+F9B2 and 六 U+F9D1 count too).
    static func digitValue(scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0x3007, 0x96F6, 0xF9B2, 0x25CB, 0x4F: return 0  // 〇 零 零 ○ O
        case 0x4E00: return 1                                // 一
        case 0x4E8C: return 2                                // 二
        case 0x4E09: return 3                                // 三
        case 0x56DB: return 4                                // 四
        case 0x4E94: return 5                                // 五
        case 0x516D, 0xF9D1: return 6                        // 六
        case 0x4E03: return 7                                // 七
        case 0x516B: return 8                                // 八
        case 0x4E5D: return 9                                // 九
        default: return nil
        }
    }

    /// 0–9 from ASCII digits or Chinese numerals (〇/零 一 二 … 九).
    static func digitValue(_ c: Character) -> Int? {
        if c.isASCII, let v = c.wholeNumberValue { return v }
        switch c {
        case "〇", "零", "○", "O": return 0
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// The reporting body named in the title: the words before the year, or between the year and
    /// 政府信息公开. For "东莞市政府信息公开…" it is 东莞市政府 (the title shares 政府 between both).
    package static func agency(inTitle title: String) -> String? {
        let normalized = TextNormalizer.foldWidthAndPunctuation(TextNormalizer.simplified(title))
        let original = Array(title)
        let norm = Array(normalized)
        guard original.count == norm.count else { return agencyFromNormalized(normalized) }
        guard let range = agencyRange(norm) else { return nil }
        return clean(String(original[range]))
    }

    static func agencyFromNormalized(_ text: String) -> String? {
        let chars = Array(text)
        return agencyRange(chars).map { clean(String(chars[$0])) } ?? nil
    }

    static func clean(_ s: String) -> String? {
        // Most names have nothing to trim at either end: then the (costly, bridged) trimming is skipped.
        if let first = s.unicodeScalars.first, let last = s.unicodeScalars.last, !trimmed.contains(first), !trimmed.contains(last) {
            return s
        }
        let t = s.trimmingCharacters(in: trimmed)
        return t.isEmpty ? nil : t
    }

    /// Spaces and the punctuation around a body's name in a title.
    static let trimmed = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "　 ,，、:："))

    /// The character range of the agency within a normalised title.
    static func agencyRange(_ chars: [Character]) -> Range<Int>? {
        guard let marker = firstIndex(of: "政府信息公开", in: chars) ?? firstIndex(of: "政务公开", in: chars)
                ?? firstIndex(of: "信息公开", in: chars) else { return nil }
        // Find a year "20xx年" / "二〇一九年" (optionally 度) before the marker.
        var yearStart: Int? = nil, yearEnd: Int? = nil
        var i = 0
        while i + 4 < marker {
            var after = i + 4
            while after < marker, chars[after] == " " { after += 1 }
            if chars[i..<i + 4].allSatisfy({ digitValue($0) != nil }), after < chars.count, chars[after] == "年" {
                yearStart = i; yearEnd = after + 1
                if yearEnd! < chars.count, chars[yearEnd!] == "度" { yearEnd! += 1 }
                break
            }
            i += 1
        }
        var range: Range<Int>
        if let yearStart, yearStart > 0 {
            range = 0..<yearStart
        } else if let yearEnd {
            range = yearEnd..<marker
        } else {
            range = 0..<marker
        }
        // "XX局关于2019年…": the connective is not part of the body's name.
        if range.upperBound - range.lowerBound > 2, String(chars[(range.upperBound - 2)..<range.upperBound]) == "关于" {
            range = range.lowerBound..<(range.upperBound - 2)
        }
        // "东莞市政府信息公开": the title's 政府 belongs to the body too.
        if range.upperBound == marker, marker + 2 <= chars.count, String(chars[marker..<marker + 2]) == "政府",
           let last = range.last, "市县区省州旗盟".contains(chars[last]) {
            range = range.lowerBound..<(marker + 2)
        }
        return range.isEmpty ? nil : range
    }

    static func firstIndex(of needle: String, in chars: [Character]) -> Int? {
        let n = Array(needle)
        guard n.count <= chars.count else { return nil }
        for i in 0...(chars.count - n.count) where chars[i] == n[0] && Array(chars[i..<i + n.count]) == n {
            return i
        }
        return nil
    }

    /// Title, agency and year together, with warnings for what could not be found.
    package static func read(_ document: ReportDocument, layout: Layout) -> (ReportInfo, [ReportWarning]) {
        var warnings: [ReportWarning] = []
        let foundTitle = Self.title(in: document)
        var foundYear = Self.titleYear(in: document)
        if foundYear == nil { foundYear = yearInOpening(document) }
        var foundTitleText = foundTitle
        var foundAgency = foundTitle.flatMap { Self.agency(inTitle: $0) }
        // A title printed over two lines, the body's name above "2023 年政府信息公开工作年度报告".
        if let title = foundTitle, foundAgency == nil, let above = lineAbove(title, in: document) {
            foundAgency = above
            foundTitleText = above + title
        }
        if foundTitle == nil { warnings.append(ReportWarning(code: "title-not-found", message: "no report title found in the first lines")) }
        if foundYear == nil { warnings.append(ReportWarning(code: "year-not-found", message: "the year reported on is not stated in the title")) }
        if foundAgency == nil { warnings.append(ReportWarning(code: "agency-not-found", message: "the reporting body could not be read from the title")) }
        return (ReportInfo(title: foundTitleText, agency: foundAgency, year: foundYear, layout: layout, script: document.script), warnings)
    }

    static let bodyEndings: [String] = ["政府", "局", "办公室", "委员会", "院", "厅", "中心", "委", "办", "署", "会", "所", "站", "队", "处", "室"]

    /// The short line just above a title line, when it names a body (no digits, ends like 政府/局/办公室).
    static func lineAbove(_ title: String, in document: ReportDocument) -> String? {
        guard let index = document.lines.firstIndex(where: { TextNormalizer.collapseWhitespace($0.text) == title }), index > 0 else { return nil }
        let above = TextNormalizer.collapseWhitespace(document.lines[index - 1].text)
        let key = TextNormalizer.matchKey(above)
        guard (2...30).contains(key.count), !key.unicodeScalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }),
              bodyEndings.contains(where: { key.hasSuffix($0) }) else { return nil }
        return above
    }

    /// "本报告…2019年度…" in the opening paragraphs, when the title has no year.
    static func yearInOpening(_ document: ReportDocument) -> Int? {
        for line in document.lines.prefix(40) {
            let key = TextNormalizer.matchKey(line.text)
            guard key.has("年度"), key.has("报告") else { continue }
            if let y = year(inTitle: line.text) { return y }
        }
        return nil
    }
}
