import GirconvCore

/// Reads the standard layouts (2019 trial, 2021 revised): table 二 by its "第二十条第（X）项" blocks,
/// table 三 (25 or 23 rows × 7 applicant columns) and table 四 (15 numbers), from any document whose
/// tables are grids: HTML tables, or rows rebuilt from flattened text. The layout differences live in
/// `StandardLabels` data, not in code.
public struct StandardTablesAdapter: ReportAdapter {
    let labels: StandardLabels

    /// The 2019 trial layout adapter.
    public static let trial2019 = StandardTablesAdapter(labels: .trial2019)
    /// The 2021 revised layout adapter.
    public static let revised2021 = StandardTablesAdapter(labels: .revised2021)

    public var id: String { labels.adapterID }
    public var layout: Layout { labels.layout }

    /// Paths read from sentences in these layouts ("实际收取信息处理费共计400元", "未收取信息处理费").
    static let narrativePaths = ["fees.collectedYuan"]

    // MARK: Detection

    public func detect(_ document: ReportDocument) -> DetectionScore {
        var score = 0.0
        var evidence: [String] = []
        for item in labels.sharedEvidence where document.mentions(item.key) {
            score += item.weight; evidence.append(item.phrase)
        }
        guard score > 0 else { return .none }
        var own = 0.0, rival = 0.0
        for item in labels.ownEvidence where document.mentions(item.key) {
            own += item.weight; evidence.append(item.phrase)
        }
        for item in labels.rivalEvidence where document.mentions(item.key) {
            rival += item.weight; evidence.append("not " + item.phrase)
        }
        // Table headers, not the year, tell the two standard layouts apart: the layout whose own column
        // labels are printed wins; the rival's labels count against it.
        return DetectionScore(confidence: score + own - rival, evidence: evidence)
    }

    // MARK: Extraction

    public func extract(from document: ReportDocument) throws -> Extraction {
        let (report, metadataWarnings) = ReportMetadataReader.read(document, layout: layout)
        var sink = FigureSink()
        sink.warnings += metadataWarnings
        let rows = document.rowViews.flatMap { $0 }
        let regions = Regions(rows: rows)
        readProactive(rows[regions.proactive], into: &sink)
        readRequests(rows[regions.requests], into: &sink)
        readAppeals(rows[regions.appeals], into: &sink)
        // Figures the standard layouts state in prose, not in tables: the fees collected (section 六).
        // Prose statements of figures the tables give are kept for checking against them.
        let narrative = NarrativeReader().read(document).figures
        for path in Self.narrativePaths where sink.figures[path] == nil {
            if let figure = narrative[path] { sink.figures[path] = figure }
        }
        let textStatements = narrative.filter { path, _ in
            !Self.narrativePaths.contains(path) && sink.figures[path] != nil && sink.figures[path]?.provenance.location.table != nil
        }
        reportMissing(into: &sink)
        return Extraction(report: report, figures: sink.figures, warnings: sink.warnings, textStatements: textStatements)
    }

    /// Where tables 二, 三 and 四 lie in the row stream, found by their marker labels.
    struct Regions {
        var proactive: Range<Int>
        var requests: Range<Int>
        var appeals: Range<Int>

        init(rows: [RowView]) {
            func first(from start: Int, where predicate: (String) -> Bool) -> Int? {
                guard start < rows.count else { return nil }
                return rows[start...].firstIndex { row in
                    row.labelKeys.contains { key in key.unicodeScalars.count <= 40 && predicate(key) }
                }
            }
            let proactiveStart = first(from: 0) { $0.has("第二十条第") } ?? 0
            let requestsStart = first(from: proactiveStart) { $0.has("申请人情况") || $0.has("本年新收") || $0.has("收到和处理政府信息公开申请") }
            let appealsStart = first(from: requestsStart ?? proactiveStart) { $0.has("行政复议") && !$0.has("本年新收") }
            let end = rows.count
            // Every range is well formed whichever markers are missing (found by fuzzing).
            proactive = proactiveStart..<max(proactiveStart, requestsStart ?? appealsStart ?? end)
            requests = requestsStart.map { $0..<max($0, appealsStart ?? end) } ?? end..<end
            appeals = appealsStart.map { $0..<end } ?? end..<end
        }
    }

    // MARK: Table 二

