import Foundation
import GirconvAdapters
import GirconvCore

/// A corpus of realistic report pages for benchmarks and batch tests: the reports of `Samples/` (every
/// HTML sample, and the narrative text samples as the paragraphs a site would print) each placed in the
/// full chrome of one of many generated government sites (`SiteTemplate`), in UTF-8 or GBK as real
/// sites serve them. Each page knows its expected figures: those of the sample it carries, whose golden
/// record the tests check. The same arguments give the same corpus on every run.
public enum RealisticCorpus {
    /// One generated page.
    public struct Page: Sendable {
        public var name: String
        public var bytes: [UInt8]
        /// The sample whose report the page carries.
        public var sample: String
        /// The figures a correct conversion gives (path → value; nil for a null figure).
        public var expected: [String: Decimal?]
    }

    /// A report to place in pages: its title, its body as an HTML fragment, and its figures.
    struct Report {
        var sample: String
        var title: String
        var body: String
        var gbkSource: Bool
        var expected: [String: Decimal?]
    }

    /// Text samples that are prose (a page flattened to text); table flattenings cannot become paragraphs.
    static let proseSamples = ["dongguan-2018-city.txt", "huludao-2017-city.txt", "shenzhen-2017-government-services.txt"]

    /// `count` pages over `sites` sites from the samples in `samples`.
    public static func generate(samples: URL, count: Int, sites: Int = 40) throws -> [Page] {
        let reports = try loadReports(samples)
        guard !reports.isEmpty else { return [] }
        let templates = (0..<sites).map(SiteTemplate.init(index:))
        return (0..<count).map { i in
            let report = reports[i % reports.count]
            let site = templates[(i / reports.count) % templates.count]
            // GBK where the sample is, and on every third site besides: the mix real sites serve.
            let gbk = report.gbkSource || (i / reports.count) % 3 == 1
            let page = site.page(title: report.title, body: report.body, charset: gbk ? "gbk" : "utf-8", date: "2020-03-\(10 + i % 20)")
            let bytes = gbk ? (page.data(using: InputDecoder.gb18030).map { [UInt8]($0) } ?? Array(page.utf8)) : Array(page.utf8)
            let stem = (report.sample as NSString).deletingPathExtension
            return Page(name: String(format: "site%02d-%@-%05d.html", (i / reports.count) % templates.count, stem, i),
                        bytes: bytes, sample: report.sample, expected: report.expected)
        }
    }


    /// The samples' reports with the figures girconv reads from them (the golden records' figures).
    static func loadReports(_ samples: URL) throws -> [Report] {
        let registry = BuiltinAdapters.registry()
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
        var reports: [Report] = []
        for name in names where name.hasSuffix(".html") || proseSamples.contains(name) {
            let bytes = [UInt8](try Data(contentsOf: samples.appendingPathComponent(name)))
            let input = RawInput(name: name, bytes: bytes)
            let record = try registry.convert(input)
            let text = try InputDecoder.decode(input).text
            let body = name.hasSuffix(".html") ? bodyFragment(of: text) : paragraphs(of: text)
            reports.append(Report(sample: name, title: record.report.title ?? name, body: body,
                                  gbkSource: record.source.encoding.hasPrefix("GB"), expected: record.figures.mapValues(\.value)))
        }
        return reports
    }

    /// What is inside `<body>` (the whole text if there is no body element).
    static func bodyFragment(of html: String) -> String {
        guard let open = html.range(of: "<body", options: .caseInsensitive),
              let openEnd = html[open.upperBound...].firstIndex(of: ">") else { return html }
        let rest = html[html.index(after: openEnd)...]
        let end = rest.range(of: "</body>", options: [.caseInsensitive, .backwards])?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// Prose as a site prints it: one `<p>` per line, text escaped.
    static func paragraphs(of text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { line -> String in
            let escaped = line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            return "<p style=\"text-indent:2em;\">\(escaped)</p>"
        }.joined(separator: "\n")
    }
}
