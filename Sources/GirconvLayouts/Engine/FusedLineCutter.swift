import GirconvCore
import GirconvText

/// Cuts a line that holds a whole table — a crawler's text puts the whole article on one line, cells run
/// together ("一、本年新收政府信息公开申请数量640020470二、上年结转…") — into the rows of a layout's tables, so
/// that the table reader sees a label and its values per row, as in any other flattened text.
///
/// The layout's labels are the anchors: each table's start phrase, its section labels, and its row labels
/// searched in the form's printed order (`TableSpec.printedSequence`) from the table's start (a row label of
/// `equals` mode, "其他", "总计", only where it stands alone before its numbers; a label inside a longer
/// label of another row, "传真申请数" in "信函、传真申请数", never). A unit word of the table's unit column
/// (`unitColumn: [条, …]`) between a row's label and its values becomes a cell of its own. A row's label begins at the enumerator before it ("1.",
/// "（一）", "一、") and its values are the run of digits, points and spaces after it; the number glued to
/// the end of that run before "." or "、" and a label is the next row's enumerator ("…00000002.其他法律…",
/// "…0000110.其他": 10), and a row whose glued number could be one digit or two is left unread unless the
/// row's own number says which (`valueRun`).
/// Text between anchors (headers, headings, prose) becomes rows of its own, with the values that follow it
/// if any (a table printed as one row of numbers after its header). Lines shorter than `minimumBytes`, or
/// on which fewer than `minimumRows` rows are found with values, are left as they are.
struct FusedLineCutter {
    let tables: [TableSpec]

    static let minimumBytes = 200
    static let minimumRows = 3
    /// The longest text between a row label's match and its values ("（区分处理的，只计这一情形，不计其他情形）").
    static let longestLabelTail = 60

    /// A row that may hold a table on one line, and its text aligned for matching.
    struct Candidate: Sendable {
        let index: Int
        let text: AlignedText
    }

    /// The most lines of one document that are tried (a report has a few tables; a file of thousands of
    /// such lines is not a report's article, and the lines after these are left as they are).
    static let maximumLines = 64
    /// The longest line that is cut, in UTF-8 bytes (a whole article on one line is far shorter).
    static let maximumBytes = 1_000_000
    /// The anchors one line may give, per row or section label of the layout's tables: beyond it a label
    /// is repeated over and over, which no report prints, and the line is left as it is.
    static let anchorsPerLabel = 4

    /// `rows` with every cuttable line replaced by its rows (the same array when none is), built in one
    /// forward pass. `candidates`: the rows that may be cut (`candidates(in:)`, computed once per document
    /// for every layout), in the order of the rows.
    func cut(_ rows: [RowView], candidates: [Candidate], traditional: Bool) -> [RowView] {
        guard !candidates.isEmpty, tables.contains(where: \.printedOrder) else { return rows }
        var out: [RowView] = []
        var next = 0
        for candidate in candidates.prefix(Self.maximumLines) {
            guard let pieces = cut(rows[candidate.index], aligned: candidate.text, traditional: traditional) else { continue }
            if out.isEmpty { out.reserveCapacity(rows.count + pieces.count) }
            out += rows[next..<candidate.index]
            out += pieces
            next = candidate.index + 1
        }
        guard next > 0 else { return rows }
        out += rows[next...]
        return out
    }

    /// The rows that may hold a table on one line (the first `maximumLines`).
    static func candidates(in rows: [RowView], traditional: Bool) -> [Candidate] {
        rows.indices.lazy.filter { isCandidate(rows[$0]) }.prefix(maximumLines)
            .map { Candidate(index: $0, text: AlignedText(rows[$0].labels[0].text, traditional: traditional)) }
    }

