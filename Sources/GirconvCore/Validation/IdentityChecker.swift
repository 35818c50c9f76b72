import Foundation
import GirconvText

/// Completes an extraction and evaluates every check on it. Printed figures are never changed. Two kinds
/// of figure are *derived* (provenance "derived", with the paths they come from):
/// - a blank total cell whose parts are printed and not all zero: the sum of its parts, with a warning
///   (`strict` keeps it null instead: a blank next to non-zero parts is an omission, never a 0);
/// - the group rows of table 三 (（三）不予公开 …), which have no cells of their own: the sum of their
///   children, when every child is known (not in `strict` mode).
public enum IdentityChecker {
    /// Fills in derived figures, then returns every check: the identities `adapter` supplies (its
    /// family's and any of its own), stated percentages, and text statements against table figures.
    public static func finish(_ extraction: inout Extraction, adapter: any ReportAdapter, strict: Bool = false) -> [CheckResult] {
        extraction.warnings += resolveBlankTotals(&extraction.figures, identities: adapter.identities(given: nil), strict: strict)
        if !strict { deriveGroups(&extraction.figures, layout: adapter.layout) }
        let checks = evaluate(extraction.figures, identities: adapter.identities(given: extraction.figures))
            + evaluateShares(extraction.shares, extraction.figures)
            + evaluateText(extraction.textStatements, extraction.figures, statedTwice: extraction.statedTwice)
        return markRecovery(checks, rules: extraction.recoveryRules)
    }

    /// Checks of the identities that chose a recovered row's split hold by construction: they are
    /// reported as used for the recovery, never as passes.
    public static func markRecovery(_ checks: [CheckResult], rules: Set<String>) -> [CheckResult] {
        guard !rules.isEmpty else { return checks }
        return checks.map { check in
            var check = check
            if rules.contains(check.rule), check.status != .fail { check.status = .usedForRecovery }
            return check
        }
    }

    // MARK: Identities

    /// The identities of a layout family on `figures`.
    public static func evaluate(_ figures: [String: Figure], layout: Layout) -> [CheckResult] {
        evaluate(figures, identities: IdentityCatalog.identities(for: layout, figures: figures))
    }

    public static func evaluate(_ figures: [String: Figure], identities: [SumIdentity]) -> [CheckResult] {
        identities.compactMap { identity in
            // An identity none of whose figures the report gives is not listed at all; nor is a "parts ≤
            // whole" one without any part.
            guard (identity.totals + identity.parts).contains(where: { figures[$0] != nil }) else { return nil }
            if identity.relation == .atMost, !identity.parts.contains(where: { figures[$0] != nil }) { return nil }
            let found = sum(identity.totals, figures)
            var expected: Decimal?
            var status: CheckStatus
            switch identity.relation {
            case .equal:
                expected = sum(identity.parts, figures)
                if let found, let expected { status = found == expected ? .pass : .fail } else { status = .notAssessable }
            case .atMost:
                let known = identity.parts.compactMap { figures[$0]?.value }
                expected = known.isEmpty ? nil : known.reduce(0, +)
                if let found, let expected { status = expected <= found ? .pass : .fail } else { status = .notAssessable }
            }
            // A total derived from exactly these parts proves nothing about them.
            if identity.totals.contains(where: { figures[$0]?.provenance.how == .derived && Set(figures[$0]!.provenance.derivedFrom) == Set(identity.parts) }) {
                status = .notAssessable
            }
            return CheckResult(rule: identity.rule, description: identity.description + (identity.relation == .atMost ? " (Σ parts ≤ total)" : ""),
                               totalPaths: identity.totals, partPaths: identity.parts,
                               expected: expected, found: found, status: status)
        }
    }

    // MARK: Derived figures

    /// A blank total cell whose printed parts are not all zero is an omission, not a zero: derived as
    /// the sum of its parts when they are all known (null in `strict` mode or when a part is unknown),
    /// always with a warning.
    public static func resolveBlankTotals(_ figures: inout [String: Figure], layout: Layout, strict: Bool = false) -> [ReportWarning] {
        resolveBlankTotals(&figures, identities: IdentityCatalog.identities(for: layout), strict: strict)
    }

