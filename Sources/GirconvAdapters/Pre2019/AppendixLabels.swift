import GirconvCore

/// The label table of the 附表 reader: statistics-table rows of 2008–2018 reports (the national 2014
/// template 国办发〔2014〕32号 and the Guangdong/Guangzhou categories) → canonical paths. Pure data.
enum AppendixLabels {
    /// Which part of the appendix a row belongs to; rows like "其他" or "维持具体行政行为数" mean
    /// different things in different parts.
    enum Part: String, Sendable { case proactive, channels, responses, denialReasons, review, litigation, other }

    struct Row: Sendable {
        let path: String
        let label: LabelPattern
        /// The parts the row may appear in (empty: anywhere).
        let parts: Set<Part>
        /// The part that rows after this one belong to.
        let opens: Part?
        init(_ path: String, _ synonyms: [String], in parts: Set<Part> = [], opens: Part? = nil, mode: LabelPattern.Mode = .contains) {
            self.path = path; self.label = LabelPattern(synonyms, mode: mode); self.parts = parts; self.opens = opens
        }
    }

    /// Rows in priority order: the first match wins, so longer, more specific labels come first.
    static let rows: [Row] = [
        // 主动公开
        Row("proactive.total", ["主动公开政府信息数", "主动公开信息数", "主动公开信息总数", "主动公开政府信息总数"], opens: .proactive),
        Row("proactive.normativeDocs.published", ["主动公开规范性文件数"], in: [.proactive]),
        Row("proactive.normativeDocs.made", ["制发规范性文件总数", "制发规范性文件数"], in: [.proactive]),
        Row("proactive.categories.organization", ["组织机构"], in: [.proactive]),
        Row("proactive.categories.documents", ["部门文件", "部门档案"], in: [.proactive]),
        Row("proactive.categories.updates", ["动态类信息", "动态信息"], in: [.proactive]),
        Row("proactive.categories.powers", ["行政职权类信息", "行政职权"], in: [.proactive]),
        Row("proactive.categories.budget", ["财政预决算"], in: [.proactive]),
        Row("proactive.categories.proposals", ["建议提案办理结果"], in: [.proactive]),
        Row("proactive.channels.gazette", ["政府公报公开政府信息数", "政府公报"], in: [.proactive]),
        Row("proactive.channels.website", ["政府网站公开政府信息数", "政府网站"], in: [.proactive]),
        Row("proactive.channels.weibo", ["政务微博公开政府信息数", "政务微博", "微博"], in: [.proactive]),
        Row("proactive.channels.wechat", ["政务微信公开政府信息数", "政务微信", "微信"], in: [.proactive]),
        Row("proactive.channels.pressConference", ["新闻发布会"], in: [.proactive]),
        Row("proactive.channels.other", ["其他方式公开政府信息数", "其他方式"], in: [.proactive]),
        Row("proactive.categories.other", ["其他信息", "其他"], in: [.proactive], mode: .contains),
        // 依申请: received, channels
        Row("requests.newReceived.total", ["收到申请数", "申请总数", "收到申请总数", "受理申请数", "受理申请总数"], opens: .channels),
        Row("requests.channels.inPerson", ["当面申请"], in: [.channels]),
        Row("requests.channels.fax", ["传真申请"], in: [.channels]),
        Row("requests.channels.online", ["网络申请", "网上申请"], in: [.channels]),
        Row("requests.channels.email", ["电子邮件申请", "邮件申请"], in: [.channels]),
        Row("requests.channels.letter", ["信函申请"], in: [.channels]),
        Row("requests.channels.other", ["其他形式申请", "其他申请", "其他"], in: [.channels]),
        // 依申请: concluded
        Row("requests.concludedOnTime.total", ["按时办结"], in: [.channels]),
        Row("requests.concludedLate.total", ["延期办结"], in: [.channels]),
        Row("requests.concluded.total", ["申请办结数", "办结数"], opens: .channels),
        // 依申请: responses
        Row("requests.responded.total", ["申请答复数", "答复总数", "对申请的答复"], opens: .responses),
        Row("requests.responded.total", ["答复数"], opens: .responses, mode: .equals),
        Row("requests.alreadyPublic.total", ["属于已主动公开范围", "已主动公开"], in: [.responses]),
        Row("requests.partiallyGranted.total", ["同意部分公开"], in: [.responses]),
        Row("requests.denied.total", ["不同意公开", "不予公开"], in: [.responses], opens: .denialReasons),
        Row("requests.granted.total", ["同意公开"], in: [.responses, .denialReasons]),
        Row("requests.denied.stateSecret.total", ["涉及国家秘密", "国家秘密"], in: [.denialReasons, .responses]),
        Row("requests.denied.businessSecret.total", ["涉及商业秘密", "商业秘密"], in: [.denialReasons, .responses]),
        Row("requests.denied.privacy.total", ["涉及个人隐私", "个人隐私"], in: [.denialReasons, .responses]),
        Row("requests.denied.endangersSafety.total", ["危及国家安全", "公共安全", "社会稳定"], in: [.denialReasons, .responses]),
        Row("requests.denied.notGovernmentInfo.total", ["不是《条例》所指政府信息", "不是条例所指"], in: [.denialReasons, .responses]),
        Row("requests.denied.otherLegal.total", ["法律法规规定的其他情形"], in: [.denialReasons, .responses]),
        Row("requests.notGovernmentInfo.total", ["不属于政府信息公开范围", "不属于政府信息"], in: [.responses, .denialReasons]),
        Row("requests.notThisAgencyOrNotExist.total", ["非本机关或信息不存在"], in: [.responses, .denialReasons]),
        Row("requests.notThisAgency.total", ["不属于本行政机关公开", "不属于本机关", "非本机关"], in: [.responses, .denialReasons]),
        Row("requests.notExist.total", ["申请信息不存在", "信息不存在"], in: [.responses, .denialReasons]),
        Row("requests.amendRequested.total", ["告知作出更改补充", "更改补充"], in: [.responses, .denialReasons]),
        Row("requests.redirected.total", ["告知通过其他途径办理", "其他途径"], in: [.responses, .denialReasons]),
        Row("requests.unrelatedToNeeds.total", ["与生产生活科研需要无关", "生产生活科研"], in: [.responses, .denialReasons]),
        Row("requests.unclear.total", ["申请内容不明确", "内容不明确"], in: [.responses, .denialReasons]),
        Row("requests.otherResponse.total", ["其他"], in: [.responses, .denialReasons]),
        // 复议、诉讼、投诉
        Row("appeals.review.total", ["行政复议数", "行政复议"], opens: .review),
        Row("appeals.litigation.total", ["行政诉讼数", "行政诉讼"], opens: .litigation),
        Row("appeals.complaints.total", ["举报投诉数量", "举报投诉数", "申诉数", "举报投诉", "申诉"], opens: .other),
        Row("appeals.{part}.upheld", ["维持具体行政行为", "维持"], in: [.review, .litigation]),
        Row("appeals.{part}.corrected", ["被依法纠错", "纠错"], in: [.review, .litigation]),
        Row("appeals.{part}.other", ["其他情形", "其他"], in: [.review, .litigation]),
        // 收费
        Row("fees.collectedYuan", ["收取的费用", "收取费用", "收费"], opens: .other),
        // 机构建设、会议和培训 (national template)
        Row("organization.dedicatedUnits", ["专门机构数"], opens: .other),
        Row("organization.readingPoints", ["查阅点数"], opens: .other),
        Row("organization.staff.fullTime", ["专职人员数", "专职人员"], opens: .other),
        Row("organization.staff.partTime", ["兼职人员数", "兼职人员"], opens: .other),
        Row("organization.staff.total", ["从事政府信息公开工作人员数", "工作人员数"], opens: .other),
        Row("organization.budgetWanYuan", ["专项经费"], opens: .other),
        Row("training.meetings", ["会议或专题会议数", "工作会议"], opens: .other),
        Row("training.courses", ["培训班数", "培训班"], opens: .other),
        Row("training.attendees", ["接受培训人员数", "培训人员"], opens: .other),
    ]

