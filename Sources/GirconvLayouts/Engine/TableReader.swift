import GirconvCore
import GirconvText

/// Reads one table of a layout (`TableSpec`) from rows of a document: row labels → paths, value columns
/// → keys, with sections (groups of rows under a label), header rows that reorder the columns, a 单位
/// column, numbered rows, and tables printed as a single row of numbers. Used for every layout, built-in
/// or from a user's layout file; nothing here knows a particular layout.
struct TableReader {
    let spec: TableSpec
    /// Every synonym signature of every row spec, flattened in row order, with its row: a row label is
    /// compared only with the row specs that have a synonym whose characters it all holds (most rows of
    /// a page hold none of another layout's labels). `synonymRows[k]` is the row of `synonymSignatures[k]`.
    private let synonymSignatures: [UInt64]
    private let synonymRows: [Int32]

    init(spec: TableSpec) {
        self.spec = spec
        var signatures: [UInt64] = [], rows: [Int32] = []
        for (index, row) in spec.rows.enumerated() {
            for signature in row.labels.pattern.signatures {
                signatures.append(signature)
                rows.append(Int32(index))
            }
        }
        synonymSignatures = signatures
        synonymRows = rows
    }

    /// The first row spec whose labels match (in priority order) and whose section rule allows it.
    private func rowSpecIndex(_ key: String, signature: UInt64, section: CurrentSection?) -> Int? {
        var tried = -1
        for k in synonymSignatures.indices where synonymSignatures[k] & ~signature == 0 {
            let i = Int(synonymRows[k])
            guard i != tried else { continue }
            tried = i
            if spec.rows[i].labels.matches(key, signature: signature)
                && (spec.rows[i].within.isEmpty || section.map { spec.rows[i].within.contains($0.spec.id) } == true) {
                return i
            }
        }
        return nil
    }

    /// A value column as a header printed it: which column, the printed label, and a unit the header states
    /// ("采购总金额（万元）") for cells printed without one.
    struct HeaderColumn {
        let column: ColumnSpec
        let printed: String?
        let unit: PrintedUnit?
    }

    /// The section rows now belong to, and the cell that printed its label.
    struct CurrentSection {
        let spec: SectionSpec
        let cell: GridCell
        /// The cell prints the section's label alone, and names the section's rows in provenance (not when
        /// it is a row's own label that begins with it).
        var namesRows = true
    }

    // MARK: Regions

    /// The rows of each table of a layout: a table starts at its start row (searching on from the previous
    /// table's start) and ends where a later table starts.
    static func regions(of tables: [TableSpec], in rows: [RowView]) -> [ArraySlice<RowView>] {
        func isStart(_ row: RowView, _ table: TableSpec) -> Bool {
            guard !table.starts.isEmpty else { return false }
            return zip(row.labelKeys, row.labelSignatures).contains { key, signature in
                key.hasFewerScalars(than: 41) && table.starts.contains { $0.matches(key, signature: signature) }
                    && !table.startsUnless.contains { $0.matches(key, signature: signature) }
            }
        }
        var starts: [Int?] = []
        var searchFrom = 0
        for table in tables {
            let start = searchFrom < rows.count ? rows[searchFrom...].firstIndex { isStart($0, table) } : nil
            starts.append(start)
            if let start { searchFrom = start }
        }
        return tables.indices.map { i in
            let end = starts[(i + 1)...].compactMap { $0 }.first ?? rows.count
            let table = tables[i]
            let start: Int
            if let found = starts[i] { start = found } else if table.withoutStart == .top, i == 0 || starts[..<i].allSatisfy({ $0 == nil }) {
                start = 0
            } else if table.withoutStart == .realTables {
                return ArraySlice(rows[..<end].filter { $0.tableIndex != nil })
            } else {
                return []
            }
            // Every range is well formed whichever markers are missing (found by fuzzing).
            return rows[start..<max(start, end)]
        }
    }

    // MARK: Rows

