import Foundation
import GirconvCore
import GirconvXML

/// Reads PDF reports through poppler's `pdftotext -layout` (Debian package poppler-utils): the text keeps
/// each table row on one line, which the flattened-text row builder reads like any "label value value …"
/// page. Lines know their page (form feeds separate pages), so provenance names the page. A PDF with no
/// text layer (a scan) is refused with a clear error: no figure is ever invented.
///
/// pdftotext runs within bounds, because a small hostile PDF (thousands of pages sharing one content
/// stream) can keep it busy for minutes and make it print gigabytes: the time limit and the text limit of
/// the input's `ReadingLimits` (`--pdf-timeout`, `--pdf-text-limit`), and an address-space limit of its
/// own (`memoryLimitBytes`). Past any of them it is killed and the input refused with a one-line error.
public struct PDFReportReader: DocumentReader {
    /// Where to find pdftotext (PATH is searched when nil).
    public var pdftotextPath: String?
    /// pdftotext's address-space limit (RLIMIT_AS) in bytes, or nil for none. Its footprint on real reports
    /// is tens of megabytes (most of it shared libraries); the bound is for PDFs built to exhaust memory.
    public var memoryLimitBytes: Int?

    /// Default address-space limit of pdftotext: 1 GiB.
    public static let defaultMemoryLimitBytes = 1 << 30

    /// Hand the PDF to pdftotext from a memory file where the system has them (true), or always through a
    /// scratch copy in a temporary directory (false; the fallback, kept tested).
    package var useMemoryFiles = true

    public init(pdftotextPath: String? = nil, memoryLimitBytes: Int? = PDFReportReader.defaultMemoryLimitBytes) {
        self.pdftotextPath = pdftotextPath
        self.memoryLimitBytes = memoryLimitBytes
    }

    public var format: InputFormat { Self.format }
    public static let format = InputFormat(mediaType: "application/pdf", signature: .prefix(Array("%PDF-".utf8)), extensions: ["pdf"])

