import GirconvText
/// A grid row seen as "labels, then values": the trailing run of value cells (numbers, blanks, dashes,
/// 无, "/") are the values; the cells before them are labels (group labels first, the row label last).
/// Slots copied by a colspan are dropped; slots copied by a rowspan are kept, so a group label printed
/// once on the left is seen by every row it spans.
package struct RowView: Sendable {
    package let row: GridRow
    package let tableIndex: Int?
    package let labels: [GridCell]
    package let values: [GridCell]
    /// `TextNormalizer.labelKey` of each label cell, computed once.
    package let labelKeys: [String]
    /// `LabelPattern.signature` of each label key.
    package let labelSignatures: [UInt64]
    /// A unit word printed after the values (a 单位 column to the right of the numbers).
    package let trailingUnit: GridCell?
    /// The row was cut from a line whose cells ran together (`FusedLineCutter`): a value cell may hold
    /// several cells' digits. Cells separated by tabs, pipes or table markup never do.
    package var cellsMayBeJoined = false

    package init(row: GridRow, tableIndex: Int?, traditional: Bool = false) {
        self.row = row
        self.tableIndex = tableIndex
        var distinct: [GridCell] = []
        for cell in row.cells {
            if let last = distinct.last, last.originRow == cell.originRow, last.originColumn == cell.originColumn { continue }
            distinct.append(cell)
        }
        // A 单位 cell printed after the numbers ("收到申请数 | 52 | 件") is neither a label nor a value.
        var end = distinct.count
        if end >= 2, distinct[end - 1].text.utf8.count <= 16,
           PrintedUnit.columnWords.contains(TextNormalizer.collapseWhitespace(distinct[end - 1].text)),
           FlattenedTextGridBuilder.isValue(distinct[end - 2].text), !distinct[end - 2].text.isEmpty {
            trailingUnit = distinct[end - 1]
            end -= 1
        } else {
            trailingUnit = nil
        }
        var split = end
        while split > 0, FlattenedTextGridBuilder.isValue(distinct[split - 1].text) { split -= 1 }
        labels = Array(distinct[..<split])
        values = Array(distinct[split..<end])
        // Prose (flattened text makes every paragraph a one-cell row) is never a label: no key for it.
        labelKeys = labels.map { $0.text.utf8.count > 240 ? "" : TextNormalizer.labelKey($0.text, traditional: traditional) }
        labelSignatures = labelKeys.map(LabelPattern.signature(of:))
    }

    /// The values, less blank cells at the end beyond the `expected` count: a space-only line after the
    /// last row of a flattened table is spacing, not a cell. Never drops a non-blank cell.
    package func values(expecting expected: Int) -> [GridCell] {
        var trimmed = values
        while trimmed.count > expected, let last = trimmed.last, last.text.isEmpty { trimmed.removeLast() }
        return trimmed
    }

    /// The non-empty label texts, in order.
    package var labelTexts: [String] { labels.map(\.text).filter { !$0.isEmpty } }
    /// The row label: the last non-empty label.
    package var rowLabel: GridCell? { labels.last { !$0.text.isEmpty } }
    /// Normalised key of the row label.
    package var rowKey: String { labelKeys.last { !$0.isEmpty } ?? "" }

    /// The non-empty label keys, in order.
    package var nonEmptyLabelKeys: [String] { labelKeys.filter { !$0.isEmpty } }
}
