import Foundation
import GirconvCore
import GirconvText

/// Reads figures from sentences with a layout's phrase tables (`NarrativePatternSet`): a trigger phrase, then
/// within a few characters a number with a counting word or a money unit. Percentages, approximate
/// figures ("300余宗") and numbers without a unit are never taken. Every figure records its sentence
/// and the character offset of its number in the document text.
struct NarrativeReader: Sendable {
    let patterns: NarrativePatternSet
    /// The phrases' lookup tables, compiled once per reader.
    let index: NarrativeIndex

    init(patterns: NarrativePatternSet) {
        self.patterns = patterns
        index = NarrativeIndex(patterns)
    }
    struct Found {
        var figure: Figure
        var path: String
        /// A percentage printed right after the figure ("占57.25%").
        var share: (percent: Decimal, decimals: Int)?
        /// What is doubtful about the figure (a number too long, a negative one): reported with it if it is kept.
        var warning: ReportWarning?
    }

    struct Reading {
        var figures: [String: Figure] = [:]
        var warnings: [ReportWarning] = []
        var shares: [StatedShare] = []
        var statedTwice: [StatedTwice] = []
    }

    /// Reads every line of the document; the first statement of a path wins, and a later different
    /// statement of the same path is reported.
    func read(_ document: ReportDocument) -> Reading {
        document.cache.value("narrative:" + patterns.owner) { readUncached(document) }
    }

    private func readUncached(_ document: ReportDocument) -> Reading {
        var reading = Reading()
        var zeros: [(String, Figure)] = []
        /// The first value (nil: unreadable) of each path stated twice with different values (its figure is
        /// then null).
        var firstStatements: [String: Decimal?] = [:]
        let zeroPrefilter = ZeroPrefilter(patterns)
        for (lineIndex, line) in document.lines.enumerated() {
            // Only lines with a digit can state a number, only lines with a negation a zero. A digit is one
            // after folding, and characters folding removes are noted (`FoldSummary`, derived from the fold
            // rule).
            let summary = FoldSummary(of: line.text, marking: Self.isNegation)
            let hasDigit = summary.hasDigit, hasZeroWidth = summary.hasRemoved
            var hasNegation = summary.hasMarked
            if hasNegation, !hasZeroWidth, zeroPrefilter.rulesOut(lineIndex, of: document) { hasNegation = false }
            // A line with no trigger phrase states no number (a table row, a date): when that can be told
            // from its bytes exactly (`NarrativeIndex.triggersFoldInvariant`, and no zero-width
            // characters, which folding would remove), it is not aligned for matching. The bytes are those
            // matching reads: a traditional document's line in simplified characters (or as it is, where
            // simplifying changed its length: both are tested), another document's line as it is.
            if hasDigit, !hasNegation, !hasZeroWidth, index.triggersFoldInvariant,
               Self.noForm(of: lineIndex, in: document, mayHold: index.mayContainTrigger) {
                continue
            }
            guard hasDigit || hasNegation else { continue }
            let aligned = document.alignedLine(lineIndex)
            if hasDigit {
                for found in numbers(in: aligned, line: line) {
                    // A whole stated with a share ("各乡镇主动公开政府信息122条，占28.7%") is a part of it (the
                    // townships' share of the total), never the whole itself: no second value of the total.
                    if found.share != nil, patterns.wholeOf(found.path) == nil, patterns.isWhole(found.path) { continue }
                    if let existing = reading.figures[found.path] {
                        // Two sentences giving one figure two values: which is right cannot be told, so
                        // neither is kept (a table's figure, where the report prints one, still is).
                        if existing.value != found.figure.value || firstStatements[found.path] != nil {
                            let first = firstStatements[found.path] ?? existing.value
                            firstStatements[found.path] = first
                            guard first != found.figure.value else { continue }
                            reading.warnings.append(ReportWarning(
                                code: "stated-twice",
                                message: "\(found.path) is stated as \(first.map { "\($0)" } ?? "null") and later as \(found.figure.value.map { "\($0)" } ?? "null") (\"\(found.figure.provenance.location.sentence ?? "")\"); neither is kept",
                                path: found.path, location: found.figure.provenance.location))
                            reading.statedTwice.append(StatedTwice(path: found.path, first: first, second: found.figure.value,
                                                                   location: found.figure.provenance.location))
                            reading.figures[found.path] = Figure(value: nil, provenance: Provenance(
                                how: .unreadable, raw: existing.provenance.raw, location: existing.provenance.location))
                        }
                        continue
                    }
                    reading.figures[found.path] = found.figure
                    if let warning = found.warning { reading.warnings.append(warning) }
                    if let share = found.share, let whole = patterns.wholeOf(found.path) {
                        reading.shares.append(StatedShare(path: found.path, wholePath: whole, percent: share.percent,
                                                          decimals: share.decimals, location: found.figure.provenance.location))
                    }
                }
            }
            if hasNegation { zeros += zeroStatements(in: aligned, line: line) }
        }
        for (path, figure) in zeros where reading.figures[path] == nil { reading.figures[path] = figure }
        return reading
    }

