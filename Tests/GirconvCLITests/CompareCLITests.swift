import Foundation
import XCTest

/// `girconv compare` on the Hongze district government's 2023 and 2024 reports. The 2023 report names its
/// agency 洪泽区人民政府, the 2024 one 淮安市洪泽区人民政府 (each report's first line). Figures typed from the
/// reports' tables: 一、本年新收 21 (2023) and 95 (2024); 四、结转下年度继续办理 总计 0 in 2023; 二、上年结转 总计 0
/// in 2024; 行政许可 550 and 9487; 行政处罚 4119 and 2776; 行政规范性文件 现行有效 5 and 8 (2024: 制发 3, 废止 0).
final class CompareCLITests: CLITestCase {
    var hongze: [String] { [sample("hongze-2023-district.pdf"), sample("hongze-2024-district.pdf")] }

    func testTextTableGroupsBothYearsAsOneAgency() throws {
        let result = try run(["compare"] + hongze)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "淮安市洪泽区人民政府  (also named: 洪泽区人民政府)")
        XCTAssertEqual(lines.filter { $0.contains("also named") }.count, 1, "one agency")
        let received = try XCTUnwrap(lines.first { $0.contains("本年新收申请·总计") })
        XCTAssertEqual(received.split(separator: " ").suffix(4), ["21", "95", "+74", "(+352.4%)"])
        let penalties = try XCTUnwrap(lines.first { $0.contains("行政处罚·处理决定数") })
        XCTAssertEqual(penalties.split(separator: " ").suffix(4), ["4119", "2776", "-1343", "(-32.6%)"])
        let granted = try XCTUnwrap(lines.first { $0.contains("予以公开·总计") })
        XCTAssertTrue(granted.hasSuffix("+50 (—)"), "from 0: no percent: \(granted)")
        // The continuity line: 2023's 结转下年度 against 2024's 上年结转.
        let carried = try XCTUnwrap(lines.first { $0.contains("continuity.carried.total") })
        XCTAssertTrue(carried.contains("ok   淮安市洪泽区人民政府 2023→2024"), carried)
        XCTAssertTrue(carried.contains("2023 结转下年度 (requests.carriedForward.total) = 2024 上年结转 (requests.carriedOver.total)"), carried)
        XCTAssertTrue(carried.hasSuffix("expected 0, found 0"), carried)
        let inForce = try XCTUnwrap(lines.first { $0.contains("continuity.inForce.normativeDocs") })
        XCTAssertTrue(inForce.hasSuffix("expected 8, found 8"), inForce)
    }

    func testJSONAndCSV() throws {
        let json = try run(["compare", "--to", "json"] + hongze)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let agencies = try XCTUnwrap(object["agencies"] as? [[String: Any]])
        XCTAssertEqual(agencies.count, 1)
        XCTAssertEqual(agencies[0]["names"] as? [String], ["洪泽区人民政府", "淮安市洪泽区人民政府"])
        let figures = try XCTUnwrap(agencies[0]["figures"] as? [[String: Any]])
        let licensing = try XCTUnwrap(figures.first { $0["path"] as? String == "proactive.licensing.decisions" })
        let change = try XCTUnwrap((licensing["changes"] as? [[String: Any]])?.first)
        XCTAssertEqual(change["change"] as? Int, 8937)
        XCTAssertEqual((change["percentChange"] as? NSNumber)?.decimalValue, Decimal(string: "1624.9091"), "8937 × 100 / 550 = 1624.90909…")
        let granted = try XCTUnwrap(figures.first { $0["path"] as? String == "requests.granted.total" })
        XCTAssertTrue((granted["changes"] as? [[String: Any]])?.first?["percentChange"] is NSNull, "no percent from 0")
        let continuity = try XCTUnwrap(agencies[0]["continuity"] as? [[String: Any]])
        let carried = try XCTUnwrap(continuity.first { ($0["check"] as? [String: Any])?["rule"] as? String == "continuity.carried.total" })
        XCTAssertEqual((carried["check"] as? [String: Any])?["status"] as? String, "pass")

        let csv = try run(["compare", "--to", "csv"] + hongze)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let rows = csv.stdout.split(separator: "\n")
        XCTAssertEqual(rows.first, "agency,agencyKey,path,name,fromYear,toYear,from,to,fromValue,toValue,change,percentChange,note")
        let received = try XCTUnwrap(rows.map(csvFields).first { $0[2] == "requests.newReceived.total" })
        XCTAssertEqual(Array(received[4...6]), ["2023", "2024", "hongze-2023-district.pdf"])
        XCTAssertEqual(Array(received[8...12]), ["21", "95", "74", "352.381", ""])
    }

    func testHTMLToAFile() throws {
        let page = workDir.appendingPathComponent("compare.html").path
        let result = try run(["compare", "--to", "html", "-o", page] + hongze)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<h2>淮安市洪泽区人民政府</h2>"))
        XCTAssertTrue(html.contains("data-path=\"requests.newReceived.total\" data-year=\"2023\" data-value=\"21\""), "a chart point")
        XCTAssertTrue(html.contains("data-rule=\"continuity.carried.total\" data-expected=\"0\" data-found=\"0\""))
        XCTAssertFalse(html.contains("<script"))
    }

    func testAgencyForcesOneGroupAndAFolderIsRead() throws {
        let folder = workDir.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for path in hongze { try FileManager.default.copyItem(atPath: path, toPath: folder.appendingPathComponent((path as NSString).lastPathComponent).path) }
        // A report of another agency (示例县交通运输局, 2021) in the folder, and an unreadable file.
        try FileManager.default.copyItem(atPath: sample("constructed-2021-county-transport.txt"), toPath: folder.appendingPathComponent("transport.txt").path)
        try Data().write(to: folder.appendingPathComponent("empty.txt"))

        let grouped = try run(["compare", folder.path])
        XCTAssertEqual(grouped.status, 2, "one input unreadable: the others are compared")
        XCTAssertTrue(grouped.stderr.contains("empty.txt"), grouped.stderr)
        XCTAssertTrue(grouped.stdout.contains("淮安市洪泽区人民政府  (also named: 洪泽区人民政府)"), grouped.stdout)
        XCTAssertTrue(grouped.stdout.contains("skip a year missing: 示例县交通运输局 has no report of 2020 or 2022"), grouped.stdout)

        let forced = try run(["compare", "--agency", "洪泽区人民政府", hongze[1], folder.appendingPathComponent("transport.txt").path])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.hasPrefix("洪泽区人民政府"), forced.stdout)
        XCTAssertTrue(forced.stdout.contains("skip years not consecutive: 2021→2024: no report of 2022, 2023"), forced.stdout)
    }

    func testValidatePrintsWhyContinuityWasSkipped() throws {
        let text = try run(["validate", hongze[0], sample("constructed-2021-county-transport.txt")])
        XCTAssertTrue(text.stdout.contains("skip a year missing: 洪泽区人民政府 has no report of 2022 or 2024"), text.stdout)
        let json = try run(["validate", "--to", "json", hongze[0], hongze[1]])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["continuitySkipped"] as? [Any])?.count, 0)
        XCTAssertTrue((object["continuity"] as? [Any])?.isEmpty == false, "the two names are one agency")
        let gap = try run(["validate", "--to", "json", "--agency", "示例", hongze[1], sample("constructed-2021-county-transport.txt")])
        let skipped = (try JSONSerialization.jsonObject(with: Data(gap.stdout.utf8)) as? [String: Any])?["continuitySkipped"] as? [[String: Any]]
        XCTAssertEqual(skipped?.first?["reason"] as? String, "years not consecutive")
    }
}
