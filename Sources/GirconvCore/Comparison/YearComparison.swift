import Foundation

/// One agency's reports side by side, year by year: the key figures of each year, their change from the
/// report before, and the continuity checks between consecutive years (`girconv compare`).
public struct YearComparison: Sendable {
    /// The key figures compared, by layout family: for 2019+ layouts the requests received, granted, handled
    /// and carried forward, reviews and lawsuits, rules and normative documents made, licensing and penalty
    /// decisions; for pre-2019 layouts the proactive total, requests received and answered, reviews and
    /// lawsuits. A row is shown only for a path present in both reports of at least one pair of neighbouring years.
    public static let keyPaths: [String] = [
        "proactive.total",
        "requests.newReceived.total", "requests.carriedOver.total", "requests.responded.total",
        "requests.granted.total", "requests.partiallyGranted.total", "requests.denied.total",
        "requests.handledTotal.total", "requests.carriedForward.total",
        "appeals.review.total", "appeals.litigationDirect.total", "appeals.litigationAfterReview.total",
        "appeals.litigation.total",
        "proactive.rules.made", "proactive.normativeDocs.made",
        "proactive.licensing.decisions", "proactive.penalties.decisions",
    ]

    /// What a comparison needs of a record: its source, agency, year and layout, its key figures and those
    /// continuity reads — without its other figures, checks and warnings. A comparison of a whole corpus
    /// holds every report at once; slimmed, a report takes a few dozen figures instead of hundreds.
    public static func slimmed(_ record: CanonicalRecord) -> CanonicalRecord {
        var slim = record
        slim.figures = record.figures.filter { usedPaths.contains($0.key) }
        slim.checks = []
        slim.warnings = []
        return slim
    }

    /// The figure paths a comparison reads: the key figures and the continuity checks' figures.
    static let usedPaths: Set<String> = Set(keyPaths).union(ContinuityChecker.paths)

    /// The trends a page draws: each a few key paths over the years.
    public static let trends: [(name: String, title: String, paths: [String])] = [
        ("applications", "申请 (applications)", ["requests.newReceived.total", "requests.handledTotal.total"]),
        ("outcomes", "办理结果 (outcomes)", ["requests.granted.total", "requests.partiallyGranted.total", "requests.denied.total"]),
        ("appeals", "复议诉讼 (appeals)", ["appeals.review.total", "appeals.litigationDirect.total",
                                       "appeals.litigationAfterReview.total", "appeals.litigation.total"]),
    ]

    /// One report of the agency.
    public struct Report: Sendable {
        public var source: String
        public var agency: String?
        public var year: Int?
        public var layout: Layout
    }

    /// A figure from one year to the next.
    public struct Change: Sendable, Equatable {
        /// Why no change is given: the path is missing or null in one of the two years.
        public enum Gap: String, Sendable { case missingBefore = "not in the earlier report", missingAfter = "not in the later report",
                                                 nullBefore = "unreadable in the earlier report", nullAfter = "unreadable in the later report" }
        /// The later value less the earlier, exactly.
        public var difference: Decimal?
        /// The difference as a share of the earlier value, × 100, exactly as `Decimal` divides (38 digits);
        /// nil when the earlier value is 0 (no percent of nothing) or no difference is given.
        public var percent: Decimal?
        public var gap: Gap?

        public init(from before: Figure?, to after: Figure?) {
            guard let before else { gap = .missingBefore; return }
            guard let after else { gap = .missingAfter; return }
            guard let a = before.value else { gap = .nullBefore; return }
            guard let b = after.value else { gap = .nullAfter; return }
            difference = b - a
            percent = a == 0 ? nil : (b - a) * 100 / a
        }

        /// `percent` rounded half away from zero to `places` decimal places, for display.
        public func roundedPercent(places: Int) -> Decimal? {
            guard var value = percent else { return nil }
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, places, .plain)
            return rounded
        }
    }

    /// One key figure over the years.
    public struct Row: Sendable {
        public var path: String
        /// Its Chinese name (`FigureSpec.name`).
        public var name: String
        /// One per report (nil: not in that report, or unreadable — see `present`).
        public var values: [Decimal?]
        /// Whether each report has the path at all (a null figure is present).
        public var present: [Bool]
        /// One per pair of neighbouring reports (`reports[i]` → `reports[i + 1]`).
        public var changes: [Change]
    }

    /// One agency's comparison.
    public struct Agency: Sendable {
        /// The agency's grouping key (`AgencyIdentity`).
        public var key: String
        /// The name shown: the latest report's (or the forced name).
        public var name: String
        /// Every spelling of the name its reports give.
        public var names: [String]
        /// Ordered by year (reports without a year last).
        public var reports: [Report]
        public var rows: [Row]
        public var continuity: [ContinuityChecker.Result]
        public var skipped: [ContinuityChecker.Skipped]
    }

    public var agencies: [Agency]
    /// Reports that could not be placed (no agency, or no year): each with its continuity skip reason.
    public var unplaced: [ContinuityChecker.Skipped]

    /// Groups `records` into agencies by `identity`, orders each by year and compares the key figures.
    public init(_ records: [CanonicalRecord], identity: AgencyIdentity = AgencyIdentity()) {
        var groups: [String: [CanonicalRecord]] = [:]
        unplaced = []
        for record in records {
            guard let key = identity.key(of: record.report.agency), record.report.year != nil else { continue }
            groups[key, default: []].append(record)
        }
        let outcome = ContinuityChecker.assess(records, identity: identity)
        unplaced = outcome.skipped.filter { $0.reason == .agencyUnknown || $0.reason == .yearUnknown }
        agencies = groups.keys.sorted().map { key in
            let series = groups[key]!.enumerated().sorted { ($0.element.report.year!, $0.offset) < ($1.element.report.year!, $1.offset) }
                .map(\.element)
            var names: [String] = []
            for name in series.compactMap(\.report.agency) where !names.contains(name) { names.append(name) }
            return Agency(
                key: key, name: identity.forced ?? series.last!.report.agency ?? key, names: names,
                reports: series.map { Report(source: $0.source.name, agency: $0.report.agency, year: $0.report.year, layout: $0.report.layout) },
                rows: Self.rows(series),
                continuity: outcome.results.filter { $0.agencyKey == key },
                skipped: outcome.skipped.filter { $0.agencyKey == key })
        }
    }

    static func rows(_ series: [CanonicalRecord]) -> [Row] {
        keyPaths.compactMap { path in
            let present = series.map { $0.figures[path] != nil }
            let inAPair = series.count == 1 ? present[0] : zip(present, present.dropFirst()).contains { $0 && $1 }
            guard inAPair else { return nil }
            return Row(path: path, name: FigureCatalog.spec(for: path)?.name ?? path,
                       values: series.map { $0.figures[path]?.value }, present: present,
                       changes: zip(series, series.dropFirst()).map { Change(from: $0.figures[path], to: $1.figures[path]) })
        }
    }
}
