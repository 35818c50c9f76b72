import Foundation
import CSV
import GirconvCore

/// One row per report, RFC 4180 (via CSV.swift), with a fixed header: envelope columns, trust summary
/// columns, then every figure path of the catalog in canonical order. The columns are the same for every
/// input, so files from different runs concatenate (drop the repeated header).
///
/// `long`: one row per figure instead, for auditing: the report, the path, the value, how it was read,
/// where (table, row, column or sentence; line and offset) and the checks it takes part in.
///
/// `guardFormulas`: a text field starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading
/// `'`, so that a spreadsheet opening the file shows it as text instead of running it as a formula
/// (numbers are never altered).
///
/// `byteOrderMark`: the document starts with U+FEFF (EF BB BF), which is how Excel tells a CSV file is
/// UTF-8; without it, Excel reads it in the locale's code page (GBK in a Chinese locale) and garbles the
/// Chinese text. Nothing else changes: numbers are written as before, unquoted, and read as numbers.
public struct CSVRecordWriter: RecordWriter {
    public var long: Bool
    public var guardFormulas: Bool
    public var byteOrderMark: Bool
    /// `extra.` figure paths declared by the layout files in use: columns after the catalog's, so that
    /// figures of user layouts reach the wide CSV too (the long CSV carries every figure anyway).
    public var extraColumns: [String]
    /// Chinese column names in the header (`--labels zh`): each figure's catalog name (本年新收申请·自然人), the
    /// envelope's and the long layout's own; an `extra.` column its layout file's label (`extraLabels`), else
    /// its path. Only the header changes.
    public var chineseLabels: Bool
    public var extraLabels: [String: String]
    public init(long: Bool = false, guardFormulas: Bool = false, byteOrderMark: Bool = false, extraColumns: [String] = [],
                chineseLabels: Bool = false, extraLabels: [String: String] = [:]) {
        self.long = long
        self.guardFormulas = guardFormulas
        self.byteOrderMark = byteOrderMark
        self.chineseLabels = chineseLabels
        self.extraLabels = extraLabels
        self.extraColumns = extraColumns.filter { FigureCatalog.spec(for: $0) == nil }
    }

    /// A text field made safe for spreadsheets.
    static func guardFormula(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        // A plain signed number ("-8", "+1036") is data, not a formula.
        if Double(text) != nil { return text }
        return "'" + text
    }

    /// The header of the long layout. Columns added in a minor schema version come last, so that scripts
    /// reading columns by position keep working (`source.path`: 1.1).
    public static var longHeader: [String] { longColumns.map(\.name) }

    /// The long layout's columns, and which hold numbers (never formula-guarded).
    static let longColumns: [(name: String, numeric: Bool)] = [
        ("source.name", false), ("source.sha256", false), ("report.year", true), ("report.agency", false), ("path", false),
        ("value", true), ("how", false), ("raw", false), ("table", false), ("row", false), ("column", false),
        ("sentence", false), ("line", true), ("offset", true), ("tableIndex", true), ("rowIndex", true), ("columnIndex", true),
        ("derivedFrom", false), ("checks", false), ("source.path", false), ("page", true), ("box", false),
    ]

    /// Envelope columns, in order: whether each holds numbers (never formula-guarded), and how it is read
    /// from a record.
    static let envelope: [(name: String, numeric: Bool, value: @Sendable (CanonicalRecord) -> String)] = [
        ("schemaVersion", false, { $0.schemaVersion }),
        ("source.name", false, { $0.source.name }),
        ("source.path", false, { $0.source.path ?? "" }),
        ("source.sha256", false, { $0.source.sha256 }),
        ("source.mediaType", false, { $0.source.mediaType }),
        ("source.encoding", false, { $0.source.encoding }),
        ("detection.adapter", false, { $0.detection.adapter }),
        ("detection.confidence", true, { String(format: "%.2f", $0.detection.confidence) }),
        ("report.title", false, { $0.report.title ?? "" }),
        ("report.agency", false, { $0.report.agency ?? "" }),
        ("report.region", false, { $0.report.region ?? "" }),
        ("report.year", true, { $0.report.year.map(String.init) ?? "" }),
        ("report.layout", false, { $0.report.layout.rawValue }),
        ("report.script", false, { $0.report.script.rawValue }),
        ("checks.passed", true, { String($0.checks.filter { $0.status == .pass }.count) }),
        ("checks.failed", true, { String($0.checks.filter { $0.status == .fail }.count) }),
        ("checks.notAssessable", true, { String($0.checks.filter { $0.status == .notAssessable }.count) }),
        ("warnings.count", true, { String($0.warnings.count) }),
    ]

    /// The full header.
    public static var header: [String] {
        envelope.map(\.name) + uniqueFigurePaths
    }

    static let uniqueFigurePaths: [String] = {
        var seen = Set<String>()
        return FigureCatalog.all.map(\.path).filter { seen.insert($0).inserted }
    }()

