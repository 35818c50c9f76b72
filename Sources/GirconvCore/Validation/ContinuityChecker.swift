import Foundation
import GirconvText

/// Checks that an agency's reports of consecutive years continue each other:
/// - last year's 结转下年度继续办理 = this year's 上年结转政府信息公开申请数量, column by column;
/// - 现行有效件数 this year = last year's + 本年制发件数 − 本年废止件数 (规章, 行政规范性文件; 2021 layout).
public enum ContinuityChecker {
    /// One continuity check between two reports.
    public struct Result: Sendable {
        public var agency: String
        public var fromYear: Int
        public var toYear: Int
        public var fromSource: String
        public var toSource: String
        public var check: CheckResult
        /// The key the two reports were grouped by (`AgencyIdentity`).
        public var agencyKey: String? = nil
    }

    /// Why two reports were not checked against each other, or one report against none.
    public enum SkipReason: String, Sendable, CaseIterable {
        /// Consecutive years, but the two reports name agencies that are not one (`AgencyIdentity`).
        case agenciesDiffer = "agencies differ"
        /// One agency's reports next to each other in time with a year (or years) between them missing.
        case yearsNotConsecutive = "years not consecutive"
        /// One agency's only report: no report of the year before or after it in the run.
        case yearMissing = "a year missing"
        /// One agency's two reports of the same year: which one continues the other years is not known.
        case sameYearTwice = "same year twice"
        /// The report names no agency (and none was forced with --agency).
        case agencyUnknown = "agency unknown"
        /// The report gives no year.
        case yearUnknown = "year unknown"
        /// Consecutive years of one agency, but neither report gives a figure the continuity rules use
        /// (结转, 现行有效件数): pre-2019 layouts print none.
        case noContinuityFigures = "no continuity figures"
    }

    /// A pair of reports (or a report alone) that was not checked, and why.
    public struct Skipped: Sendable {
        public var reason: SkipReason
        /// The agency (as the later report names it), when known.
        public var agency: String?
        public var fromYear: Int?
        public var toYear: Int?
        public var fromSource: String
        public var toSource: String?
        /// The reason in words, naming the years or agencies concerned.
        public var detail: String
        /// The key of the agency the (earlier) report was grouped under, when it was grouped.
        public var agencyKey: String? = nil
    }

    /// Every continuity check run, and every pair not checked with its reason.
    public struct Outcome: Sendable {
        public var results: [Result]
        public var skipped: [Skipped]
    }

    /// The continuity checks of `records` (grouped by `identity`); pairs not checked are left out.
    public static func evaluate(_ records: [CanonicalRecord], identity: AgencyIdentity = AgencyIdentity()) -> [Result] {
        assess(records, identity: identity).results
    }

