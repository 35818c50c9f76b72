/// One slot of a table grid. Spanning cells fill several slots; each slot knows the cell it came from.
public struct GridCell: Sendable, Equatable {
    /// The cell text as printed, with inner whitespace collapsed (not normalised for matching).
    public var text: String
    /// Where the originating cell sits in the source.
    public var location: SourceLocation
    /// The row and column of the originating cell's top-left slot (differs from the slot's own position
    /// for slots filled by a rowspan/colspan).
    public var originRow: Int
    public var originColumn: Int

    public init(text: String, location: SourceLocation, originRow: Int, originColumn: Int) {
        self.text = text; self.location = location; self.originRow = originRow; self.originColumn = originColumn
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
