import GirconvText

/// The header a web crawler writes before the text of a page it saved:
///
///     标题: 平潭综合实验区2011年政府信息公开工作年度报告
///     发布时间: 2012-04-11 00:00
///     文号:
///     发布机构: 平潭综合实验区管委会办公室
///     栏目: 政府信息公开年报
///     原文链接: https://…
///     本地目录: …
///     ==================== 正文 ====================
///
/// It is recognised by its structure only: the first non-blank line is a "标题:" field and a line of "="
/// around 正文 closes the header within its first lines. The header is metadata, not the report: its
/// lines are no part of the report's text lines (titles, agencies, sentences, table rows are read after
/// it), and its 标题 is the page's title (a title hint, as an HTML page's `<title>` is).
package struct CrawlerHeader: Equatable, Sendable {
    /// The 标题 field's value (nil when it is empty).
    package var title: String?
    /// The index of the first line after the 正文 line.
    package var bodyStart: Int

    /// The header closes within this many lines, or it is not one.
    static let maximumLines = 30

    /// The header at the top of `lines`, or nil.
    package static func find(in lines: [TextLine]) -> CrawlerHeader? {
        guard let first = lines.prefix(maximumLines).firstIndex(where: { !TextNormalizer.collapseWhitespace($0.text).isEmpty }),
              let title = fieldValue(lines[first].text, key: "标题") else { return nil }
        for index in (first + 1)..<min(lines.count, first + maximumLines) where isBodyMarker(lines[index].text) {
            return CrawlerHeader(title: title.isEmpty ? nil : title, bodyStart: index + 1)
        }
        return nil
    }

    /// "标题: X" or "标题：X" → "X" as printed (whitespace collapsed; folding is only for finding the key —
    /// a printed 其它 stays 其它); nil for a line that is not the field.
    static func fieldValue(_ line: String, key: String) -> String? {
        let printed = TextNormalizer.collapseWhitespace(line)
        guard printed.hasPrefix(key) else { return nil }
        let rest = printed.dropFirst(key.count).drop { $0 == " " }
        guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
        return TextNormalizer.collapseWhitespace(String(rest.dropFirst()))
    }

    /// "==================== 正文 ====================": 正文 between runs of "=".
    static func isBodyMarker(_ line: String) -> Bool {
        let key = TextNormalizer.matchKey(line)
        guard key.hasPrefix("="), key.hasSuffix("="), key.has("正文") else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "=" || $0 == "正" || $0 == "文" }
    }
}