    /// The continuity checks of `records`, grouped into agencies by `identity` and ordered by year, with the
    /// reason for every report or pair of reports not checked.
    public static func assess(_ records: [CanonicalRecord], identity: AgencyIdentity = AgencyIdentity()) -> Outcome {
        var skipped: [Skipped] = []
        var byAgency: [String: [CanonicalRecord]] = [:]
        for record in records {
            guard let key = identity.key(of: record.report.agency) else {
                skipped.append(Skipped(reason: .agencyUnknown, agency: nil, fromYear: record.report.year, toYear: nil,
                                       fromSource: record.source.name, toSource: nil, detail: "\(record.source.name) names no agency"))
                continue
            }
            guard record.report.year != nil else {
                skipped.append(Skipped(reason: .yearUnknown, agency: record.report.agency, fromYear: nil, toYear: nil,
                                       fromSource: record.source.name, toSource: nil, detail: "\(record.source.name) gives no year"))
                continue
            }
            byAgency[key, default: []].append(record)
        }
        var results: [Result] = []
        // Reports with no report of the year after (or before) in their own agency: candidates for "agencies differ".
        var lastOfRun: [CanonicalRecord] = [], firstOfRun: [CanonicalRecord] = []
        for key in byAgency.keys.sorted() {
            // A stable sort: reports of one year stay in input order.
            let series = byAgency[key]!.enumerated().sorted { ($0.element.report.year!, $0.offset) < ($1.element.report.year!, $1.offset) }.map(\.element)
            if series.count == 1 { lastOfRun.append(series[0]); firstOfRun.append(series[0]) }
            let years = series.map { $0.report.year! }
            for (previous, current) in zip(series, series.dropFirst()) {
                let from = previous.report.year!, to = current.report.year!
                func skip(_ reason: SkipReason, _ detail: String) {
                    skipped.append(Skipped(reason: reason, agency: current.report.agency, fromYear: from, toYear: to,
                                           fromSource: previous.source.name, toSource: current.source.name, detail: detail,
                                           agencyKey: key))
                }
                if from == to {
                    skip(.sameYearTwice, "\(previous.source.name) and \(current.source.name) are both \(from)")
                } else if years.filter({ $0 == from }).count > 1 || years.filter({ $0 == to }).count > 1 {
                    skip(.sameYearTwice, "\(years.filter { $0 == from }.count > 1 ? from : to) is given twice: which report continues \(from)→\(to) is not known")
                } else if to != from + 1 {
                    let missing = (from + 1..<to).map(String.init).joined(separator: ", ")
                    skip(.yearsNotConsecutive, "\(from)→\(to): no report of \(missing)")
                    lastOfRun.append(previous); firstOfRun.append(current)
                } else {
                    let checks = pair(previous, current)
                    if checks.isEmpty {
                        skip(.noContinuityFigures, "\(from)→\(to): neither report gives 结转 or 现行有效件数")
                    }
                    results += checks.map { var result = $0; result.agencyKey = key; return result }
                }
            }
            if series.count > 1 { lastOfRun.append(series.last!); firstOfRun.append(series.first!) }
        }
        // A report with no next year in its agency while another agency's report of that year has no year
        // before it: two agencies (one message per report, naming the first such other report).
        // (Indexed by year, keys made once: a corpus of thousands of agencies is checked in linear time.)
        var matched = Set<String>()
        var firstByYear: [Int: [(key: String?, record: CanonicalRecord)]] = [:]
        for record in firstOfRun { firstByYear[record.report.year!, default: []].append((identity.key(of: record.report.agency), record)) }
        for previous in lastOfRun {
            let year = previous.report.year! + 1, key = identity.key(of: previous.report.agency)
            let others = (firstByYear[year] ?? []).filter { $0.key != key }.map(\.record)
            guard let other = others.first else { continue }
            matched.insert(previous.source.name); matched.insert(other.source.name)
            skipped.append(Skipped(reason: .agenciesDiffer, agency: previous.report.agency, fromYear: previous.report.year, toYear: year,
                                   fromSource: previous.source.name, toSource: other.source.name,
                                   detail: "\(previous.report.agency ?? "") (\(previous.report.year!)) and \(other.report.agency ?? "") (\(year)) are not one agency"
                                       + (others.count > 1 ? " (nor \(others.count - 1) more of \(year))" : ""),
                                   agencyKey: key))
        }
        // An agency's only report, not already named as a pair of two agencies.
        for key in byAgency.keys.sorted() where byAgency[key]!.count == 1 {
            let record = byAgency[key]![0]
            guard !matched.contains(record.source.name) else { continue }
            skipped.append(Skipped(reason: .yearMissing, agency: record.report.agency, fromYear: record.report.year, toYear: nil,
                                   fromSource: record.source.name, toSource: nil,
                                   detail: "\(record.report.agency ?? "") has no report of \(record.report.year! - 1) or \(record.report.year! + 1)",
                                   agencyKey: key))
        }
        return Outcome(results: results, skipped: skipped)
    }

    /// Every figure path a continuity check reads.
    public static let paths: Set<String> = {
        var paths = Set<String>()
        for column in FigureCatalog.applicantColumns.map(\.key) {
            paths.insert("requests.carriedForward.\(column)")
            paths.insert("requests.carriedOver.\(column)")
        }
        for item in ["rules", "normativeDocs"] {
            for figure in ["inForce", "made", "repealed"] { paths.insert("proactive.\(item).\(figure)") }
        }
        return paths
    }()

