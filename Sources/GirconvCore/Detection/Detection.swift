/// The answer of one detector: how well an input fits its layout, and why.
public struct DetectionScore: Sendable, Equatable {
    /// 0 (does not fit) … 1 (certain).
    public var confidence: Double
    /// The labels or phrases that decided, quoted as matched.
    public var evidence: [String]
    /// Why the document is not a report at all, when the detector needs a report's own evidence and found
    /// none (confidence 0): the conversion fails as `not-a-report` if no other layout is chosen.
    public var notAReport: String?
    public init(confidence: Double, evidence: [String], notAReport: String? = nil) {
        self.confidence = min(1, max(0, confidence)); self.evidence = evidence; self.notAReport = notAReport
    }
    public static let none = DetectionScore(confidence: 0, evidence: [])
}

/// Answers "is this report of my layout?" (Tika's Detector). Detectors must be cheap and side-effect free,
/// never throw, and give evidence for any non-zero score.
public protocol LayoutDetector: Sendable {
    /// A stable id, used in `detection.adapter` and on the command line.
    var id: String { get }
    func detect(_ document: ReportDocument) -> DetectionScore
}

/// What an adapter extracted from a report; the registry wraps it into a `CanonicalRecord`.
public struct Extraction: Sendable {
    public var report: ReportInfo
    public var figures: [String: Figure]
    public var warnings: [ReportWarning]
    /// Percentages printed next to figures, to be checked against part ÷ whole.
    public var shares: [StatedShare]
    /// Figures the text also states for paths a table gave (checked against the table's figure).
    public var textStatements: [String: Figure]
    /// Figures the text states twice with different values (each is null, unless a table prints it).
    public var statedTwice: [StatedTwice]
    /// Rules of identities (and `text.<path>` statements) used to recover rows printed run together:
    /// their checks are "used for recovery", not passes.
    public var recoveryRules: Set<String>

    public init(report: ReportInfo, figures: [String: Figure] = [:], warnings: [ReportWarning] = [],
                shares: [StatedShare] = [], textStatements: [String: Figure] = [:], statedTwice: [StatedTwice] = [],
                recoveryRules: Set<String> = []) {
        self.report = report; self.figures = figures; self.warnings = warnings
        self.shares = shares; self.textStatements = textStatements; self.statedTwice = statedTwice
        self.recoveryRules = recoveryRules
    }
}

/// Maps one layout into the canonical record (Tika's Parser).
///
/// Rules every adapter follows:
/// - every figure comes from the document and carries provenance naming its cell or sentence;
/// - a value that cannot be read is `nil` with a warning, never a guess and never 0;
/// - figures the report does not give are absent;
/// - it never throws for odd content; it throws only when the document is not of its layout at all.
public protocol ReportAdapter: LayoutDetector {
    /// The family of the records it produces (`report.layout`).
    var layout: Layout { get }
    func extract(from document: ReportDocument) throws -> Extraction
    /// The arithmetic identities checked on its records. `figures`, when given, are the figures read
    /// (they tell how a report printed （六）, which decides some of the family's identities).
    func identities(given figures: [String: Figure]?) -> [SumIdentity]
}

extension ReportAdapter {
    /// The identities of the adapter's family (`IdentityCatalog`).
    public func identities(given figures: [String: Figure]?) -> [SumIdentity] {
        IdentityCatalog.identities(for: layout, figures: figures)
    }
}
