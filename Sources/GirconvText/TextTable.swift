/// A plain-text table for terminal output: columns padded to the widest cell as a terminal shows it (Chinese
/// characters take two columns), numbers right-aligned, no trailing spaces.
package struct TextTable {
    package var header: [String]
    package var rows: [[String]] = []
    /// Columns whose cells are right-aligned (numbers).
    package var rightAligned: Set<Int> = []

    package init(header: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.header = header; self.rows = rows; self.rightAligned = rightAligned
    }

    /// The header line, then one line per row; cells two spaces apart.
    package func lines(indent: String = "") -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { Self.displayWidth($0.indices.contains(column) ? $0[column] : "") }.max() ?? 0 }
        return all.map { row in
            let cells = header.indices.map { column -> String in
                let text = row.indices.contains(column) ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - Self.displayWidth(text))
                return rightAligned.contains(column) ? padding + text : text + padding
            }
            return String((indent + cells.joined(separator: "  ")).reversed().drop(while: { $0 == " " }).reversed())
        }
    }

    /// Terminal columns of `text`: East Asian wide and full-width characters (CJK ideographs and punctuation,
    /// Hangul, full-width forms) count two.
    package static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                return width + 2
            case 0x0300...0x036F, 0x200B...0x200F:
                return width
            default:
                return width + 1
            }
        }
    }
}
