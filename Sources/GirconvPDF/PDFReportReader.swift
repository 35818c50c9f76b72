import Foundation
import GirconvCore

/// Reads PDF reports through poppler's `pdftotext -layout` (Debian package poppler-utils): the text keeps
/// each table row on one line, which the flattened-text row builder reads like any "label value value …"
/// page. Lines know their page (form feeds separate pages), so provenance names the page. A PDF with no
/// text layer (a scan) is refused with a clear error: no figure is ever invented.
public struct PDFReportReader: DocumentReader {
    /// Where to find pdftotext (PATH is searched when nil).
    public var pdftotextPath: String?

    public init(pdftotextPath: String? = nil) { self.pdftotextPath = pdftotextPath }
    public var mediaTypes: [String] { ["application/pdf"] }

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        try Self.document(fromLayoutText: try extractText(decoded.bytes, name: source.name), source: source)
    }

    /// Makes the document from pdftotext's `-layout` text: lines numbered by page (pages are separated by
    /// form feeds), one flattened-text grid. Pure, no process run: the fuzz harness calls it with any text.
    /// Throws `noTextLayer` when the text has nothing printable (a scanned PDF).
    public static func document(fromLayoutText text: String, source: SourceInfo) throws -> ReportDocument {
        guard text.unicodeScalars.contains(where: { $0.value > 0x20 && $0 != "\u{0C}" }) else {
            throw GirconvError.noTextLayer(path: source.name)
        }
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
        return ReportDocument(source: pdfSource, text: text, lines: lines, tables: [grid])
    }

    func extractText(_ bytes: [UInt8], name: String) throws -> String {
        guard let tool = pdftotextPath ?? Self.findOnPath("pdftotext") else {
            throw GirconvError.inputUnreadable(path: name, reason: "reading PDF needs pdftotext (Debian package poppler-utils); install it with apt-get install -y poppler-utils")
        }
        return try ScratchFile.with(bytes, named: "in.pdf") { input in try run(tool, on: input, name: name) }
    }

    private func run(_ tool: String, on input: URL, name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", input.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw GirconvError.inputUnreadable(path: name, reason: "could not run pdftotext: \(error)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GirconvError.undecodable(path: name, reason: "pdftotext could not read this PDF (exit \(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The full path of a command found on PATH.
    public static func findOnPath(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
