import GirconvCore
import GirconvText
import Plot

/// The one page frame every girconv page uses (a report's proof sheet, an index of reports, a comparison):
/// a complete HTML document with its style sheet inline — no network, no external scripts, fonts or images —
/// so a page can be mailed, archived or opened from a USB stick and looks the same.
///
/// Pages are built with Plot's node DSL, which escapes every text and attribute value; no page text is
/// concatenated into markup by hand.
public enum PageShell {
    /// A whole document: `<!DOCTYPE html>`, `lang="zh-CN"`, UTF-8, the shared style sheet followed by
    /// `pageStyle` (the page kind's own rules), the title as `<h1>`, then `body`.
    public static func document(title: String, subtitle: String? = nil, pageStyle: String = "",
                                body: Node<HTML.BodyContext>...) -> String {
        document(title: title, subtitle: subtitle, pageStyle: pageStyle, bodyNodes: body)
    }

    public static func document(title: String, subtitle: String? = nil, pageStyle: String = "",
                                bodyNodes: [Node<HTML.BodyContext>]) -> String {
        let page = HTML(
            .lang(.chinese),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("generator"), .content("girconv")),
                .element(named: "title", nodes: [text(title)]),
                .style(sharedStyle + pageStyle)
            ),
            .body(
                .header(
                    .h1(text(title)),
                    .unwrap(subtitle) { .p(.class("subtitle"), text($0)) }
                ),
                .main(.group(bodyNodes))
            )
        )
        return page.render(indentedBy: nil)
    }

    /// Text as a node, every `&`, `<`, `>` and quote escaped. (Plot's own `.text` leaves a `&` that starts
    /// something like an entity as it is, so a report printing "&lt;" would show "<"; and Plot writes
    /// attribute values as they are given.) Report text reaches a page only through `text` and `attribute`.
    public static func text<Context>(_ text: String) -> Node<Context> {
        .raw(escaped(text))
    }

    /// An attribute whose value is escaped (see `text`).
    public static func attribute<Context>(_ name: String, _ value: String) -> Node<Context> {
        .attribute(named: name, value: escaped(value), ignoreIfValueIsEmpty: false)
    }

    /// An attribute whose value is escaped, or no attribute at all when there is no value.
    public static func attribute<Context>(_ name: String, _ value: String?) -> Node<Context> {
        value.map { attribute(name, $0) } ?? .group([])
    }

    /// `&`, `<`, `>`, `"` and `'` as character references; characters XML 1.0 does not allow left out
    /// (`MarkupText`, shared with the XML record writer).
    public static func escaped(_ text: String) -> String {
        MarkupText.escaped(text, quotes: true)
    }

    /// The CSS class a figure's cell carries for the way it was read (one class per reading rule; the legend
    /// and the style sheet are generated from `ReadingRule.allCases`, so a new rule cannot go uncoloured).
    public static func cssClass(for rule: ReadingRule) -> String {
        "how-" + rule.rawValue.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "a"..."z", "0"..."9": return String(scalar)
            case "A"..."Z": return String(scalar).lowercased()
            case "无": return "none-word"
            default: return "-"
            }
        }.joined()
    }

    /// A legend: one swatch per reading rule, each with its CSS class and its name as the record prints it.
    public static func legend() -> Node<HTML.BodyContext> {
        .ul(.class("legend"), .forEach(ReadingRule.allCases) { rule in
            .li(.span(.class("swatch " + cssClass(for: rule))), text(rule.rawValue))
        })
    }

    /// Background colours per reading rule: printed figures plain, zeros by convention pale grey, absent ones
    /// hatched, figures girconv computed (derived) or chose (recovered, by-position) in warm colours that draw the eye.
    static let ruleColours: [ReadingRule: String] = [
        .printed: "#ffffff",
        .blankAsZero: "#eef1f4",
        .dashAsZero: "#e6ebf0",
        .noneWordAsZero: "#dde4ea",
        .notApplicable: "repeating-linear-gradient(45deg,#f4f4f4,#f4f4f4 4px,#e2e2e2 4px,#e2e2e2 8px)",
        .unreadable: "#ffd6d6",
        .statedZero: "#e3f1e0",
        .derived: "#fff2c2",
        .recovered: "#ffdcae",
        .byPosition: "#ffc9a3",
    ]

    static var sharedStyle: String {
        var css = """
        :root{color-scheme:light;--ink:#1d2329;--muted:#5b6670;--line:#c9d0d6;--fail:#c62828;--warn:#b26a00}
        *{box-sizing:border-box}
        body{margin:0;padding:1.5rem 2rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC",\
        "Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fafbfc}
        h1{font-size:1.45rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
        .subtitle{color:var(--muted);margin:0 0 1rem}
        table{border-collapse:collapse;background:#fff;margin:.4rem 0 1rem}
        th,td{border:1px solid var(--line);padding:.25rem .5rem;vertical-align:top}
        th{background:#f0f3f6;font-weight:600;text-align:left}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .fail{outline:3px solid var(--fail);outline-offset:-3px}
        a{color:#1a5fb4}
        .warning{color:var(--warn)}
        ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.85rem}
        .swatch{display:inline-block;width:1.1em;height:1.1em;border:1px solid var(--line);margin-right:.3em;\
        vertical-align:-.2em}

        """
        for rule in ReadingRule.allCases {
            css += ".\(cssClass(for: rule)){background:\(ruleColours[rule] ?? "#ffffff")}\n"
        }
        return css
    }
}
