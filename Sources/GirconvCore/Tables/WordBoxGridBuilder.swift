import Foundation
import GirconvText

/// A word as a PDF's text layer places it: its text and its box on the page, in points from the page's
/// top-left corner (what poppler's `pdftotext -bbox-layout` prints).
public struct PositionedWord: Sendable, Equatable {
    public var text: String
    public var xMin: Double, yMin: Double, xMax: Double, yMax: Double
    public init(text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
        self.text = text; self.xMin = xMin; self.yMin = yMin; self.xMax = xMax; self.yMax = yMax
    }
    var height: Double { max(yMax - yMin, 0.1) }
}

/// Rebuilds a paged document's lines and tables from the boxes of its words (a PDF's text layer).
///
/// - Lines: words whose boxes overlap vertically form a printed line; on a line, words closer than about
///   a character apart form one cell (a label, a sentence), and a number is always a cell of its own.
/// - Value lines: a line that is labels then only values (numbers, dashes, 无, "/") is a table row. The rows
///   of one table form a block, which a text line reaching over its value columns ends (a header, a
///   heading, prose); page numbers ("— 3 —", "-3-", "第 3 页") and running headers and footers are left
///   out, so a table goes on across a page break unless a header or heading stands between.
/// - Running headers and footers (`withoutRunningLines`, `RunningLines`): among the first and last three
///   lines of a page (page numbers alone not counted), a line printed at the same place on another page (its
///   middle within 2 points, at the same edge) with the same text once runs of digits are masked and spaces
///   left out ("XX局  2023年政府信息公开工作年度报告", "XX局 — 3 —", "第 3 页 共 8 页"), peeled off the page's
///   edge with the page numbers (a line goes only while every line between it and the edge goes too). A
///   footer goes from every page (the page number or date in it is no figure, the line no row); a header
///   goes from every page but the first it is printed on, where it stays as a line of the text marked
///   `isRunning`: never a row, a label or part of a paragraph, and the title only when no other line is
///   one (`runningLines`, `ReportDocument.runningLines`), while a table's header row repeated at the top of
///   each page it continues on still heads its first part. Linear in the lines: each edge line is looked up
///   by its masked text and its height band.
/// - Columns: the value columns of a block are the bands where its values' boxes overlap (when values of
///   one row would share a band, the columns of its fullest row, split half-way between its values): a
///   row missing a value gets a blank slot there, read like an HTML table's blank cell. A column blank in
///   every row of a block (a table of one row) is taken from the header printed above the block, when its
///   header cell stands on the same header line as the cells of both columns beside it.
/// - Labels: a text line left of the value columns, near a value line, belongs to the nearest row (a label
///   wrapped over lines, with its numbers on any of them; a group label printed beside its rows). A row's
///   label pieces that sit one above another in a column are joined into one cell; pieces further left are
///   group labels before it, unless they are an indented label's rest wrapped back to the cell's left edge.
///   Between two rows, a line opening a sub-row's label ("(2)", "2.", "其中") parts the lines: a label taller
///   than its row (a narrow column) keeps its last lines though they lie nearer the next row's values; a
///   label's lines at the top of the next page stay with it. Site chrome (主办单位 …) is never a label, and
///   closing a table it takes no label lines. A line no row takes, printed under a row's label, aligned
///   with it and wider than its last line, is a row of blank slots (`isBlankRow` in `rows`).
/// - Headers: a header whose label cells wrap around the line naming the value columns (指 标 名 / 称
///   around 代码 · 本期实际 · 本年累计) is one row (`wrappedHeader`).
/// - Paragraphs: prose lines wrapped at the page's right margin are joined into one line
///   (`joinWrappedProse`), so a sentence is read whole.
/// - Group labels centred across rows (a rowspan cell printed between value lines, （三）不予 / 公开) are
///   gathered across the rows they were given to and become a cell of every row they span
///   (`centredGroups`).
/// - Headings: a title printed large over two lines is joined (`headings`, title candidates); labels
///   joined over lines are given whole (`joinedLabels`) for detection phrases.
///
/// Every other line becomes a row of its cells, as flattened text does. Pure: no process, no parse.
package enum WordBoxGridBuilder {
    package struct Output {
        package var text: String
        package var lines: [TextLine]
        /// The grid, or nil when no line reads as a table row (the caller falls back to layout text).
        package var grid: TableGrid?
        /// Text the printed lines break apart, whole: the row labels wrapped over several lines, joined
        /// (what a layout's phrases are matched against besides `text`).
        package var joinedLabels: [String] = []
        /// Headings printed over several lines in a font larger than the body text (a title wrapped on
        /// the page), each joined into one line: title candidates.
        package var headings: [String] = []
        /// The numbers of the lines that are the first printing of a running header (`withoutRunningLines`):
        /// title candidates only when no other line is one (`ReportDocument.runningLines`).
        package var runningLines: [Int] = []
    }

    struct Cell {
        var text: String
        var xMin: Double, yMin: Double, xMax: Double, yMax: Double
        var isValue: Bool
        /// Offset of the cell in its line's text (scalars).
        var column: Int = 0
        /// The first cell of a printed line that goes on the line before it (`joinWrappedProse`): written
        /// right after the cell before it, without a space between two characters that are not Latin.
        var continuesLine = false
        var height: Double { max(yMax - yMin, 0.1) }
        var middle: Double { (yMin + yMax) / 2 }
        var center: Double { (xMin + xMax) / 2 }
        var box: PageBox { PageBox(xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax) }
    }

    struct Line {
        var cells: [Cell]
        var page: Int
        var number = 0, offset = 0
        var yMin: Double, yMax: Double
        var middle: Double { (yMin + yMax) / 2 }
        /// Index of the first value cell when the line is labels then only values.
        var firstValue: Int?
        /// The first printing of a running header (`withoutRunningLines`): no row, no label, no paragraph.
        var isRunning = false
        /// Site chrome (`ChromeLines`: 主办单位 …), told once per line once paragraphs are joined (`build`).
        var isChrome = false
    }

    package static func build(pages: [[PositionedWord]]) -> Output {
        var lines: [Line] = []
        var printedLines: [Line] = []
        for pageLines in withoutRunningLines(pages.enumerated().map { physicalLines($1, page: $0 + 1) }) {
            printedLines += pageLines
            lines += joinWrappedProse(pageLines)
        }
        // The text: one line per printed line.
        var textLines: [TextLine] = []
        var runningLines: [Int] = []
        var text = ""
        var offset = 0
        for i in lines.indices {
            var lineText = ""
            var column = 0
            var runs: [PrintedRun] = []
            for c in lines[i].cells.indices {
                if c > 0 {
                    let separator = separator(lines[i].cells[c - 1], lines[i].cells[c])
                    lineText += separator; column += separator.unicodeScalars.count
                }
                lines[i].cells[c].column = column
                lineText += lines[i].cells[c].text
                let end = column + lines[i].cells[c].text.unicodeScalars.count
                runs.append(PrintedRun(range: column..<end, box: lines[i].cells[c].box))
                column = end
            }
            lines[i].number = i + 1
            lines[i].offset = offset
            lines[i].isChrome = isChrome(lines[i])
            if lines[i].isRunning { runningLines.append(i + 1) }
            textLines.append(TextLine(text: lineText, number: i + 1, offset: offset, page: lines[i].page, runs: runs))
            text += lineText + "\n"
            offset += column + 1
        }
        let (grid, joinedLabels) = rows(of: lines)
        return Output(text: text, lines: textLines, grid: grid, joinedLabels: joinedLabels, headings: headings(in: printedLines),
                      runningLines: runningLines)
    }

    /// Each page's lines without its page numbers and its running headers and footers (`RunningLines`),
    /// peeled off its top and bottom edges: a line goes while every line between it and the edge went too.
    /// The first printing of a running header (top edge) stays where it is printed, marked `isRunning`
    /// (the title a report prints only as its running header is still found; a table's header row
    /// repeated at the top of each page it continues on stays over its first part); its repeats on later
    /// pages go, and running footers go from every page (a page number in them is no figure).
    static func withoutRunningLines(_ pages: [[Line]]) -> [[Line]] {
        var all: [Line] = []
        var ranges: [Range<Int>] = []
        for page in pages {
            ranges.append(all.count..<all.count + page.count)
            all += page
        }
        let peeled = RunningLines.peel(pages: ranges, passed: { isPageNumber(all[$0]) },
                                       text: { all[$0].cells.map(\.text).joined() }, y: { all[$0].middle })
        return zip(ranges, peeled.bodies).map { range, body in
            let kept = range.filter { peeled.firstHeaders.contains($0) }.map { i -> Line in
                var line = all[i]
                line.isRunning = true
                line.firstValue = nil
                return line
            }
            return kept + all[body]
        }
    }

    /// The cells as a line's text prints them (`separator`).
    static func text(of cells: [Cell]) -> String {
        var text = cells.first?.text ?? ""
        for (previous, cell) in zip(cells, cells.dropFirst()) { text += separator(previous, cell) + cell.text }
        return text
    }

    /// What a line's text puts between two of its cells: nothing between a cell and the one printed against
    /// it (a number in another font: "局" "2013" "年") or the start of the next line of its wrapped sentence,
    /// unless both sides are Latin letters or digits (then one space); one space between cells of a
    /// sentence (about a character apart); two between table cells.
    static func separator(_ previous: Cell, _ cell: Cell) -> String {
        let gap = cell.xMin - previous.xMax, height = min(cell.height, previous.height)
        if cell.continuesLine || gap < 0.15 * height {
            func isLatin(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) }
            guard let before = previous.text.unicodeScalars.last, let after = cell.text.unicodeScalars.first,
                  isLatin(before) && isLatin(after) else { return "" }
            return " "
        }
        return gap < 0.7 * height ? " " : "  "
    }

    /// The lines of a page with each paragraph's lines wrapped at the right margin joined into one line, as
    /// an HTML paragraph gives it (a sentence broken between 其他信息 and 211条 is read whole). A line goes on
    /// the one above when both are prose (one run of text, the words at most a character apart, no value
    /// at the end), the line above no site chrome (the line below may look like it: "网站访问量约12万人次" goes
    /// on its sentence), in about one type size, the line above spans the page from its left margin (or a
    /// paragraph's indent) to its right margin
    /// (within a character and a half of the furthest any prose line of the page reaches) without ending
    /// a sentence (。！？；：), and the line starts at the page's left margin (a new paragraph is indented)
    /// right below it (less than a line's height between them) and opens no numbered item ("三、", "（一）").
    /// Table rows (cells apart, values) are never joined; nor are lines across a page break, nor the lines
    /// of a page whose prose reaches less than 60 % of the width its lines span (a table's label column).
    static func joinWrappedProse(_ page: [Line]) -> [Line] {
        func isProse(_ line: Line) -> Bool {
            guard line.firstValue == nil, !line.isRunning, !line.cells.isEmpty else { return false }
            for (a, b) in zip(line.cells, line.cells.dropFirst()) where b.xMin - a.xMax >= 0.7 * min(a.height, b.height) { return false }
            return true
        }
        let prose = page.map(isProse)
        guard prose.contains(true) else { return page }
        let right = zip(page, prose).filter(\.1).map { $0.0.cells.last!.xMax }.max()!
        // The margins are the body's: a running header printed in the page's margin is left out.
        let body = page.filter { !$0.isRunning }
        let left = body.map { $0.cells[0].xMin }.min()!
        // Prose narrower than most of the page is no paragraph (the labels of a table's narrow column).
        guard right - left >= 0.6 * (body.map { $0.cells.last!.xMax }.max()! - left) else { return page }
        func height(_ line: Line) -> Double { line.cells.map(\.height).max()! }
        let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "：", "!", "?", ";", ":"]
        var joined: [Line] = []
        var lastIsProse = false
        for (line, isProse) in zip(page, prose) {
            if isProse, lastIsProse, var above = joined.last, case let h = min(height(above), height(line)),
               max(height(above), height(line)) <= 1.3 * h,
               above.cells[0].xMin <= left + 3 * h, above.cells.last!.xMax >= right - 1.5 * h, let end = above.cells.last!.text.last, !sentenceEnds.contains(end),
               line.cells[0].xMin <= left + 0.5 * h, line.yMin > above.yMin, line.yMin - above.yMax < h,
               !startsItem(line.cells[0].text), !isChrome(above) {
                var cells = line.cells
                cells[0].continuesLine = true
                above.cells += cells
                above.yMax = max(above.yMax, line.yMax)
                joined[joined.count - 1] = above
                continue
            }
            joined.append(line)
            lastIsProse = isProse
        }
        return joined
    }

    /// Runs of two or more lines printed one right below the other (on one page, without values) in a font
    /// at least a third larger than the document's usual one (the median word height), each run joined.
    static func headings(in lines: [Line]) -> [String] {
        let heights = lines.flatMap { $0.cells.map(\.height) }.sorted()
        guard !heights.isEmpty else { return [] }
        let body = heights[heights.count / 2]
        func isLarge(_ line: Line) -> Bool {
            line.firstValue == nil && line.cells.allSatisfy { $0.height >= 1.3 * body }
        }
        var headings: [String] = []
        var run: [Line] = []
        func flush() {
            if run.count > 1 { headings.append(run.map { text(of: $0.cells) }.joined()) }
            run = []
        }
        for line in lines {
            if isLarge(line), let last = run.last, last.page == line.page,
               line.yMin - last.yMax <= 0.8 * (line.cells.map(\.height).max() ?? 0) {
                run.append(line)
                continue
            }
            flush()
            if isLarge(line) { run = [line] }
        }
        flush()
        return headings
    }

    // MARK: Lines and cells

    /// The printed lines of a page, top to bottom, each with its cells left to right.
    static func physicalLines(_ words: [PositionedWord], page: Int) -> [Line] {
        let sorted = words.filter { !$0.text.isEmpty && $0.xMin.isFinite && $0.yMin.isFinite && $0.xMax.isFinite && $0.yMax.isFinite }
            .sorted { ($0.yMin + $0.yMax, $0.xMin) < ($1.yMin + $1.yMax, $1.xMin) }
        var groups: [(yMin: Double, yMax: Double, words: [PositionedWord])] = []
        for word in sorted {
            if var last = groups.last {
                let overlap = min(last.yMax, word.yMax) - max(last.yMin, word.yMin)
                if overlap >= 0.6 * min(word.height, last.yMax - last.yMin) {
                    last.yMin = min(last.yMin, word.yMin); last.yMax = max(last.yMax, word.yMax)
                    last.words.append(word)
                    groups[groups.count - 1] = last
                    continue
                }
            }
            groups.append((word.yMin, word.yMax, [word]))
        }
        return groups.map { group in
            var line = Line(cells: cells(of: group.words.sorted { $0.xMin < $1.xMin }), page: page, yMin: group.yMin, yMax: group.yMax)
            line.firstValue = firstValue(of: line.cells)
            return line
        }
    }

    /// Words closer than about a character apart join into one cell; numbers stay cells of their own.
    static func cells(of words: [PositionedWord]) -> [Cell] {
        var cells: [Cell] = []
        for word in words {
            let isValue = FlattenedTextGridBuilder.isValue(word.text)
            if var last = cells.last, !isValue {
                // A value never joins the text before it (a narrow cell can print it a point away from
                // its label); text joins a value before it only when printed against it ("1.属于…").
                let gap = word.xMin - last.xMax
                let height = min(word.height, last.height)
                if last.isValue ? gap < 0.15 * height : gap < 0.7 * height && !startsItem(word.text) {
                    last.text += gap > 0.15 * height ? " " + word.text : word.text
                    last.xMax = max(last.xMax, word.xMax)
                    last.yMin = min(last.yMin, word.yMin); last.yMax = max(last.yMax, word.yMax)
                    last.isValue = FlattenedTextGridBuilder.isValue(last.text)
                    cells[cells.count - 1] = last
                    continue
                }
            }
            cells.append(Cell(text: word.text, xMin: word.xMin, yMin: word.yMin, xMax: word.xMax, yMax: word.yMax, isValue: isValue))
        }
        return cells
    }

    /// True for a word that starts with an item number ("2.", "3、", "（六）", "(2)", "四、"): the start of a
    /// cell (a row label after its group label), never the rest of the word before it.
    static func startsItem(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(6))
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        guard let first = scalars.first else { return false }
        if first == "（" || first == "(" {
            var i = 1
            while i < scalars.count, isDigit(scalars[i]) || numerals.contains(scalars[i]) { i += 1 }
            return i > 1 && i < scalars.count && (scalars[i] == "）" || scalars[i] == ")")
        }
        var i = 0
        while i < scalars.count, isDigit(scalars[i]) || numerals.contains(scalars[i]) { i += 1 }
        return i > 0 && i < scalars.count && ["." as Unicode.Scalar, "、", "．"].contains(scalars[i])
    }

    /// True for a line whose first cell opens a sub-row's label: an item numbered in digits ("2.", "(1)",
    /// `startsItem`) or "其中" ("of which"). Items numbered in Chinese numerals ("（五）") are left out: they
    /// are also group labels, printed centred among their rows' lines.
    static func opensLabel(_ line: Line) -> Bool {
        guard let first = line.cells.first?.text, let scalar = first.unicodeScalars.first else { return false }
        if first.hasPrefix("其中") { return true }
        let digit = ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
            || ((scalar == "(" || scalar == "（") && first.unicodeScalars.dropFirst().first.map { ("0"..."9").contains($0) } == true)
        return digit && startsItem(first)
    }

    /// The index of the first value when the cells are labels then only values (at least one), else nil.
    static func firstValue(of cells: [Cell]) -> Int? {
        guard let last = cells.last, last.isValue else { return nil }
        var first = cells.count - 1
        while first > 0, cells[first - 1].isValue { first -= 1 }
        return first
    }

    /// A page number printed on its own line at the top or bottom of a page: "-3-", "— 3 —", "- 3 -",
    /// "第 3 页", "第3页 共12页", "3/12".
    /// Whether the line is site chrome (`ChromeLines`), its cells read one space apart.
    static func isChrome(_ line: Line) -> Bool {
        ChromeLines.isChrome(line.cells.map(\.text).joined(separator: " "))
    }

    static func isPageNumber(_ line: Line) -> Bool {
        FlattenedTextGridBuilder.isPageNumber(line.cells.map(\.text).joined(separator: " "))
    }

    // MARK: Rows

    /// A table row being built: its value line and the label lines given to it.
    struct RowBuild {
        var valueLine: Int
        var labelCells: [(cell: Cell, line: Int)] = []
        var block: Int
        /// For a row printed with its label only, every cell blank (`isBlankRow`): where its block's values
        /// start (`valueLine` is its label's line). Nil for a row printed with values.
        var blankValuesLeft: Double? = nil
        var blank: Bool { blankValuesLeft != nil }
    }

    enum Item {
        case text(Int)
        case row(Int)
        /// A header wrapped over lines: its lines, joined into one row (`wrappedHeader`).
        case header([Int])
    }

    static func rows(of lines: [Line]) -> (grid: TableGrid?, joinedLabels: [String]) {
        var items: [Item] = []
        var builds: [RowBuild] = []
        var blocks: [[Int]] = []          // the rows (indices into builds) of each block
        var blockLeft: [Double] = []      // where each block's labels (or first values) start, leftmost
        var extent: (lo: Double, hi: Double)? = nil
        var pending: [Int] = []           // text lines since the block's last row
        var open = false

        func valueLeft(_ build: RowBuild) -> Double {
            let line = lines[build.valueLine]
            if let blankValuesLeft = build.blankValuesLeft { return blankValuesLeft }
            return line.cells[line.firstValue!].xMin
        }
        /// Where each row's labels end on its value line (a blank row: the whole line).
        func labelEnd(_ r: Int) -> Int { builds[r].blank ? lines[builds[r].valueLine].cells.count : lines[builds[r].valueLine].firstValue! }
        /// True when every cell of the line lies within the row's label area: ending left of its first value,
        /// and, for a line above or below the whole block (`outside`), starting no further left than the
        /// block's labels (a heading at the page margin is no label; between rows, a group label may be).
        func isLabelOf(_ textLine: Int, _ build: RowBuild, outside: Bool) -> Bool {
            // Site chrome printed under a table (主办单位 …, 备案号 …) and a running header are no labels.
            guard !lines[textLine].isRunning, !lines[textLine].isChrome else { return false }
            let left = valueLeft(build)
            guard outside else { return lines[textLine].cells.allSatisfy { $0.xMax <= left + 1 } }
            let tableLeft = blockLeft[build.block]
            return lines[textLine].cells.allSatisfy { $0.xMax <= left + 1 && $0.xMin >= tableLeft - 0.5 * $0.height }
        }
        func distance(_ textLine: Int, _ build: RowBuild) -> Double {
            let a = lines[textLine], b = lines[build.valueLine]
            guard a.page == b.page else { return .infinity }
            return abs(a.middle - b.middle)
        }
        /// True when a cell of the line stands over or under the first cell of the `opening` line.
        func overlapsOpening(_ textLine: Int, _ opening: Int) -> Bool {
            let first = lines[opening].cells[0]
            return lines[textLine].cells.contains { $0.xMin < first.xMax && $0.xMax > first.xMin }
        }
        func attach(_ textLine: Int, to row: Int) {
            for cell in lines[textLine].cells { builds[row].labelCells.append((cell, textLine)) }
        }
        /// How many of `candidates` (in order away from the row) are label lines of the row, each printed
        /// within a line's height and a half of the one before (the row's value line first).
        func labelRun(_ candidates: [Int], of row: Int, outside: Bool) -> Int {
            var anchor = builds[row].valueLine
            var count = 0
            for textLine in candidates {
                let height = lines[textLine].cells.map(\.height).max() ?? 10
                guard lines[textLine].page == lines[anchor].page, isLabelOf(textLine, builds[row], outside: outside),
                      abs(lines[textLine].middle - lines[anchor].middle) <= 1.6 * height else { break }
                anchor = textLine
                count += 1
            }
            return count
        }
        /// Whether a line no row took is a row of its own printed with every cell blank (an HTML row of
        /// blank cells: 其他对外管理服务事项 under 行政许可): one cell in the label area, on the page of the row
        /// above, printed below that row's label within a row's height and above the next row's values,
        /// aligned with that row's own label (flush or centred), and wider than that label's last line by
        /// more than a character: a label wraps only when its next character does not fit, so such a line
        /// cannot be the rest of the label above it.
        func isBlankRow(_ textLine: Int, below previous: Int, next: Int?) -> Bool {
            let line = lines[textLine], row = lines[builds[previous].valueLine]
            guard !builds[previous].blank, line.cells.count == 1, let first = row.firstValue, first > 0, line.page == row.page,
                  isLabelOf(textLine, builds[previous], outside: false) else { return false }
            let cell = line.cells[0], own = row.cells[first - 1]
            let h = min(cell.height, own.height)
            guard abs(cell.xMin - own.xMin) <= 0.5 * h || abs(cell.center - own.center) <= 0.5 * h else { return false }
            // The last line of the row's label (its value line's, or a line given to it below).
            let labelLines = builds[previous].labelCells.filter { $0.line > builds[previous].valueLine && lines[$0.line].page == row.page }
            let lastLine = labelLines.map(\.line).max()
            let last = lastLine.map { l in labelLines.filter { $0.line == l }.map(\.cell) } ?? [own]
            let bottom = lastLine.map { lines[$0].yMax } ?? row.yMax
            guard line.yMin >= bottom - 0.3 * h, line.yMin - bottom <= 1.5 * h else { return false }
            if let next { guard line.yMax <= lines[builds[next].valueLine].yMin + 0.3 * h else { return false } }
            let lastWidth = (last.map(\.xMax).max() ?? own.xMax) - (last.map(\.xMin).min() ?? own.xMin)
            let characterWidth = (cell.xMax - cell.xMin) / Double(max(cell.text.count, 1))
            return cell.xMax - cell.xMin > lastWidth + characterWidth
        }
        /// Gives the pending lines to the row above (`previous`) or below (`next`) when they are its label
        /// lines (the nearer row when both), the others become rows of their own, before `next`. A line that
        /// opens a label (an item number, "其中") parts them when both rows may take them: it and the lines
        /// after it go to `next`, the lines before it to `previous` (a tall label wrapped around its values
        /// reaches nearer the next row's values than its own).
        /// `closing`: the line that ends the block; the lines nearer to it stay with it (a heading above a
        /// header).
        func resolvePending(previous: Int?, next: Int?, closing: Int? = nil) {
            var below = previous.map { labelRun(pending, of: $0, outside: next == nil) } ?? 0
            let above = pending.count - (next.map { labelRun(pending.reversed(), of: $0, outside: previous == nil) } ?? 0)
            let opening = previous != nil && next != nil ? pending.firstIndex { opensLabel(lines[$0]) } : nil
            // A label broken by a page break: its lines at the top of the next page, before the next row's
            // label opens, go on it.
            if let previous, let opening, below < opening, case let first = pending[below], first > 0, overlapsOpening(first, pending[opening]),
               lines[first - 1].page == lines[builds[previous].valueLine].page, lines[first].page == lines[first - 1].page + 1,
               pending[below..<opening].allSatisfy({ isLabelOf($0, builds[previous], outside: false) }) {
                below = opening
            }
            var unplaced: [Int] = []
            for (k, textLine) in pending.enumerated() {
                var candidates: [Int] = []
                if let previous, k < below { candidates.append(previous) }
                if let next, k >= above { candidates.append(next) }
                if let opening, previous != nil, k == opening || overlapsOpening(textLine, pending[opening]) {
                    // In the column of the line that opens the next row's label, the lines before it are
                    // not the next row's, and the lines from it on are not the previous row's.
                    candidates.removeAll { $0 == (k < opening ? next : previous) }
                }
                if let row = candidates.min(by: { distance(textLine, builds[$0]) < distance(textLine, builds[$1]) }),
                   closing.map({ lines[$0].page != lines[textLine].page || distance(textLine, builds[row]) < 0.8 * abs(lines[$0].middle - lines[textLine].middle) }) ?? true {
                    attach(textLine, to: row)
                } else {
                    unplaced.append(textLine)
                }
            }
            if let previous, unplaced.count == 1, let extent, isBlankRow(unplaced[0], below: previous, next: next) {
                let row = builds.count
                builds.append(RowBuild(valueLine: unplaced[0], block: builds[previous].block, blankValuesLeft: extent.lo))
                blocks[blocks.count - 1].append(row)
                items.append(.row(row))
            } else {
                items += unplaced.map { .text($0) }
            }
            pending = []
        }
        func overlapsValues(_ cells: ArraySlice<Cell>) -> Bool {
            guard let extent else { return false }
            return cells.contains { $0.xMax > extent.lo - 1 && $0.xMin < extent.hi + 1 }
        }
        func close(by closing: Int? = nil) {
            // Site chrome under a table (主办单位 …) holds no lines of its own: a tall label's last lines,
            // nearer to it than to their row's values, stay with the row.
            let closing = closing.flatMap { lines[$0].isChrome ? nil : $0 }
            resolvePending(previous: open ? blocks.last?.last : nil, next: nil, closing: closing)
            open = false
            extent = nil
        }

        for index in lines.indices {
            let line = lines[index]
            guard let first = line.firstValue else {
                if open && overlapsValues(line.cells[...]) {
                    close(by: index)
                    items.append(.text(index))
                } else {
                    pending.append(index)
                }
                continue
            }
            if open && overlapsValues(line.cells[..<first]) { close(by: index) }
            let previous = open ? blocks.last?.last : nil
            let left = line.cells[0].xMin
            if !open {
                blocks.append([])
                blockLeft.append(left)
                open = true
            } else {
                blockLeft[blocks.count - 1] = min(blockLeft[blocks.count - 1], left)
            }
            let row = builds.count
            builds.append(RowBuild(valueLine: index, block: blocks.count - 1))
            let header = previous == nil ? wrappedHeader(above: index, pending: &pending, in: lines) : nil
            resolvePending(previous: previous, next: row)
            if let header { items.append(.header(header)) }
            blocks[blocks.count - 1].append(row)
            items.append(.row(row))
            let values = line.cells[first...]
            let lo = values.map(\.xMin).min()!, hi = values.map(\.xMax).max()!
            extent = extent.map { (min($0.lo, lo), max($0.hi, hi)) } ?? (lo, hi)
        }
        close()
        guard !builds.isEmpty else { return (nil, []) }

        // The value columns of each block, then each row's slots.
        var slots: [[Cell?]] = Array(repeating: [], count: builds.count)
        for block in blocks {
            let valueCells = block.map { row -> ArraySlice<Cell> in
                lines[builds[row].valueLine].cells[labelEnd(row)...]
            }
            let placed = columns(of: valueCells, header: headerCells(above: builds[block[0]].valueLine, in: lines))
            for (row, cells) in zip(block, placed) { slots[row] = cells }
        }

        /// The label cells printed on each block's value lines, made when first asked for.
        var blockLabels: [Int: [Cell]] = [:]
        func labelsOf(block: Int) -> [Cell] {
            if let cells = blockLabels[block] { return cells }
            let cells = blocks[block].flatMap { row -> ArraySlice<Cell> in
                lines[builds[row].valueLine].cells[..<labelEnd(row)]
            }
            blockLabels[block] = cells
            return cells
        }
        // Each row's label columns, then the group labels centred across rows, given to each row they span.
        var rowColumns: [[[(cell: Cell, line: Int)]]] = builds.indices.map { r in
            let line = lines[builds[r].valueLine]
            var labels = builds[r].labelCells
            for cell in line.cells[..<labelEnd(r)] { labels.append((cell, builds[r].valueLine)) }
            let block = builds[r].block
            return labelColumns(labels, blockLeft: blockLeft[block], blockLabels: { labelsOf(block: block) })
        }
        var spanning: [Int: [Int]] = [:]    // row -> the groups (indices into `groups`) it gets, left to right
        var groups: [[(cell: Cell, line: Int)]] = []
        for block in blocks {
            groups += centredGroups(in: block, builds: builds, lines: lines, columns: &rowColumns, numberedFrom: groups.count, spanning: &spanning)
        }
        var groupOrigin: [Int: (row: Int, column: Int)] = [:]

        var joinedLabels: [String] = []
        var gridRows: [GridRow] = []
        for item in items {
            let index = gridRows.count
            var cells: [GridCell] = []
            func add(_ text: String, line: Line, column: Int?, box: PageBox?, origin: (row: Int, column: Int)? = nil) {
                let location = SourceLocation(line: line.number, offset: column.map { line.offset + $0 } ?? line.offset, page: line.page, box: box)
                cells.append(GridCell(text: text, location: location, originRow: origin?.row ?? index, originColumn: origin?.column ?? cells.count))
            }
            /// A cell joined from label pieces stacked in a column (given whole to `joinedLabels` too).
            func addJoined(_ column: [(cell: Cell, line: Int)]) {
                let first = column[0]
                let text = column.map(\.cell.text).joined(separator: " ")
                if column.count > 1 { joinedLabels.append(text) }
                add(text, line: lines[first.line], column: first.cell.column, box: box(of: column, in: lines))
            }
            switch item {
            case .text(let l):
                for cell in lines[l].cells { add(cell.text, line: lines[l], column: cell.column, box: cell.box) }
            case .header(let headerLines):
                for column in wrappedHeaderColumns(headerLines, in: lines) { addJoined(column) }
            case .row(let r):
                let line = lines[builds[r].valueLine]
                for g in spanning[r] ?? [] {
                    let first = groups[g][0]
                    if groupOrigin[g] == nil {
                        groupOrigin[g] = (index, cells.count)
                        if groups[g].count > 1 { joinedLabels.append(groups[g].map(\.cell.text).joined(separator: " ")) }
                    }
                    add(groups[g].map(\.cell.text).joined(separator: " "), line: lines[first.line], column: first.cell.column,
                        box: box(of: groups[g], in: lines), origin: groupOrigin[g])
                }
                for column in rowColumns[r] { addJoined(column) }
                for slot in slots[r] {
                    if let slot { add(slot.text, line: line, column: slot.column, box: slot.box) } else { add("", line: line, column: nil, box: nil) }
                }
            }
            gridRows.append(GridRow(cells: cells, index: index))
        }
        return (TableGrid(rows: gridRows, tableIndex: nil), joinedLabels)
    }

    /// The box of a cell joined from pieces (a wrapped label): around the pieces on the first piece's page.
    static func box(of pieces: [(cell: Cell, line: Int)], in lines: [Line]) -> PageBox? {
        guard let first = pieces.first else { return nil }
        return pieces.filter { lines[$0.line].page == lines[first.line].page }.map(\.cell.box).reduce(first.cell.box) { $0.union($1) }
    }

    /// Group labels printed centred across several rows of a block (a rowspan cell: （三）不予 / 公开 beside
    /// its eight rows), each given to every row it spans. A group label is made of the label columns left
    /// of a row's own label printed all above or all below its value line, gathered across the block's rows: pieces in one band
    /// stacked within a line and a half of each other are one label. Its rows are the widest run around the
    /// rows beside it whose middle (half-way between the run's first and last row's borders, each half-way to
    /// the row beyond) lies within half a line of the label's middle, without passing a row with a label of
    /// its own in the group's band (any column not taken for a group), a row whose own label is not aligned
    /// with those of the rows beside the group (flush or centred), a row on another page or the rows of the band's next group label.
    /// The groups' pieces leave the rows they were taken from (`columns`); `spanning` gets, for each row,
    /// the groups it spans, left to right. Returns the groups' pieces (each in the order of its lines).
    static func centredGroups(in block: [Int], builds: [RowBuild], lines: [Line], columns: inout [[[(cell: Cell, line: Int)]]],
                              numberedFrom first: Int, spanning: inout [Int: [Int]]) -> [[(cell: Cell, line: Int)]] {
        struct Group {
            var pieces: [(cell: Cell, line: Int)]
            var from: [(row: Int, column: Int)]
            var lo: Double, hi: Double
            var top: Double { pieces.map(\.cell.yMin).min()! }
            var bottom: Double { pieces.map(\.cell.yMax).max()! }
            var page: Int
        }
        var groups: [Group] = []
        for r in block where columns[r].count > 1 {
            // A column printed above and below the row's values is the row's label wrapped around them.
            for c in 0..<(columns[r].count - 1) where columns[r][c].allSatisfy({ $0.line < builds[r].valueLine })
                || columns[r][c].allSatisfy({ $0.line > builds[r].valueLine }) {
                let pieces = columns[r][c]
                let lo = pieces.map(\.cell.xMin).min()!, hi = pieces.map(\.cell.xMax).max()!
                let page = lines[pieces[0].line].page
                let height = pieces.map(\.cell.height).max()!
                if let g = groups.lastIndex(where: { $0.page == page && $0.lo < hi && lo < $0.hi }),
                   pieces[0].cell.middle - groups[g].pieces.last!.cell.middle <= 1.5 * height,
                   pieces[0].cell.yMin >= groups[g].bottom - 0.3 * height {
                    groups[g].pieces += pieces
                    groups[g].from.append((r, c))
                    groups[g].lo = min(groups[g].lo, lo); groups[g].hi = max(groups[g].hi, hi)
                } else {
                    groups.append(Group(pieces: pieces, from: [(r, c)], lo: lo, hi: hi, page: page))
                }
            }
        }
        guard !groups.isEmpty else { return [] }
        // Each row's own extent: its own label and its values.
        func extent(_ r: Int) -> (top: Double, bottom: Double, page: Int) {
            let value = lines[builds[r].valueLine]
            let own = columns[r].last ?? []
            return (own.map(\.cell.yMin).reduce(value.yMin, min), own.map(\.cell.yMax).reduce(value.yMax, max), value.page)
        }
        let extents = block.map(extent)
        func border(above k: Int) -> Double {
            k > 0 && extents[k - 1].page == extents[k].page ? (extents[k - 1].bottom + extents[k].top) / 2 : extents[k].top
        }
        func border(below k: Int) -> Double {
            k + 1 < block.count && extents[k + 1].page == extents[k].page ? (extents[k].bottom + extents[k + 1].top) / 2 : extents[k].bottom
        }
        // The columns taken for groups; a row's other label columns stand where they are printed.
        var taken: Set<[Int]> = []
        for group in groups { for from in group.from { taken.insert([from.row, from.column]) } }
        func occupies(_ k: Int, _ group: Group) -> Bool {
            let r = block[k]
            return columns[r].indices.contains { c in
                !taken.contains([r, c]) && columns[r][c].contains { $0.cell.xMin < group.hi && group.lo < $0.cell.xMax }
            }
        }
        // The rows beside each group (its core), then the widest run centred on it.
        let cores: [ClosedRange<Int>?] = groups.map { group in
            let beside = block.indices.filter { extents[$0].page == group.page && extents[$0].top < group.bottom && group.top < extents[$0].bottom }
            guard let first = beside.first, let last = beside.last else { return nil }
            return first...last
        }
        var runs: [ClosedRange<Int>?] = Array(repeating: nil, count: groups.count)
        for g in groups.indices {
            guard let core = cores[g] else { continue }
            let group = groups[g]
            let sameBand = groups.indices.filter { $0 != g && groups[$0].lo < group.hi && group.lo < groups[$0].hi }
            // The rows' own labels stand as those beside the group: starting where they start (printed
            // flush left) or centred where they are (printed centred); a row printed across the group's
            // column too (（六）其他处理, （七）总计 centred in a wider cell) is not one of its rows.
            let height = group.pieces.map(\.cell.height).max()!
            func own(_ k: Int) -> (start: Double, centre: Double)? {
                guard let widest = columns[block[k]].last?.max(by: { $0.cell.xMax - $0.cell.xMin < $1.cell.xMax - $1.cell.xMin }) else { return nil }
                return (columns[block[k]].last!.map(\.cell.xMin).min()!, widest.cell.center)
            }
            let coreOwn = core.compactMap(own)
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            let start = coreOwn.isEmpty ? 0 : median(coreOwn.map(\.start)), centre = coreOwn.isEmpty ? 0 : median(coreOwn.map(\.centre))
            func aligned(_ k: Int) -> Bool {
                guard let label = own(k) else { return false }
                return abs(label.start - start) <= height || abs(label.centre - centre) <= height
            }
            var low = core.lowerBound, high = core.upperBound
            while low > 0, extents[low - 1].page == group.page, !occupies(low - 1, group), aligned(low - 1),
                  !sameBand.contains(where: { (runs[$0] ?? cores[$0])?.contains(low - 1) == true }) { low -= 1 }
            while high + 1 < block.count, extents[high + 1].page == group.page, !occupies(high + 1, group), aligned(high + 1),
                  !sameBand.contains(where: { cores[$0]?.contains(high + 1) == true }) { high += 1 }
            let middle = (group.top + group.bottom) / 2
            let tolerance = 0.5 * height
            var best: (run: ClosedRange<Int>, width: Int, off: Double)? = nil
            for a in low...core.lowerBound {
                for b in core.upperBound...high {
                    let off = abs((border(above: a) + border(below: b)) / 2 - middle)
                    guard off <= tolerance else { continue }
                    if best == nil || b - a > best!.width || (b - a == best!.width && off < best!.off) { best = (a...b, b - a, off) }
                }
            }
            // The rows the pieces were given to are in the run, or the group is left where it was.
            // A group left on the one row it was printed beside stays as it is (a row's own label wrapped
            // around its values, the values beside a unit: Fujian's and Shanghai's forms).
            if let run = best?.run, group.from.allSatisfy({ from in run.contains { block[$0] == from.row } }),
               run.count > 1 || Set(group.from.map(\.row)).count > 1 { runs[g] = run }
        }
        // The groups placed: their pieces leave their rows, every row of the run gets them.
        var removed: [Int: Set<Int>] = [:]
        for g in groups.indices {
            guard let run = runs[g] else { continue }
            for (r, c) in groups[g].from { removed[r, default: []].insert(c) }
            for k in run { spanning[block[k], default: []].append(first + g) }
        }
        for (r, gone) in removed { columns[r] = columns[r].enumerated().filter { !gone.contains($0.offset) }.map(\.element) }
        for r in block { spanning[r]?.sort { groups[$0 - first].lo < groups[$1 - first].lo } }
        return groups.map(\.pieces)
    }

    /// A row's label pieces grouped into columns: pieces whose boxes overlap horizontally are one cell
    /// (a label wrapped over lines), read in the order of their lines (top to bottom, page after page);
    /// columns left to right.
    ///
    /// An indented label (leading spaces, as forms print sub-rows) wraps to the cell's left edge, left of
    /// where it started: a column that starts at the block's label edge (`blockLeft`) on the line right
    /// below the last piece of the column to its right, when that piece starts at most four characters in
    /// (an indent) and fills its cell (the next character would pass the furthest the labels printed on
    /// the block's value lines reach under it: `blockLabels`), goes on that label.
    /// A group label printed left of its rows is no such column: it is not all below the row's label, or
    /// the label above it does not fill its cell.
    static func labelColumns(_ pieces: [(cell: Cell, line: Int)], blockLeft: Double? = nil,
                             blockLabels: () -> [Cell] = { [] }) -> [[(cell: Cell, line: Int)]] {
        var columns: [(lo: Double, hi: Double, pieces: [(cell: Cell, line: Int)])] = []
        for piece in pieces.sorted(by: { $0.cell.xMin < $1.cell.xMin }) {
            if let i = columns.firstIndex(where: { piece.cell.xMin < $0.hi && piece.cell.xMax > $0.lo }) {
                columns[i].lo = min(columns[i].lo, piece.cell.xMin); columns[i].hi = max(columns[i].hi, piece.cell.xMax)
                columns[i].pieces.append(piece)
            } else {
                columns.append((piece.cell.xMin, piece.cell.xMax, [piece]))
            }
        }
        var sorted = columns.sorted { $0.lo < $1.lo }
        if let blockLeft, sorted.count > 1 {
            var i = 0
            while i + 1 < sorted.count {
                if continues(sorted[i + 1].pieces.map(\.cell), below: sorted[i].pieces.map(\.cell), blockLeft: blockLeft, blockLabels: blockLabels) {
                    sorted[i + 1].lo = min(sorted[i + 1].lo, sorted[i].lo)
                    sorted[i + 1].pieces += sorted[i].pieces
                    sorted.remove(at: i)
                } else {
                    i += 1
                }
            }
        }
        return sorted.map { column in
            column.pieces.sorted { ($0.line, $0.cell.xMin) < ($1.line, $1.cell.xMin) }
        }
    }

    /// Whether `wrapped` (a column of label pieces) is the rest of the label in `label` (the column to its
    /// right), wrapped to the cell's left edge (see `labelColumns`).
    static func continues(_ label: [Cell], below wrapped: [Cell], blockLeft: Double, blockLabels: () -> [Cell]) -> Bool {
        guard let last = label.max(by: { $0.yMax < $1.yMax }), let top = wrapped.min(by: { $0.yMin < $1.yMin }) else { return false }
        let height = min(last.height, top.height)
        guard top.xMin <= blockLeft + 0.5 * height, last.xMin > top.xMin + 0.5 * height, last.xMin <= blockLeft + 4 * height,
              top.yMin >= last.yMax - 0.3 * height, top.yMin - last.yMax <= 0.6 * height else { return false }
        let characterWidth = (top.xMax - top.xMin) / Double(max(top.text.count, 1))
        let reach = max(last.xMax, blockLabels().filter { $0.xMin < last.xMax && $0.xMax > last.xMin }.map(\.xMax).max() ?? 0)
        return last.xMax + 0.8 * characterWidth > reach
    }

    /// A header whose label cells wrap over lines around the line that names the value columns (Word's
    /// narrow 指标名称 / 计量单位 cells, centred: "指 标 名" above and "称" below the line printing 代码 本期实际
    /// 本年累计). The header line is the last of the `pending` lines (those since the previous block) to
    /// reach over the first row's values, on its page, with only lines of the label area (left of the row's
    /// first value) after it. Its lines below are those nearer to it than to the row's values; its lines
    /// above, as many as below at most (a cell wraps around its centre or from its top), are the lines of the
    /// label area right above it, each within a line and a half of the next. Nil, and `pending` unchanged,
    /// when no line lies below the header line: a header on one line is read as its line.
    /// Returns the header's lines, top to bottom, taken out of `pending`.
    static func wrappedHeader(above valueLine: Int, pending: inout [Int], in lines: [Line]) -> [Int]? {
        let row = lines[valueLine]
        let valueLeft = row.cells[row.firstValue!].xMin
        func inLabelArea(_ l: Int) -> Bool {
            lines[l].page == row.page && lines[l].firstValue == nil && !lines[l].isRunning && lines[l].cells.allSatisfy { $0.xMax <= valueLeft + 1 }
                && !lines[l].isChrome
        }
        guard let h = pending.lastIndex(where: { l in lines[l].cells.contains { $0.xMax > valueLeft + 1 } }), !lines[pending[h]].isRunning,
              lines[pending[h]].page == row.page, lines[pending[h]].firstValue == nil,
              pending[(h + 1)...].allSatisfy(inLabelArea) else { return nil }
        let header = lines[pending[h]]
        func height(_ line: Line) -> Double { line.cells.map(\.height).max() ?? 10 }
        var below = 0
        while h + 1 + below < pending.count, case let line = lines[pending[h + 1 + below]],
              abs(line.middle - header.middle) < abs(line.middle - row.middle) {
            below += 1
        }
        guard below > 0 else { return nil }
        var above = 0
        var anchor = header
        while above < below, h - above - 1 >= 0, case let l = pending[h - above - 1], inLabelArea(l),
              abs(lines[l].middle - anchor.middle) <= 1.6 * height(lines[l]) {
            anchor = lines[l]
            above += 1
        }
        let taken = Array(pending[(h - above)...(h + below)])
        pending.removeSubrange((h - above)...(h + below))
        return taken
    }

    /// A wrapped header's cells as columns (`wrappedHeader`): the pieces stacked in one column, each
    /// column's pieces top to bottom, left to right.
    static func wrappedHeaderColumns(_ headerLines: [Int], in lines: [Line]) -> [[(cell: Cell, line: Int)]] {
        labelColumns(headerLines.flatMap { l in lines[l].cells.map { (cell: $0, line: l) } })
    }

    /// The cells of the lines printed just above a block's first row (its header, wrapped over lines): lines
    /// without values on the row's page, each at most two lines' height above the one below it, eight at most.
    static func headerCells(above valueLine: Int, in lines: [Line]) -> [Cell] {
        var cells: [Cell] = []
        var below = lines[valueLine]
        var index = valueLine - 1
        while index >= 0, valueLine - index <= 8 {
            let line = lines[index]
            let height = line.cells.map(\.height).max() ?? 10
            guard line.page == below.page, line.firstValue == nil, !line.isRunning, below.yMin - line.yMax <= 2 * height else { break }
            cells += line.cells
            below = line
            index -= 1
        }
        return cells
    }

    /// Boxes merged into bands where they overlap horizontally, left to right.
    static func bands(of cells: [Cell]) -> [(lo: Double, hi: Double)] {
        var bands: [(lo: Double, hi: Double)] = []
        for cell in cells.sorted(by: { $0.xMin < $1.xMin }) {
            if let last = bands.last, cell.xMin <= last.hi {
                bands[bands.count - 1].hi = max(last.hi, cell.xMax)
            } else {
                bands.append((cell.xMin, cell.xMax))
            }
        }
        return bands
    }

    /// The columns a block's header prints over its values, when they are more than its values show (a
    /// column blank in every row of the block, as in a table of one row): the header's cells over the values,
    /// less those reaching over two columns of values (a group header), merged into bands. A band without
    /// values counts only between two that hold values, and only when it is printed on the same header line
    /// as both (a title above the table is no column). Nil when the header shows no more columns than the
    /// values (`valueColumns`), or a band would hold two values of a row.
    static func headerColumns(_ header: [Cell], over rows: [ArraySlice<Cell>], valueColumns: Int) -> [Double]? {
        let values = rows.flatMap { $0 }
        guard let lo = values.map(\.xMin).min(), let hi = values.map(\.xMax).max() else { return nil }
        let valueBands = bands(of: values)
        func overlaps(_ a: Cell, _ b: (lo: Double, hi: Double)) -> Bool { a.xMin < b.hi && b.lo < a.xMax }
        let over = header.filter { cell in
            cell.center >= lo - cell.height && cell.center <= hi + cell.height
                && valueBands.filter { overlaps(cell, $0) }.count <= 1
        }
        // A header over blank columns only: it reaches over two header cells side by side.
        let leaves = over.filter { cell in
            let under = over.filter { $0.yMax <= cell.yMin || $0.yMin >= cell.yMax }.filter { overlaps(cell, ($0.xMin, $0.xMax)) }
            return !under.indices.contains { i in under[(i + 1)...].contains { $0.xMin >= under[i].xMax || $0.xMax <= under[i].xMin } }
        }
        let columns = bands(of: leaves)
        guard columns.count > valueColumns else { return nil }
        let centers = columns.map { ($0.lo + $0.hi) / 2 }
        func column(_ cell: Cell) -> Int {
            centers.indices.min { abs(centers[$0] - cell.center) < abs(centers[$1] - cell.center) }!
        }
        let used = Set(values.map(column))
        guard let first = used.min(), let last = used.max(), last - first + 1 > valueColumns else { return nil }
        for row in rows where Set(row.map(column)).count < row.count { return nil }
        func members(_ c: Int) -> [Cell] { leaves.filter { $0.center >= columns[c].lo && $0.center <= columns[c].hi } }
        func sameLine(_ a: Cell, _ b: Cell) -> Bool { min(a.yMax, b.yMax) - max(a.yMin, b.yMin) > 0.5 * min(a.height, b.height) }
        for c in first...last where !used.contains(c) {
            let left = members(c - 1), right = members(c + 1)
            guard members(c).contains(where: { own in left.contains { sameLine(own, $0) } && right.contains { sameLine(own, $0) } })
            else { return nil }
        }
        return Array(centers[first...last])
    }

    /// Each row's values placed in the block's columns (nil: a blank slot); `header`: the cells printed above
    /// the block, for columns no value of the block shows.
    static func columns(of rows: [ArraySlice<Cell>], header: [Cell] = []) -> [[Cell?]] {
        // Bands where the values' boxes overlap.
        let bands = bands(of: rows.flatMap { $0 })
        func place(_ band: (Cell) -> Int?, count: Int) -> [[Cell?]]? {
            var placed: [[Cell?]] = []
            for row in rows {
                var slots = [Cell?](repeating: nil, count: count)
                for cell in row {
                    guard let b = band(cell), slots[b] == nil else { return nil }
                    slots[b] = cell
                }
                placed.append(slots)
            }
            return placed
        }
        func halfWay(_ centers: [Double]) -> [[Cell?]]? {
            let bounds = zip(centers, centers.dropFirst()).map { ($0 + $1) / 2 }
            return place({ cell in bounds.firstIndex { cell.center < $0 } ?? bounds.count }, count: centers.count)
        }
        let valueBands = place({ cell in bands.firstIndex { cell.xMin >= $0.lo && cell.xMax <= $0.hi } }, count: bands.count)
        if !header.isEmpty, let centers = headerColumns(header, over: rows, valueColumns: valueBands == nil ? rows.map(\.count).max()! : bands.count),
           let placed = halfWay(centers) {
            return placed
        }
        if let valueBands { return valueBands }
        // The fullest row's columns, split half-way between its values.
        let fullest = rows.max { $0.count < $1.count }!
        let centers = fullest.map(\.center)
        if let placed = halfWay(centers) { return placed }
        // Rows that fit neither keep their values in order (as flattened text would).
        return rows.map { row in
            let values = row.map { Optional($0) }
            return values.count < centers.count ? values + [Cell?](repeating: nil, count: 0) : values
        }
    }
}