    func read(_ rows: ArraySlice<RowView>, into sink: inout FigureSink) {
        if let single = spec.singleRow, spec.rows.isEmpty {
            readSingleRow(rows, single, into: &sink)
            return
        }
        var section: CurrentSection? = nil
        // A header collected from a marker row and the value-less rows after it, for one column set.
        var collected: (setKey: String, columns: [HeaderColumn])? = nil
        var collecting = false
        // Column orders fixed by header rows that name every column of a set.
        var orders: [String: [HeaderColumn]] = [:]
        var firstNumbered: String? = nil
        // Rows printed without labels, placed by position in a table whose printed order the file gives.
        var positions: RowPositions? = spec.printedOrder ? RowPositions(table: spec) : nil

        /// A section's own row of figures ("（六）其他处理" as one row).
        func recordSection(_ row: RowView, _ s: SectionSpec, path: String, label: GridCell, unit: PrintedUnit?) {
            let set = s.columns.map { (s.id, $0) } ?? ("", spec.columns)
            let columns = orders[set.0] ?? set.1.map { HeaderColumn(column: $0, printed: nil, unit: nil) }
            var none: RowPositions? = nil
            record(row, path: path, columns: columns, label: label, rowText: label.text, unit: unit, positions: &none, into: &sink)
        }
        // A section label printed with figures where rows may be placed by position: the section's own figures
        // (（六）其他处理 as one row), or those of its first row, whose label was lost after the heading. The
        // next label tells: one of the section's rows means the form prints its rows, and the figures are a
        // row's, placed by position; anything else leaves them the section's.
        var pendingSection: (row: RowView, section: SectionSpec, path: String, label: GridCell, unit: PrintedUnit?)? = nil
        func settleSection(nextIsItsRow: Bool) {
            guard let pending = pendingSection else { return }
            pendingSection = nil
            positions?.section(pending.section.id, hasValues: !nextIsItsRow)
            if nextIsItsRow {
                positions?.unlabelled(pending.row.values)
            } else {
                recordSection(pending.row, pending.section, path: pending.path, label: pending.label, unit: pending.unit)
            }
        }

        func enter(_ new: SectionSpec, _ cell: GridCell, namesRows: Bool = true) {
            if section?.spec.id != new.id { collected = nil; collecting = false }
            section = CurrentSection(spec: new, cell: cell, namesRows: namesRows)
        }
        func currentSet() -> (key: String, columns: [ColumnSpec]) {
            if let s = section?.spec, let columns = s.columns { return (s.id, columns) }
            return ("", spec.columns)
        }

        // The positions in the row of its label cells with a key (their keys' signatures were computed
        // once per document); the buffer is reused from row to row, and cells are not copied into it.
        var labelled: [Int] = []
        for row in rows {
            labelled.removeAll(keepingCapacity: true)
            for index in row.labelKeys.indices where !row.labelKeys[index].isEmpty { labelled.append(index) }
            var rowUnit: PrintedUnit? = nil
            if spec.unitColumn, let last = labelled.last, row.labelKeys[last].utf8.count <= PrintedUnit.longestColumnWord,
               PrintedUnit.columnWords.contains(row.labelKeys[last]) {
                rowUnit = PrintedUnit.ofColumnWord(row.labelKeys[last])
                labelled.removeLast()
            } else if spec.unitColumn, let unit = row.trailingUnit {
                rowUnit = PrintedUnit.ofColumnWord(TextNormalizer.collapseWhitespace(unit.text))
            }
            // A header: a marker row ("信息内容") whose column labels follow in it or in the rows below.
            if let marker = spec.headerMarker,
               let found = labelled.firstIndex(where: { marker.matches(row.labelKeys[$0], signature: row.labelSignatures[$0]) }) {
                let set = currentSet()
                collected = (set.key, [])
                collecting = true
                for index in labelled[(found + 1)...] {
                    appendHeader(row.labels[index].text, key: row.labelKeys[index], set: set.columns, to: &collected)
                }
                continue
            }
            if row.values.isEmpty {
                if collecting, let last = labelled.last, sectionMatching(row.labelKeys[last], signature: row.labelSignatures[last]) == nil {
                    appendHeader(row.labels[last].text, key: row.labelKeys[last], set: currentSet().columns, to: &collected)
                    continue
                }
                let set = currentSet()
                if let order = Self.headerOrder(labelled.map { row.labelKeys[$0] }, columns: set.columns) {
                    orders[set.key] = order
                    continue
                }
            } else {
                collecting = false
            }
            // Section labels on the left (a rowspan) set the section.
            for index in labelled.dropLast() {
                if let s = sectionMatching(row.labelKeys[index], signature: row.labelSignatures[index]) { enter(s, row.labels[index]) }
            }
            guard let last = labelled.last else {
                if !row.values.isEmpty { settleSection(nextIsItsRow: false) }
                // A row of values with no label at all (a label cell left empty; prose is not one).
                if !row.values.isEmpty, row.labels.allSatisfy({ $0.text.isEmpty }) {
                    positions?.unlabelled(Array(row.values.drop { $0.text.isEmpty }))
                } else if !row.values.isEmpty {
                    positions?.other()
                }
                continue
            }
            let labelCell = row.labels[last], key = row.labelKeys[last], signature = row.labelSignatures[last]
            if let rowIndex = rowSpecIndex(key, signature: signature, section: section) {
                let rowSpec = spec.rows[rowIndex]
                settleSection(nextIsItsRow: pendingSection.map { rowSpec.section == $0.section.id } ?? false)
                if let opens = rowSpec.opens, let s = spec.sections.first(where: { $0.id == opens }) {
                    enter(s, labelCell)
                } else if let own = rowSpec.section, section?.spec.id != own, let s = spec.sections.first(where: { $0.id == own }),
                          s.labels?.matches(key, signature: signature) == true {
                    // The row's label cell prints its section's label before it ("（六）其他处理 2.申请人逾期…",
                    // text without layout joining a group label to the row beside it): the rows after are the section's.
                    enter(s, labelCell, namesRows: false)
                } else if rowSpec.within.isEmpty && (rowSpec.section == nil || rowSpec.section != section?.spec.id) {
                    section = nil
                }
                guard !row.values.isEmpty else {
                    positions?.row(rowIndex, hasValues: false)
                    continue
                }
                var unit = rowUnit
                if unit == nil && key.has("万元") { unit = .wanYuan }
                readRow(row, rowIndex, label: labelCell, section: section, unit: unit, collected: collected, orders: orders,
                        firstNumbered: &firstNumbered, positions: &positions, into: &sink)
            } else if spec.ignore.contains(where: { $0.matches(key, signature: signature) }) {
                if !row.values.isEmpty { settleSection(nextIsItsRow: false); positions?.other() }
                continue
            } else if let s = sectionMatching(key, signature: signature) {
                settleSection(nextIsItsRow: false)
                enter(s, labelCell)
                if row.values.isEmpty {
                    positions?.section(s.id, hasValues: false)
                } else if let path = s.path {
                    if positions != nil, spec.rows.contains(where: { $0.section == s.id }) {
                        pendingSection = (row, s, path, labelCell, rowUnit)
                    } else {
                        positions?.section(s.id, hasValues: true)
                        recordSection(row, s, path: path, label: labelCell, unit: rowUnit)
                    }
                } else {
                    // Values beside a section that has none are not of the form.
                    positions?.section(s.id, hasValues: false)
                    positions?.other()
                }
            } else if !row.values.isEmpty, !row.values.allSatisfy({ $0.text.isEmpty }), key.hasFewerScalars(than: 60) || key.count < 60 {
                settleSection(nextIsItsRow: false)
                sink.unrecognisedRow(table: spec.name, label: labelCell)
                positions?.other()
            } else if !row.values.isEmpty {
                settleSection(nextIsItsRow: false)
                positions?.other()
            }
        }
        settleSection(nextIsItsRow: false)
        let kinds = sink.kinds
        if let positions, let proposal = positions.resolve(table: spec.name, target: { placement(of: $0, orders: orders, kinds: kinds) }, into: &sink) {
            sink.positionedRows.append(proposal)
        }
    }