    /// Reads the words' boxes (`pdftotext -bbox`, one run) and rebuilds lines and tables from them
    /// (`WordBoxGridBuilder`); when their XHTML cannot be read, the `-layout` text is read as before.
    /// `-bbox` prints the words `-bbox-layout` prints, in the same order (poppler walks the same flows,
    /// blocks and lines for both), without the flow, block and line
    /// elements around them, which girconv does not read: less than half the output, and pdftotext's run
    /// costs about what `-layout`'s does (docs/performance.md, tenth session).
    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        let boxes = try extract(decoded.bytes, name: source.name, limits: decoded.limits, mode: "-bbox")
        if let document = try Self.document(fromBoxes: boxes, source: source, limits: decoded.limits) {
            return document
        }
        let text = String(decoding: try extract(decoded.bytes, name: source.name, limits: decoded.limits, mode: "-layout"), as: UTF8.self)
        return try Self.document(fromLayoutText: text, source: source, limits: decoded.limits)
    }

    /// Makes the document from pdftotext's `-bbox` XHTML (or `-bbox-layout`'s, read alike): lines and one
    /// grid rebuilt from the words' boxes. When no line reads as a table row (a report in prose), the grid
    /// is the rebuilt lines read as flattened text, as the `-layout` text would be; the lines keep their
    /// paragraphs joined. Nil when the XHTML cannot be read (the caller reads the `-layout` text then).
    /// Pure, no process run. Throws `noTextLayer` when no page has a word.
    package static func document(fromBoxes xhtml: [UInt8], source: SourceInfo, limits: ReadingLimits = .default) throws -> ReportDocument? {
        guard let pages = BoundingBoxPages.parse(xhtml) else { return nil }
        guard pages.contains(where: { page in page.contains { word in word.text.unicodeScalars.contains { $0.value > 0x20 } } }) else {
            throw GirconvError.noTextLayer(path: source.name)
        }
        let built = WordBoxGridBuilder.build(pages: pages)
        try InputStructure.checkText(built.text, limits: limits, path: source.name)
        let grid = built.grid ?? FlattenedTextGridBuilder.build(lines: built.lines)
        var pdfSource = source
        pdfSource.encoding = "pdf text layer (pdftotext -bbox, UTF-8)"
        var document = ReportDocument(source: pdfSource, text: built.text, lines: built.lines, tables: [grid],
                                      titleHints: built.headings, wrappedText: built.joinedLabels)
        document.runningLines = Set(built.runningLines)
        return document
    }

    /// Makes the document from pdftotext's `-layout` text: lines numbered by page (pages are separated by
    /// form feeds), one flattened-text grid. Pure, no process run: the fuzz harness calls it with any text.
    /// Throws `noTextLayer` when the text has nothing printable (a scanned PDF).
    /// `limits`: the text's lines and fields are checked against them (`InputStructure`).
    package static func document(fromLayoutText text: String, source: SourceInfo,
                                limits: ReadingLimits = .default) throws -> ReportDocument {
        guard text.unicodeScalars.contains(where: { $0.value > 0x20 && $0 != "\u{0C}" }) else {
            throw GirconvError.noTextLayer(path: source.name)
        }
        try InputStructure.checkText(text, limits: limits, path: source.name)
        // Pages are separated by form feeds; the page number travels with each line.
        var lines: [TextLine] = []
        var page = 1
        for var line in ReportDocument.splitLines(text) {
            let feeds = line.text.unicodeScalars.filter { $0 == "\u{0C}" }.count
            if feeds > 0 {
                page += feeds
                line.text = String(String.UnicodeScalarView(line.text.unicodeScalars.filter { $0 != "\u{0C}" }))
                line.offset += feeds
            }
            line.page = page
            lines.append(line)
        }
        let grid = FlattenedTextGridBuilder.build(lines: lines)
        var pdfSource = source
        pdfSource.encoding = "pdf text layer (pdftotext -layout, UTF-8)"
        var document = ReportDocument(source: pdfSource, text: text, lines: lines, tables: [grid])
        document.runningLines = FlattenedTextGridBuilder.runningLines(lines).first
        return document
    }

    /// Runs pdftotext (`mode`: "-layout" or "-bbox") on the PDF within `limits` and returns its
    /// output. The PDF reaches it as its standard input from a memory file where the system has them (no
    /// scratch directory, nothing on disk), else as a scratch copy; never as the user's path, which could
    /// change between our read and pdftotext's.
    func extract(_ bytes: [UInt8], name: String, limits: ReadingLimits, mode: String) throws -> [UInt8] {
        guard let tool = pdftotextPath ?? Self.findOnPath("pdftotext") else {
            throw GirconvError.inputUnreadable(path: name, reason: "reading PDF needs pdftotext (Debian package poppler-utils); install it with apt-get install -y poppler-utils")
        }
        func run(input: String, standardInput: Int32?) throws -> [UInt8] {
            let pdftotext = BoundedProcess(executable: tool, arguments: [mode, "-enc", "UTF-8", "-q", input, "-"],
                                           timeoutSeconds: limits.pdfTimeoutSeconds, outputLimit: limits.pdfTextBytes,
                                           addressSpaceLimit: memoryLimitBytes, standardInput: standardInput)
            let outcome: BoundedProcess.Outcome
            do { outcome = try pdftotext.run() } catch {
                throw GirconvError.inputUnreadable(path: name, reason: "could not run pdftotext: \(error)")
            }
            return try output(of: outcome, name: name, limits: limits)
        }
        if useMemoryFiles, let memory = MemoryFile(bytes, name: "girconv-pdf") {
            // "-": poppler's tools read the PDF from standard input.
            return try run(input: "-", standardInput: memory.descriptor)
        }
        return try ScratchFile.with(bytes, named: "in.pdf") { try run(input: $0.path, standardInput: nil) }
    }

    /// pdftotext's output, or the error that says which limit stopped it and which option raises it.
    private func output(of outcome: BoundedProcess.Outcome, name: String, limits: ReadingLimits) throws -> [UInt8] {
        switch outcome {
        case .exited(0, let output):
            return output
        case .exited(BoundedProcess.limitNotSet, _) where memoryLimitBytes != nil:
            throw GirconvError.inputUnreadable(path: name, reason: "pdftotext was not run: its memory limit could not be set (setrlimit RLIMIT_AS)")
        case .exited(let status, _) where status == 126 || status == 127:
            // "cannot execute" / "not found" (the child's exit when exec fails, as a shell's); also how a
            // dynamic loader that cannot map the program's libraries within the address-space limit ends.
            let hint = memoryLimitText.map { "not found, or its \($0) memory limit is too small to load it" } ?? "not found"
            throw GirconvError.inputUnreadable(path: name, reason: "pdftotext could not be started (exit \(status): \(hint))")
        case .exited(let status, _):
            throw GirconvError.undecodable(path: name, reason: "pdftotext could not read this PDF (exit \(status))")
        case .signalled(let signal):
            let hint = memoryLimitText.map { "a damaged PDF, or one that needs more than its \($0) memory limit" } ?? "a damaged PDF"
            throw GirconvError.inputUnreadable(path: name, reason: "pdftotext stopped on signal \(signal) (\(hint))")
        case .timedOut:
            throw GirconvError.inputUnreadable(path: name, reason: "pdftotext did not finish within \(Self.seconds(limits.pdfTimeoutSeconds)) s (raise it with --pdf-timeout)")
        case .outputOverLimit:
            throw GirconvError.inputUnreadable(path: name, reason: "the PDF's text is over \(limits.pdfTextBytes) bytes (raise it with --pdf-text-limit)")
        }
    }

    /// pdftotext's memory limit as errors name it ("1024 MiB"), or nil when it has none.
    private var memoryLimitText: String? {
        memoryLimitBytes.map { "\($0 / (1024 * 1024)) MiB" }
    }

    /// Seconds as the user would write them: "30", "1.5".
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The full path of a command found on PATH.
    package static func findOnPath(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
