import Foundation
import XCTest

/// Chinese labels (issue #20): `--labels zh` CSV headers and the data dictionary.
final class DataDictionaryCLITests: CLITestCase {
    func testChineseHeadersNameEveryColumnAndLeaveTheRowsAlone() throws {
        let paths = try run([sample("enping-2019-office.txt"), "--to", "csv"])
        let zh = try run([sample("enping-2019-office.txt"), "--to", "csv", "--labels", "zh"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        let pathLines = paths.stdout.split(separator: "\n"), zhLines = zh.stdout.split(separator: "\n")
        XCTAssertEqual(pathLines.dropFirst(), zhLines.dropFirst(), "only the header changes")
        let header = zhLines[0].split(separator: ",").map(String.init)
        XCTAssertEqual(header.count, pathLines[0].split(separator: ",").count)
        XCTAssertTrue(header.contains("本年新收申请·自然人"))
        XCTAssertTrue(header.contains("报告机关"))
        let pathLike = header.filter { column in
            ["extra.", "proactive.", "requests.", "appeals.", "fees.", "source.", "report.", "checks."].contains(where: column.hasPrefix)
        }
        XCTAssertEqual(pathLike, [], "every column is named in Chinese")
    }

    func testChineseLabelsOfTheLongLayout() throws {
        let zh = try run([sample("enping-2019-office.txt"), "--to", "csv", "--long", "--labels", "zh"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertTrue(zh.stdout.hasPrefix("文件名,文件SHA-256,年度,报告机关,字段路径,数值,读取方式,"), String(zh.stdout.prefix(120)))
    }

    func testLabelsApplyToCSVOnly() throws {
        let json = try run([sample("enping-2019-office.txt"), "--labels", "zh"])
        XCTAssertEqual(json.status, 64)
        XCTAssertTrue(json.stderr.contains("--labels applies to --to csv"), json.stderr)
    }

    /// docs/dictionary.md is the dictionary of the built-in layouts; every catalog path is in it.
    func testTheShippedDictionaryIsCurrentAndComplete() throws {
        let markdown = try run(["schema", "--dictionary", "--no-user-layouts"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        let shipped = try String(contentsOf: Self.root.appendingPathComponent("docs/dictionary.md"), encoding: .utf8)
        XCTAssertEqual(shipped, markdown.stdout, "run `swift run girconv schema --dictionary --no-user-layouts > docs/dictionary.md`")
        XCTAssertTrue(markdown.stdout.contains("| requests.newReceived.naturalPerson | 本年新收申请·自然人 | 数量 | 2021-revised | 表三 |"))

        let csv = try run(["schema", "--dictionary", "--format", "csv", "--no-user-layouts"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "path,中文名,单位,layout,table,row,column")
        // Every figure column of the wide CSV (the catalog's paths) has its line in the dictionary.
        let csvHeader = try run([sample("enping-2019-office.txt"), "--to", "csv"]).stdout.split(separator: "\n")[0]
        let figureColumns = csvHeader.split(separator: ",").map(String.init).filter {
            ["proactive.", "requests.", "appeals.", "fees.", "organization.", "training."].contains(where: $0.hasPrefix)
        }
        let pathsInDictionary = Set(lines.dropFirst().map { String($0.split(separator: ",")[0]) })
        XCTAssertGreaterThanOrEqual(figureColumns.count, 300)
        XCTAssertEqual(Set(figureColumns).subtracting(pathsInDictionary), [])
    }
}
