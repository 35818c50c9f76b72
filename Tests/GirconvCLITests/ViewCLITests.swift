import Foundation
import XCTest

/// `girconv view`: one proof sheet with -o (or on stdout), a folder of them with an index, bad inputs.
final class ViewCLITests: CLITestCase {
    /// The cell of a figure as the page writes it.
    func cell(_ path: String, _ value: String) -> String { "data-path=\"\(path)\">\(value)</span>" }

    func testViewWritesOneSelfContainedPage() throws {
        let out = workDir.appendingPathComponent("hongze.html").path
        let result = try run(["view", sample("hongze-2023-district.pdf"), "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        // 表四 of the PDF, row 行政复议: 10 · 1 · 0 · 0, 总计 printed 0 where the parts add up to 11.
        XCTAssertTrue(page.contains(cell("appeals.review.upheld", "10")))
        XCTAssertTrue(page.contains(cell("appeals.review.corrected", "1")))
        XCTAssertTrue(page.contains("expected 11, found 0"))
        XCTAssertFalse(page.contains("<script"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workDir.path), ["hongze.html"], "no temporary file left")

        let stdout = try run(["view", sample("enping-2019-office.txt")])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        // 本年新收政府信息公开申请数量 of the enping report: 2.
        XCTAssertTrue(stdout.stdout.hasPrefix("<!DOCTYPE html>") && stdout.stdout.contains(cell("requests.newReceived.total", "2")))
    }

    func testViewOfAnUnreadableInputFailsAndWritesNothing() throws {
        let out = workDir.appendingPathComponent("never.html").path
        let notAReport = try run(["view", sample("not-a-report-notice.txt"), "-o", out])
        XCTAssertEqual(notAReport.status, 65, notAReport.stderr)
        let missing = try run(["view", workDir.appendingPathComponent("missing.txt").path, "-o", out])
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workDir.path), [])
    }

    func testSeveralReportsNeedAnOutputDirectory() throws {
        let result = try run(["view", sample("enping-2019-office.txt"), sample("dongguan-2018-city.txt")])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("--out-dir"), result.stderr)
        let both = try run(["view", sample("enping-2019-office.txt"), "-o", "a.html", "--out-dir", "d"])
        XCTAssertEqual(both.status, 64)
    }

    func testOutDirWritesAPagePerReportAndAnIndexAndABadFileStopsNothing() throws {
        let corpus = workDir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for name in ["enping-2019-office.txt", "dongguan-2018-city.txt"] {
            try FileManager.default.copyItem(atPath: sample(name), toPath: corpus.appendingPathComponent(name).path)
        }
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        try Data([0, 1, 2, 3]).write(to: corpus.appendingPathComponent("junk.html"))
        let out = workDir.appendingPathComponent("sheets")
        let errors = workDir.appendingPathComponent("errors.jsonl").path
        let result = try run(["view", corpus.path, "--out-dir", out.path, "--errors", errors])
        XCTAssertEqual(result.status, 2, "an input failed: " + result.stderr)
        XCTAssertTrue(result.stderr.contains("2 converted, 2 failed of 4 inputs"), result.stderr)
        let enping = try String(contentsOf: out.appendingPathComponent("corpus/enping-2019-office.txt.html"), encoding: .utf8)
        XCTAssertTrue(enping.contains(cell("requests.newReceived.total", "2")))
        // 东莞 2018: "共收到政府信息公開申請3467宗", the sentence with its number marked.
        let dongguan = try String(contentsOf: out.appendingPathComponent("corpus/dongguan-2018-city.txt.html"), encoding: .utf8)
        XCTAssertTrue(dongguan.contains(cell("requests.newReceived.total", "3467")))
        XCTAssertTrue(dongguan.contains("<mark>3467宗</mark>"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"corpus/enping-2019-office.txt.html\""), index)
        XCTAssertTrue(index.contains("href=\"corpus/dongguan-2018-city.txt.html\""))
        XCTAssertTrue(index.contains("corpus/empty.txt") && index.contains("corpus/junk.html"), "the failures are listed")
        XCTAssertEqual(try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n").count, 2)
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(written, ["corpus", "corpus/dongguan-2018-city.txt.html", "corpus/enping-2019-office.txt.html", "index.html"],
                       "no page of a failed input, no temporary file")
    }
}
