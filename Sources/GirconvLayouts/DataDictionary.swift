import GirconvCore
import GirconvText

/// The data dictionary (`girconv schema --dictionary`): every figure path of the record with its Chinese
/// name and unit, and where each layout prints it — the table, the row label and the column label as the
/// layout file matches them, or the phrase a sentence states it with. Generated from the figure catalog and
/// the layout files in use, never written by hand.
public enum DataDictionary {
    /// Where one layout prints a path.
    public struct Printing: Sendable, Equatable {
        public var layout: String
        public var table: String
        public var row: String
        public var column: String
    }

    public struct Entry: Sendable {
        public var path: String
        public var name: String
        public var unit: String
        public var printings: [Printing]
    }

    public static func entries(layouts: [LayoutSpec]) -> [Entry] {
        var printings: [String: [Printing]] = [:]
        var extraNames: [String: (FigureKind, String)] = [:]
        for layout in layouts {
            for (path, printing) in self.printings(of: layout) where !(printings[path] ?? []).contains(printing) {
                printings[path, default: []].append(printing)
            }
            for extra in layout.figures where extraNames[extra.path] == nil { extraNames[extra.path] = (extra.kind, extra.label) }
        }
        var entries = FigureCatalog.all.map { spec in
            Entry(path: spec.path, name: spec.name, unit: unit(of: spec.kind), printings: printings[spec.path] ?? [])
        }
        for path in extraNames.keys.sorted() {
            let (kind, label) = extraNames[path]!
            entries.append(Entry(path: path, name: label, unit: unit(of: kind), printings: printings[path] ?? []))
        }
        return entries
    }

    static func unit(of kind: FigureKind) -> String {
        switch kind {
        case .count: return "数量"
        case .signedCount: return "增减数（可为负）"
        case .amountYuan: return "元"
        case .amountWanYuan: return "万元"
        }
    }

    /// Every (path, printing) a layout file describes: its tables' rows × columns, its single-row tables'
    /// groups × columns, sections printed as rows, and the trigger phrases of its own sentence patterns.
    public static func printings(of layout: LayoutSpec) -> [(String, Printing)] {
        var found: [(String, Printing)] = []
        func add(_ path: String, _ table: String, _ row: String, _ column: String) {
            found.append((path, Printing(layout: layout.id, table: table, row: row, column: column)))
        }
        for table in layout.tables {
            if let single = table.singleRow {
                for group in single.groups { for column in single.columns { add("\(group.key).\(column.key)", table.name, group.label, column.label) } }
            }
            func columns(of sectionID: String?) -> [ColumnSpec] {
                sectionID.flatMap { id in table.sections.first { $0.id == id }?.columns } ?? table.columns
            }
            for row in table.rows {
                let paths = row.path.has("{section}") ? row.within.map { FastText.replacing(row.path, "{section}", with: $0) } : [row.path]
                for path in paths {
                    for column in columns(of: row.section) where !column.skip {
                        add(TableReader.join(path, column.key), table.name, row.labels.display, column.labels.display)
                    }
                }
            }
            for section in table.sections {
                guard let path = section.path else { continue }
                for column in section.columns ?? table.columns where !column.skip {
                    add(TableReader.join(path, column.key), table.name, section.labels?.display ?? section.id, column.labels.display)
                }
            }
        }
        if let patterns = layout.patterns {
            for trigger in patterns.triggers {
                let scopes = Array(Set(patterns.scopes.map(\.scope))).sorted()
                let paths = trigger.scoped ? scopes.map { FastText.replacing(trigger.path, "{scope}", with: $0) } : [trigger.path]
                for path in paths { add(path, "（正文）", trigger.phrases.first ?? "", "") }
            }
        }
        return found
    }
}
