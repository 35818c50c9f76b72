import GirconvCore

/// Collects figures and warnings while a layout's tables are read.
struct FigureSink {
    var figures: [String: Figure] = [:]
    /// Warnings in the order they arose; some are written only when asked for (`warnings`).
    var pending: [PendingWarning] = []
    /// Printed row labels that matched a row of the layout (detection evidence).
    var matchedLabels: [String] = []
    /// Rows whose cells were printed run together, to be decided by the report's identities
    /// (`FusedRowSolver`, when the layout is chosen).
    var fusedRows: [FusedRow] = []
    /// Value rows printed without their labels, placed by position, to be kept only where the report's
    /// identities hold with them (`PositionedRowChecker`, when the layout is chosen).
    var positionedRows: [PositionedRows] = []
    let kinds: (String) -> FigureKind

    init(kinds: @escaping (String) -> FigureKind) { self.kinds = kinds }

    /// A warning, or what it will be made from. Every layout reads every document's tables while
    /// layouts are scored, and most rows of a page are not rows of most layouts: the "row not of this
    /// layout" warnings are only worded (and told from site chrome) for the layout that is chosen.
    enum PendingWarning {
        case ready(ReportWarning)
        case unrecognisedRow(table: String, label: GridCell)
    }

    /// The warnings, worded.
    var warnings: [ReportWarning] { Self.worded(pending) }

    static func worded(_ pending: [PendingWarning]) -> [ReportWarning] {
        pending.compactMap { item in
            switch item {
            case .ready(let warning): return warning
            case .unrecognisedRow(let table, let label):
                guard !ChromeLines.isChrome(label.text) else { return nil }
                return ReportWarning(code: "row-unrecognised", message: "\(table): row \"\(label.text)\" is not a row of this layout; skipped",
                                     location: label.location)
            }
        }
    }

    mutating func warn(_ code: String, _ message: String, path: String? = nil, location: SourceLocation?) {
        pending.append(.ready(ReportWarning(code: code, message: message, path: path, location: location)))
    }

    /// A row with values whose label is no row of the layout (reported unless the label is site chrome).
    mutating func unrecognisedRow(table: String, label: GridCell) {
        pending.append(.unrecognisedRow(table: table, label: label))
    }

    mutating func record(path: String, cell: GridCell, table: String, row: String, column: String, headerUnit: PrintedUnit? = nil) {
        var location = cell.location
        location.table = table; location.row = row; location.column = column
        if figures[path] != nil {
            warn("duplicate-row", "\(path) is printed twice; the first reading is kept", path: path, location: location)
            return
        }
        let (figure, warning) = CellInterpreter.figure(for: path, cell: cell, location: location, headerUnit: headerUnit, kind: kinds(path))
        figures[path] = figure
        if let warning { pending.append(.ready(warning)) }
    }

    /// A row printed with fewer cells than `columns` (paths and printed names), every cell a run of
    /// digits: kept to be split by the report's identities, or nil when the cells are not such runs.
    mutating func fusedRow(table: String, rowText: String, cells: [GridCell],
                           columns: [(path: String, emits: Bool, label: String, unit: PrintedUnit?, atLeast: Int?)]) -> Bool {
        guard FusedRow.isFused(cells.map(\.text), columnCount: columns.count) else { return false }
        fusedRows.append(FusedRow(table: table, rowText: rowText, runs: cells.map(\.text), columns: self.columns(columns),
                                  location: cells[0].location))
        return true
    }

    /// A row's columns (paths and printed names) as a row to be decided later takes them.
    func columns(_ columns: [(path: String, emits: Bool, label: String, unit: PrintedUnit?, atLeast: Int?)]) -> [FusedRow.Column] {
        Self.columns(columns, kinds: kinds)
    }

    static func columns(_ columns: [(path: String, emits: Bool, label: String, unit: PrintedUnit?, atLeast: Int?)],
                        kinds: (String) -> FigureKind) -> [FusedRow.Column] {
        columns.map { column in
            let kind = kinds(column.path)
            return FusedRow.Column(path: column.path, emits: column.emits, allowsDecimal: kind == .amountYuan || kind == .amountWanYuan,
                                   label: column.label, headerUnit: column.unit, atLeast: column.atLeast)
        }
    }

    /// A row whose number of cells does not match its columns (cells lost when flattened): its figures are
    /// null, because which cell is missing cannot be known.
    mutating func incompleteRow(table: String, label: GridCell, expected: Int, found: Int, paths: [String]) {
        var location = label.location
        location.table = table; location.row = label.text
        for path in paths where figures[path] == nil {
            figures[path] = Figure(value: nil, provenance: Provenance(how: .unreadable, raw: "", location: location))
        }
        warn("row-incomplete", "\(table) row \"\(label.text)\" has \(found) cells where \(expected) are expected; its figures are left null",
             location: location)
    }
}
