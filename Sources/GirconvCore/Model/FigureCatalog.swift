import Foundation

/// What kind of number a figure path holds; decides unit handling and the JSON Schema type.
public enum FigureKind: String, Sendable {
    /// A non-negative count (件, 条, 宗 …).
    case count
    /// A count that may be negative (本年增/减).
    case signedCount
    /// An amount in 元 (values in 万元 are converted).
    case amountYuan
    /// An amount in 万元 (values in 元 are converted).
    case amountWanYuan

    /// Only a change (本年增/减) may be below zero: a number of documents, requests or decisions, or an
    /// amount collected or spent, never is, so a negative one printed is doubtful (warning `value-negative`).
    public var mayBeNegative: Bool { self == .signedCount }
}

/// One known figure path of the canonical record.
public struct FigureSpec: Sendable {
    public let path: String
    public let kind: FigureKind
    /// The label(s) this path is printed under, for documentation and `explain`.
    public let label: String
    public let layouts: Set<Layout>
    /// Its one short Chinese name (本年新收申请·自然人): CSV headers with `--labels zh`, the data dictionary.
    public let name: String
}

/// Every figure path the canonical record knows, in the fixed canonical order that CSV columns,
/// JSON keys and the JSON Schema follow. Paths are the contract of `docs/schema.md`.
public enum FigureCatalog {
    /// Table 三 applicant columns, in printed order.
    public static let applicantColumns: [(key: String, label: String)] = [
        ("naturalPerson", "自然人"), ("business", "商业企业"), ("research", "科研机构"),
        ("nonprofit", "社会公益组织"), ("legalService", "法律服务机构"), ("otherOrg", "其他"), ("total", "总计"),
    ]

    /// Table 三 row paths (below `requests.`) with their labels and the layouts that print them.
    public static let requestRows: [(path: String, label: String, layouts: Set<Layout>)] = {
        let both: Set<Layout> = [.trial2019, .revised2021]
        var rows: [(String, String, Set<Layout>)] = [
            ("newReceived", "一、本年新收政府信息公开申请数量", both),
            ("carriedOver", "二、上年结转政府信息公开申请数量", both),
            ("granted", "（一）予以公开", both),
            ("partiallyGranted", "（二）部分公开", both),
        ]
        let denied = [("stateSecret", "属于国家秘密"), ("prohibitedByLaw", "其他法律行政法规禁止公开"),
                      ("endangersSafety", "危及“三安全一稳定”"), ("thirdPartyRights", "保护第三方合法权益"),
                      ("internalAffairs", "属于三类内部事务信息"), ("processInfo", "属于四类过程性信息"),
                      ("enforcementFiles", "属于行政执法案卷"), ("adminQuery", "属于行政查询事项")]
        rows += denied.map { ("denied.\($0.0)", "（三）不予公开 · \($0.1)", both) }
        let unable = [("notHeld", "本机关不掌握相关政府信息"), ("needsCreation", "没有现成信息需要另行制作"),
                      ("stillUnclear", "补正后申请内容仍不明确")]
        rows += unable.map { ("unableToProvide.\($0.0)", "（四）无法提供 · \($0.1)", both) }
        let notProcessed = [("petition", "信访举报投诉类申请"), ("repeated", "重复申请"),
                            ("publication", "要求提供公开出版物"), ("excessive", "无正当理由大量反复申请"),
                            ("confirmation", "要求行政机关确认或重新出具已获取信息")]
        rows += notProcessed.map { ("notProcessed.\($0.0)", "（五）不予处理 · \($0.1)", both) }
        rows.append(("otherHandling", "（六）其他处理", [.trial2019, .revised2021]))
        rows += [("otherHandling.noCorrection", "（六）其他处理 · 申请人无正当理由逾期不补正", [.revised2021]),
                 ("otherHandling.feeUnpaid", "（六）其他处理 · 申请人逾期未按收费通知要求缴纳费用", [.revised2021]),
                 ("otherHandling.other", "（六）其他处理 · 其他", [.revised2021])]
        rows += [("handledTotal", "（七）总计", both), ("carriedForward", "四、结转下年度继续办理", both)]
        return rows.map { (path: $0.0, label: $0.1, layouts: $0.2) }
    }()

