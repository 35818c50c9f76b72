import Foundation

/// Decides the value rows a table printed without their labels and that its reading placed by position
/// (`PositionedRows`): a table's proposal is kept only when every identity of the layout that names one of
/// its cells holds with the placed values and the report's other figures (an identity naming a figure that
/// was not read cannot be checked, and then the proposal is not kept), and every figure placed by position
/// is named by at least one exact one (a sum, not only parts ≤ whole: any order of parts keeps those) that
/// also names figures of other rows (a row's own total holds wherever the row stands); rows no identity
/// names, such as table 二's, are never placed.
/// Otherwise every cell of the proposal is null with a warning: never a guess.
///
/// Identities cannot prove an order: rows of one group may be swapped without changing any sum. A placed
/// figure's provenance says so (`by-position`, naming the identities that held), and so does the warning.
/// The identities that decided are reported as used for the placement, not as passing checks.
package enum PositionedRowChecker {
    package static let placedCode = "rows-by-position"
    package static let notPlacedCode = "rows-not-placed"

    package static func check(_ proposals: [PositionedRows], known: [String: Figure], identities: [SumIdentity],
                              kinds: (String) -> FigureKind) -> FusedRowSolver.Outcome {
        var outcome = FusedRowSolver.Outcome()
        for proposal in proposals where !proposal.placedRows.isEmpty {
            check(proposal, known: known, identities: identities, kinds: kinds, into: &outcome)
        }
        return outcome
    }

    /// A cell of the proposal read by the cell conventions.
    struct Reading {
        var row: Int
        var column: FusedRow.Column
        var figure: Figure
        var warning: ReportWarning?
    }

    static func check(_ proposal: PositionedRows, known: [String: Figure], identities: [SumIdentity],
                      kinds: (String) -> FigureKind, into outcome: inout FusedRowSolver.Outcome) {
        var readings: [Reading] = []
        // Every figure the proposal gives a value, as a cell of one row for `FusedRowSolver.constraint`.
        var place: [String: (row: Int, column: Int)] = [:]
        var values: [Decimal] = []
        var paths = Set<String>()
        for (r, row) in proposal.rows.enumerated() {
            for (cell, column) in zip(row.cells, row.columns) {
                var location = cell.location
                location.table = proposal.table; location.row = row.rowText; location.column = column.label
                let (figure, warning) = CellInterpreter.figure(for: column.path, cell: cell, location: location,
                                                               headerUnit: column.headerUnit, kind: kinds(column.path))
                readings.append(Reading(row: r, column: column, figure: figure, warning: warning))
                guard paths.insert(column.path).inserted else { continue }
                if let value = figure.value {
                    place[column.path] = (0, values.count)
                    values.append(value)
                }
            }
        }

        var held: [String: Set<String>] = [:]   // path → rules that name it and hold
        // Paths an exact identity (=) names together with figures of other rows: a row's own total holds
        // wherever the row stands, so it is no evidence of its position.
        var exact = Set<String>()
        let rowOf = Dictionary(proposal.rows.enumerated().flatMap { r, row in row.columns.map { ($0.path, r) } }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        for identity in identities {
            let operands = identity.totals + identity.parts
            guard operands.contains(where: paths.contains) else { continue }
            guard let condition = FusedRowSolver.constraint(for: identity, place: place, known: known) else {
                problems.append("\(identity.rule) cannot be checked (a figure it names is not read)")
                continue
            }
            guard condition.holds({ _, column in values[column] }) else {
                problems.append("\(identity.rule) does not hold")
                continue
            }
            let rows = Set(operands.map { rowOf[$0] ?? -1 })
            for path in operands where paths.contains(path) {
                held[path, default: []].insert(identity.rule)
                if identity.relation == .equal && rows.count > 1 { exact.insert(path) }
            }
        }
        for reading in readings where !proposal.rows[reading.row].labelPrinted && reading.column.emits && reading.figure.value != nil
            && !exact.contains(reading.column.path) {
            problems.append(held[reading.column.path] == nil ? "no identity checks \(reading.column.path)"
                            : "no sum across rows checks \(reading.column.path) (only " + held[reading.column.path]!.sorted().joined(separator: ", ") + ")")
        }

        let placed = proposal.rows.filter { !$0.labelPrinted }
        let described = placed.map { "\"\(raw($0))\" at \($0.rowText)" }.joined(separator: ", ")
        let count = placed.count == 1 ? "1 value row" : "\(placed.count) value rows"
        let are = placed.count == 1 ? "is" : "are"
        let location = placed.first?.cells.first?.location
        guard problems.isEmpty else {
            for reading in readings where reading.column.emits && outcome.figures[reading.column.path] == nil {
                var location = reading.figure.provenance.location
                location.table = proposal.table
                outcome.figures[reading.column.path] = Figure(value: nil, provenance: Provenance(
                    how: .unreadable, raw: raw(proposal.rows[reading.row]), location: location))
            }
            let labelled = proposal.rows.filter(\.labelPrinted).map { "\"\($0.rowText)\"" }
            let alsoLabelled = labelled.isEmpty ? "" : " (nor the cells of " + labelled.joined(separator: ", ") + ", whose line of values ran on into them)"
            outcome.warnings.append(ReportWarning(code: notPlacedCode,
                message: "\(proposal.table): \(count) printed without labels would stand, by position, as \(described), but \(are) not placed"
                    + alsoLabelled + ": " + problems.joined(separator: "; ") + "; their figures are left null",
                location: location))
            return
        }
        for reading in readings where reading.column.emits && outcome.figures[reading.column.path] == nil {
            var figure = reading.figure
            if !proposal.rows[reading.row].labelPrinted, figure.value != nil {
                figure.provenance.how = .byPosition
                figure.provenance.derivedFrom = held[reading.column.path, default: []].sorted()
            }
            outcome.figures[reading.column.path] = figure
            if let warning = reading.warning { outcome.warnings.append(warning) }
        }
        let rules = held.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        outcome.usedRules.formUnion(rules)
        outcome.warnings.append(ReportWarning(code: placedCode,
            message: "\(proposal.table): \(count) printed without labels placed by position as \(described): the labels present "
                + "stand in the form's order and these rows fill exactly the rows missing between them, and "
                + rules.sorted().joined(separator: ", ") + " hold with them; but identities cannot prove an order "
                + "(rows of one group may be swapped without changing a sum): check these rows against the document",
            location: location))
    }

    static func raw(_ row: PositionedRows.Row) -> String { row.cells.map { $0.text.isEmpty ? "(blank)" : $0.text }.joined(separator: " ") }
}
