/// Value rows of one table printed without their labels (PDF-to-text without layout, PDF-to-markdown, OCR),
/// proposed for the rows of the layout whose labels are missing: the labels that are present stand in the
/// form's printed order, and the unlabelled value rows fill exactly the gaps between them. Whether the
/// proposal is kept is decided later (`PositionedRowChecker`), from the report's own identities; this holds
/// what was printed and where each row would go.
package struct PositionedRows: Sendable {
    /// One row of the proposal: the cells, and the columns (paths, printed names) of the layout row it is
    /// placed at.
    package struct Row: Sendable {
        /// The layout row's name in provenance ("（三）不予公开 › 国家秘密"): its label was not printed.
        package var rowText: String
        package var cells: [GridCell]
        /// One per cell, in order (a skipped column has a path for identities, but gives no figure).
        package var columns: [FusedRow.Column]
        /// The row's label was printed and these are its own cells, the first of a line of values that
        /// ran on into unlabelled rows: they are kept only with the rest of the proposal.
        package var labelPrinted: Bool

        package init(rowText: String, cells: [GridCell], columns: [FusedRow.Column], labelPrinted: Bool) {
            self.rowText = rowText; self.cells = cells; self.columns = columns; self.labelPrinted = labelPrinted
        }
    }

    package var table: String
    package var rows: [Row]

    package init(table: String, rows: [Row]) {
        self.table = table; self.rows = rows
    }

    /// The rows placed by position (those whose label is missing).
    package var placedRows: [Row] { rows.filter { !$0.labelPrinted } }
}
