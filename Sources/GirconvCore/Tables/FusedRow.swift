import Foundation
import GirconvText

/// A table row whose value text holds fewer cells than the row has columns, every cell a run of digits:
/// cells joined with nothing between them by an HTML-to-text call ("640020470" is 64 | 0 | 0 | 2 | 0 | 4 | 70),
/// or separated by single spaces only in part ("230 000023"). Which split is meant is decided later
/// (`FusedRowSolver`), from the report's own arithmetic; this holds what the row printed and what each
/// column may hold.
package struct FusedRow: Sendable {
    /// One column of the row: the path its figure goes to (a skipped column has a path too, so that an
    /// identity may name it, but gives no figure), whether it gives a figure, whether a decimal point may
    /// stand in it, and the printed names for provenance.
    package struct Column: Sendable {
        package var path: String
        package var emits: Bool
        package var allowsDecimal: Bool
        package var label: String
        package var headerUnit: PrintedUnit?
        /// The index of another column of the row this one's figure is never below (历年累计 ≥ the year's).
        package var atLeast: Int?
        package init(path: String, emits: Bool, allowsDecimal: Bool, label: String, headerUnit: PrintedUnit? = nil, atLeast: Int? = nil) {
            self.path = path; self.emits = emits; self.allowsDecimal = allowsDecimal; self.label = label; self.headerUnit = headerUnit
            self.atLeast = atLeast
        }
    }

    package var table: String
    package var rowText: String
    /// The value cells as printed (each a run of digits, perhaps with a decimal point), in order.
    package var runs: [String]
    package var columns: [Column]
    /// Where the row's values are printed.
    package var location: SourceLocation

    package init(table: String, rowText: String, runs: [String], columns: [Column], location: SourceLocation) {
        self.table = table; self.rowText = rowText; self.runs = runs; self.columns = columns; self.location = location
    }

    /// The value text as printed ("230 000023").
    package var raw: String { runs.joined(separator: " ") }

    /// The conditions the row's columns put on its own cells: a column never below another (`atLeast`,
    /// 历年累计 ≥ the year's), named "<column> ≥ <other column>" (the columns' printed names).
    package var columnConditions: [FusedConstraint] {
        columns.indices.compactMap { c in
            guard let other = columns[c].atLeast, other != c, columns.indices.contains(other) else { return nil }
            return FusedConstraint(rule: "\(columns[c].label) ≥ \(columns[other].label)",
                                   terms: [(0, c, 1), (0, other, -1)], constant: 0, relation: .atMost)
        }
    }

    /// True when `cells` can be a fused row for `columnCount` columns: fewer cells than columns (more is
    /// a row with cells to spare, never a fused one), every cell a run of ASCII digits with at most one
    /// point between digits, and at least one cell of two or more digits (a row of single digits short of
    /// cells has lost a cell, which no split can tell).
    package static func isFused(_ cells: [String], columnCount: Int) -> Bool {
        guard !cells.isEmpty, cells.count < columnCount else { return false }
        var long = false
        for cell in cells {
            guard isRun(cell) else { return false }
            if cell.utf8.count > 1 { long = true }
        }
        return long
    }

    /// A run of ASCII digits, with at most one point between two digits.
    package static func isRun(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, isDigit(first), isDigit(last), bytes.count <= 64 else { return false }
        var points = 0
        for byte in bytes where !isDigit(byte) {
            guard byte == UInt8(ascii: ".") else { return false }
            points += 1
        }
        return points <= 1
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// A linear condition on the cells of fused rows and on known figures: Σ coefficient × cell + constant is
/// 0 (`equal`) or at least 0 (`atMost`, Σ parts ≤ Σ totals). Made from a `SumIdentity` (totals count +1,
/// parts −1) or from a figure the text states (the cell minus the stated value is 0).
package struct FusedConstraint: Sendable {
    /// The identity's rule id, or `text.<path>` for a stated figure.
    package var rule: String
    /// (row, column, coefficient): the row's index among the fused rows being solved.
    package var terms: [(row: Int, column: Int, coefficient: Int)]
    package var constant: Decimal
    package var relation: SumIdentity.Relation

    /// True when the condition holds for the given cell values (`value(row, column)`).
    func holds(_ value: (Int, Int) -> Decimal) -> Bool {
        var total = constant
        for term in terms { total += Decimal(term.coefficient) * value(term.row, term.column) }
        return relation == .equal ? total == 0 : total >= 0
    }

    /// The rows the condition involves, without repeats.
    var rows: [Int] {
        var seen: [Int] = []
        for term in terms where !seen.contains(term.row) { seen.append(term.row) }
        return seen
    }
}

/// The splits of a fused row's cells into its columns: each printed cell cut into numbers (no leading
/// zeros but a lone 0; a point only in a column that allows one), at most one number per column, and the
/// columns that get no number blank (a blank cell leaves no digits). Blank cells count as 0 in every
/// condition, as the tables read them. Conditions on the row alone prune the search as soon as their
/// columns are filled; the search stops after `nodeLimit` steps or `candidateLimit` splits (hostile input:
/// a long run of digits has exponentially many splits).
package enum FusedSplitter {
    /// One split: a value per column (nil: blank).
    package typealias Split = [Decimal?]

    package struct Result: Sendable {
        /// The distinct splits (by value, a blank as 0) that satisfy every condition.
        package var splits: [Split]
        /// The rules of conditions that ruled out at least one partial split.
        package var pruning: Set<String>
        /// The search hit its bounds: `splits` is incomplete and must not be used.
        package var overBound: Bool
        /// The search steps taken.
        package var nodes: Int
    }

    package static let defaultNodeLimit = 100_000
    package static let defaultCandidateLimit = 2_000

    /// `constraints` must involve only this row (row index 0).
    package static func splits(of row: FusedRow, constraints: [FusedConstraint],
                               nodeLimit: Int = defaultNodeLimit, candidateLimit: Int = defaultCandidateLimit) -> Result {
        let runs = row.runs.map { Array($0.utf8) }
        let columnCount = row.columns.count
        // A condition is tested when its last column is filled.
        var checksAt = [[Int]](repeating: [], count: columnCount)
        for (index, constraint) in constraints.enumerated() {
            guard let last = constraint.terms.map(\.column).max(), last < columnCount else { continue }
            checksAt[last].append(index)
        }

        var values = [Decimal?](repeating: nil, count: columnCount)
        var found: [Split] = []
        var seen = Set<[Decimal]>()
        var pruning = Set<String>()
        var nodes = 0
        var overBound = false

        func value(_ r: Int, _ c: Int) -> Decimal { values[c] ?? 0 }
        /// True when the conditions tested at `column` hold for the values placed so far.
        func passes(_ column: Int) -> Bool {
            for index in checksAt[column] where !constraints[index].holds(value) {
                pruning.insert(constraints[index].rule)
                return false
            }
            return true
        }

        // `run`, `position`: the next digit to place.
        func place(_ column: Int, _ run: Int, _ position: Int) {
            if overBound { return }
            nodes += 1
            if nodes > nodeLimit { overBound = true; return }
            var run = run, position = position
            if run < runs.count, position == runs[run].count { run += 1; position = 0 }
            if column == columnCount {
                guard run == runs.count else { return }
                if seen.insert(values.map { $0 ?? 0 }).inserted {
                    found.append(values)
                    if found.count > candidateLimit { overBound = true }
                }
                return
            }
            // Every run left (the one begun too) needs a column of its own.
            let columnsLeft = columnCount - column, runsLeft = runs.count - run
            guard runsLeft <= columnsLeft else { return }
            if runsLeft < columnsLeft {
                values[column] = nil
                if passes(column) { place(column + 1, run, position) }
            }
            guard run < runs.count else { return }
            let digits = runs[run]
            let decimal = row.columns[column].allowsDecimal
            for end in (position + 1)...digits.count {
                // A number is at most 16 characters (15 significant digits and a point); one starting with 0
                // is 0 alone, or 0.x in a money column.
                if end - position > 16 { break }
                if end - position == 2, digits[position] == UInt8(ascii: "0"), !(decimal && digits[position + 1] == UInt8(ascii: ".")) { break }
                if !decimal, digits[end - 1] == UInt8(ascii: ".") { break }
                nodes += 1
                guard let number = number(digits[position..<end], decimal: decimal) else { continue }
                values[column] = number
                if passes(column) { place(column + 1, run, end) }
                values[column] = nil
                if overBound { return }
            }
        }

        place(0, 0, 0)
        return Result(splits: found, pruning: pruning, overBound: overBound, nodes: nodes)
    }

    /// The number a piece of a run spells, or nil when no printed cell looks so: digits without a leading
    /// zero (a lone 0 is fine), and, where `decimal`, one point between digits ("0.5", "24252.31").
    static func number(_ piece: ArraySlice<UInt8>, decimal: Bool) -> Decimal? {
        guard let first = piece.first, let last = piece.last, FusedRow.isDigit(first), FusedRow.isDigit(last) else { return nil }
        let point = piece.firstIndex(of: UInt8(ascii: "."))
        if point != nil && !decimal { return nil }
        let integerPart = piece[..<(point ?? piece.endIndex)]
        if integerPart.count > 1, first == UInt8(ascii: "0") { return nil }
        // A figure has at most 15 significant digits (NumberReader.maximumSignificantDigits).
        guard piece.count <= 16 else { return nil }
        var whole: Int64 = 0, fraction: Int64 = 0, scale = 0
        for byte in piece {
            if byte == UInt8(ascii: ".") { scale = -1; continue }
            let digit = Int64(byte &- 0x30)
            if scale == 0 { whole = whole * 10 + digit } else { fraction = fraction * 10 + digit; scale -= 1 }
        }
        guard scale < 0 else { return Decimal(whole) }
        // 24252.311082 = 24252 + 311082 × 10^−6.
        return Decimal(whole) + Decimal(sign: .plus, exponent: scale + 1, significand: Decimal(fraction))
    }
}