    /// A zero statement can only match a line that holds all the literal runs of its pattern. When every
    /// such run is made of characters folding leaves alone (`NarrativeIndex.foldsOnlyToItself`), this
    /// is told from the line's bytes, as the triggers are ("不" is in most sentences: most lines with a
    /// negation state no zero). The bytes are those matching reads: a traditional document's line in
    /// simplified characters and as it is, another document's line as it is (unless it looks traditional).
    struct ZeroPrefilter {
        let literals: [[String]]
        /// False when some literal run holds a character folding changes or produces: no prefilter then.
        let exact: Bool

        init(_ patterns: NarrativePatternSet) {
            literals = patterns.zeroStatements.map(\.requiredLiterals)
            exact = literals.allSatisfy { $0.allSatisfy { $0.unicodeScalars.allSatisfy(NarrativeIndex.foldsOnlyToItself) } }
        }

        private func mayStateZero(_ text: String) -> Bool { literals.contains { $0.allSatisfy { text.has($0) } } }

        /// True when line `index` of the document states no zero. Only for lines without zero-width
        /// characters (folding removes them, which could join a literal run).
        func rulesOut(_ index: Int, of document: ReportDocument) -> Bool {
            exact && NarrativeReader.noForm(of: index, in: document, mayHold: mayStateZero)
        }
    }

    /// True when no form of line `index` that matching may read holds what `mayHold` looks for (trigger
    /// phrases, a zero statement's literal runs): a traditional document's line in simplified characters
    /// and as it is (the original is read where simplifying changed its length), another document's line
    /// as it is, unless it looks traditional (then it is simplified when aligned, and nothing is ruled out).
    static func noForm(of index: Int, in document: ReportDocument, mayHold: (String) -> Bool) -> Bool {
        let line = document.lines[index].text
        if let simplified = document.simplifiedLines?[index] { return !mayHold(simplified) && !mayHold(line) }
        return !TextNormalizer.isTraditional(line) && !mayHold(line)
    }

    // MARK: Numbers after triggers

    struct Match { var start: Int; var end: Int; var trigger: Int }

