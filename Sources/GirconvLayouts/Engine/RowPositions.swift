import GirconvCore

/// What the reading of one table (`TableReader`, a table with `printedOrder`) saw, in order, to place value
/// rows printed without their labels (damaged text: PDF-to-text without layout, PDF-to-markdown, OCR).
///
/// A flattened line of values with no label is a row of its own at the top of a grid, or is appended to the
/// row above it (`FlattenedTextGridBuilder`): a labelled row with more value cells than columns holds its own
/// cells, then those of rows whose labels were lost. Such rows are proposed for the rows of the form whose
/// labels are missing only when the labels present (rows, and sections printed as rows with figures of their
/// own; a section's heading may be printed away from its rows) stand in the form's printed order, and the unlabelled cells fill exactly the rows missing between the two labels around them
/// (before the first, or after the last, within the table): as many cells as those rows have columns,
/// every unlabelled row's cells ending where one of those rows ends. Any other shape places nothing. The
/// proposal is then kept only where the report's identities hold with it (`PositionedRowChecker`).
struct RowPositions {
    /// The form's printed order: each section label where its rows begin, then the rows (an entry of
    /// `TableSpec.printedSequence`: the row specs one printed row may be).
    enum Token { case section(String), row([Int]) }
    let tokens: [Token]
    private let rowTokens: [Int: Int]
    private let sectionTokens: [String: Int]

    /// A labelled row whose line of values ran on: its own cells, and those after them.
    struct RunOn {
        var label: GridCell
        var rowText: String
        var own: [GridCell]
        var columns: [FusedRow.Column]
        var rest: [GridCell]
        /// The paths its figures go to (null when nothing is placed).
        var paths: [String]
    }

    enum Item {
        /// A label present: a row or a section label of the form, at its token.
        case label(Int)
        case runOn(Int, RunOn)
        /// A row of values without any label.
        case unlabelled([GridCell])
        /// A row with values that is not a row of the form (an unrecognised or ignored label, prose): the rows
        /// around it cannot be placed.
        case other
    }
    private(set) var items: [Item] = []
    /// A value row has been seen: labels before it (a header's 总计) are column labels, not rows.
    private var seenValues = false
    /// Sections whose label is printed without values of its own: a heading, which text without layout may
    /// print away from its rows (a label centred beside them), so not a position; their place in a gap is
    /// no row.
    private var headings = Set<String>()

    init(table: TableSpec) {
        var tokens: [Token] = [], rowTokens: [Int: Int] = [:], sectionTokens: [String: Int] = [:]
        var current: String? = nil
        for entry in table.printedSequence {
            guard let first = entry.first else { continue }
            let section = table.rows[first].section
            if let section, section != current, sectionTokens[section] == nil {
                sectionTokens[section] = tokens.count
                tokens.append(.section(section))
            }
            current = section
            for row in entry { rowTokens[row] = tokens.count }
            tokens.append(.row(entry))
        }
        self.tokens = tokens; self.rowTokens = rowTokens; self.sectionTokens = sectionTokens
    }

    /// The label of row spec `row` is printed (`hasValues`: with its own values on its row).
    mutating func row(_ row: Int, hasValues: Bool) {
        guard hasValues || seenValues else { return }
        seenValues = seenValues || hasValues
        items.append(rowTokens[row].map(Item.label) ?? .other)
    }

    /// A section's label is printed (`hasValues`: with figures of its own, as a row of the form).
    mutating func section(_ id: String, hasValues: Bool) {
        guard hasValues else {
            if sectionTokens[id] != nil { headings.insert(id) }
            return
        }
        seenValues = true
        items.append(sectionTokens[id].map(Item.label) ?? .other)
    }

    /// Row spec `row`'s label is printed with more value cells than its columns.
    mutating func runOn(_ row: Int, _ runOn: RunOn) {
        seenValues = true
        items.append(rowTokens[row].map { .runOn($0, runOn) } ?? .other)
    }

    mutating func unlabelled(_ cells: [GridCell]) {
        seenValues = true
        items.append(.unlabelled(cells))
    }

    mutating func other() {
        if seenValues { items.append(.other) }
    }

    /// The proposal for the table (nil when nothing is to be placed); a row that ran on without a place
    /// for the rest is incomplete (null), and a shape that places nothing is said in a warning.
    /// `target(rowSpecs)`: the name and columns of a row of the form, nil when it cannot be placed.
    /// The printed lines agree with rows starting at `rowStarts` (indices into `cells`): no line holds cells
    /// of two rows, and where cells stand on the same or consecutive lines, an empty line falls only between
    /// rows (text without layout may print a column's values as a block, one under another: not rows).
    /// Cells separated one by one by empty lines show no rows at all; cells without lines (markup) agree.
    static func linesAgree(_ cells: [GridCell], rowStarts: Set<Int>) -> Bool {
        let lines = cells.compactMap(\.location.line)
        guard lines.count == cells.count, lines.count > 1 else { return true }
        let grouped = zip(lines, lines.dropFirst()).contains { $1 - $0 <= 1 }
        for i in 1..<lines.count {
            let gap = lines[i] - lines[i - 1]
            if rowStarts.contains(i) ? gap == 0 : (grouped && gap >= 2) { return false }
        }
        return true
    }

