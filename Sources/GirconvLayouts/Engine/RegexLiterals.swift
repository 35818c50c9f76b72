/// The literal runs that every match of a regular expression must contain, found conservatively from
/// the pattern text: only literals at the top level (outside groups and character classes), never one
/// that a quantifier makes optional, and nothing at all for a pattern with a top-level alternation,
/// inline flags (a case-insensitive literal) or an escape that is not a plain escaped character.
///
/// Used as a prefilter: a line without one of these runs cannot match, so the (costly) regular
/// expression is not run on it. An empty answer only means "no prefilter".
enum RegexLiterals {
    static let metacharacters: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]

    static func required(in pattern: String) -> [String] {
        let chars = Array(pattern)
        var runs: [String] = []
        var run: [Character] = []
        var depth = 0
        var i = 0
        func endRun() {
            if !run.isEmpty { runs.append(String(run)) }
            run = []
        }
        /// Skips a quantifier at `i` (`?`, `*`, `+`, `{m,n}`, each maybe lazy or possessive); true if there was one.
        func skipQuantifier() -> Bool {
            guard i < chars.count else { return false }
            switch chars[i] {
            case "?", "*", "+": i += 1
            case "{":
                guard let close = chars[i...].firstIndex(of: "}") else { return false }
                i = close + 1
            default: return false
            }
            if i < chars.count, chars[i] == "?" || chars[i] == "+" { i += 1 }
            return true
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                // Only an escaped metacharacter or punctuation is a known literal; \d, \p{…}, \u… are not.
                guard i + 1 < chars.count, !chars[i + 1].isLetter, !chars[i + 1].isNumber else { return [] }
                if depth == 0 {
                    i += 2
                    let literal = chars[i - 1]
                    if i < chars.count, ["?", "*", "{"].contains(chars[i]) { endRun(); _ = skipQuantifier(); continue }
                    run.append(literal)
                    if skipQuantifier() { endRun() }   // "+": required once, but not contiguous with what follows
                } else {
                    i += 2
                }
            case "[":
                endRun()
                // Skip the class: "]" right after "[" or "[^" is a literal member; escapes skip a character.
                i += 1
                if i < chars.count, chars[i] == "^" { i += 1 }
                if i < chars.count, chars[i] == "]" { i += 1 }
                while i < chars.count, chars[i] != "]" { i += chars[i] == "\\" ? 2 : 1 }
                guard i < chars.count else { return [] }
                i += 1
                _ = skipQuantifier()
            case "(":
                endRun()
                if i + 2 < chars.count, chars[i + 1] == "?", ![":", "=", "!", "<"].contains(chars[i + 2]) { return [] }   // inline flags
                depth += 1
                i += 1
            case ")":
                guard depth > 0 else { return [] }
                depth -= 1
                i += 1
                if depth == 0 { _ = skipQuantifier() }
            case "|":
                if depth == 0 { return [] }
                i += 1
            case "^", "$", ".", "?", "*", "+", "{", "}", "]":
                if depth == 0 { endRun() }
                if !skipQuantifier() { i += 1 }
            default:
                i += 1
                guard depth == 0 else { continue }
                if i < chars.count, ["?", "*", "{"].contains(chars[i]) {
                    endRun()                       // optional (or possibly zero times): not required
                    _ = skipQuantifier()
                } else {
                    run.append(c)
                    if skipQuantifier() { endRun() }
                }
            }
        }
        guard depth == 0 else { return [] }
        endRun()
        return runs
    }
}
