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
    }

    public static func evaluate(_ records: [CanonicalRecord]) -> [Result] {
        var byAgency: [String: [CanonicalRecord]] = [:]
        for record in records {
            guard let agency = record.report.agency, record.report.year != nil else { continue }
            byAgency[TextNormalizer.matchKey(agency), default: []].append(record)
        }
        var results: [Result] = []
        for key in byAgency.keys.sorted() {
            let series = byAgency[key]!.sorted { $0.report.year! < $1.report.year! }
            for (previous, current) in zip(series, series.dropFirst()) where current.report.year! == previous.report.year! + 1 {
                results += pair(previous, current)
            }
        }
        return results
    }

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
