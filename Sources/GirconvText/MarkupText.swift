/// Text made safe inside XML or HTML markup: `&`, `<`, `>` as character references (and both quotes, for an
/// attribute value), and the characters XML 1.0 does not allow (C0 controls but tab, newline and carriage
/// return; U+FFFE, U+FFFF) left out — a report's stray control byte must not make a page or a record
/// unparseable. The one escaper of the XML record writer and the HTML pages.
package enum MarkupText {
    package static func escaped(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