    func resolve(table: String, target: ([Int]) -> (rowText: String, columns: [FusedRow.Column])?, into sink: inout FigureSink) -> PositionedRows? {
        guard items.contains(where: { if case .label = $0 { return false } else if case .other = $0 { return false } else { return true } }) else {
            return nil
        }
        let positions = items.compactMap { item -> Int? in
            switch item {
            case .label(let token), .runOn(let token, _): return token
            default: return nil
            }
        }
        let ordered = zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 }
        var rows: [PositionedRows.Row] = []
        var previous: Int? = nil
        var runOn: RunOn? = nil
        var pieces: [[GridCell]] = []
        var interrupted = false

        func close(before next: Int?) {
            defer { runOn = nil; pieces = []; interrupted = false }
            let unlabelled = pieces.filter { !$0.isEmpty }
            guard !unlabelled.isEmpty else { return }
            let start = (previous ?? -1) + 1, end = next ?? tokens.count
            var targets: [(rowText: String, columns: [FusedRow.Column])] = []
            var problem: String? = nil
            if !ordered {
                problem = "the labels present are not in the form's order"
            } else if previous == nil && next == nil {
                problem = "no label of the table is printed"
            } else if interrupted {
                problem = "a row that is not of the form stands among them"
            } else if start > end {
                problem = "they stand where no row is missing"
            } else {
                for token in tokens[start..<end] {
                    if case .section(let id) = token, headings.contains(id) { continue }
                    guard case .row(let specs) = token else { problem = "a section label is missing among them"; break }
                    guard let found = target(specs) else { problem = "a row missing there is not read by position"; break }
                    targets.append(found)
                }
            }
            var cut: [[GridCell]] = []
            if problem == nil {
                // Cut the cells into the targets' rows. A row of values printed on its own must end where one
                // of them ends; the cells a labelled row ran on with may hold several (their lines are lost).
                let cells = unlabelled.flatMap { $0 }
                var ends = Set<Int>(), position = 0
                for target in targets {
                    cut.append(Array(cells[min(position, cells.count)..<min(position + target.columns.count, cells.count)]))
                    position += target.columns.count
                    ends.insert(position)
                }
                var total = 0, aligned = true
                for piece in unlabelled {
                    total += piece.count
                    aligned = aligned && ends.contains(total)
                }
                if position != cells.count || !aligned || targets.isEmpty {
                    let rows = targets.count == 1 ? "1 row of the form (\(position) cells) is" : "\(targets.count) rows of the form (\(position) cells) are"
                    problem = "\(cells.count) value cells stand where \(rows) missing"
                        + (position == cells.count && !targets.isEmpty ? ", but a row of them does not end where a row of the form ends" : "")
                } else {
                    let own = runOn?.own ?? []
                    var starts = Set<Int>(), start = own.count
                    for target in targets { starts.insert(start); start += target.columns.count }
                    if !Self.linesAgree(own + cells, rowStarts: starts) {
                        problem = "their lines are not rows of the form (a line holds cells of two rows, or the values stand in blocks of another size)"
                    }
                }
            }
            guard let problem else {
                if let runOn { rows.append(.init(rowText: runOn.rowText, cells: runOn.own, columns: runOn.columns, labelPrinted: true)) }
                for (target, cells) in zip(targets, cut) { rows.append(.init(rowText: target.rowText, cells: cells, columns: target.columns, labelPrinted: false)) }
                return
            }
            let location = unlabelled[0][0].location
            if let runOn {
                sink.incompleteRow(table: table, label: runOn.label, expected: runOn.columns.count, found: runOn.own.count + runOn.rest.count,
                                   paths: runOn.paths)
                // A few cells too many is a row with cells to spare, not rows whose labels were lost.
                guard pieces.count > 1 || runOn.rest.count >= runOn.columns.count else { return }
            }
            let count = unlabelled.count == 1 && runOn == nil ? "a value row" : "value cells"
            sink.warn(PositionedRowChecker.notPlacedCode,
                      "\(table): \(count) printed without labels (\"\(unlabelled.flatMap { $0 }.map { $0.text.isEmpty ? "(blank)" : $0.text }.joined(separator: " "))\") "
                        + "cannot be placed by position: \(problem); nothing is read from them", location: location)
        }

        for item in items {
            switch item {
            case .label(let token):
                close(before: token)
                previous = token
            case .runOn(let token, let row):
                close(before: token)
                previous = token
                runOn = row
                pieces = [row.rest]
            case .unlabelled(let cells):
                pieces.append(cells)
            case .other:
                interrupted = true
            }
        }
        close(before: nil)
        return rows.contains { !$0.labelPrinted } ? PositionedRows(table: table, rows: rows) : nil
    }
}