    /// `resolveBlankTotals` for the totals of `identities` (the equalities with one total).
    public static func resolveBlankTotals(_ figures: inout [String: Figure], identities: [SumIdentity], strict: Bool = false) -> [ReportWarning] {
        var warnings: [ReportWarning] = []
        var handled: Set<String> = []
        for identity in identities where identity.totals.count == 1 && identity.relation == .equal {
            let path = identity.totals[0]
            guard !handled.contains(path), var total = figures[path], total.provenance.how == .blankAsZero else { continue }
            let nonZeroParts = identity.parts.compactMap { figures[$0]?.value }.filter { $0 != 0 }
            guard !nonZeroParts.isEmpty else { continue }
            handled.insert(path)
            let partsSum = sum(identity.parts, figures)
            if let partsSum, !strict {
                total.value = partsSum
                total.provenance.how = .derived
                total.provenance.derivedFrom = identity.parts
                figures[path] = total
                warnings.append(ReportWarning(
                    code: "blank-total-derived",
                    message: "\(path) is blank but its parts are not zero; derived as their sum, \(partsSum) (rule \(identity.rule))",
                    path: path, location: total.provenance.location))
            } else {
                total.value = nil
                total.provenance.how = .unreadable
                figures[path] = total
                warnings.append(ReportWarning(
                    code: "blank-total",
                    message: "\(path) is blank but its parts are not zero" + (partsSum.map { " (they add up to \($0))" } ?? "")
                        + "; left null, not read as 0" + (strict ? " (--strict)" : ""),
                    path: path, location: total.provenance.location))
            }
        }
        return warnings
    }

    /// The group rows of table 三 as the sums of their children, where the report does not print them.
    public static func deriveGroups(_ figures: inout [String: Figure], layout: Layout) {
        guard layout == .trial2019 || layout == .revised2021 else { return }
        for (group, children) in IdentityCatalog.requestGroups(layout) {
            for column in FigureCatalog.applicantColumns.map(\.key) {
                let path = "requests.\(group).\(column)"
                guard figures[path] == nil else { continue }
                let parts = children.map { "requests.\($0).\(column)" }
                guard let total = sum(parts, figures) else { continue }
                let location = SourceLocation(table: "表三", row: group, column: FigureCatalog.applicantColumns.first { $0.key == column }?.label)
                figures[path] = Figure(value: total, provenance: Provenance(how: .derived, raw: "", location: location, derivedFrom: parts))
            }
        }
    }

    // MARK: Percentages and text statements

    /// "占41.67%" next to a figure: part ÷ whole × 100 must round to the printed percentage.
    public static func evaluateShares(_ shares: [StatedShare], _ figures: [String: Figure]) -> [CheckResult] {
        shares.map { share in
            let part = figures[share.path]?.value, whole = figures[share.wholePath]?.value
            var computed: Decimal? = nil
            var status = CheckStatus.notAssessable
            if let part, let whole, whole != 0 {
                var exact = part * 100 / whole, rounded = Decimal()
                NSDecimalRound(&rounded, &exact, share.decimals, .plain)
                computed = rounded
                status = rounded == share.percent ? .pass : .fail
            }
            return CheckResult(rule: "share.\(share.path)",
                               description: "printed share \(share.percent)% of \(share.path) in \(share.wholePath)",
                               totalPaths: [share.wholePath], partPaths: [share.path],
                               expected: share.percent, found: computed, status: status)
        }
    }

    /// A figure stated in the text for a path a table also gives: the two must agree. A figure the text
    /// states twice with different values fails its check whatever the table says.
    public static func evaluateText(_ statements: [String: Figure], _ figures: [String: Figure],
                                    statedTwice: [StatedTwice] = []) -> [CheckResult] {
        let twice = Dictionary(statedTwice.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return FigureCatalog.ordered(Set(statements.keys).union(twice.keys)).map { path in
            let table = statements[path] == nil ? nil : figures[path]?.value
            if let twice = twice[path] {
                let tableSays = statements[path] == nil ? "" : "; the table gives \(table.map { "\($0)" } ?? "?")"
                return CheckResult(rule: "text.\(path)",
                                   description: "the text states \(path) as \(twice.first.map { "\($0)" } ?? "?") and later as \(twice.second.map { "\($0)" } ?? "?") (\"\(twice.location.sentence ?? "")\")\(tableSays)",
                                   totalPaths: [path], partPaths: [], expected: twice.first, found: twice.second, status: .fail)
            }
            let told = statements[path]!.value
            let status: CheckStatus = (told != nil && table != nil) ? (told == table ? .pass : .fail) : .notAssessable
            return CheckResult(rule: "text.\(path)",
                               description: "the text states \(path) as \(told.map { "\($0)" } ?? "?") (\"\(statements[path]!.provenance.location.sentence ?? "")\"); the table gives it too",
                               totalPaths: [path], partPaths: [], expected: told, found: table, status: status)
        }
    }

    static func sum(_ paths: [String], _ figures: [String: Figure]) -> Decimal? {
        // Whole numbers (nearly every figure) are added as integers, without Decimal arithmetic; anything
        // else — a fraction, an overflow — and the sum is made in Decimal from the start.
        var whole: Int64 = 0
        var integral = true
        for path in paths {
            guard let value = figures[path]?.value else { return nil }
            guard integral else { continue }
            if let n = DecimalText.wholeNumber(value), case let (next, overflow) = whole.addingReportingOverflow(n), !overflow {
                whole = next
            } else {
                integral = false
            }
        }
        if integral { return Decimal(whole) }
        var total = Decimal(0)
        for path in paths { total += figures[path]!.value! }
        return total
    }
}
