import Foundation
import GirconvText

/// Rebuilds table rows from a page flattened to text.
///
/// Flattenings seen in the wild:
/// - one cell per line (a row label, then its values, each on its own line); blank cells are lines holding
///   only spaces or NBSP, or are lost entirely;
/// - one row per line, cells joined by "|" ("规章 | 0 | 0 | 0 |") or by tabs (a browser's copy of a table;
///   an empty cell between two tabs is a blank cell);
/// - one row per line, cells separated by spaces ("规章 0 0 0"): a label, then only values.
///
/// Every label line starts a new row (except a unit word such as "件" right after a row label: a 单位
/// column cell); the value lines (numbers, dashes, 无, "/", blank cells) that follow it
/// are that row's cells. Prose lines become one-cell rows, harmless to adapters that look for labels.
/// Whether a whitespace-only line is a blank cell or spacing is decided by the separator structure
/// around it (`blankCellLines`), never by how many there are: a table with many blank cells is still
/// a table.
package enum FlattenedTextGridBuilder {
    package static func build(lines: [TextLine]) -> TableGrid {
        let blankCells = blankCellLines(lines)
        let running = runningLines(lines).repeats

        var rows: [GridRow] = []
        var current: [GridCell] = []
        func flush() {
            if !current.isEmpty { rows.append(makeRow(current, index: rows.count)) }
            current = []
        }
        for (index, line) in lines.enumerated() {
            if line.text.isEmpty { continue }
            // A table's rule (`|---|:---:|`, `+----+`, `=====`, box drawing) draws the table; it holds no cell.
            if isRuleLine(line.text) || isPageNumberAtPageBreak(lines, index) || running.contains(index) { continue }
            if isBlank(line.text) {
                if blankCells.contains(index) && !current.isEmpty {
                    current.append(cell("", line: line, column: 0, offset: line.offset))
                }
                continue
            }
            if let rowCells = splitPipes(line) ?? splitTabs(line) {
                flush()
                current = rowCells
                flush()
                continue
            }
            if let (label, values) = splitSpaced(line) {
                if let label {
                    flush()
                    current = [label] + values
                } else {
                    // A row label wrapped over lines above its values (PDF layout text): the label-only
                    // rows on the lines just before join into one label.
                    joinWrappedLabel(&rows, &current, valuesLine: line.number)
                    current += values
                }
                continue
            }
            let trimmed = TextNormalizer.collapseWhitespace(line.text)
            let leading = line.text.unicodeScalars.prefix(while: { TextNormalizer.isWhitespace($0) }).count
            let theCell = cell(trimmed, line: line, column: 0, offset: line.offset + leading)
            if isValue(trimmed) {
                current.append(theCell)
            } else if !current.isEmpty, PrintedUnit.columnWords.contains(trimmed), !isValue(current[0].text),
                      !current.contains(where: { isValue($0.text) }) || (isValue(current[current.count - 1].text) && !current[current.count - 1].text.isEmpty) {
                // A 单位 column cell on its own line, before the numbers ("（一）收到申请数" / "件" / "12") or
                // after them ("收到申请数" / "52" / "件"): part of the row.
                current.append(theCell)
            } else {
                flush()
                current = [theCell]
            }
        }
        flush()
        return TableGrid(rows: rows, tableIndex: nil)
    }

    /// The indices of the whitespace-only lines that are blank cells, decided from the separators of the
    /// block they stand in (a block: a run of lines between truly empty lines):
    /// - a block of whitespace-only lines alone (cells separated by empty lines, "2" / "" / " " / "" / "0")
    ///   is one blank cell;
    /// - in a block with text, whitespace-only lines are the block's separators when they stand between
    ///   its cells more often than cells follow each other directly ("规章" / " " / "0" / " " / "0": spacing,
    ///   a blank cell is lost and the row comes up short); where cells follow each other directly at least
    ///   as often, each whitespace-only line is a blank cell; a block with one line of text shows no
    ///   separator, and a whitespace-only line glued to that cell is its spacing.
    static func blankCellLines(_ lines: [TextLine]) -> Set<Int> {
        var cells = Set<Int>()
        var start = 0
        while start < lines.count {
            guard !lines[start].text.isEmpty else { start += 1; continue }
            var end = start
            while end < lines.count, !lines[end].text.isEmpty { end += 1 }
            // Lines that draw a table separate nothing: they are left out of the block's structure.
            let block = (start..<end).filter { !isRuleLine(lines[$0].text) }
            let blank = block.filter { isBlank(lines[$0].text) }
            if blank.count == block.count {
                if let first = blank.first { cells.insert(first) }
            } else if !blank.isEmpty {
                // Between two text lines of the block: directly, or with whitespace-only lines between.
                var direct = 0, spaced = 0
                var previousText: Int? = nil
                for (position, i) in block.enumerated() where !isBlank(lines[i].text) {
                    if let p = previousText { if position == p + 1 { direct += 1 } else { spaced += 1 } }
                    previousText = position
                }
                if direct > 0 && direct >= spaced { cells.formUnion(blank) }
            }
            start = end
        }
        return cells
    }

    /// True for a line that only draws a table: made of rule characters (`-` `=` `:` `|` `+`, `｜`, box
    /// drawing, spaces) with a run of at least three of `-`, `=` or a box-drawing line. A dash cell ("—",
    /// "——", "-", "- -") is not a rule: the em dash is no rule character, and a lone hyphen makes no run.
    package static func isRuleLine(_ text: String) -> Bool {
        var run = 0, longestRun = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2D, 0x3D, 0x2500...0x257F:   // - = and box drawing: the strokes of a rule
                run += 1
                longestRun = max(longestRun, run)
            case 0x3A, 0x7C, 0x2B, 0xFF5C:       // : | + ｜: alignment marks and crossings
                run = 0
            default:
                guard TextNormalizer.isWhitespace(scalar) else { return false }
                run = 0
            }
        }
        return longestRun >= 3
    }

    /// Joins the current label-only row with up to two label-only rows on the lines immediately above it
    /// ("（二）部分公开（区分处理的，只计这一情 形，不" / "计其他情形）" / then "4 0 0 0 0 0 4").
    static func joinWrappedLabel(_ rows: inout [GridRow], _ current: inout [GridCell], valuesLine: Int) {
        guard current.count == 1, let label = current.first, let labelLine = label.location.line, labelLine == valuesLine - 1 else { return }
        var pieces = [label]
        var expectedLine = labelLine - 1
        while pieces.count < 3, let previous = rows.last, previous.cells.count == 1,
              let line = previous.cells[0].location.line, line == expectedLine,
              !isValue(previous.cells[0].text), previous.cells[0].text.hasFewerScalars(than: 40) {
            pieces.insert(previous.cells[0], at: 0)
            rows.removeLast()
            expectedLine -= 1
        }
        guard pieces.count > 1 else { return }
        var joined = pieces[0]
        joined.text = pieces.map(\.text).joined(separator: " ")
        current = [joined]
    }

    /// True for a cell text that is a value rather than a label. An over-long number is a value too: it
    /// stands in a value's place, and taking it for a label would start a new row and lose its row's cells.
    /// So is a number with footnote marks ("49**", a form's code of a row marked "**为半年度统计指标"): it is
    /// no figure (read, it is null with a warning), but it is not the row's label either.
    package static func isValue(_ text: String) -> Bool {
        switch NumberReader.read(text) {
        case .number, .blank, .dash, .noneWord, .notApplicable, .percent, .overlongNumber: return true
        case .text: return NumberReader.isFootnotedNumber(text)
        }
    }

    /// A page number printed on its own line at the top or bottom of a page: "-3-", "— 3 —", "- 3 -",
    /// "第 3 页", "第3页 共12页", "3/12".
    package static func isPageNumber(_ text: String) -> Bool {
        let text = TextNormalizer.collapseWhitespace(text).replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty, text.unicodeScalars.count <= 16 else { return false }
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        guard digits > 0 else { return false }
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "―", "─", "~", "〜"]
        if text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || dashes.contains($0) }) {
            return dashes.contains(text.unicodeScalars.first!) && dashes.contains(text.unicodeScalars.last!)
        }
        if text.hasPrefix("第"), text.hasSuffix("页") {
            return text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "第页共,，".unicodeScalars.contains($0) }
        }
        let parts = text.split(separator: "/")
        return parts.count == 2 && parts.allSatisfy { $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } && !$0.isEmpty }
    }

    /// A page number on the first or last line of a page of PDF-to-text output (the line holds the form
    /// feed that begins its page, or the next line does): no cell of any row.
    static func isPageNumberAtPageBreak(_ lines: [TextLine], _ index: Int) -> Bool {
        let text = lines[index].text
        guard text.unicodeScalars.contains("\u{0C}")
                || (index + 1 < lines.count && lines[index + 1].text.unicodeScalars.first == "\u{0C}") else { return false }
        return isPageNumber(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{0C}" })))
    }

    /// The running headers and footers of paged text (PDF-to-text output, each line with its page;
    /// `RunningLines`, compared by text alone: the layout text tells no heights), peeled off each page's
    /// edges (`RunningLines.peel`), blank lines and page numbers passed over.
    /// `repeats`: the indices of the lines that are no cell of any row (a running header printed again, a
    /// running footer); `first`: the numbers of the lines that are a running header's first printing, kept
    /// (`ReportDocument.runningLines`). Empty for text without pages.
    package static func runningLines(_ lines: [TextLine]) -> (repeats: Set<Int>, first: Set<Int>) {
        guard lines.first?.page != nil else { return ([], []) }
        // Each page's range of lines.
        var pages: [Range<Int>] = []
        var start = 0
        for i in lines.indices where i > 0 && lines[i].page != lines[i - 1].page {
            pages.append(start..<i)
            start = i
        }
        pages.append(start..<lines.count)
        func withoutFeeds(_ i: Int) -> String { String(String.UnicodeScalarView(lines[i].text.unicodeScalars.filter { $0 != "\u{0C}" })) }
        let peeled = RunningLines.peel(pages: pages, passed: { isBlank(lines[$0].text) || isPageNumber(withoutFeeds($0)) },
                                       text: withoutFeeds, y: { _ in nil })
        return (peeled.repeats, Set(peeled.firstHeaders.map { lines[$0].number }))
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { TextNormalizer.isWhitespace($0) || $0 == "\u{200B}" || $0 == "\u{FEFF}" }
    }

    private static func cell(_ text: String, line: TextLine, column: Int, offset: Int) -> GridCell {
        GridCell(text: text, location: SourceLocation(line: line.number, offset: offset, page: line.page), originRow: 0, originColumn: column)
    }

    private static func makeRow(_ cells: [GridCell], index: Int) -> GridRow {
        GridRow(cells: cells.enumerated().map { i, c in
            var c = c; c.originRow = index; c.originColumn = i; return c
        }, index: index)
    }

    /// Splits a tab-separated row (a browser's copy of a table row); nil for fewer than two cells.
    static func splitTabs(_ line: TextLine) -> [GridCell]? {
        guard line.text.utf8.contains(0x09) else { return nil }
        var cells: [GridCell] = []
        var offset = line.offset
        for piece in line.text.split(separator: "\t", omittingEmptySubsequences: false) {
            let leading = piece.unicodeScalars.prefix(while: { TextNormalizer.isWhitespace($0) }).count
            cells.append(cell(TextNormalizer.collapseWhitespace(String(piece)), line: line, column: cells.count, offset: offset + leading))
            offset += piece.unicodeScalars.count + 1
        }
        while let first = cells.first, first.text.isEmpty { cells.removeFirst() }
        while let last = cells.last, last.text.isEmpty { cells.removeLast() }
        return cells.count >= 2 ? cells : nil
    }

    /// Splits "label v1 v2 …" (space-separated, a label then only values) or a line of values only.
    /// Returns nil for anything else (prose, a single cell).
    static func splitSpaced(_ line: TextLine) -> (label: GridCell?, values: [GridCell])? {
        let scalars = line.text.unicodeScalars
        var tokens: [(range: Range<String.Index>, offset: Int)] = []
        var start: String.Index? = nil, startOffset = 0, offset = line.offset
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if TextNormalizer.isWhitespace(scalar) {
                if let s = start { tokens.append((s..<index, startOffset)); start = nil }
            } else if start == nil {
                start = index; startOffset = offset
            }
            offset += 1
            index = scalars.index(after: index)
        }
        if let s = start { tokens.append((s..<scalars.endIndex, startOffset)) }
        guard tokens.count >= 2 else { return nil }
        func text(_ i: Int) -> String { String(scalars[tokens[i].range]) }
        // Prose ends with a word, not a value: test the last token first.
        guard isValue(text(tokens.count - 1)) else { return nil }
        var firstValue = tokens.count - 1
        while firstValue > 0, isValue(text(firstValue - 1)) { firstValue -= 1 }
        // A label, then only values: no value among the label's words ("规章 0 其他 0" is not a row).
        for i in 0..<firstValue where isValue(text(i)) { return nil }
        let values = (firstValue..<tokens.count).map { i in
            cell(text(i), line: line, column: i - firstValue + 1, offset: tokens[i].offset)
        }
        guard firstValue > 0 else { return (nil, values) }
        let labelText = (0..<firstValue).map(text).joined(separator: " ")
        return (cell(labelText, line: line, column: 0, offset: tokens[0].offset), values)
    }

    /// Splits a "|"-joined row; nil when the line is not one (fewer than two cells).
    static func splitPipes(_ line: TextLine) -> [GridCell]? {
        guard line.text.utf8.contains(0x7C) || line.text.has("｜") else { return nil }
        var cells: [GridCell] = []
        var offset = line.offset
        var piece = ""
        var pieceStart = offset
        func emit() {
            let leading = piece.unicodeScalars.prefix(while: { TextNormalizer.isWhitespace($0) }).count
            cells.append(cell(TextNormalizer.collapseWhitespace(piece), line: line, column: cells.count, offset: pieceStart + leading))
        }
        for scalar in line.text.unicodeScalars {
            if scalar == "|" || scalar == "｜" {
                emit(); piece = ""; pieceStart = offset + 1
            } else {
                piece.unicodeScalars.append(scalar)
            }
            offset += 1
        }
        emit()
        // Leading and trailing pipes frame the row; they do not make empty cells.
        let framed = TextNormalizer.collapseWhitespace(line.text)
        if let first = cells.first, first.text.isEmpty, framed.first.map({ $0 == "|" || $0 == "｜" }) == true { cells.removeFirst() }
        if let last = cells.last, last.text.isEmpty, framed.last.map({ $0 == "|" || $0 == "｜" }) == true { cells.removeLast() }
        return cells.count >= 2 ? cells : nil
    }
}
