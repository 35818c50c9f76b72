/// An identity between figure paths: Σ totals = Σ parts, or Σ parts ≤ Σ totals.
public struct SumIdentity: Sendable, Equatable {
    public enum Relation: String, Sendable, CaseIterable {
        /// Σ totals = Σ parts; every operand must be known.
        case equal
        /// Σ parts ≤ Σ totals ("其中" parts never exceed their whole); the parts that are stated are
        /// enough, since any subset of non-negative parts must also stay within the whole.
        case atMost
    }
    public var rule: String
    public var description: String
    public var totals: [String]
    public var parts: [String]
    public var relation: Relation = .equal

    public init(rule: String, description: String, totals: [String], parts: [String], relation: Relation = .equal) {
        self.rule = rule; self.description = description; self.totals = totals; self.parts = parts; self.relation = relation
    }
}

/// The arithmetic identities (勾稽关系) of each layout family, from `docs/formats.md` (a layout file may
/// declare more of its own; `ReportAdapter.identities(given:)` gives both).
public enum IdentityCatalog {
    static let applicantParts = FigureCatalog.applicantColumns.map(\.key).filter { $0 != "total" }
    static let allColumns = FigureCatalog.applicantColumns.map(\.key)

    /// Table 三 result rows (below `requests.`) for a layout. `otherHandlingAsRow`: （六）其他处理 is one
    /// row (2019; also 2021 reports that print it so, like Hongze's), not the 2021 group of three.
    public static func resultRows(_ layout: Layout, otherHandlingAsRow: Bool? = nil) -> [String] {
        let rows = FigureCatalog.requestRows.map(\.path)
        let first = rows.firstIndex(of: "granted")!, last = rows.firstIndex(of: "handledTotal")!
        let asRow = otherHandlingAsRow ?? (layout != .revised2021)
        return rows[first..<last].filter { path in
            asRow ? !path.hasPrefix("otherHandling.") : path != "otherHandling"
        }
    }

    /// The groups of table 三 and their child rows, for a layout (（六） is a group from 2021 on).
    public static func requestGroups(_ layout: Layout) -> [(group: String, children: [String])] {
        let rows = resultRows(layout)
        var groups = ["denied", "unableToProvide", "notProcessed"]
        if layout == .revised2021 { groups.append("otherHandling") }
        return groups.map { group in (group, rows.filter { $0.hasPrefix(group + ".") }) }
    }

    /// The identities for a layout; `figures` (when given) tells how the report printed （六）.
    public static func identities(for layout: Layout, figures: [String: Figure]? = nil) -> [SumIdentity] {
        switch layout {
        case .trial2019, .revised2021:
            var asRow: Bool? = nil
            if layout == .revised2021, let figures,
               !figures.keys.contains(where: { $0.hasPrefix("requests.otherHandling.") && $0.split(separator: ".").count == 4 }),
               figures["requests.otherHandling.total"]?.provenance.how != .derived,
               figures["requests.otherHandling.total"] != nil {
                asRow = true
            }
            return standardByKey["\(layout.rawValue)|\(asRow.map { "\($0)" } ?? "-")"] ?? standard(layout, otherHandlingAsRow: asRow)
        case .pre2019Appendix, .pre2019Narrative: return pre2019
        }
    }

    /// Every rule id the identities of a layout may have, however the report prints （六）.
    public static func rules(of layout: Layout) -> Set<String> {
        switch layout {
        case .trial2019, .revised2021:
            return Set(([nil, true, false] as [Bool?]).flatMap { standard(layout, otherHandlingAsRow: $0).map(\.rule) })
        case .pre2019Appendix, .pre2019Narrative: return Set(pre2019.map(\.rule))
        }
    }

    /// `standard(_:otherHandlingAsRow:)` for every layout and variant, computed once.
    static let standardByKey: [String: [SumIdentity]] = {
        var table: [String: [SumIdentity]] = [:]
        for layout in [Layout.trial2019, .revised2021] {
            for asRow in [nil, true, false] as [Bool?] {
                table["\(layout.rawValue)|\(asRow.map { "\($0)" } ?? "-")"] = standard(layout, otherHandlingAsRow: asRow)
            }
        }
        return table
    }()

    static func standard(_ layout: Layout, otherHandlingAsRow: Bool? = nil) -> [SumIdentity] {
        var list: [SumIdentity] = []
        let results = resultRows(layout, otherHandlingAsRow: otherHandlingAsRow)
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

    /// Pre-2019 reports: parts never exceed their whole; a few template sums are exact.
    static let pre2019: [SumIdentity] = {
        let channels = ["inPerson", "fax", "online", "email", "letter", "other"].map { "requests.channels.\($0)" }
        // 非本机关或信息不存在 (Guangzhou template) covers 不属于本机关 and 信息不存在, which a report's text may
        // state as well: it is left out so that no answer is counted twice.
        let outcomes = ["granted", "partiallyGranted", "denied", "notThisAgency", "notExist", "amendRequested", "redirected",
                        "alreadyPublic", "notGovernmentInfo", "unrelatedToNeeds", "unclear", "otherResponse"]
            .map { "requests.\($0).total" }
        let reasons = ["stateSecret", "businessSecret", "privacy", "endangersSafety", "notGovernmentInfo", "otherLegal"]
            .map { "requests.denied.\($0).total" }
        let categories = ["organization", "documents", "updates", "powers", "budget", "proposals", "other"].map { "proactive.categories.\($0)" }
        var list = [
            SumIdentity(rule: "pre.requests.channels", description: "申请渠道之和 ≤ 收到申请数",
                        totals: ["requests.newReceived.total"], parts: channels, relation: .atMost),
            SumIdentity(rule: "pre.requests.outcomes", description: "各类答复之和 ≤ 答复总数",
                        totals: ["requests.responded.total"], parts: outcomes, relation: .atMost),
            SumIdentity(rule: "pre.requests.denialReasons", description: "不同意公开的理由之和 ≤ 不同意公开数",
                        totals: ["requests.denied.total"], parts: reasons, relation: .atMost),
            SumIdentity(rule: "pre.proactive.categories", description: "主动公开各类信息之和 ≤ 主动公开政府信息数",
                        totals: ["proactive.total"], parts: categories, relation: .atMost),
            SumIdentity(rule: "pre.requests.concluded", description: "申请办结数 = 按时办结数 + 延期办结数",
                        totals: ["requests.concluded.total"], parts: ["requests.concludedOnTime.total", "requests.concludedLate.total"]),
            SumIdentity(rule: "pre.organization.staff", description: "工作人员数 = 专职 + 兼职",
                        totals: ["organization.staff.total"], parts: ["organization.staff.fullTime", "organization.staff.partTime"]),
        ]
        for group in ["review", "litigation"] {
            list.append(SumIdentity(rule: "pre.appeals.\(group)", description: "\(group == "review" ? "行政复议" : "行政诉讼") 各结果之和 ≤ 总数",
                                    totals: ["appeals.\(group).total"],
                                    parts: ["upheld", "corrected", "other"].map { "appeals.\(group).\($0)" }, relation: .atMost))
        }
        return list
    }()
}
