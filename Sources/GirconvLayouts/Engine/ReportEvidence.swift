import Foundation
import GirconvCore
import GirconvText

extension ReportEvidenceSpec {
    /// A heading is a line of at most this many characters (normalised, without spaces), as a title is.
    static let headingLength = 80
    /// A heading is not a sentence: it holds no ideographic full stop (U+3002).
    static let fullStop: Unicode.Scalar = "\u{3002}"

    /// Nil when the document shows itself a report (a heading naming it, or enough of its section
    /// headings; and a year); else what it lacks, worded for the `not-a-report` error.
    func lacking(in document: ReportDocument) -> String? {
        var lacks: [String] = []
        if !hasHeading(document) {
            let found = sectionsFound(in: document)
            if found < sectionsNeeded {
                lacks.append("no heading or title naming the report (\(headingWords.joined(separator: "/")) with "
                             + "\(headingSubjects.joined(separator: "/"))) and \(found) of its section headings (\(sectionsNeeded) needed)")
            }
        }
        if !hasYear(document) { lacks.append("no year stated") }
        return lacks.isEmpty ? nil : lacks.joined(separator: "; ")
    }

    func hasHeading(_ document: ReportDocument) -> Bool {
        // Cheap first: the whole text must print a heading word and a subject somewhere.
        guard headingWords.contains(where: document.mentions), headingSubjects.contains(where: document.mentions) else { return false }
        let traditional = document.simplifiedLines != nil
        let lines = document.titleHints + document.lines.map(\.text)
        return lines.contains { line in
            // A line of spaces and a heading (a scalar is at most 4 bytes) is not much longer than the heading.
            guard line.utf8.count <= 16 * Self.headingLength else { return false }
            let key = TextNormalizer.matchKey(line, traditional: traditional)
            return key.unicodeScalars.count <= Self.headingLength && !key.unicodeScalars.contains(Self.fullStop)
                && headingWords.contains(where: key.has) && headingSubjects.contains(where: key.has)
        }
    }

    /// How many of the section headings the document prints.
    func sectionsFound(in document: ReportDocument) -> Int {
        let candidates = sections.filter { RegexLiterals.required(in: $0.pattern).allSatisfy(document.mentions) }
        guard !candidates.isEmpty else { return 0 }
        let text = String(decoding: document.matchText, as: UTF8.self)
        let range = NSRange(location: 0, length: (text as NSString).length)
        return candidates.filter { $0.expression.firstMatch(in: text, range: range) != nil }.count
    }

    /// A year ("2016年", "2016年度", "二〇一六年") in the title or anywhere in the text.
    func hasYear(_ document: ReportDocument) -> Bool {
        if ReportMetadataReader.titleYear(in: document) != nil { return true }
        return document.lines.contains { ReportMetadataReader.year(inTitle: $0.text) != nil }
    }
}
