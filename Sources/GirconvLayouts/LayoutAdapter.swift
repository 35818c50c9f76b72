import Foundation
import GirconvCore

/// The adapter of any layout described by a layout file: detection by weighted phrases, table rows and
/// narrative figures; extraction by the generic table and narrative readers. Every built-in layout is
/// one of these, and so is every user layout.
public struct LayoutAdapter: ReportAdapter {
    public let spec: LayoutSpec
    /// The phrase tables for sentences: the file's own, or those of the file its narrative names.
    public let patterns: NarrativePatternSet?
    /// The reader of those sentences, its lookup tables compiled once.
    let narrativeReader: NarrativeReader?

    public init(spec: LayoutSpec, patterns: NarrativePatternSet?) {
        self.spec = spec
        self.patterns = spec.narrative == nil ? nil : patterns
        narrativeReader = self.patterns.map { NarrativeReader(patterns: $0) }
    }

    public var id: String { spec.id }
    public var layout: Layout { spec.layout }

    /// The identities of the layout's family, then those its file declares.
    public func identities(given figures: [String: Figure]?) -> [SumIdentity] {
        let family = IdentityCatalog.identities(for: layout, figures: figures)
        return spec.identities.isEmpty ? family : family + spec.identities
    }

    // MARK: Detection

    public func detect(_ document: ReportDocument) -> DetectionScore {
        let rules = spec.detection
        var score = 0.0
        var evidence: [String] = []
        for item in rules.requireAll {
            guard item.keys.contains(where: document.mentions) else { return .none }
            evidence.append(item.name)
        }
        if !rules.required.isEmpty {
            var present = false
            for item in rules.required where item.keys.contains(where: document.mentions) {
                present = true
                score += item.weight
                if item.weight > 0 { evidence.append(item.name) }
            }
            guard present else { return .none }
        }
        if let reportEvidence = rules.reportEvidence,
           let lacking = document.cache.value("report-evidence:" + spec.id, { reportEvidence.lacking(in: document) }) {
            return DetectionScore(confidence: 0, evidence: ["not a report: " + lacking], notAReport: lacking)
        }
        for item in rules.evidence where item.keys.contains(where: document.mentions) {
            score += item.weight; evidence.append(item.name)
        }
        for item in rules.against where item.keys.contains(where: document.mentions) {
            score -= item.weight; evidence.append("not " + item.name)
        }
        if let rows = rules.tableRows {
            let matched = readTables(document).matchedRows
            guard !matched.isEmpty || !rows.needed else { return .none }
            score += min(rows.max, rows.base + rows.weight * Double(matched.count))
            evidence += matched.prefix(8)
        }
        if let narrativeTerm = rules.narrativeFigures {
            guard let narrativeReader else { return .none }
            let figures = narrativeReader.read(document).figures
            guard !figures.isEmpty || !narrativeTerm.needed else { return .none }
            score += min(narrativeTerm.max, narrativeTerm.base + narrativeTerm.weight * Double(figures.count))
            evidence += FigureCatalog.ordered(figures.keys).prefix(8).map { "\($0) ← \"\(figures[$0]!.provenance.raw)\"" }
        }
        // A layout of earlier years: a later title year halves the score (never the deciding evidence for).
        if let before = rules.yearsBefore, let year = ReportMetadataReader.titleYear(in: document), year >= before {
            score /= 2
            evidence.append("title year \(year) is not before \(before)")
        }
        return DetectionScore(confidence: score, evidence: evidence)
    }

    // MARK: Extraction

    /// What the layout's tables gave for one document (computed once per document and layout).
    struct TableReading {
        var figures: [String: Figure] = [:]
        /// The warnings of reading the tables, worded when the layout is chosen (`FigureSink.warnings`).
        var pendingWarnings: [FigureSink.PendingWarning] = []
        /// "表三 row 本年新收…", for detection evidence.
        var matchedRows: [String] = []
        /// Rows printed run together, decided when the layout is chosen (`extract`).
        var fusedRows: [FusedRow] = []
        /// Value rows printed without their labels, placed by position when the layout is chosen (`extract`).
        var positionedRows: [PositionedRows] = []
    }

