import Foundation
import GirconvCore

/// The phrase table of the narrative reader: which phrases introduce which figure. Pure data.
///
/// A *trigger* is a phrase after which the figure's number follows closely ("共收到政府信息公开申请3467宗").
/// Triggers are written in simplified characters; traditional reports are matched after conversion.
/// Where triggers overlap in a sentence the longest wins (不同意公开 over 同意公开).
/// `{scope}` in a path is the appeal the sentence is about: the last 行政复议 (review) or 行政诉讼
/// (litigation) mentioned before the trigger in the same paragraph.
enum NarrativePatterns {
    struct Trigger: Sendable {
        let path: String
        let phrases: [String]
        let scoped: Bool
        init(_ path: String, _ phrases: [String]) {
            self.path = path
            self.phrases = phrases.map(TextNormalizer.foldWidthAndPunctuation)
            self.scoped = path.contains("{scope}")
        }
    }

    /// A phrase to look for, as scalars, and what it means.
    struct Phrase: Sendable {
        let scalars: [Unicode.Scalar]
        /// Index into `triggers`, or -1 for a scope word.
        let trigger: Int
        let scope: String?
    }

    /// Every trigger and scope phrase, keyed by its first scalar, so that one pass over a line finds them all.
    static let phrasesByFirstScalar: [UInt32: [Phrase]] = {
        var index: [UInt32: [Phrase]] = [:]
        for (i, trigger) in triggers.enumerated() {
            for phrase in trigger.phrases {
                let scalars = Array(phrase.unicodeScalars)
                index[scalars[0].value, default: []].append(Phrase(scalars: scalars, trigger: i, scope: nil))
            }
        }
        for (phrase, key) in scopes {
            let scalars = Array(phrase.unicodeScalars)
            index[scalars[0].value, default: []].append(Phrase(scalars: scalars, trigger: -1, scope: key))
        }
        return index
    }()

    static let triggers: [Trigger] = [
        // 主动公开
        Trigger("proactive.total", ["主动公开政府信息", "主动公开信息", "主动公开各类政府信息", "主动公开各类信息"]),
        Trigger("proactive.normativeDocs.published", ["主动公开规范性文件"]),
        Trigger("proactive.categories.organization", ["组织机构类信息", "组织机构类"]),
        Trigger("proactive.categories.documents", ["部门文件类", "部门档案类", "部门文件"]),
        Trigger("proactive.categories.updates", ["动态类信息"]),
        Trigger("proactive.categories.powers", ["行政职权类信息", "行政职权类"]),
        Trigger("proactive.categories.budget", ["财政预决算信息", "财政预决算"]),
        Trigger("proactive.categories.proposals", ["建议提案办理结果类信息", "建议提案办理结果类"]),
        Trigger("proactive.categories.other", ["其他信息"]),
        Trigger("proactive.channels.website", ["通过政府网站公开政府信息", "政府网站公开政府信息", "通过政府网站主动公开政府信息"]),
        Trigger("proactive.channels.newMedia", ["政务微博、微信主动公开政府信息", "微博、微信主动公开政府信息", "新媒体主动公开政府信息",
                                               "政务微博、微信公开政府信息", "新媒体公开政府信息"]),
        Trigger("proactive.channels.weibo", ["政务微博主动公开政府信息", "政务微博公开政府信息"]),
        Trigger("proactive.channels.wechat", ["政务微信主动公开政府信息", "政务微信公开政府信息"]),
        // 依申请
        Trigger("requests.newReceived.total", ["收到政府信息公开申请", "收到信息公开申请", "收到依申请公开", "收到政府信息依申请公开",
                                              "受理政府信息公开申请", "受理信息公开申请", "受理政府信息依申请公开", "受理依申请公开",
                                              "收到公开申请", "受理公开申请"]),
        Trigger("requests.channels.online", ["网上申请", "网络申请", "通过网络申请"]),
        Trigger("requests.channels.letter", ["信函申请"]),
        Trigger("requests.channels.inPerson", ["当面申请", "现场申请"]),
        Trigger("requests.channels.fax", ["传真申请"]),
        Trigger("requests.channels.email", ["电子邮件申请", "邮件申请"]),
        Trigger("requests.channels.other", ["其他申请", "其他形式申请"]),
        Trigger("requests.responded.total", ["答复政府信息公开申请", "已答复", "答复申请", "办结政府信息公开申请", "对申请的答复"]),
        Trigger("requests.granted.total", ["同意公开"]),
        Trigger("requests.partiallyGranted.total", ["同意部分公开", "部分公开"]),
        Trigger("requests.denied.total", ["不同意公开", "不予公开"]),
        Trigger("requests.notThisAgency.total", ["不属于本行政机关公开", "不属于本机关公开", "非本机关"]),
        Trigger("requests.notExist.total", ["申请信息不存在", "信息不存在"]),
        Trigger("requests.amendRequested.total", ["告知作出更改补充", "作出更改补充"]),
        Trigger("requests.redirected.total", ["告知通过其他途径办理", "通过其他途径办理"]),
        Trigger("requests.alreadyPublic.total", ["属于已主动公开范围", "属于已主动公开"]),
        Trigger("requests.otherResponse.total", ["其他答复情形", "其他答复"]),
        // 收费
        Trigger("fees.collectedYuan", ["收取的费用", "收取费用", "收取信息处理费", "收取的信息处理费", "信息处理费"]),
        // 复议、诉讼
        Trigger("appeals.review.total", ["行政复议"]),
        Trigger("appeals.litigation.total", ["行政诉讼"]),
        Trigger("appeals.{scope}.upheld", ["维持具体行政行为", "维持原具体行政行为", "维持原行政行为", "维持原决定", "结果维持"]),
        Trigger("appeals.{scope}.corrected", ["被依法纠错", "依法纠错", "结果纠正"]),
        Trigger("appeals.{scope}.other", ["其他情形", "其他结果"]),
        Trigger("appeals.complaints.total", ["举报投诉", "投诉举报", "申诉"]),
    ]