    /// The name and columns of a row of the form a value row printed without its label is placed at (the
    /// first of the row specs one printed row may be); nil when its path depends on the section it is read in.
    private func placement(of specs: [Int], orders: [String: [HeaderColumn]], kinds: (String) -> FigureKind) -> (rowText: String, columns: [FusedRow.Column])? {
        guard let index = specs.first else { return nil }
        let rowSpec = spec.rows[index]
        guard !rowSpec.path.has("{section}") else { return nil }
        let (setKey, defaults) = columnSet(of: rowSpec)
        let columns = orders[setKey] ?? defaults.map { HeaderColumn(column: $0, printed: nil, unit: nil) }
        var rowText = rowSpec.labels.display
        if spec.sectionInRowName, let name = rowSpec.section, let s = spec.sections.first(where: { $0.id == name }), let labels = s.labels {
            rowText = "\(labels.display) › \(rowText)"
        }
        return (rowText, FigureSink.columns(describe(columns, path: rowSpec.path, unit: nil), kinds: kinds))
    }

    /// The columns of a row's section (or the table's), and the key of that set.
    private func columnSet(of rowSpec: RowSpec) -> (key: String, columns: [ColumnSpec]) {
        if let name = rowSpec.section, let s = spec.sections.first(where: { $0.id == name }), let columns = s.columns {
            return (name, columns)
        }
        return ("", spec.columns)
    }

