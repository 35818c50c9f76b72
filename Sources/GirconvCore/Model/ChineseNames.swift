/// One Chinese name for every figure path of the catalog (`FigureSpec.name`): what a CSV written with
/// `--labels zh` puts in its header, and the 中文名 of the data dictionary (`girconv schema --dictionary`).
/// Names are short and unique ("本年新收申请·自然人"); the labels as each layout prints them are in the
/// dictionary beside them. Built from the path's segments, so a new path without a name is found by a test.
enum ChineseNames {
    static func name(of path: String) -> String? {
        let parts = path.split(separator: ".").map(String.init)
        guard let head = parts.first else { return nil }
        switch head {
        case "proactive": return proactive(Array(parts.dropFirst()))
        case "requests": return requests(Array(parts.dropFirst()))
        case "appeals":
            guard parts.count == 3, let group = appealGroups[parts[1]], let column = appealColumns[parts[2]] else { return nil }
            return "\(group)·\(column)"
        case "fees": return parts == ["fees", "collectedYuan"] ? "依申请收取信息处理费（元）" : nil
        case "organization", "training": return organisation[path]
        default: return nil
        }
    }

    private static func proactive(_ parts: [String]) -> String? {
        if parts == ["total"] { return "主动公开信息数" }
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "categories": return categories[parts[1]].map { "主动公开类别·\($0)" }
        case "channels": return publicationChannels[parts[1]].map { "主动公开渠道·\($0)" }
        case "fees" where parts[1] == "amountWanYuan": return "行政事业性收费·本年收费金额（万元）"
        case "procurement": return ["projects": "政府集中采购·采购项目数", "amountYuan": "政府集中采购·采购总金额（元）"][parts[1]]
        default:
            guard let item = tableTwoItems[parts[0]], let column = tableTwoColumns[parts[1]] else { return nil }
            return "\(item)·\(column)"
        }
    }

    private static func requests(_ parts: [String]) -> String? {
        if parts.count == 2, parts[0] == "channels" { return applicationChannels[parts[1]].map { "申请渠道·\($0)" } }
        guard parts.count >= 2, let column = applicantColumns[parts[parts.count - 1]] else { return nil }
        let row = parts.dropLast().joined(separator: ".")
        guard let name = requestRows[row] else { return nil }
        return "\(name)·\(column)"
    }

    static let tableTwoItems = ["rules": "规章", "normativeDocs": "规范性文件", "licensing": "行政许可",
                                "otherServices": "其他对外管理服务事项", "penalties": "行政处罚", "enforcement": "行政强制",
                                "fees": "行政事业性收费"]
    static let tableTwoColumns = ["made": "本年制发", "published": "本年新公开", "publicTotal": "对外公开总数",
                                  "repealed": "本年废止", "inForce": "现行有效", "previousYear": "上年项目数",
                                  "change": "本年增减", "decisions": "处理决定数"]
    static let categories = ["organization": "组织机构", "documents": "部门文件", "updates": "动态信息", "powers": "行政职权",
                             "budget": "财政预决算", "proposals": "建议提案办理结果", "other": "其他信息"]
    static let publicationChannels = ["website": "政府网站", "gazette": "政府公报", "weibo": "政务微博", "wechat": "政务微信",
                                      "newMedia": "政务新媒体", "pressConference": "新闻发布会", "media": "新闻媒体", "other": "其他方式"]
    static let applicationChannels = ["inPerson": "当面", "fax": "传真", "online": "网络", "email": "电子邮件", "letter": "信函",
                                      "other": "其他形式"]
    /// Table 三's columns; 其他 is named 其他组织 so that it is not read as a row's "other".
    static let applicantColumns = ["naturalPerson": "自然人", "business": "商业企业", "research": "科研机构",
                                   "nonprofit": "社会公益组织", "legalService": "法律服务机构", "otherOrg": "其他组织", "total": "总计"]
    static let requestRows: [String: String] = [
        "newReceived": "本年新收申请", "carriedOver": "上年结转申请", "granted": "予以公开", "partiallyGranted": "部分公开",
        "denied": "不予公开（合计）", "denied.stateSecret": "不予公开·国家秘密", "denied.prohibitedByLaw": "不予公开·法律行政法规禁止",
        "denied.endangersSafety": "不予公开·危及三安全一稳定", "denied.thirdPartyRights": "不予公开·第三方合法权益",
        "denied.internalAffairs": "不予公开·三类内部事务信息", "denied.processInfo": "不予公开·四类过程性信息",
        "denied.enforcementFiles": "不予公开·行政执法案卷", "denied.adminQuery": "不予公开·行政查询事项",
        "denied.businessSecret": "不予公开·商业秘密", "denied.privacy": "不予公开·个人隐私",
        "denied.notGovernmentInfo": "不予公开·非《条例》所指政府信息", "denied.otherLegal": "不予公开·法律法规规定的其他情形",
        "unableToProvide": "无法提供（合计）", "unableToProvide.notHeld": "无法提供·本机关不掌握",
        "unableToProvide.needsCreation": "无法提供·需另行制作", "unableToProvide.stillUnclear": "无法提供·补正后仍不明确",
        "notProcessed": "不予处理（合计）", "notProcessed.petition": "不予处理·信访举报投诉类", "notProcessed.repeated": "不予处理·重复申请",
        "notProcessed.publication": "不予处理·要求提供公开出版物", "notProcessed.excessive": "不予处理·无正当理由大量反复申请",
        "notProcessed.confirmation": "不予处理·要求确认或重新出具",
        "otherHandling": "其他处理（合计）", "otherHandling.noCorrection": "其他处理·逾期不补正",
        "otherHandling.feeUnpaid": "其他处理·逾期未缴费", "otherHandling.other": "其他处理·其他",
        "handledTotal": "办理结果总计", "carriedForward": "结转下年度办理",
        // Pre-2019 templates.
        "concluded": "申请办结", "concludedOnTime": "按时办结", "concludedLate": "延期办结", "responded": "申请答复",
        "notThisAgency": "不属于本机关公开", "notExist": "申请信息不存在", "amendRequested": "告知作出更改补充",
        "redirected": "告知通过其他途径办理", "alreadyPublic": "属于已主动公开范围", "notGovernmentInfo": "不属于政府信息公开范围",
        "notThisAgencyOrNotExist": "非本机关或信息不存在", "unrelatedToNeeds": "与生产生活科研需要无关", "unclear": "申请内容不明确",
        "otherResponse": "其他答复",
    ]
    static let appealGroups = ["review": "行政复议", "litigationDirect": "行政诉讼（未经复议直接起诉）",
                               "litigationAfterReview": "行政诉讼（复议后起诉）", "litigation": "行政诉讼", "complaints": "举报投诉"]
    static let appealColumns = ["upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"]
    static let organisation = [
        "organization.dedicatedUnits": "政府信息公开专门机构数", "organization.readingPoints": "政府信息公开查阅点数",
        "organization.staff.total": "政府信息公开工作人员数", "organization.staff.fullTime": "专职人员数",
        "organization.staff.partTime": "兼职人员数", "organization.budgetWanYuan": "政府信息公开专项经费（万元）",
        "training.meetings": "政府信息公开工作会议数", "training.courses": "培训班数", "training.attendees": "接受培训人员数",
    ]
}
