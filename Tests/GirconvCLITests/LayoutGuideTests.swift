import Foundation
import XCTest

/// The worked example of docs/adding-a-layout.md, run as its reader would: a local statistics form that
/// no built-in layout reads, one layout file, and `girconv detect`, `convert`, `validate`, `layouts`.
/// The expected figures are typed from the form in the report, not from girconv's output.
final class LayoutGuideTests: CLITestCase {
    var example: String { Self.root.appendingPathComponent("docs/examples/local-statistics-form").path }

    /// Every figure of the form's 本期实际 column.
    static let expected: [String: Double] = [
        "proactive.total": 1286, "proactive.normativeDocs.published": 14, "proactive.normativeDocs.made": 15,
        "proactive.channels.gazette": 36, "proactive.channels.website": 1286, "proactive.channels.weibo": 420,
        "proactive.channels.wechat": 388, "proactive.channels.other": 95,
        "requests.newReceived.total": 52, "requests.channels.inPerson": 18, "requests.channels.fax": 0,
        "requests.channels.online": 27, "requests.channels.letter": 7,
        "requests.concluded.total": 50, "requests.concludedOnTime.total": 48, "requests.concludedLate.total": 2,
        "requests.responded.total": 50, "requests.alreadyPublic.total": 12, "requests.granted.total": 21,
        "requests.partiallyGranted.total": 3, "requests.denied.total": 4, "requests.denied.stateSecret.total": 0,
        "requests.denied.businessSecret.total": 1, "requests.denied.privacy.total": 2, "requests.denied.endangersSafety.total": 0,
        "requests.denied.notGovernmentInfo.total": 1, "requests.denied.otherLegal.total": 0,
        "requests.notThisAgency.total": 5, "requests.notExist.total": 3, "requests.amendRequested.total": 1, "requests.redirected.total": 1,
        "appeals.review.total": 2, "appeals.review.upheld": 1, "appeals.review.corrected": 1, "appeals.review.other": 0,
        "appeals.litigation.total": 1, "appeals.litigation.upheld": 1, "appeals.litigation.corrected": 0, "appeals.litigation.other": 0,
        "appeals.complaints.total": 0, "fees.collectedYuan": 120,
        "organization.dedicatedUnits": 1, "organization.readingPoints": 3, "organization.staff.total": 6,
        "organization.staff.fullTime": 2, "organization.staff.partTime": 4, "organization.budgetWanYuan": 3.5,
        "training.meetings": 2, "training.courses": 1, "training.attendees": 45,
    ]

