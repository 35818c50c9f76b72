import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore
import GirconvExport
@testable import GirconvPDF
#if canImport(Glibc)
import Glibc
#endif

/// pdftotext within bounds: a small hostile PDF (20,000 pages drawing one shared content stream, which
/// pdftotext reads for about a minute and turns into 64 MB of text) is stopped at the time limit or the
/// text limit with a one-line error naming the option that raises it, and leaves nothing behind: no scratch
/// folder, no tracked resource, no child process.
final class PDFLimitsTests: XCTestCase {
    let registry = BuiltinAdapters.registry()
    /// A private temporary directory for the test, so that leftovers are ours alone to count (other runs of
    /// girconv on the machine share /tmp).
    var scratchRoot: URL?
    var savedTMPDIR: String?

    override func setUpWithError() throws {
        if PDFReportReader.findOnPath("pdftotext") == nil {
            if ProcessInfo.processInfo.environment["CI"] != nil { return XCTFail("pdftotext is required in CI") }
            throw XCTSkip("pdftotext (poppler-utils) is not installed")
        }
        savedTMPDIR = ProcessInfo.processInfo.environment["TMPDIR"]
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("girconv-pdf-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        setenv("TMPDIR", root.path, 1)
        scratchRoot = root
        XCTAssertEqual(FileManager.default.temporaryDirectory.standardizedFileURL.path, root.standardizedFileURL.path,
                       "scratch folders go to the test's own temporary directory")
    }

    override func tearDownWithError() throws {
        if let savedTMPDIR { setenv("TMPDIR", savedTMPDIR, 1) } else { unsetenv("TMPDIR") }
        if let scratchRoot { try? FileManager.default.removeItem(at: scratchRoot) }
    }

    // MARK: The hostile PDF

    func testTheSharedStreamPDFStopsAtTheTimeLimit() throws {
        // Its word boxes (-bbox) pass the default text limit within the second: the limit is raised
        // here so that the time limit is what stops it.
        let error = try refusal(of: HostilePDF.sharedContentStream, limits: ReadingLimits(pdfTimeoutSeconds: 1, pdfTextBytes: 1 << 30), within: 3)
        XCTAssertEqual(error, .inputUnreadable(path: "hostile.pdf", reason: "pdftotext did not finish within 1 s (raise it with --pdf-timeout)"))
        XCTAssertEqual(error.exitCode, 66)
    }

    func testTheSharedStreamPDFStopsAtTheTextLimit() throws {
        let error = try refusal(of: HostilePDF.sharedContentStream, limits: ReadingLimits(pdfTextBytes: 100_000), within: 3)
        XCTAssertEqual(error, .inputUnreadable(path: "hostile.pdf", reason: "the PDF's text is over 100000 bytes (raise it with --pdf-text-limit)"))
        XCTAssertEqual(error.exitCode, 66)
    }

    // MARK: Real reports within tight limits

    /// The samples need well under a second and 120 KB of word boxes each: far tighter limits than the defaults
    /// still give exactly their golden records.
    func testSamplesConvertAsTheirGoldensWithinTightLimits() throws {
        for name in ["hongze-2023-district", "hongze-2024-district"] {
            let url = GoldenSampleTests.samples.appendingPathComponent(name + ".pdf")
            let input = RawInput(name: name + ".pdf", path: "Samples/" + name + ".pdf", bytes: [UInt8](try Data(contentsOf: url)))
            let record = try registry.convert(input, limits: ReadingLimits(pdfTimeoutSeconds: 10, pdfTextBytes: 256 * 1024))
            let actual = JSONRecordWriter().serialize(record.tree(), pretty: true) + "\n"
            let golden = try String(contentsOf: GoldenSampleTests.expected.appendingPathComponent(name + ".json"), encoding: .utf8)
            XCTAssertEqual(actual, golden, name)
        }
        try assertNothingLeftBehind(children: [])
    }

    // MARK: How pdftotext can end

    /// The address-space limit is really applied: too small to even load pdftotext's libraries, it is a
    /// clear error naming the limit, not a crash.
    func testAMemoryLimitTooSmallToStartIsAClearError() throws {
        let reader = PDFReportReader(memoryLimitBytes: 4 * 1024 * 1024)
        let error = try refusal(of: HostilePDF.sharedContentStream, reader: reader, limits: .default, within: 3)
        XCTAssertEqual(error, .inputUnreadable(path: "hostile.pdf", reason: "pdftotext could not be started (exit 127: not found, or its 4 MiB memory limit is too small to load it)"))
    }

    /// A pdftotext that dies on a signal (as it does when a PDF makes it exceed its memory limit).
    func testACrashOfPdftotextIsAClearError() throws {
        let reader = PDFReportReader(pdftotextPath: try fakePdftotext("kill -SEGV $$"))
        let error = try refusal(of: HostilePDF.sharedContentStream, reader: reader, limits: .default, within: 3)
        XCTAssertEqual(error, .inputUnreadable(path: "hostile.pdf",
                                               reason: "pdftotext stopped on signal \(SIGSEGV) (a damaged PDF, or one that needs more than its 1024 MiB memory limit)"))
    }

    /// A pdftotext that closes its output but does not exit is still stopped at the time limit.
    func testAPdftotextThatClosesItsOutputAndHangsIsStopped() throws {
        let reader = PDFReportReader(pdftotextPath: try fakePdftotext("exec >&- ; exec sleep 60"))
        let error = try refusal(of: HostilePDF.sharedContentStream, reader: reader, limits: ReadingLimits(pdfTimeoutSeconds: 1), within: 3)
        XCTAssertEqual(error.description, "hostile.pdf: cannot read input: pdftotext did not finish within 1 s (raise it with --pdf-timeout)")
    }

    /// pdftotext is started with no shell between: the address-space limit is set in the child before exec
    /// (ulimit -v counts KiB: 1 GiB is 1048576), and the program starts with no signal blocked or ignored
    /// even when girconv has some (the mask read from /proc, where there is one). A program that cannot be
    /// run at all ends as a shell's exec would: exit 127, named in the error.
    func testPdftotextStartsWithinItsLimitWithNoSignalBlocked() throws {
        // Built-ins only (a shell waiting for a child it started blocks signals while it waits).
        let report = try fakePdftotext(#"echo "limit $(ulimit -v)"; [ -r /proc/$$/status ] && while read -r line; do case $line in SigBlk*|SigIgn*) echo "$line";; esac; done < /proc/$$/status; true"#)
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGUSR1)
        var saved = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &saved)
        let previous = signal(SIGUSR2, SIG_IGN)
        defer { signal(SIGUSR2, previous); pthread_sigmask(SIG_SETMASK, &saved, nil) }
        let output = String(decoding: try PDFReportReader(pdftotextPath: report).extract(Array("%PDF-1.4".utf8), name: "x.pdf", limits: .default, mode: "-bbox"), as: UTF8.self)
        let lines = output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "limit 1048576")
        if FileManager.default.fileExists(atPath: "/proc/self/status") {
            // Masks in hexadecimal, bit n-1 for signal n. Signals 32 and 33 are the C library's own (thread
            // cancellation), which it lets no program reset (posix_spawn did not either): only 1–31 are asked.
            let masks = Dictionary(uniqueKeysWithValues: lines.dropFirst().compactMap { line -> (String, UInt64)? in
                let parts = line.split(separator: "\t")
                return parts.count == 2 ? (String(parts[0]), UInt64(parts[1], radix: 16) ?? .max) : nil
            })
            XCTAssertEqual(masks["SigBlk:"], 0, "no signal blocked: \(lines)")
            XCTAssertEqual(masks["SigIgn:"].map { $0 & 0x7FFF_FFFF }, 0, "no standard signal ignored (SIGUSR2 is, in girconv): \(lines)")
        }
        let unlimited = String(decoding: try PDFReportReader(pdftotextPath: report, memoryLimitBytes: nil).extract(Array("%PDF-1.4".utf8), name: "x.pdf", limits: .default, mode: "-bbox"), as: UTF8.self)
        XCTAssertEqual(unlimited.split(separator: "\n").first, "limit unlimited")
        let missing = try XCTUnwrap(scratchRoot).appendingPathComponent("no-such-pdftotext").path
        XCTAssertThrowsError(try PDFReportReader(pdftotextPath: missing).extract(Array("%PDF-1.4".utf8), name: "x.pdf", limits: .default, mode: "-bbox")) { error in
            XCTAssertEqual(error as? GirconvError, .inputUnreadable(path: "x.pdf", reason: "pdftotext could not be started (exit 127: not found, or its 1024 MiB memory limit is too small to load it)"))
        }
        try assertNothingLeftBehind(children: [])
    }

    /// `-bbox` prints the words of `-bbox-layout`, in the same order and with the same boxes (poppler walks the
    /// same flows, blocks and lines for both; -bbox-layout only adds the elements around them): every PDF
    /// sample's pages read alike from either.
    func testBboxAndBboxLayoutGiveTheSameWords() throws {
        let reader = PDFReportReader()
        let pdfs = try FileManager.default.contentsOfDirectory(at: GoldenSampleTests.samples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }
        XCTAssertGreaterThanOrEqual(pdfs.count, 5)
        for url in pdfs {
            let bytes = [UInt8](try Data(contentsOf: url))
            let words = BoundingBoxPages.parse(try reader.extract(bytes, name: url.lastPathComponent, limits: .default, mode: "-bbox"))
            let layoutWords = BoundingBoxPages.parse(try reader.extract(bytes, name: url.lastPathComponent, limits: .default, mode: "-bbox-layout"))
            XCTAssertNotNil(words, url.lastPathComponent)
            XCTAssertGreaterThan(words?.joined().count ?? 0, 20, url.lastPathComponent)   // words were read (the smallest sample prints a few dozen)
            XCTAssertEqual(words, layoutWords, url.lastPathComponent)
        }
    }

    func testSecondsAreWrittenAsTheUserWritesThem() {
        XCTAssertEqual(PDFReportReader.seconds(30), "30")
        XCTAssertEqual(PDFReportReader.seconds(1.5), "1.5")
    }

    // MARK: How the PDF reaches pdftotext

    /// The PDF reaches pdftotext as its standard input from a memory file (Linux), making no scratch folder;
    /// with memory files off, as a scratch copy's path. Both hand it exactly the bytes read. (A stand-in
    /// pdftotext copies what it was given — standard input for "-", else the file — to its output.)
    func testThePDFReachesPdftotextFromMemoryOrAScratchCopyAlike() throws {
        let echo = try fakePdftotext(#"if [ "$5" = - ]; then printf 'stdin:'; exec cat; else printf 'file:'; exec cat "$5"; fi"#)
        let bytes = Array("%PDF-1.4 bytes as read \u{0}\u{1}\u{2} 洪泽".utf8) + [UInt8](repeating: 7, count: 300_000)
        var reader = PDFReportReader(pdftotextPath: echo)
        let fromMemory = try reader.extract(bytes, name: "x.pdf", limits: .default, mode: "-bbox")
        #if os(Linux)
        XCTAssertEqual(Array(fromMemory.prefix(6)), Array("stdin:".utf8), "Linux has memory files")
        #endif
        XCTAssertEqual(Array(fromMemory.drop { $0 != UInt8(ascii: ":") }.dropFirst()), bytes)
        reader.useMemoryFiles = false
        let fromScratch = try reader.extract(bytes, name: "x.pdf", limits: .default, mode: "-bbox")
        XCTAssertEqual(Array(fromScratch.prefix(5)), Array("file:".utf8))
        XCTAssertEqual(Array(fromScratch.dropFirst(5)), bytes)
        try assertNothingLeftBehind(children: [])

        // The real pdftotext reads a sample alike both ways.
        let sample = [UInt8](try Data(contentsOf: GoldenSampleTests.samples.appendingPathComponent("hongze-2023-district.pdf")))
        reader = PDFReportReader()
        let boxes = try reader.extract(sample, name: "h.pdf", limits: .default, mode: "-bbox")
        reader.useMemoryFiles = false
        XCTAssertEqual(try reader.extract(sample, name: "h.pdf", limits: .default, mode: "-bbox"), boxes)
        XCTAssertTrue(String(decoding: boxes, as: UTF8.self).contains("<word"))
    }

    // MARK: Helpers

    /// Converts `pdf` and returns the GirconvError it fails with, checking that it failed within `seconds`
    /// and left nothing behind.
    func refusal(of pdf: [UInt8], reader: PDFReportReader? = nil, limits: ReadingLimits, within seconds: Double,
                 file: StaticString = #filePath, line: UInt = #line) throws -> GirconvError {
        let children = Self.childProcesses()
        let tracked = TemporaryResources.trackedCount
        let input = RawInput(name: "hostile.pdf", bytes: pdf)
        let start = Date()
        var caught: Error?
        do {
            if let reader {
                let decoded = try InputDecoder.decode(input, limits: limits, formats: [reader.format])
                let source = SourceInfo(name: input.name, sha256: "", mediaType: decoded.mediaType, encoding: decoded.encoding, byteCount: pdf.count)
                _ = try reader.read(decoded, source: source)
            } else {
                _ = try registry.convert(input, limits: limits)
            }
        } catch { caught = error }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, seconds, "took \(elapsed) s", file: file, line: line)
        XCTAssertEqual(TemporaryResources.trackedCount, tracked, "a scratch folder or child process is still tracked", file: file, line: line)
        try assertNothingLeftBehind(children: children, file: file, line: line)
        return try XCTUnwrap(caught as? GirconvError, "expected a GirconvError, got \(String(describing: caught))", file: file, line: line)
    }

    /// No scratch folder is left in the test's temporary directory, and no child process (running or zombie)
    /// other than those in `children` exists.
    func assertNothingLeftBehind(children: Set<Int32>, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try XCTUnwrap(scratchRoot)
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("girconv-") }
        XCTAssertEqual(left, [], "scratch folders left behind", file: file, line: line)
        XCTAssertEqual(Self.childProcesses().subtracting(children), [], "child processes left behind", file: file, line: line)
    }

    /// The pids of this process's children, zombies included, from /proc (empty where there is no /proc).
    static func childProcesses() -> Set<Int32> {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var children: Set<Int32> = []
        for entry in entries {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // "pid (command) state ppid …": the command may hold spaces and parentheses, so read after the last ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == me { children.insert(pid) }
        }
        return children
    }

    /// The leftover check sees a child process (so that its silence above means something).
    func testChildProcessesAreSeen() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/stat") else { throw XCTSkip("no /proc") }
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["5"]
        try sleeper.run()
        XCTAssertTrue(Self.childProcesses().contains(sleeper.processIdentifier))
        sleeper.terminate()
        sleeper.waitUntilExit()
    }

    /// A stand-in for pdftotext: a shell script with this body, in the test's temporary directory.
    func fakePdftotext(_ body: String) throws -> String {
        let url = try XCTUnwrap(scratchRoot).appendingPathComponent("fake-pdftotext-\(UUID().uuidString)")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }
}

/// PDFs written byte by byte, for the limits tests.
enum HostilePDF {
    /// 20,000 pages whose page objects all draw ONE content stream of 70 lines of Helvetica text: 2.7 MB of
    /// PDF that pdftotext reads for about a minute, printing 64 MB of text (the reproduction of the PDF
    /// that ran pdftotext for 172 s and girconv up to 14.6 GB).
    static let sharedContentStream: [UInt8] = pages(20_000, sharingAStreamOf: 70)

    static func pages(_ pageCount: Int, sharingAStreamOf lineCount: Int) -> [UInt8] {
        let content = "BT /F1 8 Tf 10 TL 20 780 Td "
            + (0..<lineCount).map { "(Row \($0) label text 12345 67890 report figures) '" }.joined(separator: " ")
            + " ET"
        let firstPage = 6
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [" + (0..<pageCount).map { "\(firstPage + $0) 0 R" }.joined(separator: " ")
                + "] /Count \(pageCount) >>",
            "<< /Font << /F1 5 0 R >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        objects += Array(repeating: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 3 0 R /Contents 4 0 R >>",
                         count: pageCount)
        var pdf = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xref = pdf.count
        pdf += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            pdf += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
        }
        pdf += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return pdf
    }
}
