/// One slot of a table grid. Spanning cells fill several slots; each slot knows the cell it came from.
///
/// Grid cells are copied often (spans, row views, the table readers), so a cell keeps the numeric part of
/// its location inline, without reference-counted fields; a location that also names a table, row, column
/// or sentence (never set by girconv's readers), or has a PDF cell's box, is kept whole in a shared box.
public struct GridCell: Sendable, Equatable {
    /// The cell text as printed, with inner whitespace collapsed (not normalised for matching).
    public var text: String
    /// The row and column of the originating cell's top-left slot (differs from the slot's own position
    /// for slots filled by a rowspan/colspan).
    public var originRow: Int
    public var originColumn: Int
    private var place: Place
    private var named: NamedLocation?

    /// The numeric fields of a `SourceLocation`.
    private struct Place: Sendable, Equatable {
        var line: Int?, offset: Int?, page: Int?, tableIndex: Int?, rowIndex: Int?, columnIndex: Int?
        init(line: Int?, tableIndex: Int, rowIndex: Int, columnIndex: Int) {
            self.line = line; self.tableIndex = tableIndex; self.rowIndex = rowIndex; self.columnIndex = columnIndex
        }
        init(_ l: SourceLocation) {
            line = l.line; offset = l.offset; page = l.page; tableIndex = l.tableIndex; rowIndex = l.rowIndex; columnIndex = l.columnIndex
        }
    }

    /// A location with text fields, shared between copies.
    private final class NamedLocation: Sendable {
        let location: SourceLocation
        init(_ location: SourceLocation) { self.location = location }
    }

    public init(text: String, location: SourceLocation, originRow: Int, originColumn: Int) {
        self.text = text; self.originRow = originRow; self.originColumn = originColumn
        place = Place(location)
        named = Self.hasText(location) ? NamedLocation(location) : nil
    }

    /// A cell of an HTML or Word table: its line and its slot in the table (no text fields to check).
    public init(text: String, line: Int?, tableIndex: Int, rowIndex: Int, columnIndex: Int, originRow: Int, originColumn: Int) {
        self.text = text; self.originRow = originRow; self.originColumn = originColumn
        place = Place(line: line, tableIndex: tableIndex, rowIndex: rowIndex, columnIndex: columnIndex)
        named = nil
    }

    /// Where the originating cell sits in the source.
    public var location: SourceLocation {
        get {
            if let named { return named.location }
            return SourceLocation(line: place.line, offset: place.offset, page: place.page,
                                  tableIndex: place.tableIndex, rowIndex: place.rowIndex, columnIndex: place.columnIndex)
        }
        set {
            place = Place(newValue)
            named = Self.hasText(newValue) ? NamedLocation(newValue) : nil
        }
    }

    /// A location kept whole: one with text fields, or a PDF cell's box.
    private static func hasText(_ l: SourceLocation) -> Bool {
        l.table != nil || l.row != nil || l.column != nil || l.sentence != nil || l.box != nil
    }

    public static func == (a: GridCell, b: GridCell) -> Bool {
        a.text == b.text && a.originRow == b.originRow && a.originColumn == b.originColumn && a.location == b.location
    }
}

/// One row of a table grid.
public struct GridRow: Sendable, Equatable {
    public var cells: [GridCell]
    /// The row's index in its grid.
    public var index: Int
    public init(cells: [GridCell], index: Int) { self.cells = cells; self.index = index }

    /// The slots that begin a cell (drops copies made by a rowspan/colspan).
    public var ownCells: [GridCell] {
        cells.enumerated().filter { $0.element.originRow == index && $0.element.originColumn == $0.offset }.map(\.element)
    }
}

/// A table as a rectangular-ish grid of slots, the one table model every adapter reads. Built from HTML
/// `<table>`s (with spans expanded) and from flattened text alike.
public struct TableGrid: Sendable, Equatable {
    public var rows: [GridRow]
    /// 1-based position of the table in its document, when it came from one.
    public var tableIndex: Int?
    public init(rows: [GridRow], tableIndex: Int? = nil) { self.rows = rows; self.tableIndex = tableIndex }
}
