import Foundation

/// Lines that belong to a website's frame, not to the report: breadcrumbs, footers, counters, share
/// and print links. Dropped from the lines adapters read (titles, sentences), for text and HTML alike.
public enum ChromeLines {
    /// Phrases that mark a line as site chrome, in simplified and traditional characters (so that no
    /// line needs the costly script conversion just to be recognised as chrome).
    static let markers: [String] = {
        let simplified = baseMarkers
        let traditional = simplified.compactMap { $0.applyingTransform(StringTransform("Hans-Hant"), reverse: false) }
        return Array(Set(simplified + traditional))
    }()

    static let baseMarkers: [String] = [
        "icp备", "公网安备", "网站标识码", "版权所有", "主办单位", "承办单位", "技术支持", "访问量", "浏览次数", "阅读次数",
        "点击数", "当前位置", "您的位置", "您现在的位置", "【打印】", "[打印]", "关闭窗口", "打印本页", "分享到", "扫一扫",
        "字号:", "【字体", "[字体", "网站地图", "站点地图", "本站支持ipv6", "相关文章", "相关链接", "相关阅读",
    ]

    public static func isChrome(_ line: String) -> Bool {
        // Footers and info bars are short; a long line that mentions 浏览次数 is report prose.
        guard line.unicodeScalars.count < 90 else { return false }
        var folded = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            guard let f = TextNormalizer.fold(scalar), !TextNormalizer.isSpace(f) else { continue }
            folded.append(f.value >= 0x41 && f.value <= 0x5A ? Unicode.Scalar(f.value + 0x20)! : f)
        }
        let key = String(folded)
        guard key.unicodeScalars.count < 60 else { return false }
        if markers.contains(where: { key.has($0) }) { return true }
        // Breadcrumbs: "首页 > 政务公开 > 年度报告".
        return (key.hasPrefix("首页") || key.hasPrefix("首頁")) && key.unicodeScalars.contains { $0 == ">" || $0 == "»" || $0 == "›" }
    }
}