    /// The section whose labels match (by index: iterating the specs by value would copy each one).
    private func sectionMatching(_ key: String, signature: UInt64) -> SectionSpec? {
        guard let index = spec.sections.indices.first(where: { spec.sections[$0].labels?.matches(key, signature: signature) == true })
        else { return nil }
        return spec.sections[index]
    }

    private func readRow(_ row: RowView, _ rowIndex: Int, label: GridCell, section: CurrentSection?, unit: PrintedUnit?,
                         collected: (setKey: String, columns: [HeaderColumn])?, orders: [String: [HeaderColumn]],
                         firstNumbered: inout String?, positions: inout RowPositions?, into sink: inout FigureSink) {
        let rowSpec = spec.rows[rowIndex]
        var path = rowSpec.path
        if path.has("{section}") {
            guard let current = section?.spec.id, rowSpec.within.isEmpty || rowSpec.within.contains(current) else { return }
            path = FastText.replacing(path, "{section}", with: current)
        }
        // Columns: the row's section's (or the table's), as a header printed them when it belongs to them.
        let (setKey, defaults) = columnSet(of: rowSpec)
        var columns = orders[setKey] ?? defaults.map { HeaderColumn(column: $0, printed: nil, unit: nil) }
        if let collected, collected.setKey == setKey, section?.spec.id == rowSpec.section || setKey.isEmpty, !collected.columns.isEmpty,
           collected.columns.count == defaults.count || collected.columns.count == row.values.count {
            columns = collected.columns
        }
        // A label printed twice in numbered rows: its number decides.
        if let numbered = spec.numberedRows, let current = section?.spec.id, numbered.sections.contains(current) {
            let number = Self.leadingNumber(label.text)
            let firstPath = Self.join(path, columns.first { !$0.column.skip }?.column.key ?? "")
            if sink.figures[firstPath] != nil, firstNumbered == numbered.paths[1], let number, let intended = numbered.paths[number],
               sink.figures[Self.join(intended, columns.first { !$0.column.skip }?.column.key ?? "")] == nil {
                sink.warn("label-duplicate-resolved",
                          "\(spec.name) row \"\(label.text)\" repeats an earlier label; by its number (\(number)) and position it is read as \(intended)",
                          path: intended, location: label.location)
                path = intended
            }
            if firstNumbered == nil, number == 1, current == numbered.sections.first { firstNumbered = path }
        }
        var rowText = label.text
        if spec.sectionInRowName, let section, section.namesRows,
           rowSpec.section == section.spec.id || rowSpec.within.contains(section.spec.id) {
            rowText = "\(section.cell.text) › \(label.text)"
        }
        record(row, path: path, columns: columns, label: label, rowText: rowText, unit: unit, rowIndex: rowIndex, positions: &positions,
               into: &sink)
    }

    /// The columns of a row as a row decided later (fused, or placed by position) takes them: paths and
    /// printed names. A skipped column (代码, 历年累计) has a path of its own for identities to name, never
    /// one of the row's figures.
    private func describe(_ columns: [HeaderColumn], path: String, unit: PrintedUnit?)
        -> [(path: String, emits: Bool, label: String, unit: PrintedUnit?, atLeast: Int?)] {
        columns.enumerated().map { index, header in
            var columnPath = Self.join(path, header.column.key)
            if header.column.skip, columns.contains(where: { !$0.column.skip && Self.join(path, $0.column.key) == columnPath }) {
                columnPath += "#\(index)"
            }
            // A column never below another of the row (历年累计 ≥ the year's): a condition on the splits.
            let atLeast = header.column.atLeast.flatMap { other in columns.firstIndex { $0.column.key == other } }
            return (columnPath, !header.column.skip, header.printed ?? header.column.labels.display, unit ?? header.unit ?? header.column.unit,
                    atLeast)
        }
    }

