import Foundation
import GirconvText

/// Lines that belong to a website's frame, not to the report: breadcrumbs, footers, counters, share
/// and print links. Dropped from the lines adapters read (titles, sentences), for text and HTML alike.
package enum ChromeLines {
    /// Phrases that mark a line as site chrome, in simplified and traditional characters (so that no
    /// line needs the costly script conversion just to be recognised as chrome).
    static let markers: [String] = Array(Set(baseMarkers + traditionalMarkers))

    static let baseMarkers: [String] = [
        "icp备", "公网安备", "网站标识码", "版权所有", "主办单位", "主办:", "承办单位", "技术支持", "访问量", "浏览次数", "阅读次数",
        "点击数", "当前位置", "您的位置", "您现在的位置", "【打印】", "[打印]", "关闭窗口", "打印本页", "分享到", "扫一扫",
        "字号:", "【字体", "[字体", "网站地图", "站点地图", "本站支持ipv6", "相关文章", "相关链接", "相关阅读",
    ]

    /// `baseMarkers` in traditional characters, those that differ: ICU's Hans-Hant transform of each, written
    /// out so that no process pays for creating the transliterator (about 8 ms) just to know its chrome
    /// (`ChromeLinesTests` derives them again and compares).
    static let traditionalMarkers: [String] = [
        "icp備", "公網安備", "網站標識碼", "版權所有", "主辦單位", "主辦:", "承辦單位", "技術支持", "訪問量", "瀏覽次數", "閱讀次數",
        "點擊數", "當前位置", "您現在的位置", "關閉窗口", "打印本頁", "掃一掃", "字號:", "【字體", "[字體", "網站地圖",
        "站點地圖", "相關文章", "相關鏈接", "相關閱讀",
    ]

    /// The markers as scalars, by their first scalar: one pass over a line finds them all.
    static let markersByFirstScalar: [UInt32: [[Unicode.Scalar]]] = {
        var index: [UInt32: [[Unicode.Scalar]]] = [:]
        for marker in markers {
            let scalars = Array(marker.unicodeScalars)
            if let first = scalars.first { index[first.value, default: []].append(scalars) }
        }
        return index
    }()

    /// The markers' first scalars: most characters start no marker, and a bit test is cheaper than a lookup.
    static let firstScalars = ScalarBitSet(markersByFirstScalar.keys)

    /// True when one of the markers occurs in `key` (already folded).
    static func containsMarker(_ key: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let first = firstScalars
        for i in key.indices {
            guard first.mayContain(key[i].value), let candidates = markersByFirstScalar[key[i].value] else { continue }
            for marker in candidates where i + marker.count <= key.count {
                var equal = true
                for k in 1..<marker.count where key[i + k] != marker[k] { equal = false; break }
                if equal { return true }
            }
        }
        return false
    }

    package static func isChrome(_ line: String) -> Bool {
        // Footers and info bars are short; a long line that mentions 浏览次数 is report prose.
        guard line.hasFewerScalars(than: 90) else { return false }
        // The folded key in a buffer on the stack (fewer than 90 scalars): no allocation per line.
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 90) { buffer in
            var count = 0
            for scalar in line.unicodeScalars {
                guard let f = TextNormalizer.fold(scalar), !TextNormalizer.isSpace(f) else { continue }
                buffer[count] = f.value >= 0x41 && f.value <= 0x5A ? Unicode.Scalar(f.value + 0x20)! : f
                count += 1
            }
            guard count < 60 else { return false }
            let key = UnsafeBufferPointer(rebasing: buffer[..<count])
            if containsMarker(key) { return true }
            // Breadcrumbs: "首页 > 政务公开 > 年度报告".
            return key.count >= 2 && key[0] == "首" && (key[1] == "页" || key[1] == "頁") && key.contains { $0 == ">" || $0 == "»" || $0 == "›" }
        }
    }
}
