import Foundation

/// Evaluates the identities of `IdentityCatalog` on extracted figures. Printed figures are never changed;
/// the one adjustment made is that a *blank* total next to non-zero printed parts is not read as 0.
public enum IdentityChecker {
    public static func evaluate(_ figures: [String: Figure], layout: Layout) -> [CheckResult] {
        IdentityCatalog.identities(for: layout).compactMap { identity in
            // An identity none of whose figures the report gives is not listed at all.
            let all = identity.totals + identity.parts
            guard all.contains(where: { figures[$0] != nil }) else { return nil }
            let found = sum(identity.totals, figures)
            let expected = sum(identity.parts, figures)
            let status: CheckStatus
            if let found, let expected { status = found == expected ? .pass : .fail } else { status = .notAssessable }
            return CheckResult(rule: identity.rule, description: identity.description,
                               totalPaths: identity.totals, partPaths: identity.parts,
                               expected: expected, found: found, status: status)
        }
    }

    /// A blank total cell whose printed parts are not all zero is an omission, not a zero: its value
    /// becomes null (provenance keeps "blank"), with a warning naming the parts' sum.
    public static func resolveBlankTotals(_ figures: inout [String: Figure], layout: Layout) -> [ReportWarning] {
        var warnings: [ReportWarning] = []
        for identity in IdentityCatalog.identities(for: layout) where identity.totals.count == 1 {
            let path = identity.totals[0]
            guard var total = figures[path], total.provenance.how == .blankAsZero else { continue }
            let nonZeroParts = identity.parts.compactMap { figures[$0]?.value }.filter { $0 != 0 }
            guard !nonZeroParts.isEmpty else { continue }
            total.value = nil
            total.provenance.how = .unreadable
            figures[path] = total
            let partsSum = sum(identity.parts, figures)
            warnings.append(ReportWarning(
                code: "blank-total",
                message: "\(path) is blank but its parts are not zero" + (partsSum.map { " (they add up to \($0))" } ?? "")
                    + "; left null, not read as 0",
                path: path, location: total.provenance.location))
        }
        return warnings
    }

    static func sum(_ paths: [String], _ figures: [String: Figure]) -> Decimal? {
        var total = Decimal(0)
        for path in paths {
            guard let value = figures[path]?.value else { return nil }
            total += value
        }
        return total
    }
}
