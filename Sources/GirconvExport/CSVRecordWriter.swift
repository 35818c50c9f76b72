import Foundation
import CSV
import GirconvCore

/// One row per report, RFC 4180 (via CSV.swift), with a fixed header: envelope columns, trust summary
/// columns, then every figure path of the catalog in canonical order. The columns are the same for every
/// input, so files from different runs concatenate (drop the repeated header).
public struct CSVRecordWriter: RecordWriter {
    public init() {}

    /// Envelope columns, in order, and how each is read from a record.
    static let envelope: [(String, @Sendable (CanonicalRecord) -> String)] = [
        ("schemaVersion", { $0.schemaVersion }),
        ("source.name", { $0.source.name }),
        ("source.sha256", { $0.source.sha256 }),
        ("source.mediaType", { $0.source.mediaType }),
        ("source.encoding", { $0.source.encoding }),
        ("detection.adapter", { $0.detection.adapter }),
        ("detection.confidence", { String(format: "%.2f", $0.detection.confidence) }),
        ("report.title", { $0.report.title ?? "" }),
        ("report.agency", { $0.report.agency ?? "" }),
        ("report.region", { $0.report.region ?? "" }),
        ("report.year", { $0.report.year.map(String.init) ?? "" }),
        ("report.layout", { $0.report.layout.rawValue }),
        ("report.script", { $0.report.script.rawValue }),
        ("checks.passed", { String($0.checks.filter { $0.status == .pass }.count) }),
        ("checks.failed", { String($0.checks.filter { $0.status == .fail }.count) }),
        ("checks.notAssessable", { String($0.checks.filter { $0.status == .notAssessable }.count) }),
        ("warnings.count", { String($0.warnings.count) }),
    ]

    /// The full header.
    public static var header: [String] {
        envelope.map(\.0) + uniqueFigurePaths
    }

    static let uniqueFigurePaths: [String] = {
        var seen = Set<String>()
        return FigureCatalog.all.map(\.path).filter { seen.insert($0).inserted }
    }()

    public func write(_ records: [CanonicalRecord]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let csv = try CSVWriter(stream: stream)
        try csv.write(row: Self.header)
        for record in records {
            try csv.write(row: row(for: record))
        }
        csv.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw GirconvError.internalError("CSV writer produced no data")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The cells of one record's row, in header order.
    public func row(for record: CanonicalRecord) -> [String] {
        Self.envelope.map { $0.1(record) } + Self.uniqueFigurePaths.map { path in
            record.figures[path]?.value.map(TreeValue.format) ?? ""
        }
    }
}