    /// `rowIndex`: the row spec the label matched, when its position in the form is known (`positions`
    /// then hears of the row; a section's own row has none).
    private func record(_ row: RowView, path: String, columns: [HeaderColumn], label: GridCell, rowText: String, unit: PrintedUnit?,
                        rowIndex: Int? = nil, positions: inout RowPositions?, into sink: inout FigureSink) {
        let values = row.values(expecting: columns.count)
        let paths = { columns.filter { !$0.column.skip }.map { Self.join(path, $0.column.key) } }
        guard values.count == columns.count else {
            let described = describe(columns, path: path, unit: unit)
            if row.cellsMayBeJoined, sink.fusedRow(table: spec.name, rowText: rowText, cells: values, columns: described) {
                if let rowIndex { positions?.row(rowIndex, hasValues: true) }
                sink.matchedLabels.append(label.text)
                return
            }
            // More cells than columns: the row's own, then rows whose labels were lost (decided at the table's end).
            if let rowIndex, positions != nil, values.count > columns.count, !row.cellsMayBeJoined {
                positions?.runOn(rowIndex, RowPositions.RunOn(
                    label: label, rowText: rowText, own: Array(values.prefix(columns.count)), columns: sink.columns(described),
                    rest: Array(values.dropFirst(columns.count)), paths: paths()))
                sink.matchedLabels.append(label.text)
                return
            }
            if let rowIndex { positions?.row(rowIndex, hasValues: true) }
            sink.incompleteRow(table: spec.name, label: label, expected: columns.count, found: values.count, paths: paths())
            return
        }
        if let rowIndex { positions?.row(rowIndex, hasValues: true) }
        for (header, cell) in zip(columns, values) where !header.column.skip {
            sink.record(path: Self.join(path, header.column.key), cell: cell, table: spec.name, row: rowText,
                        column: header.printed ?? header.column.labels.display, headerUnit: unit ?? header.unit ?? header.column.unit)
        }
        sink.matchedLabels.append(label.text)
    }

    static func join(_ path: String, _ key: String) -> String { key.isEmpty ? path : "\(path).\(key)" }

    // MARK: Headers

    private func appendHeader(_ label: String, key: String, set: [ColumnSpec], to collected: inout (setKey: String, columns: [HeaderColumn])?) {
        guard !key.isEmpty, let column = set.first(where: { $0.labels.matches(key) }) else { return }
        collected?.columns.append(HeaderColumn(column: column, printed: label, unit: Self.unit(inHeader: key)))
    }

    /// "采购总金额（万元）" → 万元; "金额(元)" → 元.
    static func unit(inHeader key: String) -> PrintedUnit? {
        key.has("万元") ? .wanYuan : (key.has("(元)") || key.has("单位:元") ? .yuan : nil)
    }

    /// The column order a header row gives when its labels name every column of a set (two or more)
    /// exactly once: a header printed in another order reorders the columns.
    static func headerOrder(_ keys: [String], columns: [ColumnSpec]) -> [HeaderColumn]? {
        guard columns.count >= 2 else { return nil }
        var order: [HeaderColumn] = []
        var used = Set<Int>()
        for key in keys {
            guard let index = columns.firstIndex(where: { $0.labels.matches(key) }) else { continue }
            guard used.insert(index).inserted else { return nil }
            order.append(HeaderColumn(column: columns[index], printed: nil, unit: unit(inHeader: key)))
        }
        return order.count == columns.count ? order : nil
    }

