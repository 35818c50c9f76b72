import Foundation
import GirconvCore

/// Reads 2008–2018 reports whose statistics are appended as tables (附表); the narrative is read too,
/// and where both state a figure the table wins and a disagreement is a warning.
public struct AppendixAdapter: ReportAdapter {
    public init() {}
    public var id: String { "pre2019-appendix" }
    public var layout: Layout { .pre2019Appendix }

    public func detect(_ document: ReportDocument) -> DetectionScore {
        let appendix = AppendixTableReader().read(document)
        let rows = appendix.matchedLabels.count
        guard rows > 0 else { return .none }
        var score = min(0.7, Double(rows) * 0.06)
        var evidence = appendix.matchedLabels.prefix(8).map { "附表 row \($0)" }
        // The caption may be a table row (flattened text) or a paragraph before the table (HTML).
        if appendix.sawCaption || AppendixLabels.captionMarkers.contains(where: document.mentions) {
            score += 0.25
            evidence.insert("附表 caption", at: 0)
        }
        return Pre2019Extraction.weighByYear(DetectionScore(confidence: score, evidence: evidence), document)
    }

    public func extract(from document: ReportDocument) throws -> Extraction {
        Pre2019Extraction.extract(document, layout: layout, appendix: AppendixTableReader().read(document))
    }
}

/// Reads 2008–2018 reports whose figures sit in sentences.
public struct NarrativeAdapter: ReportAdapter {
    public init() {}
    public var id: String { "pre2019-narrative" }
    public var layout: Layout { .pre2019Narrative }

    public func detect(_ document: ReportDocument) -> DetectionScore {
        guard document.mentions("信息公开") || document.mentions("政务公开") else { return .none }
        let figures = NarrativeReader().read(document).figures
        guard !figures.isEmpty else { return .none }
        let paths = FigureCatalog.ordered(figures.keys)
        let evidence = paths.prefix(8).map { path in
            "\(path) ← \"\(figures[path]!.provenance.raw)\""
        }
        return Pre2019Extraction.weighByYear(DetectionScore(confidence: min(0.8, 0.2 + 0.1 * Double(paths.count)), evidence: evidence), document)
    }

    public func extract(from document: ReportDocument) throws -> Extraction {
        Pre2019Extraction.extract(document, layout: layout, appendix: nil)
    }
}

/// What both pre-2019 adapters share: metadata, the narrative, the merge with appendix tables, and the
/// completeness warnings.
enum Pre2019Extraction {
    /// The figures a pre-2019 report normally states; a missing one is worth a warning.
    static let expected: [(path: String, what: String)] = [
        ("proactive.total", "主动公开政府信息数"), ("requests.newReceived.total", "收到申请数"),
        ("fees.collectedYuan", "收取费用"), ("appeals.review.total", "行政复议数"), ("appeals.litigation.total", "行政诉讼数"),
    ]

    static func extract(_ document: ReportDocument, layout: Layout, appendix: AppendixTableReader.Result?) -> Extraction {
        var (report, warnings) = ReportMetadataReader.read(document, layout: layout)
        let narrative = NarrativeReader().read(document)
        warnings += narrative.warnings
        var figures = narrative.figures
        var textStatements: [String: Figure] = [:]
        if let appendix {
            warnings += appendix.warnings
            for (path, tableFigure) in appendix.figures {
                if let told = narrative.figures[path] { textStatements[path] = told }
                if let told = narrative.figures[path], told.value != tableFigure.value {
                    warnings.append(ReportWarning(
                        code: "narrative-table-disagree",
                        message: "\(path): the 附表 row \"\(tableFigure.provenance.location.row ?? "")\" gives \(describe(tableFigure.value)) but the text says \(describe(told.value)) (\"\(told.provenance.location.sentence ?? told.provenance.raw)\", line \(told.provenance.location.line ?? 0)); the table is kept",
                        path: path, location: tableFigure.provenance.location))
                }
                figures[path] = tableFigure
            }
        }
        let missing = expected.filter { figures[$0.path] == nil }.map(\.what)
        if !missing.isEmpty {
            warnings.append(ReportWarning(code: "not-stated", message: "the report states no figure for: " + missing.joined(separator: ", ")))
        }
        return Extraction(report: report, figures: figures, warnings: warnings, shares: narrative.shares, textStatements: textStatements)
    }

    static func describe(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "null" }

    /// The standard layouts were mandated from the reports on 2019: a title year of 2019 or later halves
    /// a pre-2019 score (evidence against, never the deciding evidence for).
    static func weighByYear(_ score: DetectionScore, _ document: ReportDocument) -> DetectionScore {
        guard let title = ReportMetadataReader.title(in: document), let year = ReportMetadataReader.year(inTitle: title), year >= 2019 else {
            return score
        }
        return DetectionScore(confidence: score.confidence / 2, evidence: score.evidence + ["title year \(year) is after the pre-2019 layouts"])
    }
}
