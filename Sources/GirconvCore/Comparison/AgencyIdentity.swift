import Foundation
import GirconvText

/// Which reports are one agency's: the key an agency's name is grouped by across years
/// (docs/agency-identity.md).
///
/// Reports name their agency inconsistently from year to year: 洪泽区人民政府 one year, 淮安市洪泽区人民政府
/// the next. The key is the name's match key (`TextNormalizer.matchKey`: widths, punctuation, spaces and
/// traditional characters folded) with two rules applied:
///
/// 1. **Leading higher-level places are dropped** when what follows them is itself a place of the next
///    level: a province (X省, X自治区) before a prefecture or county (X市, X自治州, X地区, X盟, X区, X县, X旗),
///    and a prefecture (X市, X自治州, X地区, X盟) before a county-level place (X区, X县, X市, X旗, X自治县,
///    X自治旗). So 江苏省淮安市洪泽区人民政府 and 淮安市洪泽区人民政府 are 洪泽区人民政府, while 淮安市人民政府
///    stays 淮安市人民政府 (人民政府 is no place) and 淮安市市场监督管理局 stays itself. A 区 that names a zone
///    rather than a district (开发区, 高新区, 园区, 保税区 …) is no county-level place: 淮安市经济技术开发区管委会
///    keeps its city.
/// 2. **政府 right after a place is 人民政府**: 洪泽区政府办公室 and 洪泽区人民政府办公室 are one agency. Nothing
///    else is shortened: 洪泽区人民政府 (the government) and 洪泽区人民政府办公室 (its office) stay apart.
///
/// The limit: two counties of one name under different prefectures (a 淮安市洪泽区 and a 宿迁市洪泽区) have the
/// same key and cannot be told apart by the name alone; `AgencyIdentity(forced:)` (`--agency`) groups a
/// run's reports as the user says instead.
public struct AgencyIdentity: Sendable {
    /// When set, every report of the run is this agency's, whatever its name.
    public var forced: String?

    public init(forced: String? = nil) { self.forced = forced }

    /// The grouping key of a report's agency; nil when the agency is unknown (and none is forced).
    public func key(of agency: String?) -> String? {
        if let forced { return Self.key(forced) }
        guard let agency, !agency.isEmpty else { return nil }
        return Self.key(agency)
    }

    /// The grouping key of an agency's name.
    public static func key(_ name: String) -> String {
        var key = Array(TextNormalizer.matchKey(name))
        while let rest = droppingLeadingPlace(key) { key = rest }
        return String(governmentSpelledOut(key))
    }

    // MARK: places

    static let provinceSuffixes: [String] = ["自治区", "省"]
    static let prefectureSuffixes: [String] = ["自治州", "地区", "市", "盟"]
    static let countySuffixes: [String] = ["自治县", "自治旗", "区", "县", "市", "旗"]
    /// Characters that end a place: a place's own name holds none (洪泽区市 is no place name). 州 is not one of
    /// them: it is in many names (徐州市, 通州区); a prefecture X州 is matched by its suffix 自治州 only.
    static let placeEnds: Set<Character> = ["省", "市", "区", "县", "盟", "旗"]
    /// Zones named …区 that are not districts.
    static let zoneEndings: [String] = ["开发区", "高新区", "园区", "保税区", "示范区", "试验区", "合作区", "景区", "社区",
                                        "片区", "功能区", "度假区", "管理区", "实验区"]

    /// Characters of an agency's name, never of a place's: a 区 after them is no district (生态环境局洪泽区分局).
    static let agencyCharacters: Set<Character> = ["局", "委", "办", "厅", "部", "院", "会", "处", "所", "站", "心", "队",
                                                   "馆", "室", "团", "司", "署", "府"]

    /// The leading place of `text` with one of `suffixes`: its length (name and suffix). The name before the
    /// suffix holds no place end and no agency character, and has two to four characters (one for 县: 沛县;
    /// up to ten before 自治…: 阿克塞哈萨克族自治县) — so 城市管理局 and 市场监督管理局 begin with no place.
    static func leadingPlace(_ text: [Character], suffixes: [String]) -> Int? {
        guard text.count > 1 else { return nil }
        for length in 1...min(10, text.count - 1) {
            let last = text[length - 1]
            if placeEnds.contains(last) || agencyCharacters.contains(last) { return nil }
            for suffix in suffixes.map(Array.init) where text.count >= length + suffix.count
                && Array(text[length..<(length + suffix.count)]) == suffix {
                let longest = suffix.starts(with: ["自", "治"]) ? 10 : 4, shortest = suffix == ["县"] ? 1 : 2
                if (shortest...longest).contains(length) { return length + suffix.count }
            }
        }
        return nil
    }

    /// A county-level place at the start of `text` (a district, county, county-level city or banner, not a zone).
    static func leadingCounty(_ text: [Character]) -> Int? {
        guard let length = leadingPlace(text, suffixes: countySuffixes) else { return nil }
        let place = String(text[0..<length])
        if zoneEndings.contains(where: place.hasSuffix) { return nil }
        return length
    }

    /// `text` without its leading province or prefecture, when the rest starts with a place of a lower level.
    static func droppingLeadingPlace(_ text: [Character]) -> [Character]? {
        if let province = leadingPlace(text, suffixes: provinceSuffixes) {
            let rest = Array(text[province...])
            if leadingPlace(rest, suffixes: prefectureSuffixes) != nil || leadingCounty(rest) != nil { return rest }
        }
        if let prefecture = leadingPlace(text, suffixes: prefectureSuffixes) {
            let rest = Array(text[prefecture...])
            if leadingCounty(rest) != nil { return rest }
        }
        return nil
    }

    /// 政府 right after a place end, not already 人民政府, spelled 人民政府.
    static func governmentSpelledOut(_ text: [Character]) -> [Character] {
        var out: [Character] = []
        var index = 0
        while index < text.count {
            if text[index] == "政", index + 1 < text.count, text[index + 1] == "府", let last = out.last, placeEnds.contains(last) {
                out += ["人", "民"]
            }
            out.append(text[index])
            index += 1
        }
        return out
    }
}
