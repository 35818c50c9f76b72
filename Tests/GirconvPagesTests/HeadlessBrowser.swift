import Foundation
import XCTest

/// A real browser for the page tests: Debian's `chromium` (or Chrome) run headless on a file, returning the
/// DOM it rendered (`--dump-dom`, after the page's own inline script ran) or a screenshot.
///
/// `scripts/bootstrap.sh` installs chromium when it is missing. In CI (`CI` set) a missing browser fails the
/// test; elsewhere the test is skipped with the reason, so a contributor without a browser can still run the
/// rest of the suite.
struct HeadlessBrowser {
    let executable: URL

    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                             "/usr/bin/google-chrome-stable", "/snap/bin/chromium"]

    /// The installed browser; in CI its absence is a failure, elsewhere a skip.
    static func required(file: StaticString = #filePath, line: UInt = #line) throws -> HeadlessBrowser {
        let environment = ProcessInfo.processInfo.environment
        let paths = (environment["GIRCONV_BROWSER"].map { [$0] } ?? []) + candidates
        if let path = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return HeadlessBrowser(executable: URL(fileURLWithPath: path))
        }
        let reason = "no headless browser (chromium) found; scripts/bootstrap.sh installs it"
        if environment["CI"] != nil {
            XCTFail("CI must run the browser tests: \(reason)", file: file, line: line)
            throw XCTSkip(reason)
        }
        throw XCTSkip(reason)
    }

    /// The DOM of `page` after the browser loaded and rendered it (its inline script included).
    func renderedDOM(of page: URL, timeout: TimeInterval = 90) throws -> String {
        let output = try run(["--dump-dom", page.absoluteString], timeout: timeout)
        guard let dom = String(data: output, encoding: .utf8), dom.contains("<body") else {
            throw BrowserError.noDOM(String(decoding: output.prefix(500), as: UTF8.self))
        }
        return dom
    }

    /// A PNG screenshot of `page` at the given window size, written to `image`.
    func screenshot(of page: URL, to image: URL, width: Int = 1280, height: Int = 2000,
                    timeout: TimeInterval = 90) throws {
        _ = try run(["--screenshot=\(image.path)", "--window-size=\(width),\(height)", "--hide-scrollbars",
                     page.absoluteString], timeout: timeout)
        guard FileManager.default.fileExists(atPath: image.path) else { throw BrowserError.noScreenshot }
    }

    enum BrowserError: Error, CustomStringConvertible {
        case timedOut(TimeInterval), failed(Int32, String), noDOM(String), noScreenshot
        var description: String {
            switch self {
            case .timedOut(let seconds): return "the browser did not finish within \(seconds) s"
            case .failed(let status, let stderr): return "the browser exited with \(status): \(stderr)"
            case .noDOM(let output): return "the browser printed no DOM: \(output)"
            case .noScreenshot: return "the browser wrote no screenshot"
            }
        }
    }

    private func run(_ arguments: [String], timeout: TimeInterval) throws -> Data {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("girconv-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        // --no-sandbox: CI runs as root in a container, where chromium's sandbox cannot start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments
        // Output goes to files (a full pipe would stall the browser while we wait for it).
        let stdoutFile = profile.appendingPathExtension("out"), stderrFile = profile.appendingPathExtension("err")
        FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: stdoutFile); try? FileManager.default.removeItem(at: stderrFile) }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw BrowserError.timedOut(timeout)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let out = (try? Data(contentsOf: stdoutFile)) ?? Data()
        guard process.terminationStatus == 0 else {
            let err = (try? Data(contentsOf: stderrFile)) ?? Data()
            throw BrowserError.failed(process.terminationStatus, String(decoding: err.suffix(2000), as: UTF8.self))
        }
        return out
    }
}
