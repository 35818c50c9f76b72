/// Levenshtein distance over characters, for "did you mean" hints (layout keys, command names: short words).
package enum EditDistance {
    package static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate nearest to `word` and its distance (the first of equals); nil when there is none.
    package static func nearest(to word: String, among candidates: [String]) -> (candidate: String, distance: Int)? {
        candidates.map { ($0, between(word, $0)) }.min { $0.1 < $1.1 }
    }
}
