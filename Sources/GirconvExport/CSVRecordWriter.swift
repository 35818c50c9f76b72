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
    public init(long: Bool = false, guardFormulas: Bool = false, byteOrderMark: Bool = false, extraColumns: [String] = []) {
        self.long = long
        self.guardFormulas = guardFormulas
        self.byteOrderMark = byteOrderMark
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
        ("derivedFrom", false), ("checks", false), ("source.path", false),
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
        try encode([long ? Self.longHeader : Self.header + extraColumns])
    }

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

    private func encode(_ rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let csv = try CSVWriter(stream: stream)
        for row in rows { try csv.write(row: row) }
        csv.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw GirconvError.internalError("CSV writer produced no data")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

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
                    record.source.path ?? ""]
        }
    }

    /// The cells of one record's row, in header order.
    package func row(for record: CanonicalRecord) -> [String] {
        Self.envelope.map { $0.value(record) } + (Self.uniqueFigurePaths + extraColumns).map { path in
            record.figures[path]?.value.map(TreeValue.format) ?? ""
        }
    }
}