    /// A long line read as one cell, with at least `minimumRows` runs of three or more digits right after
    /// a Chinese character (or after it and a space) and not followed by a counter word ("数量640020470二" is
    /// a row's cells; "信息2645条" and "自2021年" are numbers in sentences), or of digits so placed and
    /// followed by a space and another number ("公报公开 条 7 7": cells separated by single spaces). A byte
    /// scan: most long lines are prose.
    static func isCandidate(_ row: RowView) -> Bool {
        guard row.values.isEmpty, row.labels.count == 1 else { return false }
        let utf8 = row.labels[0].text.utf8
        guard utf8.count >= minimumBytes, utf8.count <= maximumBytes else { return false }
        var runs = 0
        var previousIsCJK = false, digits = 0, runAfterCJK = false
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x30 && byte <= 0x39 {
                if digits == 0 { runAfterCJK = previousIsCJK }
                digits += 1
                previousIsCJK = false
                index = utf8.index(after: index)
                continue
            }
            if digits > 0, runAfterCJK,
               digits >= 3 ? !startsCounterWord(utf8, at: index) : byte == 0x20 && nextIsDigit(utf8, after: index) {
                runs += 1
                if runs >= minimumRows { return true }
            }
            digits = 0
            if byte == 0x20, previousIsCJK {
                // One space between a label (or unit) and its cells: still right after it.
                index = utf8.index(after: index)
                previousIsCJK = index != utf8.endIndex && !(utf8[index] == 0x20)
                continue
            }
            // A three-byte UTF-8 sequence starting E3–E9 is a CJK character or CJK punctuation.
            if byte >= 0xE3 && byte <= 0xE9 {
                var next = index
                for _ in 0..<3 where next != utf8.endIndex { next = utf8.index(after: next) }
                previousIsCJK = byte >= 0xE4
                index = next
            } else {
                previousIsCJK = false
                index = utf8.index(after: index)
            }
        }
        return false
    }

    private static func nextIsDigit(_ utf8: String.UTF8View, after index: String.UTF8View.Index) -> Bool {
        let next = utf8.index(after: index)
        return next != utf8.endIndex && utf8[next] >= 0x30 && utf8[next] <= 0x39
    }

    private static func startsCounterWord(_ utf8: String.UTF8View, at index: String.UTF8View.Index) -> Bool {
        var bytes: [UInt8] = []
        var i = index
        while bytes.count < 3, i != utf8.endIndex { bytes.append(utf8[i]); i = utf8.index(after: i) }
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
        return counterWords.contains(scalar)
    }

    // MARK: Anchors

    private enum Kind { case row, mark }
    /// `units`: the unit words of the anchor's table (`unitColumn: [条, …]`), which stand between a row's
    /// label and its figures as a cell of their own.
    private struct Anchor { var kind: Kind; var start: Int; var end: Int; var units: [[Unicode.Scalar]] = [] }

    /// For each row label of `table` (normalised), where it occurs inside a longer label of another of its
    /// rows: (the longer label, the offset of the shorter in it). A label found inside such a longer one
    /// is that row's label, never its own ("传真申请数" in "3、信函、传真申请数").
    private static func containers(of table: TableSpec) -> [[Unicode.Scalar]: [(label: [Unicode.Scalar], offset: Int)]] {
        let labels = table.rows.indices.map { (row: $0, synonyms: scalars(table.rows[$0].labels).filter { !$0.isEmpty }) }
        var result: [[Unicode.Scalar]: [(label: [Unicode.Scalar], offset: Int)]] = [:]
        for (row, synonyms) in labels {
            for short in synonyms {
                for (other, longer) in labels where other != row && table.rows[other].path != table.rows[row].path {
                    for long in longer where long.count > short.count {
                        var from = 0
                        while let at = find(short, in: long, from: from, to: long.count) {
                            result[short, default: []].append((long, at))
                            from = at + 1
                        }
                    }
                }
            }
        }
        return result
    }

    /// Where `needle` first occurs in `haystack` at or after `from` and ends by `to`.
    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        guard let first = needle.first, to - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= to {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The earliest match of any of the synonyms in [from, to): (start, end) in normalised positions.
    private static func earliest(_ synonyms: [[Unicode.Scalar]], in text: [Unicode.Scalar], from: Int, to: Int,
                                 accept: (Int, Int) -> Bool = { _, _ in true }) -> (Int, Int)? {
        var best: (Int, Int)? = nil
        for synonym in synonyms where !synonym.isEmpty {
            var from = from
            while let at = find(synonym, in: text, from: from, to: best.map { min(to, $0.0 + synonym.count) } ?? to) {
                if accept(at, at + synonym.count) {
                    if best.map({ at < $0.0 || (at == $0.0 && at + synonym.count > $0.1) }) ?? true { best = (at, at + synonym.count) }
                    break
                }
                from = at + 1
            }
        }
        return best
    }

    private static func scalars(_ labels: Labels) -> [[Unicode.Scalar]] {
        labels.pattern.synonyms.map { Array($0.unicodeScalars) }
    }

    // MARK: Cutting

    private func cut(_ row: RowView, aligned: AlignedText, traditional: Bool) -> [RowView]? {
        let cell = row.labels[0]
        let text = aligned.scalars, original = aligned.original
        func originalStart(_ n: Int) -> Int { n < aligned.originalIndex.count ? aligned.originalIndex[n] : original.count }
        func originalEnd(_ n: Int) -> Int { n == 0 ? 0 : aligned.originalIndex[n - 1] + 1 }

        // Each table's start, searched on from the previous one's.
        var starts: [(Int, Int)?] = []
        var cursor = 0
        for table in tables {
            let found = Self.earliest(table.starts.flatMap(Self.scalars), in: text, from: cursor, to: text.count)
            starts.append(found)
            if let found { cursor = found.0 }
        }
        guard starts.contains(where: { $0 != nil }) else { return nil }

        var anchors: [Anchor] = []
        func add(_ kind: Kind, _ hit: (Int, Int)) { anchors.append(Anchor(kind: kind, start: originalStart(hit.0), end: originalEnd(hit.1))) }
        let labelCount = tables.reduce(0) { $0 + ($1.printedOrder ? $1.rows.count + $1.sections.count + 1 : 0) }
        let anchorLimit = Self.anchorsPerLabel * labelCount
        var rowsFrom = 0
        for (i, table) in tables.enumerated() where table.printedOrder {
            guard let spanStart = starts[i]?.0 ?? (table.withoutStart == .top && i == 0 ? 0 : nil) else { continue }
            let spanEnd = starts[(i + 1)...].compactMap { $0?.0 }.first ?? text.count
            guard spanStart < spanEnd else { continue }
            if let start = starts[i] { add(.mark, start) }
            for section in table.sections {
                guard let labels = section.labels else { continue }
                for synonym in Self.scalars(labels) where !synonym.isEmpty {
                    var from = spanStart
                    while let at = Self.find(synonym, in: text, from: from, to: spanEnd) {
                        add(.mark, (at, at + synonym.count))
                        guard anchors.count <= anchorLimit else { return nil }
                        from = at + synonym.count
                    }
                }
            }
            rowsFrom = max(rowsFrom, spanStart)
            let containers = Self.containers(of: table)
            let units = table.unitWords.map { Array($0.unicodeScalars) }
            for entry in table.printedSequence {
                var hit: (Int, Int)? = nil
                for index in entry {
                    let spec = table.rows[index]
                    let standsAlone = spec.labels.pattern.mode == .equals
                    let found = Self.earliest(Self.scalars(spec.labels), in: text, from: rowsFrom, to: spanEnd) { start, end in
                        // Not inside a longer label of another row.
                        for (long, offset) in containers[Array(text[start..<end])] ?? [] {
                            let at = start - offset
                            if at >= 0, at + long.count <= text.count, text[at..<(at + long.count)].elementsEqual(long) { return false }
                        }
                        guard standsAlone else { return true }
                        // "3.其他 0200002": no ideograph before, a digit after.
                        if start > 0, Self.isIdeograph(text[start - 1]) { return false }
                        var after = originalEnd(end)
                        while after < original.count, TextNormalizer.isWhitespace(original[after]) { after += 1 }
                        return after < original.count && Self.isDigit(original[after])
                    }
                    if let found, hit.map({ found.0 < $0.0 || (found.0 == $0.0 && found.1 > $0.1) }) ?? true { hit = found }
                }
                if let hit {
                    add(.row, hit)
                    anchors[anchors.count - 1].units = units
                    rowsFrom = hit.1
                }
            }
        }
        anchors.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var kept: [Anchor] = []
        for anchor in anchors where kept.last.map({ anchor.start >= $0.end }) ?? true { kept.append(anchor) }

        // Pieces: (label range, value range) in original positions.
        var pieces: [(label: Range<Int>, unit: Range<Int>?, values: Range<Int>?)] = []
        var boundary = 0
        var rowsWithValues = 0
        func loose(_ range: Range<Int>) {
            var range = range
            while range.lowerBound < range.upperBound, TextNormalizer.isWhitespace(original[range.lowerBound]) { range = (range.lowerBound + 1)..<range.upperBound }
            guard !range.isEmpty else { return }
            if let run = valueRun(in: original, from: range.lowerBound, limit: range.upperBound), run.lowerBound > range.lowerBound,
               !Self.isYear(original, after: run.upperBound, limit: range.upperBound) {
                pieces.append((range.lowerBound..<run.lowerBound, nil, run))
                if run.upperBound < range.upperBound { pieces.append((run.upperBound..<range.upperBound, nil, nil)) }
            } else {
                pieces.append((range, nil, nil))
            }
        }
        for (k, anchor) in kept.enumerated() {
            guard anchor.start >= boundary else { continue }
            let labelStart = Self.labelStart(original, before: anchor.start, notBefore: boundary)
            if labelStart > boundary { loose(boundary..<labelStart) }
            let limit = k + 1 < kept.count ? kept[k + 1].start : original.count
            var values: Range<Int>? = nil
            // The next row's number, when this row's label is numbered ("9." before "…000010.其他").
            let following = anchor.kind == .row ? Self.number(original, at: labelStart).map { $0 + 1 } : nil
            if let run = valueRun(in: original, from: anchor.end, limit: limit, following: following) {
                let between = original[anchor.end..<run.lowerBound]
                // A row's values follow its label: not across another enumerated label ("4.保护第三方合法权益
                // 5.属于…1000001" with 5's label unknown: the digits are row 5's, not a blank row 4's).
                let fits = anchor.kind == .row
                    ? between.count <= Self.longestLabelTail
                        && !(anchor.end..<run.lowerBound).contains { Self.enumeratorLength(original, at: $0, limit: run.lowerBound) != nil }
                    : between.allSatisfy { TextNormalizer.isWhitespace($0) || $0 == "）" || $0 == ")" }
                if fits { values = run }
            }
            if let values {
                // A unit word between the label and the figures ("主动公开信息数条4251516"): a cell of its own.
                if let unit = Self.unitCell(original, from: anchor.end, to: values.lowerBound, words: anchor.units) {
                    pieces.append((labelStart..<unit.lowerBound, unit, values))
                } else {
                    pieces.append((labelStart..<values.lowerBound, nil, values))
                }
                boundary = values.upperBound
                if anchor.kind == .row { rowsWithValues += 1 }
            } else {
                pieces.append((labelStart..<anchor.end, nil, nil))
                boundary = anchor.end
            }
        }
        guard rowsWithValues >= Self.minimumRows else { return nil }
        if boundary < original.count { loose(boundary..<original.count) }

        // Rows of cells.
        let base = cell.location
        func makeCell(_ range: Range<Int>, column: Int) -> GridCell {
            var builder = UTF8Builder(capacity: range.count * 3)
            for scalar in original[range] { builder.append(scalar) }
            var location = base
            location.offset = (base.offset ?? 0) + range.lowerBound
            return GridCell(text: TextNormalizer.collapseWhitespace(builder.string), location: location,
                            originRow: row.row.index, originColumn: column)
        }
        return pieces.compactMap { piece in
            var cells: [GridCell] = []
            let label = makeCell(piece.label, column: 0)
            if !label.text.isEmpty { cells.append(label) }
            if let unit = piece.unit { cells.append(makeCell(unit, column: cells.count)) }
            if let values = piece.values {
                var start: Int? = nil
                for i in values.lowerBound...values.upperBound {
                    let space = i == values.upperBound || TextNormalizer.isWhitespace(original[i])
                    if space, let s = start { cells.append(makeCell(s..<i, column: cells.count)); start = nil }
                    if !space, start == nil { start = i }
                }
            }
            guard !cells.isEmpty else { return nil }
            var view = RowView(row: GridRow(cells: cells, index: row.row.index), tableIndex: row.tableIndex, traditional: traditional)
            view.cellsMayBeJoined = true
            return view
        }
    }

    /// The run of values (digits, points, spaces) that begins at the first digit in [from, limit), less the
    /// spaces at its end and a glued enumerator of the next label; nil when none begins there, or the run is
    /// followed by a unit or a counter word (then it is a number in a sentence: "2021年", "70件").
    ///
    /// A glued enumerator ("…00000002.其他", "…000010、") is the whole number before the point: one or two
    /// digits, not starting with 0. When both a digit and two are such a number ("…0000112."), it is the
    /// one equal to `following` (the number after this row's own, when known); else the run is nil, so that
    /// the row is left unread rather than given a digit of the next label.
    func valueRun(in text: [Unicode.Scalar], from: Int, limit: Int, following: Int? = nil) -> Range<Int>? {
        var start = from
        while start < limit, !Self.isDigit(text[start]) { start += 1 }
        guard start < limit else { return nil }
        var end = start
        while end < limit, Self.isDigit(text[end]) || text[end] == "." || text[end] == "．" || TextNormalizer.isWhitespace(text[end]) { end += 1 }
        var digitsEnd = end
        while digitsEnd > start, TextNormalizer.isWhitespace(text[digitsEnd - 1]) { digitsEnd -= 1 }
        var glued = false
        if !Self.isDigit(text[digitsEnd - 1]) {
            // A point after the last digit, no digit after it: the digits before it are the next label's number.
            digitsEnd -= 1
            glued = true
        } else if digitsEnd == end, end < text.count, text[end] == "、" {
            glued = true
        } else if digitsEnd == end, end < text.count, Self.counterWords.contains(text[end]) {
            return nil
        }
        if glued {
            var first = digitsEnd
            while first > start, Self.isDigit(text[first - 1]) { first -= 1 }
            let lengths = (1...max(1, min(2, digitsEnd - first))).filter { digitsEnd - $0 >= first && text[digitsEnd - $0] != "0" }
            let chosen: Int?
            if lengths.count == 1 {
                chosen = lengths[0]
            } else {
                chosen = lengths.first { following != nil && Self.number(text, digits: (digitsEnd - $0)..<digitsEnd) == following }
            }
            guard let chosen else { return nil }
            digitsEnd -= chosen
        }
        while digitsEnd > start, !Self.isDigit(text[digitsEnd - 1]) { digitsEnd -= 1 }
        return digitsEnd > start ? start..<digitsEnd : nil
    }

    /// Where a unit word ends the text between a row label's match and its figures ("…公开数条00": the
    /// label's match may end before its last characters), spaces aside; nil when none does.
    private static func unitCell(_ text: [Unicode.Scalar], from: Int, to: Int, words: [[Unicode.Scalar]]) -> Range<Int>? {
        var end = to
        while end > from, TextNormalizer.isWhitespace(text[end - 1]) { end -= 1 }
        // The longest word that fits.
        guard let word = words.filter({ end - $0.count >= from && text[(end - $0.count)..<end].elementsEqual($0) }).max(by: { $0.count < $1.count })
        else { return nil }
        return (end - word.count)..<end
    }

    /// True when a date word follows `position` after spaces: the number before it is a header's year
    /// ("计量 单位 2011 年度 历年累计"), not a row's value.
    static func isYear(_ text: [Unicode.Scalar], after position: Int, limit: Int) -> Bool {
        var i = position
        while i < limit, TextNormalizer.isWhitespace(text[i]) { i += 1 }
        return i < limit && i > position && "年月日".unicodeScalars.contains(text[i])
    }

    /// The number of the enumerator "N." / "N、" / "N．" at `i`, if one stands there.
    static func number(_ text: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < text.count, j - i < 3, isDigit(text[j]) { j += 1 }
        guard j > i, j < text.count, text[j] == "." || text[j] == "、" || text[j] == "．" else { return nil }
        return number(text, digits: i..<j)
    }

    static func number(_ text: [Unicode.Scalar], digits: Range<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + Int(text[$1].value - 0x30) }
    }

    /// Words that follow a number in a sentence, never a cell.
    static let counterWords: Set<Unicode.Scalar> = Set("年月日号件条个次人元万%％项名家份期宗起".unicodeScalars)

    /// Where the label of the anchor at `position` begins: at the nearest enumerator before it ("1.",
    /// "（一）", "一、", "(2)") within a few characters, else at `notBefore` when little text lies between,
    /// else at the anchor.
    static func labelStart(_ text: [Unicode.Scalar], before position: Int, notBefore boundary: Int) -> Int {
        let earliest = max(boundary, position - 12)
        var i = position - 1
        while i >= earliest {
            if enumeratorLength(text, at: i, limit: position) != nil { return i }
            i -= 1
        }
        let gap = text[boundary..<position]
        if gap.count <= 6, !gap.contains(where: { "。，；：:;,".unicodeScalars.contains($0) }) { return boundary }
        return position
    }

    /// The length of an enumerator starting at `i` and ending by `limit`: digits then "." "、" "．"; a
    /// numeral (一…十) then "、"; a bracketed numeral or number.
    static func enumeratorLength(_ text: [Unicode.Scalar], at i: Int, limit: Int) -> Int? {
        let numerals = "一二三四五六七八九十".unicodeScalars
        var j = i
        if text[i] == "（" || text[i] == "(" {
            j += 1
            let body = j
            while j < limit, isDigit(text[j]) || numerals.contains(text[j]) { j += 1 }
            guard j > body, j < limit, text[j] == "）" || text[j] == ")" else { return nil }
            return j + 1 - i
        }
        if isDigit(text[i]) {
            if i > 0, isDigit(text[i - 1]) { return nil }
            while j < limit, isDigit(text[j]) { j += 1 }
            guard j < limit, text[j] == "." || text[j] == "、" || text[j] == "．" else { return nil }
            return j + 1 - i
        }
        if numerals.contains(text[i]) {
            while j < limit, numerals.contains(text[j]) { j += 1 }
            guard j < limit, text[j] == "、" else { return nil }
            return j + 1 - i
        }
        return nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) }
}