    /// "3.同意公开" → 3; "其中:1.网上申请数" → 1.
    static func leadingNumber(_ label: String) -> Int? {
        var key = TextNormalizer.matchKey(label)
        if key.hasPrefix("其中:") { key.removeFirst(3) }
        let digits = key.prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    // MARK: Single-row tables

    /// A table printed as one row of numbers (table 四: 3 groups × 5 results): the first row with (nearly)
    /// that many values.
    private func readSingleRow(_ rows: ArraySlice<RowView>, _ single: SingleRowSpec, into sink: inout FigureSink) {
        let expected = single.groups.count * single.columns.count
        guard expected > 0 else { return }
        let paths = single.groups.flatMap { g in single.columns.map { "\(g.key).\($0.key)" } }
        guard let dataRow = rows.first(where: { $0.values.count >= expected - 1 && $0.values.contains { !$0.text.isEmpty } }) else {
            // The numbers printed run together ("10203120001200000"): the first row of runs of digits.
            if let fused = rows.first(where: { $0.cellsMayBeJoined && FusedRow.isFused($0.values.map(\.text), columnCount: expected) }) {
                let label = fused.rowLabel ?? fused.values[0]
                let columns = paths.indices.map { index in
                    (paths[index], true, "\(single.groups[index / single.columns.count].label) · \(single.columns[index % single.columns.count].label)",
                     PrintedUnit?.none, Int?.none)
                }
                if sink.fusedRow(table: spec.name, rowText: label.text, cells: fused.values, columns: columns) { sink.matchedLabels.append(label.text) }
            }
            return
        }
        let label = dataRow.rowLabel ?? dataRow.values[0]
        let values = dataRow.values(expecting: expected)
        guard values.count == expected else {
            sink.incompleteRow(table: spec.name, label: label, expected: expected, found: values.count, paths: paths)
            return
        }
        for (index, cell) in values.enumerated() {
            let group = single.groups[index / single.columns.count], column = single.columns[index % single.columns.count]
            sink.record(path: "\(group.key).\(column.key)", cell: cell, table: spec.name, row: group.label, column: column.label)
        }
        sink.matchedLabels.append(label.text)
    }

    // MARK: Completeness

    /// The paths a table's completeness is judged by: its rows' paths (those without a `{section}`), or
    /// for a single-row table its groups' keys.
    var completenessPaths: [String] {
        if let single = spec.singleRow, spec.rows.isEmpty { return single.groups.map(\.key) }
        return spec.rows.map(\.path).filter { !$0.has("{section}") }
    }

    /// Which of `candidates` is a figure path or a dotted prefix of one, so that "a figure at or below this
    /// path" is one lookup: each figure path's prefixes (up to each dot, and the whole) are looked up.
    static func presentPrefixes(of figures: [String: Figure], among candidates: [String]) -> Set<String> {
        var indexOf: [Substring: Int] = [:]
        for (index, candidate) in candidates.enumerated() { indexOf[Substring(candidate)] = index }
        // A candidate found once ("requests" is a prefix of most paths) is not looked for again.
        var found = [Bool](repeating: false, count: candidates.count)
        for path in figures.keys {
            // Dots are ASCII: their UTF-8 positions are character boundaries.
            let bytes = path.utf8
            var i = bytes.startIndex
            while i != bytes.endIndex {
                if bytes[i] == UInt8(ascii: "."), let index = indexOf[path[..<i]] { found[index] = true }
                i = bytes.index(after: i)
            }
            if let index = indexOf[path[...]] { found[index] = true }
        }
        return Set(candidates.indices.lazy.filter { found[$0] }.map { candidates[$0] })
    }

    /// The rows of the table that gave no figure at all, named "表二 规章".
    /// `present`: `presentPrefixes(of: figures, among:)` of (at least) this table's `completenessPaths`.
    func missingRows(present: Set<String>, figures: [String: Figure]) -> [String] {
        func hasAny(_ prefix: String) -> Bool { present.contains(prefix) }
        if let single = spec.singleRow, spec.rows.isEmpty {
            return single.groups.contains { hasAny($0.key) } ? [] : [spec.name]
        }
        var missing: [String] = []
        for row in spec.rows where !row.path.has("{section}") && !hasAny(row.path) {
            // Rows of a section printed as one row with its own figures are not missing.
            if let name = row.section ?? row.within.first, let s = spec.sections.first(where: { $0.id == name }), let path = s.path,
               (s.columns ?? spec.columns).contains(where: { !$0.skip && figures[Self.join(path, $0.key)] != nil }) {
                continue
            }
            missing.append("\(spec.name) \(row.labels.display)")
        }
        return missing
    }
}
