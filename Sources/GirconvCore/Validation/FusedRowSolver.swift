import Foundation

/// Decides the fused rows of one report (`FusedRow`) by the report's own evidence only: the identities of
/// its layout (a row's total, the table's column sums and balances, a layout's own, such as parts ≤ whole
/// in a cumulative column) with the figures read elsewhere in the report, the row's own column conditions
/// (`FusedRow.columnConditions`: a year's figure ≤ the cumulative one), and the figures its text
/// states. Never by another report: a record does not depend on what else is converted with it.
///
/// Each row's splits are enumerated with the conditions on that row alone (`FusedSplitter`); then every
/// condition coupling several undecided rows keeps only the splits that take part in some combination
/// satisfying it (while the product of the rows' splits stays within `combinationLimit`), until nothing
/// changes; figures the text prints narrow last, all statements about a row at once (when no split meets
/// them all, none is used: the text may contradict the table or itself; a sentence stating none is no
/// printed figure and never narrows). A row left with exactly one split gives its figures (`recovered`,
/// naming the conditions that decided it, or "digits" when the digits allow one split only) if every
/// condition coupling it holds with the splits finally chosen and was evaluated with them; with several,
/// none, too many to enumerate, or a split not so checked, every cell of the row is null with a warning.
package enum FusedRowSolver {
    package struct Outcome: Sendable {
        package var figures: [String: Figure] = [:]
        package var warnings: [ReportWarning] = []
        /// Rules of identities (and `text.<path>` statements) that were used to choose a split.
        package var usedRules: Set<String> = []
    }

    package static let combinationLimit = 200_000
    /// The combinations tried by all conditions together, in one report: beyond it, splits are narrowed
    /// no further (the rows left with several stay null), so hostile input cannot make it slow.
    package static let workLimit = 2_000_000
    /// The search steps of all rows of one report together (`FusedSplitter`): a real table needs a few
    /// thousand; a page of hundreds of long runs of digits gets null rows, not a long wait.
    package static let stepLimit = 500_000
    /// The rule named in provenance when the digits alone allow one split.
    package static let digitsRule = "digits"

    package static func solve(_ rows: [FusedRow], known: [String: Figure], stated: [String: Figure],
                              identities: [SumIdentity], kinds: (String) -> FigureKind) -> Outcome {
        var outcome = Outcome()
        guard !rows.isEmpty else { return outcome }
        var place: [String: (row: Int, column: Int)] = [:]
        for (r, row) in rows.enumerated() {
            for (c, column) in row.columns.enumerated() where place[column.path] == nil { place[column.path] = (r, c) }
        }
        let constraints = identities.compactMap { constraint(for: $0, place: place, known: known) }

        // Each row alone.
        var splits: [[FusedSplitter.Split]?] = []
        var deciders = [Set<String>](repeating: [], count: rows.count)
        // The search steps all rows may take together (a page of thousands of fused rows stays quick).
        var steps = stepLimit
        for (r, row) in rows.enumerated() {
            let local = constraints.filter { $0.rows == [r] }.map { c -> FusedConstraint in
                var c = c
                c.terms = c.terms.map { ($0.row - r, $0.column, $0.coefficient) }
                return c
            } + row.columnConditions
            let result = FusedSplitter.splits(of: row, constraints: local, nodeLimit: min(FusedSplitter.defaultNodeLimit, steps))
            steps -= result.nodes
            if result.overBound { splits.append(nil); continue }
            splits.append(result.splits)
            deciders[r] = result.pruning
        }
        // Rows whose digits allow one split only, whatever the conditions: read as if printed.
        let forcedByDigits = rows.indices.map { splits[$0]?.count == 1 && deciders[$0].isEmpty }

        // Rows coupled by conditions.
        let coupling = constraints.filter { $0.rows.count > 1 }
        var state = Propagation(count: coupling.count)
        propagate(coupling, &splits, &deciders, state: &state)
        // Figures the text states, row by row: only figures printed in a sentence (not "stated as none"),
        // and all of a row's statements at once, so that the outcome does not depend on their order.
        var statements: [Int: [(path: String, column: Int, value: Decimal)]] = [:]
        for (path, figure) in stated where figure.provenance.how == .printed {
            guard let value = figure.value, let (r, c) = place[path] else { continue }
            statements[r, default: []].append((path, c, value))
        }
        var contradictions: [Int: [String]] = [:]
        var narrowedByText = false
        for r in statements.keys.sorted() {
            guard let candidates = splits[r], candidates.count > 1, let said = statements[r] else { continue }
            let kept = candidates.filter { split in said.allSatisfy { (split[$0.column] ?? 0) == $0.value } }
            if kept.isEmpty {
                // The text may contradict the table, or itself: none of the row's statements is used.
                contradictions[r] = said.map(\.path).sorted()
                continue
            }
            guard kept.count < candidates.count else { continue }
            splits[r] = kept
            for statement in said where candidates.contains(where: { ($0[statement.column] ?? 0) != statement.value }) {
                deciders[r].insert("text.\(statement.path)")
            }
            state.changed(row: r, in: coupling)
            narrowedByText = true
        }
        if narrowedByText { propagate(coupling, &splits, &deciders, state: &state) }

        // A row left with one split chosen among several keeps it only if every condition coupling it still
        // holds with the final splits: a condition skipped at a bound, or not evaluated again after its rows
        // were narrowed, may no longer be met. (A condition naming a row with no split is not one.)
        var unsupported: [Int: (code: String, rules: Set<String>)] = [:]
        for (k, constraint) in coupling.enumerated() {
            let rows = constraint.rows
            // A row with no split to offer (too many, or none) is read as nothing: the condition names an
            // unread figure and is not a condition on the others (as an identity naming a missing figure).
            guard rows.allSatisfy({ splits[$0].map { !$0.isEmpty } ?? false }) else { continue }
            let decided = rows.filter { splits[$0]!.count == 1 }
            let chosen = decided.filter { !forcedByDigits[$0] }
            guard !chosen.isEmpty else { continue }
            let code: String
            if decided.count == rows.count {
                guard !constraint.holds({ row, column in splits[row]![0][column] ?? 0 }) else { continue }
                code = "fused-row-inconsistent"
            } else {
                guard !state.current[k] else { continue }
                code = state.bounded[k] ? "fused-row-too-many" : "fused-row-inconsistent"
            }
            for row in chosen {
                var entry = unsupported[row] ?? (code, [])
                if code == "fused-row-too-many" { entry.code = code }
                entry.rules.insert(constraint.rule)
                unsupported[row] = entry
            }
        }

        for (r, row) in rows.enumerated() {
            if let failure = unsupported[r] {
                emitUnsupported(row, code: failure.code, rules: failure.rules, into: &outcome)
            } else {
                emit(row, splits[r], deciders: deciders[r], contradicted: contradictions[r] ?? [], kinds: kinds, into: &outcome)
            }
        }
        return outcome
    }

    /// Which coupling conditions were evaluated with the current splits of all their rows (`current`),
    /// and which were last skipped at the combination or work bound (`bounded`).
    struct Propagation {
        var current: [Bool]
        var bounded: [Bool]
        var work = 0
        init(count: Int) {
            current = [Bool](repeating: false, count: count)
            bounded = [Bool](repeating: false, count: count)
        }

        /// The splits of `row` changed: the conditions on it must be evaluated again.
        mutating func changed(row: Int, in coupling: [FusedConstraint], except: Int? = nil) {
            for (k, constraint) in coupling.enumerated() where k != except && constraint.terms.contains(where: { $0.row == row }) {
                current[k] = false
            }
        }
    }

    /// The identity as a condition on fused cells, or nil when it touches none or names a figure that is
    /// neither a fused cell nor known (a missing part of an `atMost` identity is left out: parts are
    /// never negative, so fewer parts are still at most the whole).
    static func constraint(for identity: SumIdentity, place: [String: (row: Int, column: Int)], known: [String: Figure]) -> FusedConstraint? {
        var terms: [(row: Int, column: Int, coefficient: Int)] = []
        var constant: Decimal = 0
        for (paths, sign, optional) in [(identity.totals, 1, false), (identity.parts, -1, identity.relation == .atMost)] {
            for path in paths {
                if let (r, c) = place[path] {
                    terms.append((r, c, sign))
                } else if let value = known[path]?.value {
                    constant += Decimal(sign) * value
                } else if !optional {
                    return nil
                }
            }
        }
        guard !terms.isEmpty else { return nil }
        return FusedConstraint(rule: identity.rule, terms: terms, constant: constant, relation: identity.relation)
    }

    /// Keeps, for every condition on several rows, the splits that satisfy it together with some split of
    /// each other row, until no split is removed (or the pass or work bound is reached: `state` records
    /// which conditions hold for the splits left).
    static func propagate(_ coupling: [FusedConstraint], _ splits: inout [[FusedSplitter.Split]?], _ deciders: inout [Set<String>],
                          state: inout Propagation) {
        var changed = true
        var passes = 0
        while changed && passes < 32 {
            changed = false
            passes += 1
            for (index, constraint) in coupling.enumerated() where !state.current[index] {
                let rows = constraint.rows
                guard rows.allSatisfy({ splits[$0].map { !$0.isEmpty } ?? false }) else { continue }
                let lists = rows.map { splits[$0]! }
                guard lists.contains(where: { $0.count > 1 }) else { continue }
                var product = 1
                for list in lists { product = product.multipliedReportingOverflow(by: list.count).partialValue; if product > combinationLimit { break } }
                guard product <= combinationLimit, state.work + product <= workLimit else { state.bounded[index] = true; continue }
                state.work += product
                state.bounded[index] = false
                state.current[index] = true
                var supported = lists.map { [Bool](repeating: false, count: $0.count) }
                var choice = [Int](repeating: 0, count: rows.count)
                func value(_ row: Int, _ column: Int) -> Decimal {
                    let k = rows.firstIndex(of: row)!
                    return lists[k][choice[k]][column] ?? 0
                }
                func walk(_ k: Int) {
                    if k == rows.count {
                        if constraint.holds(value) { for (i, j) in choice.enumerated() { supported[i][j] = true } }
                        return
                    }
                    for j in lists[k].indices { choice[k] = j; walk(k + 1) }
                }
                walk(0)
                for (k, row) in rows.enumerated() where supported[k].contains(false) {
                    splits[row] = lists[k].indices.filter { supported[k][$0] }.map { lists[k][$0] }
                    deciders[row].insert(constraint.rule)
                    state.changed(row: row, in: coupling, except: index)
                    changed = true
                }
            }
        }
    }

    /// A row whose one split a coupling condition no longer supports (or was not checked against): null.
    static func emitUnsupported(_ row: FusedRow, code: String, rules: Set<String>, into outcome: inout Outcome) {
        nulls(row, into: &outcome)
        let reason = code == "fused-row-too-many"
            ? "could not be checked within girconv's bounds against"
            : "is not supported by"
        outcome.warnings.append(ReportWarning(code: code,
            message: "\(name(row)): its only remaining split \(reason) the report's identities" + describe(rules)
                + "; its figures are left null", location: row.location))
    }

    static func name(_ row: FusedRow) -> String { "\(row.table) row \"\(row.rowText)\": \"\(row.raw)\"" }

    static func location(_ row: FusedRow, _ column: FusedRow.Column) -> SourceLocation {
        var l = row.location
        l.table = row.table; l.row = row.rowText; l.column = column.label
        return l
    }

    static func nulls(_ row: FusedRow, into outcome: inout Outcome) {
        for column in row.columns where column.emits && outcome.figures[column.path] == nil {
            outcome.figures[column.path] = Figure(value: nil, provenance: Provenance(how: .unreadable, raw: row.raw, location: location(row, column)))
        }
    }

    /// `contradicted`: the paths of the text's statements about the row that no split meets together
    /// (none of them was used), said in the row's warning.
    static func emit(_ row: FusedRow, _ splits: [FusedSplitter.Split]?, deciders: Set<String>, contradicted: [String] = [],
                     kinds: (String) -> FigureKind, into outcome: inout Outcome) {
        let emitted = row.columns.enumerated().filter { $0.element.emits }
        func location(_ column: FusedRow.Column) -> SourceLocation { Self.location(row, column) }
        func nulls() { Self.nulls(row, into: &outcome) }
        let name = Self.name(row)
        let unused = contradicted.isEmpty ? ""
            : " (the text's statements of " + contradicted.joined(separator: ", ") + " fit no split together and were not used)"
        guard let splits else {
            nulls()
            outcome.warnings.append(ReportWarning(code: "fused-row-too-many",
                message: "\(name) has too many splits into its \(row.columns.count) columns to enumerate\(unused); its figures are left null",
                location: row.location))
            return
        }
        guard splits.count == 1, let split = splits.first else {
            nulls()
            if splits.isEmpty {
                outcome.warnings.append(ReportWarning(code: "fused-row-inconsistent",
                    message: "\(name): no split into its \(row.columns.count) columns agrees with the report's identities" + describe(deciders)
                        + unused + "; its figures are left null", location: row.location))
            } else {
                let shown = splits.prefix(8).map(format).joined(separator: "; ")
                outcome.warnings.append(ReportWarning(code: "fused-row-ambiguous",
                    message: "\(name) can be read in \(splits.count) ways consistent with the report (\(shown)\(splits.count > 8 ? "; …" : ""))\(unused); its figures are left null",
                    location: row.location))
            }
            return
        }
        let decidedBy = deciders.isEmpty ? [digitsRule] : deciders.sorted()
        for (c, column) in emitted where outcome.figures[column.path] == nil {
            let text = split[c].map { "\($0)" } ?? ""
            let cell = GridCell(text: text, location: location(column), originRow: 0, originColumn: c)
            var (figure, warning) = CellInterpreter.figure(for: column.path, cell: cell, location: location(column),
                                                           headerUnit: column.headerUnit, kind: kinds(column.path))
            if figure.value != nil {
                figure.provenance.how = .recovered
                figure.provenance.raw = row.raw
                figure.provenance.derivedFrom = decidedBy
            }
            outcome.figures[column.path] = figure
            if let warning { outcome.warnings.append(warning) }
        }
        outcome.usedRules.formUnion(deciders)
        outcome.warnings.append(ReportWarning(code: "fused-row-recovered",
            message: "\(name) is read as \(format(split)), the only split into its \(row.columns.count) columns "
                + (deciders.isEmpty ? "the digits allow" : "consistent with " + decidedBy.joined(separator: ", ")),
            location: row.location))
    }

    static func format(_ split: FusedSplitter.Split) -> String {
        split.map { $0.map { "\($0)" } ?? "(blank)" }.joined(separator: " | ")
    }

    static func describe(_ deciders: Set<String>) -> String {
        deciders.isEmpty ? "" : " (" + deciders.sorted().joined(separator: ", ") + ")"
    }
}
