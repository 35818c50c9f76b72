import Foundation

/// The adapters and readers girconv knows, and the pipeline that runs them: decode → read → detect →
/// extract → check. Built-in adapters are registered by `GirconvAdapters`; other packages may add theirs.
public struct Converter: Sendable {
    public private(set) var adapters: [any ReportAdapter] = []
    public private(set) var readers: [any DocumentReader] = [PlainTextReader()]
    /// Below this confidence no adapter is chosen.
    public var threshold: Double = 0.35

    public init(adapters: [any ReportAdapter] = [], readers: [any DocumentReader] = [PlainTextReader()]) {
        self.adapters = adapters
        self.readers = readers
    }

    public mutating func register(_ adapter: any ReportAdapter) {
        adapters.removeAll { $0.id == adapter.id }
        adapters.append(adapter)
    }

    /// Adds a reader, or replaces the reader of the same media type; its signature is tried before the
    /// others'.
    public mutating func register(reader: any DocumentReader) {
        readers.removeAll { $0.format.mediaType == reader.format.mediaType }
        readers.insert(reader, at: 0)
    }

    /// The extensions of files a directory walk reads (every reader's, lower case, no dot).
    public var reportExtensions: Set<String> { Set(readers.flatMap(\.format.extensions)) }

    /// Decodes and reads raw bytes into a document.
    public func document(from input: RawInput, limits: ReadingLimits = .default) throws -> ReportDocument {
        let decoded = try InputDecoder.decode(input, limits: limits, formats: readers.map(\.format))
        guard let reader = readers.first(where: { $0.format.mediaType == decoded.mediaType }) else {
            throw GirconvError.unsupportedMediaType(path: input.name, mediaType: decoded.mediaType)
        }
        let source = SourceInfo(name: input.name, path: input.path, sha256: SHA256.hex(input.bytes), mediaType: decoded.mediaType,
                                encoding: decoded.encoding, byteCount: input.bytes.count)
        return try reader.read(decoded, source: source)
    }

    /// The outcome of detection: the chosen adapter (if any) and every score.
    public struct Decision: Sendable {
        public var chosen: (any ReportAdapter)?
        public var score: DetectionScore
        public var candidates: [(id: String, score: DetectionScore)]
    }

    /// Scores the document with every adapter; `forcing` an adapter id skips the choice.
    public func detect(_ document: ReportDocument, forcing forcedID: String? = nil) -> Decision {
        // Highest confidence first; on equal confidence the adapter registered later wins (a user's layout
        // over the built-in layout it varies).
        let scored = adapters.enumerated().map { (index: $0.offset, adapter: $0.element, score: $0.element.detect(document)) }
            .sorted { ($0.score.confidence, $0.index) > ($1.score.confidence, $1.index) }
        let candidates = scored.map { (id: $0.adapter.id, score: $0.score) }
        if let forcedID, let forced = scored.first(where: { $0.adapter.id == forcedID }) {
            return Decision(chosen: forced.adapter, score: forced.score, candidates: candidates)
        }
        guard let best = scored.first, best.score.confidence >= threshold else {
            return Decision(chosen: nil, score: scored.first?.score ?? .none, candidates: candidates)
        }
        return Decision(chosen: best.adapter, score: best.score, candidates: candidates)
    }

    /// Runs the whole pipeline on one input.
    /// `strict`: derive nothing (blank totals next to non-zero parts stay null, group rows are not summed).
    public func convert(_ input: RawInput, forcing forcedID: String? = nil,
                        limits: ReadingLimits = .default, strict: Bool = false) throws -> CanonicalRecord {
        let document = try document(from: input, limits: limits)
        return try convert(document, forcing: forcedID, strict: strict)
    }

    public func convert(_ document: ReportDocument, forcing forcedID: String? = nil, strict: Bool = false) throws -> CanonicalRecord {
        if let forcedID, !adapters.contains(where: { $0.id == forcedID }) {
            throw GirconvError.usage("unknown adapter '\(forcedID)'; known: \(adapters.map(\.id).joined(separator: ", "))")
        }
        let decision = detect(document, forcing: forcedID)
        guard let adapter = decision.chosen else {
            if let reason = decision.candidates.lazy.compactMap(\.score.notAReport).first {
                throw GirconvError.notAReport(path: document.source.name, reason: reason)
            }
            throw GirconvError.noLayoutRecognised(path: document.source.name, seen: describe(document, decision))
        }
        var extraction = try adapter.extract(from: document)
        let detection = DetectionInfo(
            adapter: adapter.id,
            confidence: (decision.score.confidence * 100).rounded() / 100,
            evidence: decision.score.evidence,
            // Runners-up that found nothing of their layout are not candidates (and adding an adapter does
            // not change the records of reports it does not claim).
            candidates: decision.candidates.filter { $0.id != adapter.id && $0.score.confidence > 0 }
                .map { DetectionCandidate(adapter: $0.id, confidence: ($0.score.confidence * 100).rounded() / 100) })
        let checks = IdentityChecker.finish(&extraction, adapter: adapter, strict: strict)
        var record = CanonicalRecord(source: document.source, detection: detection, report: extraction.report,
                                     figures: extraction.figures, checks: checks, warnings: document.warnings + extraction.warnings)
        if record.hasNoFigures {
            record.warnings.append(ReportWarning(code: "no-figures", message: "no figure could be read from the report: nothing could be checked"))
        }
        return record
    }

    /// A one-line account of what was seen, for "no known layout" errors.
    func describe(_ document: ReportDocument, _ decision: Decision) -> String {
        var parts: [String] = []
        let best = decision.candidates.first
        if let best, best.score.confidence > 0 {
            parts.append("best guess \(best.id) at \(String(format: "%.2f", best.score.confidence)) (below \(threshold))"
                         + (best.score.evidence.isEmpty ? "" : ", saw " + best.score.evidence.prefix(4).joined(separator: ", ")))
        } else {
            parts.append("no adapter found any of its labels")
        }
        let title = ReportMetadataReader.title(in: document)
        if let title { parts.append("title \"\(title)\"") }
        parts.append("\(document.lines.count) lines, \(document.source.mediaType)")
        return parts.joined(separator: "; ")
    }
}