    /// The UTF-8 byte order mark, U+FEFF.
    public static let byteOrderMarkBytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The header (after the byte order mark, if asked for), for one record and a stream alike.
    public func begin(_ shape: DocumentShape) throws -> [UInt8] {
        (byteOrderMark ? Self.byteOrderMarkBytes : []) + Array(try headerText().utf8)
    }
    /// The record's row (or rows, in the long layout).
    public func part(for record: CanonicalRecord, in shape: DocumentShape) throws -> [UInt8] { Array(try rowsText(for: record).utf8) }
    public func end(_ shape: DocumentShape) -> [UInt8] { [] }

    /// The header line, ending in a newline.
    package func headerText() throws -> String {
        let names = long ? Self.longHeader : Self.header + extraColumns
        return try encode([chineseLabels ? names.map { chineseName($0) } : names])
    }

    /// A column's Chinese name: a figure's catalog name, an envelope or long-layout column's below, an `extra.`
    /// figure's label; any other column keeps its name.
    func chineseName(_ column: String) -> String {
        FigureCatalog.spec(for: column)?.name ?? Self.chineseColumnNames[column] ?? extraLabels[column] ?? column
    }

    static let chineseColumnNames: [String: String] = [
        "schemaVersion": "记录版本", "source.name": "文件名", "source.path": "文件路径", "source.sha256": "文件SHA-256",
        "source.mediaType": "文件类型", "source.encoding": "文件编码", "detection.adapter": "识别版式", "detection.confidence": "识别置信度",
        "report.title": "报告标题", "report.agency": "报告机关", "report.region": "地区", "report.year": "年度",
        "report.layout": "报告格式", "report.script": "简繁体", "checks.passed": "校验通过数", "checks.failed": "校验未通过数",
        "checks.notAssessable": "无法校验数", "warnings.count": "警告数",
        "path": "字段路径", "value": "数值", "how": "读取方式", "raw": "原文", "table": "表", "row": "行", "column": "列",
        "sentence": "句子", "line": "行号", "offset": "字符偏移", "tableIndex": "表序号", "rowIndex": "行序号",
        "columnIndex": "列序号", "derivedFrom": "推导自", "checks": "相关校验", "page": "页码", "box": "页面位置",
    ]

    /// A record's row (or, in the long layout, rows), each ending in a newline.
    package func rowsText(for record: CanonicalRecord) throws -> String {
        var rows = long ? longRows(for: record) : [row(for: record)]
        if guardFormulas {
            // Every figure column of the wide layout holds a number.
            let numeric = long ? Self.longColumns.map(\.numeric) : Self.envelope.map(\.numeric)
            rows = rows.map { row in
                row.enumerated().map { $0.offset < numeric.count && !numeric[$0.offset] ? Self.guardFormula($0.element) : $0.element }
            }
        }
        return try encode(rows)
    }

    private func encode(_ rows: [[String]]) throws -> String { try CSVText.encode(rows) }

    /// The rows of one record in the long layout, in canonical path order.
    package func longRows(for record: CanonicalRecord) -> [[String]] {
        var checksByPath: [String: [String]] = [:]
        for check in record.checks {
            for path in Set(check.totalPaths + check.partPaths) {
                checksByPath[path, default: []].append("\(check.rule)=\(check.status.rawValue)")
            }
        }
        func text(_ i: Int?) -> String { i.map(String.init) ?? "" }
        return record.orderedPaths.map { path in
            let figure = record.figures[path]!
            let l = figure.provenance.location
            return [record.source.name, record.source.sha256, text(record.report.year), record.report.agency ?? "", path,
                    figure.value.map(TreeValue.format) ?? "", figure.provenance.how.rawValue, figure.provenance.raw,
                    l.table ?? "", l.row ?? "", l.column ?? "", l.sentence ?? "", text(l.line), text(l.offset),
                    text(l.tableIndex), text(l.rowIndex), text(l.columnIndex),
                    figure.provenance.derivedFrom.joined(separator: " "), (checksByPath[path] ?? []).joined(separator: " "),
                    record.source.path ?? "", text(l.page), l.box?.text ?? ""]
        }
    }

    /// The cells of one record's row, in header order.
    package func row(for record: CanonicalRecord) -> [String] {
        Self.envelope.map { $0.value(record) } + (Self.uniqueFigurePaths + extraColumns).map { path in
            record.figures[path]?.value.map(TreeValue.format) ?? ""
        }
    }
}

/// CSV text of rows (RFC 4180 quoting, by CSV.swift), each ending in a newline: the record writer's and any
/// other table girconv prints as CSV (the data dictionary).
public enum CSVText {
    public static func encode(_ rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let csv = try CSVWriter(stream: stream)
        for row in rows { try csv.write(row: row) }
        csv.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw GirconvError.internalError("CSV writer produced no data")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
