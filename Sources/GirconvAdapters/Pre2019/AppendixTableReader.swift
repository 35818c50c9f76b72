import GirconvCore

/// Reads appended statistics tables (附表, "指标 | 数量", with or without a 单位 column) with the label
/// table of `AppendixLabels`. Rows are read in order; a row's part (主动公开, 申请渠道, 答复, 复议 …)
/// decides what ambiguous labels mean. A label printed twice in the numbered answer rows is resolved by
/// its number, with a warning.
struct AppendixTableReader {
    struct Result {
        var figures: [String: Figure] = [:]
        var warnings: [ReportWarning] = []
        /// Printed labels that matched, for detection evidence.
        var matchedLabels: [String] = []
        var sawCaption = false
        /// The path of the answer row numbered 1, which tells the numbering scheme.
        var firstNumberedResponse: String?
    }

    func read(_ document: ReportDocument) -> Result {
        document.cache.value("appendix") { readUncached(document) }
    }

    private func readUncached(_ document: ReportDocument) -> Result {
        var result = Result()
        var part: AppendixLabels.Part? = nil
        for (table, rows) in zip(document.tables, document.rowViews) {
            // Flattened text: the statistics start at a caption ("附表1 …") or a "指标" header row; the
            // prose before it is not a table. HTML tables are tables throughout.
            var reading = table.tableIndex != nil
            for row in rows {
                let keys = row.nonEmptyLabelKeys
                if keys.contains(where: { key in key.unicodeScalars.count < 40 && AppendixLabels.captionMarkers.contains { FastText.contains(key, $0) } }) {
                    result.sawCaption = true
                    reading = true
                    if let caption = keys.first { part = captionPart(caption) ?? part }
                    if row.values.isEmpty { continue }
                }
                if keys.first == "指标" { reading = true; continue }
                guard reading, !row.values.isEmpty else { continue }
                readRow(row, part: &part, into: &result)
            }
        }
        return result
    }

    func captionPart(_ key: String) -> AppendixLabels.Part? {
        if key.has("主动公开") { return .proactive }
        if key.has("依申请") { return .channels }
        if key.has("申诉") || key.has("复议") { return .review }
        return nil
    }

    private func readRow(_ row: RowView, part: inout AppendixLabels.Part?, into result: inout Result) {
        // A 单位 column: the last label cell is a unit word; the row label is the one before it.
        var labels = zip(row.labels, row.labelKeys).filter { !$0.0.text.isEmpty }
        var unit: PrintedUnit? = nil
        if let last = labels.last, AppendixLabels.unitWords.contains(last.1) {
            unit = last.1 == "万元" ? .wanYuan : (last.1 == "元" ? .yuan : nil)
            labels.removeLast()
        }
        guard let (labelCell, key) = labels.last else { return }
        guard let spec = AppendixLabels.rows.first(where: { spec in
            spec.label.matches(key: key) && (spec.parts.isEmpty || part.map(spec.parts.contains) == true)
        }) else {
            let known = AppendixLabels.knownUnmapped.contains { $0.matches(key: key) }
            if !known && !ChromeLines.isChrome(labelCell.text) && key.count < 40 {
                result.warnings.append(ReportWarning(code: "row-unrecognised", message: "附表 row \"\(labelCell.text)\" is not a known statistic; skipped",
                                                     location: labelCell.location))
            }
            return
        }
        if let opens = spec.opens { part = opens }
        var path = spec.path
        if path.has("{part}") {
            guard let p = part, p == .review || p == .litigation else { return }
            path = path.replacingOccurrences(of: "{part}", with: p.rawValue)
        }
        if path.hasPrefix("fees.") && unit == nil && key.has("万元") { unit = .wanYuan }
        // A label printed twice: its number decides (the answers are numbered in the Guangzhou template).
        if result.figures[path] != nil {
            if part == .responses || part == .denialReasons, result.firstNumberedResponse == AppendixLabels.numberedResponses[1],
               let number = leadingNumber(labelCell.text),
               let intended = AppendixLabels.numberedResponses[number], result.figures[intended] == nil {
                result.warnings.append(ReportWarning(
                    code: "label-duplicate-resolved",
                    message: "附表 row \"\(labelCell.text)\" repeats an earlier label; by its number (\(number)) and position it is read as \(intended)",
                    path: intended, location: labelCell.location))
                path = intended
            } else {
                result.warnings.append(ReportWarning(code: "duplicate-row", message: "附表 row \"\(labelCell.text)\" repeats \(path); the first is kept",
                                                     path: path, location: labelCell.location))
                return
            }
        }
        let values = row.values(expecting: 1)
        guard values.count == 1 else {
            result.warnings.append(ReportWarning(code: "row-incomplete", message: "附表 row \"\(labelCell.text)\" has \(values.count) numbers where 1 is expected; skipped",
                                                 path: path, location: labelCell.location))
            return
        }
        var location = values[0].location
        location.table = "附表"
        location.row = labelCell.text
        location.column = "数量"
        let (figure, warning) = CellInterpreter.figure(for: path, cell: values[0], location: location, headerUnit: unit)
        result.figures[path] = figure
        result.matchedLabels.append(labelCell.text)
        if part == .responses, result.firstNumberedResponse == nil, leadingNumber(labelCell.text) == 1 { result.firstNumberedResponse = path }
        if let warning { result.warnings.append(warning) }
    }

    /// "3.同意公开" → 3; "其中:1.网上申请数" → 1.
    func leadingNumber(_ label: String) -> Int? {
        var key = TextNormalizer.matchKey(label)
        if key.hasPrefix("其中:") { key.removeFirst(3) }
        let digits = key.prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }
}