    /// Template rows the canonical record does not carry (回应解读): recognised and passed over silently.
    static let knownUnmapped: [LabelPattern] = [
        LabelPattern(["回应公众关注热点", "重大舆情数", "新闻发布会", "政策解读", "解读稿件", "政务微博微信回应", "其他方式回应",
                      "依申请公开信息目录数", "回应解读"]),
    ]

    /// The Guangzhou template's numbered answer rows (附表2 "其中:1.…8."): position n is what row
    /// "n." means when its printed label repeats an earlier one (seed conghua-2016 prints "3.同意公开"
    /// where the template's 3 is 不同意公开). Used only when the answers are numbered this way (row 1
    /// is 同意公开); the national template numbers them differently (1 is 属于已主动公开范围).
    static let numberedResponses: [Int: String] = [
        1: "requests.granted.total", 2: "requests.partiallyGranted.total", 3: "requests.denied.total",
        4: "requests.notGovernmentInfo.total", 5: "requests.notThisAgencyOrNotExist.total",
        6: "requests.unrelatedToNeeds.total", 7: "requests.unclear.total", 8: "requests.otherResponse.total",
    ]

    /// Phrases that mark an appended statistics table.
    static let captionMarkers: [String] = ["附表", "统计表", "情况统计"]

    /// Words printed in a 单位 column.
    static let unitWords: Set<String> = ["条", "件", "个", "次", "人", "人次", "期", "篇", "项", "宗", "万元", "元", "场", "家"]
}
