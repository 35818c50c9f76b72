import Foundation
import XCTest

/// Issue #15 at the command line: not-a-report refusals, and reports with no readable figure.
final class PrecisionCLITests: CLITestCase {
    let noFigure = Array("示例县2016年政府信息公开工作年度报告\n全年共收到政府信息公开申请1.000件，同意公开2.000件。\n".utf8)

    func testANoticeIsRefusedAsNotAReport() throws {
        let result = try run(["--no-user-layouts", sample("not-a-report-notice.txt")])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("not an annual report"), result.stderr)
    }

    func testValidateFailsAReportWithNothingToCheck() throws {
        let path = try file("no-figure.txt", noFigure)
        let result = try run(["validate", "--no-user-layouts", path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("nothing could be checked"), result.stdout)
        XCTAssertTrue(result.stdout.contains("no-figures"), result.stdout)
    }

    func testBatchSummaryCountsRecordsWithoutFigures() throws {
        let folder = workDir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(noFigure).write(to: folder.appendingPathComponent("a.txt"))
        try Data(contentsOf: URL(fileURLWithPath: sample("dongguan-2018-city.txt"))).write(to: folder.appendingPathComponent("b.txt"))
        let result = try run(["--no-user-layouts", folder.path, "--to", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("2 converted"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 converted with no readable figure"), result.stderr)
    }
}
