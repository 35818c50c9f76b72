import Foundation
import GirconvCore

/// Reads figures from sentences with the phrase table of `NarrativePatterns`: a trigger phrase, then
/// within a few characters a number with a counting word or a money unit. Percentages, approximate
/// figures ("300余宗") and numbers without a unit are never taken. Every figure records its sentence
/// and the character offset of its number in the document text.
struct NarrativeReader {
    struct Found {
        var figure: Figure
        var path: String
        /// A percentage printed right after the figure ("占57.25%").
        var share: (percent: Decimal, decimals: Int)?
    }

    struct Reading {
        var figures: [String: Figure] = [:]
        var warnings: [ReportWarning] = []
        var shares: [StatedShare] = []
    }

    /// Reads every line of the document; the first statement of a path wins, and a later different
    /// statement of the same path is reported.
    func read(_ document: ReportDocument) -> Reading {
        var figures: [String: Figure] = [:]
        var warnings: [ReportWarning] = []
        var shares: [StatedShare] = []
        var zeros: [(String, Figure)] = []
        for line in document.lines {
            let aligned = AlignedText(line.text, traditional: document.script == .traditional)
            for found in numbers(in: aligned, line: line) {
                if let existing = figures[found.path] {
                    if existing.value != found.figure.value {
                        warnings.append(ReportWarning(
                            code: "stated-twice",
                            message: "\(found.path) is stated as \(existing.value.map { "\($0)" } ?? "null") and later as \(found.figure.value.map { "\($0)" } ?? "null") (\"\(found.figure.provenance.location.sentence ?? "")\"); the first is kept",
                            path: found.path, location: found.figure.provenance.location))
                    }
                    continue
                }
                figures[found.path] = found.figure
                if let share = found.share, let whole = NarrativePatterns.wholeOf(found.path) {
                    shares.append(StatedShare(path: found.path, wholePath: whole, percent: share.percent, decimals: share.decimals,
                                              location: found.figure.provenance.location))
                }
            }
            zeros += zeroStatements(in: aligned, line: line)
        }
        for (path, figure) in zeros where figures[path] == nil { figures[path] = figure }
        return Reading(figures: figures, warnings: warnings, shares: shares)
    }

    // MARK: Numbers after triggers

    struct Match { var start: Int; var end: Int; var trigger: NarrativePatterns.Trigger }