    func testWithoutTheLayoutFileTheFormIsNotRead() throws {
        let result = try run(["detect", "--no-user-layouts", "\(example)/report-2017.html"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("adapter pre2019-narrative"), result.stdout)
    }

    func testTheGuidesLayoutReadsEveryFigureExactly() throws {
        for input in ["report-2017.html", "report-2017.txt"] {
            let detect = try run(["detect", "--layouts", example, "\(example)/\(input)"])
            XCTAssertEqual(detect.status, 0, detect.stderr)
            XCTAssertTrue(detect.stdout.contains("adapter local-statistics-form, confidence 1.00"), detect.stdout)

            let converted = try run(["--layouts", example, "\(example)/\(input)", "--to", "csv", "--long"])
            XCTAssertEqual(converted.status, 0, converted.stderr)
            var found: [String: Double] = [:]
            var columns: [String: String] = [:]
            for line in converted.stdout.split(separator: "\n").dropFirst() {
                let cells = csvFields(line)
                found[cells[4]] = Double(cells[5])
                columns[cells[4]] = cells[10]
            }
            XCTAssertEqual(found, Self.expected, input)
            XCTAssertEqual(Set(columns.values), ["本期实际"], "every figure from the 本期实际 column (\(input))")

            let explain = try run(["explain", "--layouts", example, "\(example)/\(input)", "fees.collectedYuan"])
            XCTAssertTrue(explain.stdout.contains("printed: \"0.012\"") && explain.stdout.contains("in 万元, converted to 元"), explain.stdout)

            let validate = try run(["validate", "--layouts", example, "\(example)/\(input)"])
            XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        }
    }

    func testLayoutsListsBuiltInAndUserLayoutsWithTheirOrigin() throws {
        let result = try run(["layouts", "--layouts", example])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("2021-revised") && result.stdout.contains("built-in layout file"), result.stdout)
        XCTAssertTrue(result.stdout.contains("local-statistics-form") && result.stdout.contains("local-statistics-form.yaml"), result.stdout)
        let check = try run(["layouts", "check", "\(example)/local-statistics-form.yaml"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("ok  local-statistics-form"), check.stdout)
    }

    func testTheUserLayoutDirectoryIsReadFromTheEnvironment() throws {
        let text = try execute(Self.binary, ["detect", "\(example)/report-2017.html"],
                               environment: ["GIRCONV_LAYOUTS_DIR": example]).stdout
        XCTAssertTrue(text.contains("adapter local-statistics-form"), text)
    }

    func testABrokenLayoutFileStopsWithItsLineAndExit78() throws {
        let dir = workDir.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var text = try String(contentsOfFile: "\(example)/local-statistics-form.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "requests.channels.online", with: "requests.channels.web")
        try text.write(to: dir.appendingPathComponent("form.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["--layouts", dir.path, "\(example)/report-2017.html"])
        XCTAssertEqual(result.status, 78)
        XCTAssertTrue(result.stderr.contains("form.yaml:") && result.stderr.contains("\"requests.channels.web\" is not a canonical figure path"),
                      result.stderr)
        XCTAssertEqual(try run(["layouts", "check", dir.path]).status, 78)
    }

    func testShowPrintsABuiltInLayoutToStartFrom() throws {
        let result = try run(["layouts", "show", "2021-revised"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("id: 2021-revised"))
        XCTAssertEqual(try run(["layouts", "show", "no-such"]).status, 64)
    }

    /// The guide's second example: a variant of a built-in layout with an extra row.
    func testTheHubeiVariantReadsItsExtraRowAndLeavesOtherReportsAlone() throws {
        let variant = Self.root.appendingPathComponent("docs/examples/hubei-2021-variant").path
        let builtIn = try run(["--no-user-layouts", "\(variant)/report-2021.txt", "--to", "csv", "--long"])
        let withVariant = try run(["--layouts", variant, "\(variant)/report-2021.txt", "--to", "csv", "--long"])
        XCTAssertEqual(withVariant.status, 0, withVariant.stderr)
        func figures(_ csv: String) -> [String: String] {
            var result: [String: String] = [:]
            for line in csv.split(separator: "\n").dropFirst() { let cells = csvFields(line); result[cells[4]] = cells[5] }
            return result
        }
        var expected = figures(builtIn.stdout)
        expected["extra.proactive.otherDocuments.made"] = "26"
        expected["extra.proactive.otherDocuments.repealed"] = "2"
        expected["extra.proactive.otherDocuments.inForce"] = "40"
        XCTAssertEqual(figures(withVariant.stdout), expected, "every built-in figure, plus the extra row")
        XCTAssertEqual(expected["proactive.rules.made"], "0", "the annotated label 规章（设区的市…） is read")

        let json = try run(["--layouts", variant, "\(variant)/report-2021.txt"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["detection"] as? [String: Any])?["adapter"] as? String, "hubei-2021")
        XCTAssertFalse(json.stdout.contains("row-unrecognised"))
        // The wide CSV gets the variant's columns.
        let wide = try run(["--layouts", variant, "\(variant)/report-2021.txt", "--to", "csv"])
        XCTAssertTrue(wide.stdout.split(separator: "\n")[0].hasSuffix("extra.proactive.otherDocuments.made,extra.proactive.otherDocuments.repealed,extra.proactive.otherDocuments.inForce"))

        // A 2021 report without the extra row is still read by the built-in layout.
        let ordinary = try run(["detect", "--layouts", variant, sample("constructed-2021-county-transport.txt")])
        XCTAssertTrue(ordinary.stdout.contains("adapter 2021-revised"), ordinary.stdout)
    }

    /// A user layout file's own identity (Tests/Fixtures/own-identity): checked by `validate` like the
    /// family's identities, passing where the form adds up (10 = 4 + 5 + 1) and failing where it does not
    /// (4 + 5 + 2 = 11, printed 10).
    func testALayoutFilesOwnIdentityIsCheckedByValidate() throws {
        let fixtures = Self.root.appendingPathComponent("Tests/Fixtures/own-identity").path
        let layout = "\(fixtures)/channel-form.yaml"
        let check = try run(["layouts", "check", layout])
        XCTAssertTrue(check.stdout.contains("ok  channel-form: layout pre2019-appendix") && check.stdout.contains("1 identity of its own"), check.stdout + check.stderr)

        let holds = try run(["validate", "--no-user-layouts", "--layouts", layout, "\(fixtures)/report-holds.txt"])
        XCTAssertEqual(holds.status, 0, holds.stdout + holds.stderr)
        XCTAssertTrue(holds.stdout.contains("checks: 2 passed, 0 failed"), holds.stdout)

        let breaks = try run(["validate", "--no-user-layouts", "--layouts", layout, "\(fixtures)/report-breaks.txt"])
        XCTAssertEqual(breaks.status, 1, breaks.stdout + breaks.stderr)
        XCTAssertTrue(breaks.stdout.contains("checks: 1 passed, 1 failed"), breaks.stdout)
        // The channels printed 4 + 5 + 2 add up to 11; the form's 收到申请数 says 10.
        XCTAssertTrue(breaks.stdout.contains("  FAIL rule          printed  sum of parts  difference\n  channels.complete       10            11          -1\n"), breaks.stdout)
        XCTAssertTrue(breaks.stdout.contains("    规则  申请渠道·当面 + 申请渠道·网络 + 掌上App申请数 = 本年新收申请·总计\n"), breaks.stdout)
        XCTAssertTrue(breaks.stdout.contains("    extra.requests.channels.app      2  printed   申请渠道统计表 / 掌上App申请数 / 数量"), breaks.stdout)
    }

    /// girconv is one file: copied alone into a folder holding only it and a report, it converts the report
    /// (the built-in layouts are compiled in), prints a built-in layout file, and writes a database.
    func testTheExecutableAloneConvertsASample() throws {
        let folder = workDir.appendingPathComponent("only-girconv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("girconv")
        try FileManager.default.copyItem(at: Self.binary, to: copy)
        try FileManager.default.copyItem(atPath: sample("enping-2019-office.txt"), toPath: folder.appendingPathComponent("report.txt").path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["girconv", "report.txt"])
        func runCopy(_ arguments: [String]) throws -> (Int32, String, String) {
            let result = try execute(copy, arguments, in: folder, environment: ["GIRCONV_BUILTIN_LAYOUTS": nil])
            return (result.status, result.stdout, result.stderr)
        }
        // 表三 of the report: 一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2.
        let (status, stdout, stderr) = try runCopy(["--no-user-layouts", "report.txt", "--to", "csv"])
        XCTAssertEqual(status, 0, stderr)
        let lines = stdout.split(separator: "\n")
        let header = csvFields(lines[0]), row = csvFields(lines[1])
        XCTAssertEqual(row[try XCTUnwrap(header.firstIndex(of: "requests.newReceived.total"))], "2")
        XCTAssertEqual(row[try XCTUnwrap(header.firstIndex(of: "report.layout"))], "2019-trial")

        let show = try runCopy(["layouts", "show", "2021-revised"])
        XCTAssertEqual(show.0, 0, show.2)
        XCTAssertTrue(show.1.contains("id: 2021-revised"), show.1)
        let database = try runCopy(["report.txt", "--to", "sqlite", "-o", "corpus.db"])
        XCTAssertEqual(database.0, 0, database.2)
    }
}
