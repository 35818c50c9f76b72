/// An identity "Σ totals = Σ parts" between figure paths.
public struct SumIdentity: Sendable {
    public var rule: String
    public var description: String
    public var totals: [String]
    public var parts: [String]
}

/// The arithmetic identities (勾稽关系) of each layout, from `shared/formats.md`.
public enum IdentityCatalog {
    static let applicantParts = FigureCatalog.applicantColumns.map(\.key).filter { $0 != "total" }
    static let allColumns = FigureCatalog.applicantColumns.map(\.key)

    /// Table 三 result rows (below `requests.`) for a layout.
    public static func resultRows(_ layout: Layout) -> [String] {
        let rows = FigureCatalog.requestRows.map(\.path)
        let first = rows.firstIndex(of: "granted")!, last = rows.firstIndex(of: "handledTotal")!
        return rows[first..<last].filter { path in
            switch layout {
            case .revised2021: return path != "otherHandling"
            default: return !path.hasPrefix("otherHandling.")
            }
        }
    }

    public static func identities(for layout: Layout) -> [SumIdentity] {
        guard layout == .trial2019 || layout == .revised2021 else { return [] }
        var list: [SumIdentity] = []
        let results = resultRows(layout)
        for column in allColumns {
            list.append(SumIdentity(
                rule: "t3.balance.\(column)",
                description: "表三 \(column): 一 + 二 = （七）总计 + 四",
                totals: ["requests.handledTotal.\(column)", "requests.carriedForward.\(column)"],
                parts: ["requests.newReceived.\(column)", "requests.carriedOver.\(column)"]))
            list.append(SumIdentity(
                rule: "t3.handledTotal.\(column)",
                description: "表三 \(column): （七）总计 = sum of the result rows",
                totals: ["requests.handledTotal.\(column)"],
                parts: results.map { "requests.\($0).\(column)" }))
        }
        let rows = ["newReceived", "carriedOver"] + results + ["handledTotal", "carriedForward"]
        for row in rows {
            list.append(SumIdentity(
                rule: "t3.rowTotal.\(row)",
                description: "表三 \(row): 总计 = sum of the six applicant columns",
                totals: ["requests.\(row).total"],
                parts: applicantParts.map { "requests.\(row).\($0)" }))
        }
        for group in FigureCatalog.appealGroups.map(\.key) {
            list.append(SumIdentity(
                rule: "t4.\(group).total",
                description: "表四 \(group): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                totals: ["appeals.\(group).total"],
                parts: ["upheld", "corrected", "other", "pending"].map { "appeals.\(group).\($0)" }))
        }
        return list
    }
}