    func numbers(in text: AlignedText, line: TextLine) -> [Found] {
        let chars = text.scalars
        var matches: [Match] = []
        var scopes: [(position: Int, key: String)] = []
        var subjects: [(position: Int, subject: Int)] = []
        for i in chars.indices {
            guard index.mayStartPhrase(chars[i].value), let candidates = index.phrasesByFirstScalar[chars[i].value] else { continue }
            for phrase in candidates where i + phrase.scalars.count <= chars.count {
                var equal = true
                for (k, s) in phrase.scalars.enumerated() where chars[i + k] != s { equal = false; break }
                guard equal else { continue }
                if let scope = phrase.scope { scopes.append((i, scope)) }
                if let subject = phrase.subject { subjects.append((i, subject)) }
                if phrase.trigger >= 0 { matches.append(Match(start: i, end: i + phrase.scalars.count, trigger: phrase.trigger)) }
            }
        }
        guard !matches.isEmpty else { return [] }
        // Longest match wins where matches overlap (the characters a kept match covers are marked: linear in
        // the matches' length, however many a line holds).
        matches.sort { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var kept: [Match] = []
        var covered = [Bool](repeating: false, count: chars.count)
        for m in matches where !covered[m.start..<m.end].contains(true) {
            kept.append(m)
            for i in m.start..<m.end { covered[i] = true }
        }
        kept.sort { $0.start < $1.start }
        let sentences = SentenceBounds(chars)

        var results: [Found] = []
        var scopesBefore = 0   // scopes[..<scopesBefore] start before the current match (kept is in order)
        for (k, m) in kept.enumerated() {
            let trigger = patterns.triggers[m.trigger]
            var path = trigger.path
            while scopesBefore < scopes.count, scopes[scopesBefore].position < m.start { scopesBefore += 1 }
            if trigger.scoped {
                guard scopesBefore > 0 else { continue }
                path = FastText.replacing(path, "{scope}", with: scopes[scopesBefore - 1].key)
            }
            // A sentence about another subject ("制作、获取政府信息总数…，其中…不予公开信息数N条") gives none of
            // the figures that subject excludes.
            if !subjects.isEmpty {
                let sentenceStart = sentences.range(around: m.start, in: chars).lowerBound
                let aboutAnother = subjects.contains { found in
                    let subject = patterns.subjects[found.subject]
                    guard found.position >= sentenceStart, found.position < m.start, subject.excludes(path) else { return false }
                    return subject.reach == .sentence || !chars[found.position..<m.start].contains(where: Class.clauseBreak)
                }
                if aboutAnother { continue }
            }
            // The number must come before the next trigger.
            let limit = k + 1 < kept.count ? kept[k + 1].start : chars.count
            guard let number = number(after: m.end, limit: limit, in: text) else { continue }
            let kind = patterns.kind(of: path)
            var value: Decimal?   // nil: a number too long to be a figure, or a count printed with a point
            var pointProblem: String?
            switch number.reading {
            case let .number(printed, _):
                // A unit that does not fit the path (money on a count): the number is not this figure.
                guard let converted = NumberReader.convert(printed, unit: number.unit, to: kind) else { continue }
                value = converted
                if kind == .count || kind == .signedCount {
                    pointProblem = CellInterpreter.pointInCount(text.originalText(number.range), value: converted)
                    if pointProblem != nil { value = nil }
                }
            default:
                guard NumberReader.unit(number.unit, fits: kind) else { continue }
                value = nil
            }
            let sentence = sentences.quoted(around: number.range.lowerBound, in: chars)
            let column = text.originalScalarOffset(number.range.lowerBound)
            let location = SourceLocation(sentence: text.originalText(sentence), line: line.number,
                                          offset: line.offset + column, page: line.page, box: line.box(at: column))
            let raw = text.originalText(number.range)
            let warning: ReportWarning?
            if let pointProblem {
                warning = ReportWarning(code: "cell-unreadable", message: "\(path): \"\(raw)\" \(pointProblem)", path: path, location: location)
            } else if case let .overlongNumber(significantDigits) = number.reading {
                warning = CellInterpreter.overlongNumberWarning(raw: raw, significantDigits: significantDigits, path: path, location: location)
            } else {
                warning = value.flatMap { CellInterpreter.negativeValueWarning($0, raw: raw, path: path, kind: kind, location: location) }
            }
            let provenance = Provenance(how: value == nil ? .unreadable : .printed, raw: raw, location: location)
            results.append(Found(figure: Figure(value: value, provenance: provenance), path: path,
                                 share: share(after: number.range.upperBound, in: chars), warning: warning))
        }
        return results
    }

    /// A number after a trigger: its reading is `.number`, or `.overlongNumber` (a figure stated, but null).
    struct Number { var reading: CellReading; var unit: PrintedUnit; var range: Range<Int> }

    /// Scalars that a line must contain for a zero statement to be possible in it: 未没沒无無不.
    @inline(__always) static func isNegation(_ v: UInt32) -> Bool {
        v == 0x672A || v == 0x6CA1 || v == 0x6C92 || v == 0x65E0 || v == 0x7121 || v == 0x4E0D
    }

    // Character classes of the sentence scanner, as switches (a Set lookup hashes every character).
    enum Class {
        /// 。 ; ! ? ；
        @inline(__always) static func sentenceEnd(_ c: Unicode.Scalar) -> Bool {
            switch c.value { case 0x3002, 0x3B, 0x21, 0x3F, 0xFF1B: return true; default: return false }
        }
        /// , 、 ，
        @inline(__always) static func clauseBreak(_ c: Unicode.Scalar) -> Bool {
            switch c.value { case 0x2C, 0x3001, 0xFF0C: return true; default: return false }
        }
        /// ( 《 [
        @inline(__always) static func opening(_ c: Unicode.Scalar) -> Bool {
            switch c.value { case 0x28, 0x300A, 0x5B: return true; default: return false }
        }
        /// ) 》 ]
        @inline(__always) static func closing(_ c: Unicode.Scalar) -> Bool {
            switch c.value { case 0x29, 0x300B, 0x5D: return true; default: return false }
        }
        /// " ' space :
        @inline(__always) static func ignorable(_ c: Unicode.Scalar) -> Bool {
            switch c.value { case 0x22, 0x27, 0x20, 0x3A: return true; default: return false }
        }
    }
    static let countWords: [[Unicode.Scalar]] = ["人次", "宗", "件", "条", "个", "项", "起", "次", "期", "家", "篇", "份"].map { Array($0.unicodeScalars) }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// The characters printed as a minus sign before a number: hyphen-minus, its full-width form, U+2212.
    static let minusSigns: Set<String> = ["-", "－", "−"]

    /// The first "number + unit" after a trigger, if only connective words stand between them.
    func number(after start: Int, limit: Int, in text: AlignedText) -> Number? {
        let chars = text.scalars
        var i = start
        var gap = 0
        var depth = 0
        while i < limit {
            let c = chars[i]
            if Class.sentenceEnd(c) { return nil }
            if Class.opening(c) { depth += 1; i += 1; continue }
            if Class.closing(c) { depth = max(0, depth - 1); i += 1; continue }
            if depth > 0 { i += 1; continue }
            if Self.isDigit(c) { break }
            // A minus sign right before the digits is the number's own ("收取费用-50元"): the figure is read
            // as printed, negative (and flagged where a figure cannot be), never without its sign. Only a
            // printed minus counts (-, －, −), not a dash that folding made one: "——12件" or "—12件" is
            // punctuation, and "1-12月" a range.
            if c == "-", i + 1 < limit, Self.isDigit(chars[i + 1]), i == 0 || !Self.isDigit(chars[i - 1]),
               Self.minusSigns.contains(text.originalText(i..<(i + 1))) { break }
            if Class.clauseBreak(c) { return nil }
            if !Class.ignorable(c) {
                guard patterns.connectives.contains(c) else { return nil }
                gap += 1
            }
            if gap > 8 { return nil }
            i += 1
        }
        guard i < limit else { return nil }
        let numberStart = i
        if chars[i] == "-" { i += 1 }
        while i < chars.count, Self.isDigit(chars[i]) || chars[i] == "," || chars[i] == "." { i += 1 }
        var digitsEnd = i
        while digitsEnd > numberStart, chars[digitsEnd - 1] == "," || chars[digitsEnd - 1] == "." { digitsEnd -= 1 }
        var digitBuilder = UTF8Builder(capacity: digitsEnd - numberStart)
        for c in chars[numberStart..<digitsEnd] { digitBuilder.append(c) }
        let digits = digitBuilder.string
        var j = digitsEnd
        while j < chars.count, chars[j] == " " { j += 1 }
        func followedBy(_ word: [Unicode.Scalar]) -> Bool {
            j + word.count <= chars.count && chars[j..<j + word.count].elementsEqual(word)
        }
        let unit: PrintedUnit
        let unitLength: Int
        if followedBy(["万", "元"]) { unit = .wanYuan; unitLength = 2 }
        else if followedBy(["元"]) { unit = .yuan; unitLength = 1 }
        else if let word = Self.countWords.first(where: followedBy) { unit = .counter; unitLength = word.count }
        else { return nil }   // no unit: a percentage, a year, an approximate "300余", a code number …
        let reading = NumberReader.read(digits)
        switch reading {
        case .number, .overlongNumber: return Number(reading: reading, unit: unit, range: numberStart..<(j + unitLength))
        default: return nil
        }
    }

    static let shareFillers: [[Unicode.Scalar]] = ["总数的", "全部的", "比例为", "比重为", "的"].map { Array($0.unicodeScalars) }
    static let posix = Locale(identifier: "en_US_POSIX")

    /// "，占57.25%" / "，占总数的100%" right after a figure.
    func share(after position: Int, in chars: [Unicode.Scalar]) -> (percent: Decimal, decimals: Int)? {
        var i = position
        while i < chars.count, chars[i] == " " || chars[i] == "," || chars[i] == "，" { i += 1 }
        guard i < chars.count, chars[i] == "占" else { return nil }
        i += 1
        for f in Self.shareFillers where i + f.count <= chars.count && chars[i..<i + f.count].elementsEqual(f) {
            i += f.count
            break
        }
        let start = i
        while i < chars.count, Self.isDigit(chars[i]) || chars[i] == "." { i += 1 }
        guard i > start, i < chars.count, chars[i] == "%" else { return nil }
        let text = String(String.UnicodeScalarView(chars[start..<i]))
        guard let value = Decimal(string: text, locale: Self.posix) else { return nil }
        let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        return (value, decimals)
    }

    /// Where a line's sentences end, found once: the sentence around a position is then a binary search, not
    /// a walk to the nearest full stop (a line of thousands of figures and no full stop was quadratic).
    struct SentenceBounds {
        /// Positions of the sentence-ending characters, in order.
        let ends: [Int]

        init(_ chars: [Unicode.Scalar]) { ends = chars.indices.filter { Class.sentenceEnd(chars[$0]) } }

        /// The most of a sentence quoted on either side of a figure in its provenance: a "sentence" without a
        /// full stop may be a whole crawled article, and quoting all of it with each of its figures is quadratic.
        static let quotedReach = 600

        /// The sentence around `position`, as quoted in provenance: at most `quotedReach` characters either side.
        func quoted(around position: Int, in chars: [Unicode.Scalar]) -> Range<Int> {
            let sentence = range(around: position, in: chars)
            return max(sentence.lowerBound, position - Self.quotedReach)..<min(sentence.upperBound, position + Self.quotedReach)
        }

        /// From after the previous sentence end (leading spaces skipped) through the next one, inclusive.
        func range(around position: Int, in chars: [Unicode.Scalar]) -> Range<Int> {
            var low = 0, high = ends.count
            while low < high {
                let middle = (low + high) / 2
                if ends[middle] < position { low = middle + 1 } else { high = middle }
            }
            let end = low < ends.count ? ends[low] + 1 : chars.count
            var start = low > 0 ? ends[low - 1] + 1 : 0
            while start < end, chars[start] == " " { start += 1 }
            return start..<end
        }
    }

    // MARK: Zero statements

    func zeroStatements(in text: AlignedText, line: TextLine) -> [(String, Figure)] {
        let string = text.string
        var length: Int?
        var results: [(String, Figure)] = []
        var covered: Set<String> = []
        var sentences: SentenceBounds?
        for statement in patterns.zeroStatements where statement.requiredLiterals.allSatisfy({ string.has($0) }) {
            if length == nil { length = (string as NSString).length }
            for match in statement.expression.matches(in: string, range: NSRange(location: 0, length: length!)) {
                guard let range = Range(match.range, in: string) else { continue }
                let start = string.unicodeScalars.distance(from: string.startIndex, to: range.lowerBound)
                let end = string.unicodeScalars.distance(from: string.startIndex, to: range.upperBound)
                if sentences == nil { sentences = SentenceBounds(text.scalars) }
                let sentence = sentences!.quoted(around: start, in: text.scalars)
                let column = text.originalScalarOffset(start)
                let location = SourceLocation(sentence: text.originalText(sentence), line: line.number,
                                              offset: line.offset + column, page: line.page, box: line.box(at: column))
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