    static func pair(_ previous: CanonicalRecord, _ current: CanonicalRecord) -> [Result] {
        let fromYear = previous.report.year!, toYear = current.report.year!
        func result(_ check: CheckResult) -> Result {
            Result(agency: current.report.agency ?? "", fromYear: fromYear, toYear: toYear,
                   fromSource: previous.source.name, toSource: current.source.name, check: check)
        }
        func value(_ record: CanonicalRecord, _ path: String) -> Decimal? { record.figures[path]?.value }
        var results: [Result] = []
        for column in FigureCatalog.applicantColumns.map(\.key) {
            let forward = "requests.carriedForward.\(column)", over = "requests.carriedOver.\(column)"
            guard previous.figures[forward] != nil || current.figures[over] != nil else { continue }
            let expected = value(previous, forward), found = value(current, over)
            results.append(result(CheckResult(
                rule: "continuity.carried.\(column)",
                description: "\(fromYear) 结转下年度 (\(forward)) = \(toYear) 上年结转 (\(over))",
                totalPaths: [over], partPaths: [forward], expected: expected, found: found,
                status: status(expected, found))))
        }
        for item in ["rules", "normativeDocs"] {
            let inForce = "proactive.\(item).inForce"
            guard previous.figures[inForce] != nil, current.figures[inForce] != nil else { continue }
            var expected: Decimal? = nil
            if let before = value(previous, inForce), let made = value(current, "proactive.\(item).made"),
               let repealed = value(current, "proactive.\(item).repealed") {
                expected = before + made - repealed
            }
            let found = value(current, inForce)
            results.append(result(CheckResult(
                rule: "continuity.inForce.\(item)",
                description: "\(toYear) 现行有效件数 = \(fromYear) 现行有效件数 + 本年制发 − 本年废止 (\(item))",
                totalPaths: [inForce], partPaths: [inForce, "proactive.\(item).made", "proactive.\(item).repealed"],
                expected: expected, found: found, status: status(expected, found))))
        }
        return results
    }

    static func status(_ expected: Decimal?, _ found: Decimal?) -> CheckStatus {
        guard let expected, let found else { return .notAssessable }
        return expected == found ? .pass : .fail
    }
}

extension ContinuityChecker.Result {
    /// The check as `validate --to json` and `compare --to json` print it.
    public func tree() -> TreeValue {
        .object([("agency", .string(agency)), ("fromYear", .number(Decimal(fromYear))), ("toYear", .number(Decimal(toYear))),
                 ("from", .string(fromSource)), ("to", .string(toSource)), ("check", check.tree())])
    }

    /// One line: status, agency, years, rule, the description and the values.
    public var line: String {
        "\(ContinuityChecker.mark(check.status)) \(agency) \(fromYear)→\(toYear) \(check.rule): \(check.description): "
            + "expected \(ContinuityChecker.text(check.expected)), found \(ContinuityChecker.text(check.found))"
    }
}

extension ContinuityChecker.Skipped {
    /// The skipped pair as `validate --to json` and `compare --to json` print it.
    public func tree() -> TreeValue {
        .object([("status", .string("skipped")), ("reason", .string(reason.rawValue)), ("detail", .string(detail)),
                 ("agency", agency.map(TreeValue.string) ?? .null),
                 ("fromYear", fromYear.map { .number(Decimal($0)) } ?? .null), ("toYear", toYear.map { .number(Decimal($0)) } ?? .null),
                 ("from", .string(fromSource)), ("to", toSource.map(TreeValue.string) ?? .null)])
    }

    /// One line: "skip", the reason and its detail.
    public var line: String { "skip \(reason.rawValue): \(detail)" }
}

extension ContinuityChecker {
    /// A check's status as a fixed-width word (`ok  `, `FAIL`, `n/a `, `used`).
    public static func mark(_ status: CheckStatus) -> String {
        switch status {
        case .pass: return "ok  "
        case .fail: return "FAIL"
        case .notAssessable: return "n/a "
        case .usedForRecovery: return "used"
        }
    }

    /// A value as the check lines print it.
    public static func text(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "unknown" }
}