    func readProactive(_ rows: ArraySlice<RowView>, into sink: inout FigureSink) {
        var currentBlock: StandardLabels.Block? = nil
        var headerColumns: [HeaderColumn]? = nil
        var collectingHeaders = false
        for row in rows {
            let keys = row.nonEmptyLabelKeys
            if let item = keys.lazy.compactMap(Self.articleItem).first {
                currentBlock = labels.blocks.first { $0.item == item }
                headerColumns = nil
                collectingHeaders = false
                if currentBlock == nil {
                    sink.warn("unknown-block", "table 二: a block headed 第二十条第（\(item)）项 is not part of the \(layout.rawValue) layout; skipped",
                              location: row.rowLabel?.location)
                }
                continue
            }
            // The header row: "信息内容" then the column labels, in the same row (HTML) or in the rows
            // that follow (flattened text).
            if let headerIndex = keys.firstIndex(where: { $0.hasPrefix("信息内容") }) {
                collectingHeaders = true
                headerColumns = []
                for label in row.labelTexts[(headerIndex + 1)...] { appendHeader(label, to: &headerColumns, block: currentBlock) }
                continue
            }
            if row.values.isEmpty {
                if collectingHeaders, let label = row.labelTexts.last { appendHeader(label, to: &headerColumns, block: currentBlock) }
                continue
            }
            collectingHeaders = false
            guard let key = keys.last, let spec = labels.proactiveRows.first(where: { $0.label.matches(key: key) }) else {
                if let label = row.rowLabel {
                    sink.warn("row-unrecognised", "table 二: row \"\(label.text)\" is not a row of the \(layout.rawValue) layout; skipped", location: label.location)
                }
                continue
            }
            guard let block = labels.blocks.first(where: { $0.item == spec.block }) else { continue }
            // Columns: as the printed header says when it belongs to this row's block, else the template.
            var columns = block.columns.map { HeaderColumn(column: $0, printed: nil, unit: nil) }
            if let headerColumns, !headerColumns.isEmpty, currentBlock?.item == block.item {
                if headerColumns.count == block.columns.count || headerColumns.count == row.values.count {
                    columns = headerColumns
                }
            }
            let values = row.values(expecting: columns.count)
            guard values.count == columns.count else {
                sink.incompleteRow(table: "表二", label: row.rowLabel!, expected: columns.count, found: values.count,
                                   paths: columns.map { "proactive.\(spec.prefix).\($0.column.key)" })
                continue
            }
            for (header, cell) in zip(columns, values) {
                let path = "proactive.\(spec.prefix).\(header.column.key)"
                sink.record(path: path, cell: cell, table: "表二", row: row.rowLabel!.text,
                            column: header.printed ?? header.column.label.synonyms.first ?? header.column.key, headerUnit: header.unit)
            }
        }
    }

    /// A table 二 column as its header printed it: which template column, the label, and a unit stated in
    /// the header ("采购总金额（万元）") that applies to cells printed without one.
    struct HeaderColumn {
        let column: StandardLabels.Column
        let printed: String?
        let unit: PrintedUnit?
    }

    private func appendHeader(_ label: String, to columns: inout [HeaderColumn]?, block: StandardLabels.Block?) {
        let key = TextNormalizer.labelKey(label)
        guard let block, !key.isEmpty else { return }
        guard let column = block.columns.first(where: { $0.label.matches(key: key) }) else { return }
        let unit: PrintedUnit? = key.has("万元") ? .wanYuan : (key.has("(元)") || key.has("单位:元") ? .yuan : nil)
        columns?.append(HeaderColumn(column: column, printed: label, unit: unit))
    }

    /// "第二十条第(五)项" → "五".
    static func articleItem(_ key: String) -> String? {
        guard let start = key.range(of: "第二十条第") else { return nil }
        var rest = key[start.upperBound...]
        if rest.first == "(" { rest = rest.dropFirst() }
        let item = rest.prefix { "一二三四五六七八九十".contains($0) }
        return item.isEmpty ? nil : String(item)
    }

    // MARK: Table 三

    func readRequests(_ rows: ArraySlice<RowView>, into sink: inout FigureSink) {
        var columnOrder = FigureCatalog.applicantColumns.map(\.key)
        // The group rows now belong to, and the cell that printed its label.
        var group: (path: String, cell: GridCell)? = nil
        func groupMatching(_ key: String) -> StandardLabels.RequestGroup? {
            labels.requestGroups.first { $0.label.matches(key: key) }
        }
        for row in rows {
            // A header row that names all seven columns in its own cells fixes their order (HTML).
            let headerKeys = Array(row.labelKeys.suffix(7))
            if row.values.isEmpty, headerKeys.count == 7, let order = Self.applicantOrder(headerKeys) {
                columnOrder = order
                continue
            }
            let labelled = zip(row.labels, row.labelKeys).filter { !$0.1.isEmpty }
            // Group labels on the left (a rowspan) set the group.
            for (cell, key) in labelled.dropLast() {
                if let g = groupMatching(key) { group = (g.path, cell) }
            }
            guard let (labelCell, key) = labelled.last else { continue }
            let spec = labels.requestRows.first { spec in
                spec.label.matches(key: key) && (!spec.needsGroup || spec.group == group?.path)
            }
            if let spec {
                if spec.group == nil || spec.group != group?.path { group = nil }
                guard !row.values.isEmpty else { continue }
                let rowText = [group?.cell.text, labelCell.text].compactMap { $0 }.joined(separator: " › ")
                readRequestRow(row, path: spec.path, label: labelCell, rowText: rowText, columnOrder: columnOrder, into: &sink)
            } else if let g = groupMatching(key) {
                group = (g.path, labelCell)
                if !row.values.isEmpty {
                    // A group row printed with its own figures.
                    readRequestRow(row, path: g.path, label: labelCell, rowText: labelCell.text, columnOrder: columnOrder, into: &sink)
                }
            } else if !row.values.isEmpty, !row.values.allSatisfy({ $0.text.isEmpty }), key.count < 60 {
                sink.warn("row-unrecognised", "table 三: row \"\(labelCell.text)\" is not a row of the \(layout.rawValue) layout; skipped",
                          location: labelCell.location)
            }
        }
    }