    /// What a printed percentage of a figure is a share of ("网上申请1985宗,占57.25%" → of the applications).
    static func wholeOf(_ path: String) -> String? {
        if path.hasPrefix("requests.channels.") { return "requests.newReceived.total" }
        if path.hasPrefix("proactive.categories.") || path.hasPrefix("proactive.channels.") { return "proactive.total" }
        for group in ["review", "litigation"] where path.hasPrefix("appeals.\(group).") && !path.hasSuffix(".total") {
            return "appeals.\(group).total"
        }
        let outcomes = ["granted", "partiallyGranted", "denied", "notThisAgency", "notExist", "amendRequested", "redirected",
                        "alreadyPublic", "otherResponse"]
        if outcomes.contains(where: { path == "requests.\($0).total" }) { return "requests.responded.total" }
        return nil
    }

    /// The words that open an appeal scope.
    static let scopes: [(phrase: String, key: String)] = [("行政复议", "review"), ("复议", "review"), ("行政诉讼", "litigation"), ("诉讼", "litigation")]

    /// The only characters that may stand between a trigger and its number (besides quotes, spaces and
    /// bracketed asides): 共计、总计、合计、为、达、了、的、是、有、案、数量、累计、政府信息、金额 …
    /// Anything else ("主动公开政府信息包括通知公告10条", "答复申请人咨询事项146859件") means the number
    /// belongs to something else.
    static let connectives: Set<Unicode.Scalar> = Set("共计总合为达了的是有案数量累政府信息额金".unicodeScalars)

    /// Scalars that a line must contain for a zero statement to be possible in it.
    static let negations: Set<Unicode.Scalar> = Set("未没沒无無不".unicodeScalars)

    /// Sentences stating that there were none. Each regular expression runs on a normalised paragraph;
    /// a match sets its paths to 0 (provenance "stated as none") unless a number was printed for them.
    struct ZeroStatement: @unchecked Sendable {
        let expression: NSRegularExpression
        let paths: [String]
        init(_ pattern: String, _ paths: [String]) {
            expression = try! NSRegularExpression(pattern: pattern)
            self.paths = paths
        }
    }

    static let zeroStatements: [ZeroStatement] = [
        ZeroStatement("(未|没有)(收到|受理|接到)[^。;,]{0,8}(信息公开|依申请|公开)[^。;,]{0,6}申请", ["requests.newReceived.total"]),
        ZeroStatement("(未|没有|不)[^。;,]{0,10}收取[^。;,]{0,6}费", ["fees.collectedYuan"]),
        ZeroStatement("(未|没有|无)[^。;,]{0,25}(举报|投诉)[、,和及与]*复议[、,和及与]*诉讼",
                      ["appeals.complaints.total", "appeals.review.total", "appeals.litigation.total"]),
        ZeroStatement("(未|没有|无)[^。;,]{0,25}行政复议[^。;,]{0,10}行政诉讼", ["appeals.review.total", "appeals.litigation.total"]),
        ZeroStatement("(未|没有|无)(发生|收到|出现)?[^。;,]{0,20}行政复议", ["appeals.review.total"]),
        ZeroStatement("(未|没有|无)(发生|收到|出现)?[^。;,]{0,20}行政诉讼", ["appeals.litigation.total"]),
    ]
}