    /// Table 四 groups and result columns.
    public static let appealGroups: [(key: String, label: String)] = [
        ("review", "行政复议"), ("litigationDirect", "行政诉讼 · 未经复议直接起诉"),
        ("litigationAfterReview", "行政诉讼 · 复议后起诉"),
    ]
    public static let appealColumns: [(key: String, label: String)] = [
        ("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计"),
    ]

    /// All specs in canonical order.
    public static let all: [FigureSpec] = {
        var specs: [FigureSpec] = []
        let both: Set<Layout> = [.trial2019, .revised2021]
        let pre: Set<Layout> = [.pre2019Appendix, .pre2019Narrative]
        func add(_ path: String, _ kind: FigureKind, _ label: String, _ layouts: Set<Layout>) {
            specs.append(FigureSpec(path: path, kind: kind, label: label, layouts: layouts, name: ChineseNames.name(of: path) ?? path))
        }
        // Table 二
        add("proactive.total", .count, "主动公开政府信息数", pre)
        for (key, label) in [("rules", "规章"), ("normativeDocs", "规范性文件")] {
            add("proactive.\(key).made", .count, "\(label) · 本年新制作数量 / 本年制发件数", both)
            add("proactive.\(key).published", .count, "\(label) · 本年新公开数量", key == "normativeDocs" ? [.trial2019, .pre2019Appendix, .pre2019Narrative] : [.trial2019])
            add("proactive.\(key).publicTotal", .count, "\(label) · 对外公开总数量", [.trial2019])
            add("proactive.\(key).repealed", .count, "\(label) · 本年废止件数", [.revised2021])
            add("proactive.\(key).inForce", .count, "\(label) · 现行有效件数", [.revised2021])
        }
        for (key, label, layouts) in [("licensing", "行政许可", both), ("otherServices", "其他对外管理服务事项", [Layout.trial2019]),
                                      ("penalties", "行政处罚", both), ("enforcement", "行政强制", both)] as [(String, String, Set<Layout>)] {
            add("proactive.\(key).previousYear", .count, "\(label) · 上一年项目数量", [.trial2019])
            add("proactive.\(key).change", .signedCount, "\(label) · 本年增/减", [.trial2019])
            add("proactive.\(key).decisions", .count, "\(label) · 处理决定数量 / 本年处理决定数量", layouts)
        }
        add("proactive.fees.previousYear", .count, "行政事业性收费 · 上一年项目数量", [.trial2019])
        add("proactive.fees.change", .signedCount, "行政事业性收费 · 本年增/减", [.trial2019])
        add("proactive.fees.amountWanYuan", .amountWanYuan, "行政事业性收费 · 本年收费金额（单位：万元）", [.revised2021])
        add("proactive.procurement.projects", .count, "政府集中采购 · 采购项目数量", [.trial2019])
        add("proactive.procurement.amountYuan", .amountYuan, "政府集中采购 · 采购总金额", [.trial2019])
        for key in ["organization", "documents", "updates", "powers", "budget", "proposals", "other"] {
            add("proactive.categories.\(key)", .count, "主动公开类别 \(key)", pre)
        }
        for key in ["website", "gazette", "weibo", "wechat", "newMedia", "pressConference", "media", "other"] {
            add("proactive.channels.\(key)", .count, "主动公开渠道 \(key)", pre)
        }
        // Table 三
        for row in requestRows {
            for column in applicantColumns {
                add("requests.\(row.path).\(column.key)", .count, "\(row.label) · \(column.label)", row.layouts)
            }
        }
        // Group rows of table 三 (derived, or printed where a report prints them); pre-2019 reports give
        // `requests.denied.total` (不同意公开) directly.
        for group in ["denied", "unableToProvide", "notProcessed"] {
            for column in applicantColumns {
                add("requests.\(group).\(column.key)", .count, "\(group) group · \(column.label)",
                    column.key == "total" && group == "denied" ? both.union(pre) : both)
            }
        }
        // Pre-2019 request rows (totals only).
        for key in ["inPerson", "fax", "online", "email", "letter", "other"] {
            add("requests.channels.\(key)", .count, "申请渠道 \(key)", pre)
        }
        add("requests.concluded.total", .count, "申请办结数", pre)
        add("requests.concludedOnTime.total", .count, "按时办结数", pre)
        add("requests.concludedLate.total", .count, "延期办结数", pre)
        let responses: [(String, String)] = [
            ("responded", "申请答复数 / 答复总数"), ("notThisAgency", "不属于本行政机关公开数"), ("notExist", "申请信息不存在数"),
            ("amendRequested", "告知作出更改补充数"), ("redirected", "告知通过其他途径办理数"), ("alreadyPublic", "属于已主动公开范围数"),
            ("notGovernmentInfo", "不属于政府信息公开范围"), ("notThisAgencyOrNotExist", "非本机关或信息不存在"),
            ("unrelatedToNeeds", "与生产生活科研需要无关"), ("unclear", "申请内容不明确"), ("otherResponse", "其他答复情形"),
        ]
        for (key, label) in responses {
            add("requests.\(key).total", .count, label, pre)
        }
        let reasons: [(String, String)] = [
            ("businessSecret", "不同意公开 · 涉及商业秘密"), ("privacy", "不同意公开 · 涉及个人隐私"),
            ("notGovernmentInfo", "不同意公开 · 不是《条例》所指政府信息"), ("otherLegal", "不同意公开 · 法律法规规定的其他情形"),
        ]
        for (key, label) in reasons {
            add("requests.denied.\(key).total", .count, label, pre)
        }
        // Table 四
        for group in appealGroups {
            for column in appealColumns {
                add("appeals.\(group.key).\(column.key)", .count, "\(group.label) · \(column.label)", both)
            }
        }
        for column in appealColumns where column.key != "pending" {
            add("appeals.litigation.\(column.key)", .count, "行政诉讼 · \(column.label)", pre)
        }
        add("appeals.complaints.total", .count, "举报投诉 / 申诉", pre)
        add("fees.collectedYuan", .amountYuan, "依申请收费 / 信息处理费（元）", [.trial2019, .revised2021, .pre2019Appendix, .pre2019Narrative])
        // Pre-2019 national template: organisation and training.
        add("organization.dedicatedUnits", .count, "政府信息公开工作专门机构数", pre)
        add("organization.readingPoints", .count, "设置政府信息公开查阅点数", pre)
        add("organization.staff.total", .count, "从事政府信息公开工作人员数", pre)
        add("organization.staff.fullTime", .count, "专职人员数", pre)
        add("organization.staff.partTime", .count, "兼职人员数", pre)
        add("organization.budgetWanYuan", .amountWanYuan, "政府信息公开专项经费（万元）", pre)
        add("training.meetings", .count, "召开政府信息公开工作会议或专题会议数", pre)
        add("training.courses", .count, "举办各类培训班数", pre)
        add("training.attendees", .count, "接受培训人员数", pre)
        return specs
    }()

    private static let index: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, spec) in all.enumerated() where map[spec.path] == nil { map[spec.path] = i }
        return map
    }()

    /// The spec of a path, if the catalog knows it.
    public static func spec(for path: String) -> FigureSpec? {
        index[path].map { all[$0] }
    }

    /// Orders paths canonically: known paths in catalog order, unknown ones after, sorted.
    public static func ordered<S: Sequence>(_ paths: S) -> [String] where S.Element == String {
        var known: [(Int, String)] = []
        var unknown: [String] = []
        for path in paths {
            if let i = index[path] { known.append((i, path)) } else { unknown.append(path) }
        }
        known.sort { $0.0 < $1.0 }
        return known.map(\.1) + unknown.sorted()
    }
}