    func readTables(_ document: ReportDocument) -> TableReading {
        document.cache.value("layout-tables:" + spec.id) {
            var reading = TableReading()
            guard !spec.tables.isEmpty else { return reading }
            // A whole article on one line (a crawler's text) is cut into rows at this layout's labels.
            let traditional = document.script == .traditional
            let lines = document.cache.value("one-line-tables") { FusedLineCutter.candidates(in: document.allRowViews, traditional: traditional) }
            let rows = FusedLineCutter(tables: spec.tables).cut(document.allRowViews, candidates: lines, traditional: traditional)
            var sink = FigureSink(kinds: spec.kind(of:))
            for (table, region) in zip(spec.tables, TableReader.regions(of: spec.tables, in: rows)) {
                let before = sink.matchedLabels.count
                TableReader(spec: table).read(region, into: &sink)
                reading.matchedRows += sink.matchedLabels[before...].map { "\(table.name) row \($0)" }
            }
            reading.figures = sink.figures
            reading.pendingWarnings = sink.pending
            reading.fusedRows = sink.fusedRows
            reading.positionedRows = sink.positionedRows
            return reading
        }
    }

    /// Inside a filled report, a table all of whose value cells are blank (table 四 left empty when nothing
    /// happened) is read as zeros, and said so: one `table-blank` warning per such table, in the order the
    /// tables are printed.
    static func blankTableWarnings(_ figures: [String: Figure]) -> [ReportWarning] {
        var byTable: [String: (cells: Int, blank: Bool, line: Int)] = [:]
        for figure in figures.values {
            guard let table = figure.provenance.location.table else { continue }
            var entry = byTable[table] ?? (0, true, Int.max)
            entry.cells += 1
            entry.blank = entry.blank && figure.provenance.how == .blankAsZero
            entry.line = min(entry.line, figure.provenance.location.line ?? Int.max)
            byTable[table] = entry
        }
        return byTable.filter { $0.value.blank && $0.value.cells >= 2 }
            .sorted { ($0.value.line, $0.key) < ($1.value.line, $1.key) }
            .map { table, entry in
                ReportWarning(code: "table-blank",
                              message: "\(table): every value cell is blank (\(entry.cells) cells), read as 0: the report left the table empty, which usually means none")
            }
    }