    private func readRequestRow(_ row: RowView, path: String, label: GridCell, rowText: String, columnOrder: [String], into sink: inout FigureSink) {
        let paths = columnOrder.map { "requests.\(path).\($0)" }
        let values = row.values(expecting: columnOrder.count)
        guard values.count == columnOrder.count else {
            sink.incompleteRow(table: "表三", label: label, expected: columnOrder.count, found: values.count, paths: paths)
            return
        }
        for (key, cell) in zip(columnOrder, values) {
            let columnLabel = FigureCatalog.applicantColumns.first { $0.key == key }!.label
            sink.record(path: "requests.\(path).\(key)", cell: cell, table: "表三", row: rowText, column: columnLabel)
        }
    }

    /// The column order named by a header row's seven labels, if they are exactly the seven columns.
    static func applicantOrder(_ keys: [String]) -> [String]? {
        let patterns: [(String, LabelPattern)] = [
            ("naturalPerson", LabelPattern(["自然人"])), ("business", LabelPattern(["商业企业"])),
            ("research", LabelPattern(["科研机构"])), ("nonprofit", LabelPattern(["社会公益组织", "公益组织"])),
            ("legalService", LabelPattern(["法律服务机构"])), ("otherOrg", LabelPattern(["其他"], mode: .equals)),
            ("total", LabelPattern(["总计", "合计"], mode: .equals)),
        ]
        let order = keys.compactMap { key in patterns.first { $0.1.matches(key: key) }?.0 }
        return order.count == 7 && Set(order).count == 7 ? order : nil
    }

    // MARK: Table 四

    func readAppeals(_ rows: ArraySlice<RowView>, into sink: inout FigureSink) {
        let groups = FigureCatalog.appealGroups, columns = FigureCatalog.appealColumns
        let expected = groups.count * columns.count
        guard let dataRow = rows.first(where: { $0.values.count >= expected - 1 && $0.values.contains { !$0.text.isEmpty } }) else { return }
        let label = dataRow.rowLabel ?? dataRow.values[0]
        let paths = groups.flatMap { g in columns.map { "appeals.\(g.key).\($0.key)" } }
        let values = dataRow.values(expecting: expected)
        guard values.count == expected else {
            sink.incompleteRow(table: "表四", label: label, expected: expected, found: values.count, paths: paths)
            return
        }
        for (index, cell) in values.enumerated() {
            let group = groups[index / columns.count], column = columns[index % columns.count]
            sink.record(path: "appeals.\(group.key).\(column.key)", cell: cell, table: "表四", row: group.label, column: column.label)
        }
    }

    // MARK: Completeness

    /// Warns once per row of the layout's tables that gave no figure at all.
    func reportMissing(into sink: inout FigureSink) {
        var missingRows: [String] = []
        for row in labels.proactiveRows where !sink.figures.keys.contains(where: { $0.hasPrefix("proactive.\(row.prefix).") }) {
            missingRows.append("表二 \(row.label.synonyms[0])")
        }
        // A report that prints （六）其他处理 as one row (2019, and some 2021 reports) has no rows below it.
        let otherHandlingAsRow = sink.figures["requests.otherHandling.total"] != nil
        for row in labels.requestRows where !sink.figures.keys.contains(where: { $0.hasPrefix("requests.\(row.path).") }) {
            if otherHandlingAsRow && row.path.hasPrefix("otherHandling.") { continue }
            missingRows.append("表三 \(row.path)")
        }
        if !sink.figures.keys.contains(where: { $0.hasPrefix("appeals.") }) { missingRows.append("表四") }
        if !missingRows.isEmpty {
            sink.warn("rows-not-found", "not found in the report: " + missingRows.joined(separator: ", "), location: nil)
        }
    }
}

/// Collects figures and warnings while an adapter reads a document.
struct FigureSink {
    var figures: [String: Figure] = [:]
    var warnings: [ReportWarning] = []

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
        let (figure, warning) = CellInterpreter.figure(for: path, cell: cell, location: location, headerUnit: headerUnit)
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
