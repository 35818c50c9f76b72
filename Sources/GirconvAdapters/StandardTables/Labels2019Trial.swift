import GirconvCore

extension StandardLabels {
    /// The 2019 trial layout (国办公开办函〔2019〕60号), reports for 2019 and 2020.
    static let trial2019 = StandardLabels(
        layout: .trial2019,
        adapterID: "2019-trial",
        blocks: [
            Block(item: "一", columns: [
                Column(key: "made", label: LabelPattern(["本年新制作数量", "新制作"])),
                Column(key: "published", label: LabelPattern(["本年新公开数量", "新公开"])),
                Column(key: "publicTotal", label: LabelPattern(["对外公开总数量", "公开总数"])),
            ]),
            Block(item: "五", columns: itemColumns),
            Block(item: "六", columns: itemColumns),
            Block(item: "八", columns: Array(itemColumns.prefix(2))),
            Block(item: "九", columns: [
                Column(key: "projects", label: LabelPattern(["采购项目数量", "采购项目"])),
                Column(key: "amountYuan", label: LabelPattern(["采购总金额", "总金额"])),
            ]),
        ],
        proactiveRows: [
            ProactiveRow(prefix: "rules", label: LabelPattern(["规章"]), block: "一"),
            ProactiveRow(prefix: "normativeDocs", label: LabelPattern(["规范性文件", "规范性档案"]), block: "一"),
            ProactiveRow(prefix: "licensing", label: LabelPattern(["行政许可"]), block: "五"),
            ProactiveRow(prefix: "otherServices", label: LabelPattern(["对外管理服务"]), block: "五"),
            ProactiveRow(prefix: "penalties", label: LabelPattern(["行政处罚"]), block: "六"),
            ProactiveRow(prefix: "enforcement", label: LabelPattern(["行政强制"]), block: "六"),
            ProactiveRow(prefix: "fees", label: LabelPattern(["行政事业性收费"]), block: "八"),
            ProactiveRow(prefix: "procurement", label: LabelPattern(["集中采购"]), block: "九"),
        ],
        requestGroups: groups.filter { $0.path != "otherHandling" },
        requestRows: commonRequestRows + [RequestRow("otherHandling", ["其他处理"])],
        sharedEvidence: shared,
        ownEvidence: own2019,
        rivalEvidence: own2021)

    /// 上一年项目数量 · 本年增/减 · 处理决定数量 (blocks 五, 六; 八 has the first two).
    private static let itemColumns: [Column] = [
        Column(key: "previousYear", label: LabelPattern(["上一年项目数量", "上一年"])),
        Column(key: "change", label: LabelPattern(["本年增/减", "增/减", "增减"])),
        Column(key: "decisions", label: LabelPattern(["处理决定数量", "处理决定"])),
    ]
}