    func numbers(in text: AlignedText, line: TextLine) -> [Found] {
        let chars = text.characters
        var matches: [Match] = []
        for trigger in NarrativePatterns.triggers {
            for phrase in trigger.phrases {
                for start in occurrences(of: Array(phrase), in: chars) {
                    matches.append(Match(start: start, end: start + phrase.count, trigger: trigger))
                }
            }
        }
        // Longest match wins where matches overlap.
        matches.sort { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var kept: [Match] = []
        for m in matches where !kept.contains(where: { $0.start < m.end && m.start < $0.end }) { kept.append(m) }
        kept.sort { $0.start < $1.start }

        var results: [Found] = []
        for m in kept {
            var path = m.trigger.path
            if m.trigger.scoped {
                guard let scope = scope(before: m.start, in: chars) else { continue }
                path = path.replacingOccurrences(of: "{scope}", with: scope)
            }
            // The number must come before the next trigger.
            let limit = kept.first(where: { $0.start >= m.end })?.start ?? chars.count
            guard let number = number(after: m.end, limit: limit, in: chars) else { continue }
            let kind = FigureCatalog.spec(for: path)?.kind ?? .count
            guard let value = NumberReader.convert(number.value, unit: number.unit, to: kind) else { continue }
            let sentence = sentenceRange(around: number.range.lowerBound, in: chars)
            let location = SourceLocation(sentence: text.originalText(sentence), line: line.number,
                                          offset: line.offset + text.originalScalarOffset(number.range.lowerBound))
            let provenance = Provenance(how: .printed, raw: text.originalText(number.range), location: location)
            results.append(Found(figure: Figure(value: value, provenance: provenance), path: path,
                                 share: share(after: number.range.upperBound, in: chars)))
        }
        return results
    }

    func occurrences(of needle: [Character], in haystack: [Character]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], Array(haystack[i..<i + needle.count]) == needle { found.append(i) }
            i += 1
        }
        return found
    }

    /// The appeal scope in force at a position: the last 行政复议/行政诉讼 before it in the paragraph.
    func scope(before position: Int, in chars: [Character]) -> String? {
        var best: (Int, String)? = nil
        for (phrase, key) in NarrativePatterns.scopes {
            if let last = occurrences(of: Array(phrase), in: Array(chars[..<position])).last, best == nil || last > best!.0 {
                best = (last, key)
            }
        }
        return best?.1
    }

    struct Number { var value: Decimal; var unit: PrintedUnit; var range: Range<Int> }

    static let sentenceEnd: Set<Character> = ["。", ";", "!", "?", "；"]
    static let clauseBreak: Set<Character> = [",", "、", "，"]
    static let countWords: [String] = ["人次", "宗", "件", "条", "个", "项", "起", "次", "期", "家", "篇", "份"]

    /// The first "number + unit" after a trigger, if only connective words stand between them.
    func number(after start: Int, limit: Int, in chars: [Character]) -> Number? {
        var i = start
        var gap: [Character] = []
        var depth = 0
        while i < limit {
            let c = chars[i]
            if Self.sentenceEnd.contains(c) { return nil }
            if c == "(" || c == "《" || c == "[" { depth += 1; i += 1; continue }
            if c == ")" || c == "》" || c == "]" { depth = max(0, depth - 1); i += 1; continue }
            if depth > 0 { i += 1; continue }
            if c.isASCII, c.isNumber { break }
            if Self.clauseBreak.contains(c) { return nil }
            if c != "\"" && c != "'" && c != " " && c != ":" {
                guard NarrativePatterns.connectives.contains(c) else { return nil }
                gap.append(c)
            }
            if gap.count > 8 { return nil }
            i += 1
        }
        guard i < limit else { return nil }
        // The number.
        let numberStart = i
        while i < chars.count, (chars[i].isASCII && chars[i].isNumber) || chars[i] == "," || chars[i] == "." { i += 1 }
        var digitsEnd = i
        while digitsEnd > numberStart, chars[digitsEnd - 1] == "," || chars[digitsEnd - 1] == "." { digitsEnd -= 1 }
        let digits = String(chars[numberStart..<digitsEnd])
        var j = digitsEnd
        while j < chars.count, chars[j] == " " { j += 1 }
        let rest = String(chars[j..<min(chars.count, j + 3)])
        let unit: PrintedUnit
        let unitLength: Int
        if rest.hasPrefix("万元") { unit = .wanYuan; unitLength = 2 }
        else if rest.hasPrefix("元") { unit = .yuan; unitLength = 1 }
        else if let word = Self.countWords.first(where: { rest.hasPrefix($0) }) { unit = .counter; unitLength = word.count }
        else { return nil }   // no unit: a percentage, a year, an approximate "300余", a code number …
        guard case let .number(value, _)? = Optional(NumberReader.read(digits)) else { return nil }
        return Number(value: value, unit: unit, range: numberStart..<(j + unitLength))
    }

    /// "，占57.25%" / "，占总数的100%" right after a figure.
    func share(after position: Int, in chars: [Character]) -> (percent: Decimal, decimals: Int)? {
        var i = position
        func skip(_ set: Set<Character>) { while i < chars.count, set.contains(chars[i]) { i += 1 } }
        skip([" ", ",", "，"])
        guard i < chars.count, chars[i] == "占" else { return nil }
        i += 1
        for filler in ["总数的", "全部的", "比例为", "比重为", "的"] where String(chars[i..<min(chars.count, i + filler.count)]) == filler {
            i += filler.count
            break
        }
        let start = i
        while i < chars.count, (chars[i].isASCII && chars[i].isNumber) || chars[i] == "." { i += 1 }
        guard i > start, i < chars.count, chars[i] == "%" else { return nil }
        let text = String(chars[start..<i])
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        return (value, decimals)
    }

    func sentenceRange(around position: Int, in chars: [Character]) -> Range<Int> {
        var start = position
        while start > 0, !Self.sentenceEnd.contains(chars[start - 1]) { start -= 1 }
        var end = position
        while end < chars.count, !Self.sentenceEnd.contains(chars[end]) { end += 1 }
        if end < chars.count { end += 1 }
        while start < end, chars[start] == " " { start += 1 }
        return start..<end
    }

    // MARK: Zero statements

    func zeroStatements(in text: AlignedText, line: TextLine) -> [(String, Figure)] {
        let string = text.string
        let ns = string as NSString
        var results: [(String, Figure)] = []
        var covered: Set<String> = []
        for statement in NarrativePatterns.zeroStatements {
            for match in statement.expression.matches(in: string, range: NSRange(location: 0, length: ns.length)) {
                // NSRange is in UTF-16; convert to character positions.
                guard let range = Range(match.range, in: string) else { continue }
                let start = string.distance(from: string.startIndex, to: range.lowerBound)
                let end = string.distance(from: string.startIndex, to: range.upperBound)
                let sentence = sentenceRange(around: start, in: text.characters)
                let location = SourceLocation(sentence: text.originalText(sentence), line: line.number,
                                              offset: line.offset + text.originalScalarOffset(start))
                for path in statement.paths where !covered.contains(path) {
                    covered.insert(path)
                    let provenance = Provenance(how: .statedZero, raw: text.originalText(start..<end), location: location)
                    results.append((path, Figure(value: 0, provenance: provenance)))
                }
            }
        }
        return results
    }
}
