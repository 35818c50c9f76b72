import Foundation

/// Facts about the input itself.
public struct SourceInfo: Sendable, Equatable {
    public var name: String
    /// The input's path as the run knows it (see `RawInput.path`); nil when it came from no path.
    public var path: String?
    public var sha256: String
    public var mediaType: String
    public var encoding: String
    public var byteCount: Int

    public init(name: String, path: String? = nil, sha256: String, mediaType: String, encoding: String, byteCount: Int) {
        self.name = name; self.path = path; self.sha256 = sha256; self.mediaType = mediaType
        self.encoding = encoding; self.byteCount = byteCount
    }
}

/// Why the record was read with the adapter it was.
public struct DetectionInfo: Sendable, Equatable {
    public var adapter: String
    public var confidence: Double
    public var evidence: [String]
    public var candidates: [DetectionCandidate]

    public init(adapter: String, confidence: Double, evidence: [String], candidates: [DetectionCandidate]) {
        self.adapter = adapter; self.confidence = confidence; self.evidence = evidence; self.candidates = candidates
    }
}

/// A runner-up adapter and its score.
public struct DetectionCandidate: Sendable, Equatable {
    public var adapter: String
    public var confidence: Double
    public init(adapter: String, confidence: Double) { self.adapter = adapter; self.confidence = confidence }
}

/// What the report says about itself.
public struct ReportInfo: Sendable, Equatable {
    public var title: String?
    public var agency: String?
    public var region: String?
    public var year: Int?
    public var layout: Layout
    public var script: Script

    public init(title: String? = nil, agency: String? = nil, region: String? = nil, year: Int? = nil,
                layout: Layout, script: Script) {
        self.title = title; self.agency = agency; self.region = region; self.year = year
        self.layout = layout; self.script = script
    }
}

/// The canonical record of one annual report: the single form every adapter maps into and every
/// exporter writes out (see `docs/schema.md`).
public struct CanonicalRecord: Sendable, Equatable {
    /// Bumped in its major number on any breaking rename of a field.
    public static let currentSchemaVersion = "1.5"

    public var schemaVersion: String = CanonicalRecord.currentSchemaVersion
    public var source: SourceInfo
    public var detection: DetectionInfo
    public var report: ReportInfo
    /// Every emitted figure, keyed by its dotted path (e.g. `requests.newReceived.total`).
    public var figures: [String: Figure]
    public var checks: [CheckResult]
    public var warnings: [ReportWarning]

    public init(source: SourceInfo, detection: DetectionInfo, report: ReportInfo,
                figures: [String: Figure] = [:], checks: [CheckResult] = [], warnings: [ReportWarning] = []) {
        self.source = source; self.detection = detection; self.report = report
        self.figures = figures; self.checks = checks; self.warnings = warnings
    }

    /// True when no figure could be read (none emitted, or every one null): nothing in the record can be
    /// checked (it carries a `no-figures` warning).
    public var hasNoFigures: Bool { !figures.values.contains { $0.value != nil } }

    /// The figure paths in canonical order (catalog order first, then any others sorted).
    public var orderedPaths: [String] { FigureCatalog.ordered(figures.keys) }
}
