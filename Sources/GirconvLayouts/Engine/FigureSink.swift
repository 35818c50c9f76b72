import GirconvCore

/// Collects figures and warnings while a layout's tables are read.
struct FigureSink {
    var figures: [String: Figure] = [:]
    var warnings: [ReportWarning] = []
    /// Printed row labels that matched a row of the layout (detection evidence).
    var matchedLabels: [String] = []
    let kinds: (String) -> FigureKind

    init(kinds: @escaping (String) -> FigureKind) { self.kinds = kinds }

    mutating func warn(_ code: String, _ message: String, path: String? = nil, location: SourceLocation?) {
        warnings.append(ReportWarning(code: code, message: message, path: path, location: location))
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
        if let warning { warnings.append(warning) }
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
