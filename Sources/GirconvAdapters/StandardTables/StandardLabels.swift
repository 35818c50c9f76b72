import GirconvCore

/// The label tables of one standard layout (2019 trial or 2021 revised): what its tables print and the
/// canonical paths each label maps to. Pure data, read by `StandardTablesAdapter`.
struct StandardLabels: Sendable {
    /// A column of a table 二 block: its key below the row's path prefix, and its header labels.
    struct Column: Sendable {
        let key: String
        let label: LabelPattern
    }
    /// A row of table 二: the path prefix it maps to, its labels, and its block.
    struct ProactiveRow: Sendable {
        let prefix: String
        let label: LabelPattern
        let block: String
    }
    /// A block of table 二, headed "第二十条第（X）项".
    struct Block: Sendable {
        /// The item number as printed: 一, 五, 六, 八, 九.
        let item: String
        let columns: [Column]
    }
    /// A row of table 三: its path (below `requests.`), labels, and the group it belongs to.
    struct RequestRow: Sendable {
        let path: String
        let label: LabelPattern
        /// The group the row belongs to (nil for top-level rows).
        let group: String?
        /// When true the label alone is ambiguous ("3.其他"): matched only inside its group.
        let needsGroup: Bool
        init(_ path: String, _ synonyms: [String], group: String? = nil, mode: LabelPattern.Mode = .contains, needsGroup: Bool = false) {
            self.path = path; self.label = LabelPattern(synonyms, mode: mode); self.group = group; self.needsGroup = needsGroup
        }
    }
    /// A group label of table 三 (（三）不予公开 …): rows after it belong to it.
    struct RequestGroup: Sendable {
        let path: String
        let label: LabelPattern
    }
    /// Weighted phrases whose presence says "this layout".
    struct Evidence: Sendable {
        let phrase: String
        let weight: Double
        /// The phrase normalised for matching (computed once).
        let key: String
        init(phrase: String, weight: Double) {
            self.phrase = phrase; self.weight = weight; self.key = TextNormalizer.matchKey(phrase)
        }
    }

    let layout: Layout
    let adapterID: String
    let blocks: [Block]
    let proactiveRows: [ProactiveRow]
    let requestGroups: [RequestGroup]
    let requestRows: [RequestRow]
    /// Phrases both standard layouts print.
    let sharedEvidence: [Evidence]
    /// Phrases only this layout prints.
    let ownEvidence: [Evidence]
    /// Phrases only the other standard layout prints.
    let rivalEvidence: [Evidence]
}

extension StandardLabels {
    static let shared: [Evidence] = [
        Evidence(phrase: "第二十条第（一）项", weight: 0.2),
        Evidence(phrase: "本年新收政府信息公开申请数量", weight: 0.15),
        Evidence(phrase: "结转下年度继续办理", weight: 0.1),
        Evidence(phrase: "未经复议直接起诉", weight: 0.1),
        Evidence(phrase: "申请人情况", weight: 0.05),
        Evidence(phrase: "不予处理", weight: 0.05),
        Evidence(phrase: "尚未审结", weight: 0.05),
    ]
    static let own2019: [Evidence] = [
        Evidence(phrase: "本年新制作数量", weight: 0.1), Evidence(phrase: "对外公开总数量", weight: 0.05),
        Evidence(phrase: "上一年项目数量", weight: 0.05), Evidence(phrase: "采购总金额", weight: 0.05),
        Evidence(phrase: "其他对外管理服务事项", weight: 0.05),
    ]
    static let own2021: [Evidence] = [
        Evidence(phrase: "本年制发件数", weight: 0.1), Evidence(phrase: "现行有效件数", weight: 0.05),
        Evidence(phrase: "本年处理决定数量", weight: 0.05), Evidence(phrase: "本年收费金额", weight: 0.05),
        Evidence(phrase: "逾期不补正", weight: 0.05),
    ]

    static let groups: [RequestGroup] = [
        RequestGroup(path: "denied", label: LabelPattern(["不予公开"])),
        RequestGroup(path: "unableToProvide", label: LabelPattern(["无法提供"])),
        RequestGroup(path: "notProcessed", label: LabelPattern(["不予处理"])),
        RequestGroup(path: "otherHandling", label: LabelPattern(["其他处理"])),
    ]

    /// Table 三 rows common to both layouts (all but （六）).
    static let commonRequestRows: [RequestRow] = [
        RequestRow("newReceived", ["本年新收"]),
        RequestRow("carriedOver", ["上年结转"]),
        RequestRow("granted", ["予以公开"]),
        RequestRow("partiallyGranted", ["部分公开"]),
        RequestRow("denied.stateSecret", ["国家秘密"], group: "denied"),
        // "法律行政" also catches PDF text with characters missing ("2.其他法律行政止公开").
        RequestRow("denied.prohibitedByLaw", ["禁止公开", "法律行政法规", "法律行政"], group: "denied"),
        RequestRow("denied.endangersSafety", ["三安全一稳定", "危及"], group: "denied"),
        RequestRow("denied.thirdPartyRights", ["第三方"], group: "denied"),
        RequestRow("denied.internalAffairs", ["内部事务"], group: "denied"),
        RequestRow("denied.processInfo", ["过程性"], group: "denied"),
        RequestRow("denied.enforcementFiles", ["执法案卷"], group: "denied"),
        RequestRow("denied.adminQuery", ["行政查询"], group: "denied"),
        RequestRow("unableToProvide.notHeld", ["不掌握"], group: "unableToProvide"),
        RequestRow("unableToProvide.needsCreation", ["另行制作", "没有现成信息"], group: "unableToProvide"),
        RequestRow("unableToProvide.stillUnclear", ["仍不明确", "补正后申请内容"], group: "unableToProvide"),
        RequestRow("notProcessed.petition", ["信访举报投诉", "信访", "举报投诉"], group: "notProcessed"),
        RequestRow("notProcessed.repeated", ["重复申请"], group: "notProcessed"),
        RequestRow("notProcessed.publication", ["公开出版物"], group: "notProcessed"),
        RequestRow("notProcessed.excessive", ["大量反复"], group: "notProcessed"),
        RequestRow("notProcessed.confirmation", ["重新出具", "确认或重新"], group: "notProcessed"),
        RequestRow("handledTotal", ["总计"], mode: .equals),
        RequestRow("carriedForward", ["结转下年度"]),
    ]
}
