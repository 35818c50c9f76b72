import GirconvCore

extension StandardLabels {
    /// The 2021 revised layout (国办公开办函〔2021〕30号), reports for 2021 on.
    static let revised2021 = StandardLabels(
        layout: .revised2021,
        adapterID: "2021-revised",
        blocks: [
            Block(item: "一", columns: [
                Column(key: "made", label: LabelPattern(["本年制发件数", "制发件数", "本年制发"])),
                Column(key: "repealed", label: LabelPattern(["本年废止件数", "废止件数", "本年废止"])),
                Column(key: "inForce", label: LabelPattern(["现行有效件数", "现行有效"])),
            ]),
            Block(item: "五", columns: [decisions]),
            Block(item: "六", columns: [decisions]),
            Block(item: "八", columns: [Column(key: "amountWanYuan", label: LabelPattern(["本年收费金额", "收费金额"]))]),
        ],
        proactiveRows: [
            ProactiveRow(prefix: "rules", label: LabelPattern(["规章"]), block: "一"),
            ProactiveRow(prefix: "normativeDocs", label: LabelPattern(["规范性文件", "规范性档案"]), block: "一"),
            ProactiveRow(prefix: "licensing", label: LabelPattern(["行政许可"]), block: "五"),
            ProactiveRow(prefix: "penalties", label: LabelPattern(["行政处罚"]), block: "六"),
            ProactiveRow(prefix: "enforcement", label: LabelPattern(["行政强制"]), block: "六"),
            ProactiveRow(prefix: "fees", label: LabelPattern(["行政事业性收费"]), block: "八"),
        ],
        requestGroups: groups,
        requestRows: commonRequestRows + [
            RequestRow("otherHandling.noCorrection", ["逾期不补正"], group: "otherHandling"),
            RequestRow("otherHandling.feeUnpaid", ["缴纳费用", "收费通知"], group: "otherHandling"),
            RequestRow("otherHandling.other", ["其他"], group: "otherHandling", mode: .equals, needsGroup: true),
        ],
        sharedEvidence: shared,
        ownEvidence: own2021,
        rivalEvidence: own2019)

    private static let decisions = Column(key: "decisions", label: LabelPattern(["本年处理决定数量", "处理决定数量", "处理决定"]))
}
