import GirconvCore
import GirconvText

/// What marks an element as site chrome rather than report: navigation, breadcrumbs, related-article
/// lists, share bars, footers. Pure data, matched against tag names and `id`/`class` values.
enum ChromeRules {
    /// Elements never part of the report text.
    /// Struck-out text (`<del>`, `<s>`, `<strike>`: "<del>12</del>57" is 57) is not report text either.
    static let invisibleTags: Set<String> = ["script", "style", "noscript", "template", "head", "iframe", "select",
                                             "option", "textarea", "button", "svg", "object", "embed", "map",
                                             "del", "s", "strike"]
    /// Inline elements whose text never joins the text around it: a footnote marker or index (`57<sup>1</sup>`,
    /// `57<sub>2</sub>`) or a link (`57<a href="#fn1">1</a>`) beside a number is not more of its digits.
    static let setApartTags: Set<String> = ["sup", "sub", "a"]
    /// Elements that are chrome by their tag.
    static let chromeTags: Set<String> = ["nav", "footer", "aside"]
    /// Fragments of `id`/`class` values that mark chrome (English and the pinyin abbreviations Chinese
    /// government sites use: dqwz 当前位置, xgwz 相关文章, xglj 相关链接). "print" is not one: many sites
    /// wrap the article itself in `id="printContent"`.
    static let chromeNameFragments: [String] = [
        "nav", "menu", "breadcrumb", "crumb", "position", "location", "dqwz", "footer", "foot", "bottom",
        "copyright", "banner", "sidebar", "side-bar", "related", "xgwz", "xglj", "xgxx", "share", "bdshare",
        "toolbar", "search", "login", "friendlink", "links", "qrcode", "ewm",
    ]
    /// Elements that end a line of text before and after them.
    static let blockTags: Set<String> = ["p", "div", "section", "article", "main", "header", "ul", "ol", "li", "dl", "dt", "td", "th",
                                         "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "center", "form",
                                         "table", "tr", "hr", "address", "figure", "figcaption", "caption"]

    /// What the body walk does with an element of a name.
    enum Role {
        case invisible, chromeTag, lineBreak, table
        /// h1–h3: a block whose text is a title candidate.
        case heading
        case block, inline
        /// Inline, but set apart from the text around it by a space on either side.
        case setApart
    }

    static func role(of name: String) -> Role {
        if invisibleTags.contains(name) { return .invisible }
        if chromeTags.contains(name) { return .chromeTag }
        switch name {
        case "br": return .lineBreak
        case "table": return .table
        case "h1", "h2", "h3": return .heading
        default:
            if setApartTags.contains(name) { return .setApart }
            return blockTags.contains(name) ? .block : .inline
        }
    }

    static func isChromeName(_ value: String) -> Bool {
        let lower = value.lowercased()
        return chromeNameFragments.contains { lower.has($0) }
    }
}