    public func extract(from document: ReportDocument) throws -> Extraction {
        var (report, warnings) = ReportMetadataReader.read(document, layout: layout)
        let tables = readTables(document)
        let narrative = narrativeReader?.read(document)
        // Which figures sentences may give (all, or only those the tables do not print).
        let allowed = spec.narrative?.paths.map(Set.init)
        func usable(_ path: String) -> Bool { allowed?.contains(path) ?? true }

        var figures: [String: Figure] = [:]
        figures.reserveCapacity(tables.figures.count + (narrative?.figures.count ?? 0))
        var shares: [StatedShare] = []
        if let narrative {
            for (path, figure) in narrative.figures where usable(path) { figures[path] = figure }
            warnings += narrative.warnings.filter { $0.path.map(usable) ?? (allowed == nil) }
            shares = narrative.shares.filter { usable($0.path) }
        }
        warnings += FigureSink.worded(tables.pendingWarnings)
        // Blank is zero only in a filled report: tables none of whose cells prints anything are a blank form.
        var tableFigures = tables.figures
        // Rows printed run together: split only where the report's own identities and statements force it.
        var recoveryRules: Set<String> = []
        if !tables.fusedRows.isEmpty {
            let placeholders = Self.placeholders(tables.figures, tables.fusedRows.map(\.columns))
            let outcome = FusedRowSolver.solve(tables.fusedRows, known: tables.figures, stated: narrative?.figures ?? [:],
                                               identities: identities(given: placeholders), kinds: spec.kind(of:))
            for (path, figure) in outcome.figures where tableFigures[path] == nil { tableFigures[path] = figure }
            warnings += outcome.warnings
            recoveryRules = outcome.usedRules
        }
        // Value rows printed without their labels: placed by position only where the identities hold with them.
        if !tables.positionedRows.isEmpty {
            let placeholders = Self.placeholders(tableFigures, tables.positionedRows.flatMap { $0.rows.map(\.columns) })
            let outcome = PositionedRowChecker.check(tables.positionedRows, known: tableFigures,
                                                     identities: identities(given: placeholders), kinds: spec.kind(of:))
            for (path, figure) in outcome.figures where tableFigures[path] == nil { tableFigures[path] = figure }
            warnings += outcome.warnings
            recoveryRules.formUnion(outcome.usedRules)
        }
        if !tableFigures.isEmpty, tableFigures.values.allSatisfy({ $0.provenance.how == .blankAsZero }) {
            warnings.append(ReportWarning(
                code: "blank-form",
                message: "every value cell of the statistics tables is blank (\(tableFigures.count) cells): a form nobody filled in, not a report of zeros; no table figure is emitted"))
            tableFigures = [:]
        } else {
            warnings += Self.blankTableWarnings(tableFigures)
        }
        // Tables win over sentences; a sentence stating a table's figure is kept to be checked against it.
        var textStatements: [String: Figure] = [:]
        // Figures only the tables state are taken as they are; those the text states too are compared in
        // canonical order (their warnings come out in that order).
        var statedInText: [String] = []
        for (path, tableFigure) in tableFigures {
            if let narrative, narrative.figures[path] != nil { statedInText.append(path) } else { figures[path] = tableFigure }
        }
        for path in FigureCatalog.ordered(statedInText) {
            let tableFigure = tableFigures[path]!
            if let told = narrative?.figures[path] {
                // A table cell that could not be read does not hide a figure the text states.
                if tableFigure.value == nil, told.value != nil, usable(path) { continue }
                textStatements[path] = told
                if told.value != tableFigure.value, tableFigure.value != nil {
                    warnings.append(ReportWarning(
                        code: "narrative-table-disagree",
                        message: "\(path): the \(tableFigure.provenance.location.table ?? "table") row \"\(tableFigure.provenance.location.row ?? "")\" gives \(Self.describe(tableFigure.value)) but the text says \(Self.describe(told.value)) (\"\(told.provenance.location.sentence ?? told.provenance.raw)\", line \(told.provenance.location.line ?? 0)); the table is kept",
                        path: path, location: tableFigure.provenance.location))
                }
            }
            figures[path] = tableFigure
        }
        // Rows of tables that report missing rows and gave nothing (only for the layout chosen, not while
        // every layout is scored).
        if spec.tables.contains(where: \.reportMissingRows) {
            let readers = spec.tables.filter(\.reportMissingRows).map { TableReader(spec: $0) }
            let present = TableReader.presentPrefixes(of: tableFigures, among: readers.flatMap(\.completenessPaths))
            let missingRows = readers.flatMap { $0.missingRows(present: present, figures: tableFigures) }
            if !missingRows.isEmpty {
                warnings.append(ReportWarning(code: "rows-not-found", message: "not found in the report: " + missingRows.joined(separator: ", ")))
            }
        }
        let missing = spec.expected.filter { figures[$0.path] == nil }.map(\.label)
        if !missing.isEmpty {
            warnings.append(ReportWarning(code: "not-stated", message: "the report states no figure for: " + missing.joined(separator: ", ")))
        }
        let statedTwice = narrative?.statedTwice.filter { usable($0.path) } ?? []
        return Extraction(report: report, figures: figures, warnings: warnings, shares: shares, textStatements: textStatements,
                          statedTwice: statedTwice, recoveryRules: recoveryRules)
    }

    /// The figures, with a null at every path of rows still to be decided (`columns`) that they lack: the
    /// identities are chosen by which paths a report prints (its （六） as one row or three).
    static func placeholders(_ figures: [String: Figure], _ columns: [[FusedRow.Column]]) -> [String: Figure] {
        var placeholders = figures
        for row in columns {
            for column in row where column.emits && placeholders[column.path] == nil {
                placeholders[column.path] = Figure(value: nil, provenance: Provenance(how: .unreadable, raw: "", location: SourceLocation()))
            }
        }
        return placeholders
    }

    static func describe(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "null" }
}
