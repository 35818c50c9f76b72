import Foundation
import GirconvText

/// Running headers and footers of a paged document: lines a word processor or a browser prints at the top
/// or bottom of every page ("XX区人民政府办公室  2023年政府信息公开工作年度报告", "XX局 — 3 —",
/// "第 3 页 共 8 页"). A line is one when, among the first or last `edgeLines` lines of its page (page
/// numbers alone not counted), a line on another page, at the same edge, prints the same text once runs
/// of digits are masked (a page number, a date in it) and whitespace is left out, at the same height
/// (`yTolerance`, when the reader knows where lines are printed); a line with no letter or character (values,
/// dashes alone) is none. Shared by the word-box reading
/// (`WordBoxGridBuilder`) and the `-layout` text fallback (`FlattenedTextGridBuilder`). Linear in the
/// candidate lines: each is looked up by its key and its height band.
package enum RunningLines {
    /// How many lines at each edge of a page may be running lines.
    static let edgeLines = 3
    /// How far apart, in points, two printings of a running line may stand on their pages.
    static let yTolerance = 2.0

    /// A line at an edge of its page: where it is printed (`y`: its middle, in points from the page's top,
    /// nil when unknown) and its text.
    struct Candidate {
        var page: Int
        var top: Bool
        var text: String
        var y: Double?
    }

    /// What peeling the pages' edges leaves (`peel`).
    struct Peeled {
        /// Per page, its lines left once the running lines and the lines passed over at its edges are off.
        var bodies: [Range<Int>]
        /// The running lines that go: a running header printed again, a running footer.
        var repeats: Set<Int>
        /// The running headers' first printings, which stay.
        var firstHeaders: Set<Int>
    }

    /// Peels the pages' edges: `pages` holds each page's range of lines (indices into one list of lines,
    /// in order), `passed` tells a line passed over at an edge and never compared (a page number alone,
    /// a blank line), `text` and `y` a line's text and middle (nil when unknown). A line goes while every
    /// line between it and its page's edge goes too. A running header's first printing (the first page
    /// that prints its key at the top) stays; its repeats and every running footer go.
    static func peel(pages: [Range<Int>], passed: (Int) -> Bool, text: (Int) -> String, y: (Int) -> Double?) -> Peeled {
        // The candidates: each page's first and last `edgeLines` lines not passed over.
        var candidates: [Candidate] = []
        var places: [Int] = []
        for (p, range) in pages.enumerated() {
            for top in [true, false] {
                var i = top ? range.lowerBound : range.upperBound - 1, count = 0
                while range.contains(i), count < edgeLines {
                    if !passed(i) {
                        candidates.append(Candidate(page: p, top: top, text: text(i), y: y(i)))
                        places.append(i)
                        count += 1
                    }
                    i += top ? 1 : -1
                }
            }
        }
        var running = Set<Int>()
        for (i, isRepeated) in zip(places, repeated(candidates)) where isRepeated { running.insert(i) }
        var peeled = Peeled(bodies: [], repeats: [], firstHeaders: [])
        var headersSeen: Set<String> = []
        for range in pages {
            var start = range.lowerBound, end = range.upperBound
            while start < end, running.contains(start) || passed(start) {
                if running.contains(start) {
                    if headersSeen.insert(key(text(start))).inserted { peeled.firstHeaders.insert(start) } else { peeled.repeats.insert(start) }
                }
                start += 1
            }
            while end > start, running.contains(end - 1) || passed(end - 1) {
                if running.contains(end - 1) { peeled.repeats.insert(end - 1) }
                end -= 1
            }
            peeled.bodies.append(start..<end)
        }
        return peeled
    }

    /// The text compared: whitespace left out, every run of digits (ASCII or full-width) one "#".
    static func key(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        var inDigits = false
        for scalar in text.unicodeScalars where !TextNormalizer.isWhitespace(scalar) {
            let isDigit = ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
            if isDigit {
                if !inDigits { key.append("#") }
            } else {
                key.append(scalar)
            }
            inDigits = isDigit
        }
        return String(key)
    }

    /// For each candidate, whether a candidate of another page at the same edge prints the same key at the
    /// same height (any height when `y` is nil).
    static func repeated(_ candidates: [Candidate]) -> [Bool] {
        struct Slot: Hashable { var top: Bool; var key: String; var band: Int }
        func band(_ y: Double?) -> Int { y.map { Int(($0 / yTolerance).rounded(.down)) } ?? 0 }
        // A line of values, dashes or marks alone ("0  0  0", "— —") is a table's row, never a running line.
        let keys = candidates.map { candidate -> String in
            let key = key(candidate.text)
            return key.unicodeScalars.contains(where: \.properties.isAlphabetic) ? key : ""
        }
        // Per slot, the printings of up to four pages (enough to find another page than the line's own).
        var seen: [Slot: [(page: Int, y: Double?)]] = [:]
        for (candidate, key) in zip(candidates, keys) where !key.isEmpty {
            let slot = Slot(top: candidate.top, key: key, band: band(candidate.y))
            if seen[slot, default: []].count < 4, !seen[slot, default: []].contains(where: { $0.page == candidate.page }) {
                seen[slot, default: []].append((candidate.page, candidate.y))
            }
        }
        return zip(candidates, keys).map { candidate, key in
            guard !key.isEmpty else { return false }
            let b = band(candidate.y)
            for neighbour in (candidate.y == nil ? b...b : b - 1...b + 1) {
                let printings = seen[Slot(top: candidate.top, key: key, band: neighbour)] ?? []
                if printings.contains(where: { other in
                    other.page != candidate.page && (candidate.y.map { y in other.y.map { abs($0 - y) <= yTolerance } ?? false } ?? true)
                }) { return true }
            }
            return false
        }
    }
}
