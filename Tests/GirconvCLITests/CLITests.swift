import Foundation
import XCTest

/// Runs the built `girconv` executable as a user would: a scratch directory and a runner.
class CLITestCase: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = Bundle.main.bundleURL.appendingPathComponent("girconv")
    var workDir: URL!

    override func setUpWithError() throws {
        workDir = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workDir)
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs girconv; `stdoutPath` sends its standard output to that file instead of a pipe (e.g. /dev/full),
    /// `directory` is its working directory.
    func run(_ arguments: [String], stdin: Data? = nil, stdoutPath: String? = nil, in directory: URL? = nil) throws -> Result {
        try execute(Self.binary, arguments, stdin: stdin, stdoutPath: stdoutPath, in: directory)
    }

    /// Runs any program as `run` runs girconv (a copy of girconv, git, a script of the repository);
    /// `environment` entries are set (nil values removed) on top of the test's own environment.
    func execute(_ executable: URL, _ arguments: [String], stdin: Data? = nil, stdoutPath: String? = nil, in directory: URL? = nil,
                 environment: [String: String?] = [:]) throws -> Result {
        // girconv may stop reading its input early (a refused input): a write to the closed pipe must fail,
        // not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        let out = Pipe(), err = Pipe()
        let stdoutFile = try stdoutPath.map { path -> FileHandle in
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
            return handle
        }
        process.standardOutput = stdoutFile ?? out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        let feeding = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        feeding.start()
        if stdoutFile != nil { try out.fileHandleForWriting.close() }
        let stdoutData = stdoutFile == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func sample(_ name: String) -> String { Self.root.appendingPathComponent("Samples/\(name)").path }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = workDir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Splits one CSV line (RFC 4180 quoting; no newlines inside fields).
    func csvFields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() { if next == "\"" { field.append("\"") } else { quoted = false; pending = next } } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}

/// Checks output, files and exit codes of the commands.
final class CLITests: CLITestCase {
    func testConvertsToEachFormat() throws {
        let json = try run([sample("enping-2019-office.txt")])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["report"] as? [String: Any])?["year"] as? Int, 2019)

        let csv = try run([sample("enping-2019-office.txt"), "--to", "csv"])
        XCTAssertEqual(csv.status, 0)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(header.count, row.count)
        XCTAssertEqual(row[header.firstIndex(of: "requests.newReceived.total")!], "2")
        XCTAssertEqual(row[header.firstIndex(of: "proactive.procurement.amountYuan")!], "1862794.63")

        let xml = try run([sample("enping-2019-office.txt"), "--to", "xml"])
        XCTAssertEqual(xml.status, 0)
        XCTAssertTrue(xml.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    }

    func testReadsStandardInput() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sample("constructed-2021-county-transport-gbk.txt")))
        let result = try run(["-", "--to", "json", "--compact"], stdin: bytes)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"encoding\":\"GB18030\""))
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1)
    }

    func testOutputFileIsWrittenWholeAndLeavesNoTemporaryFiles() throws {
        let out = workDir.appendingPathComponent("out.csv").path
        try "old".write(toFile: out, atomically: true, encoding: .utf8)
        let result = try run([sample("enping-2019-office.txt"), "--to", "csv", "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("schemaVersion,"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workDir.path), ["out.csv"])
    }

    func testFailedConversionLeavesNoOutputFile() throws {
        let out = workDir.appendingPathComponent("never.json").path
        let result = try run([sample("not-a-report-notice.txt"), "-o", out])
        XCTAssertEqual(result.status, 65)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workDir.path), [])
    }

    func testExitCodesAndOneLineErrors() throws {
        let cases: [([String], Int32, String)] = [
            ([workDir.appendingPathComponent("missing.txt").path], 66, "no such file"),
            ([try file("empty.txt", [])], 66, "input is empty"),
            ([try file("one.txt", [0x0A])], 66, "input is empty"),
            ([try file("letter.txt", [0x78])], 65, "no known layout"),
            ([try file("junk.bin", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10])], 66, "binary"),
            ([try file("report.pdf", Array("%PDF-1.4\n%âãÏÓ\n".utf8))], 66, "PDF"),
            ([try file("broken.pdf", Array("%PDF\u{0}\u{1}".utf8))], 66, "PDF"),
            ([sample("not-a-report-notice.txt")], 65, "not an annual report"),
            ([sample("enping-2019-office.txt"), "--max-bytes", "100"], 66, "over the limit"),
            ([sample("enping-2019-office.txt"), "-o", "/nonexistent-dir/x.json"], 73, "cannot write output"),
            ([sample("enping-2019-office.txt"), "--adapter", "nope"], 64, "unknown adapter"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(arguments)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stdout.isEmpty, "\(arguments)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one line: \(result.stderr)")
        }
    }

    func testUsageErrors() throws {
        let badFormat = try run([sample("enping-2019-office.txt"), "--to", "yaml"])
        XCTAssertEqual(badFormat.status, 64)
        let noFile = try run([])
        XCTAssertEqual(noFile.status, 64)
    }

    func testDetectExplainsTheDecision() throws {
        let result = try run(["detect", sample("constructed-2021-county-transport.txt")])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("layout: 2021-revised"))
        XCTAssertTrue(result.stdout.contains("本年制发件数"))
        XCTAssertTrue(result.stdout.contains("2019-trial:"))
        let none = try run(["detect", sample("not-a-report-notice.txt")])
        XCTAssertEqual(none.status, 65)
        XCTAssertTrue(none.stdout.contains("layout: none recognised"))
    }

    func testSchemaAndHelp() throws {
        let schema = try run(["schema"])
        XCTAssertEqual(schema.status, 0)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)))
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        for needle in ["Exit codes", "65", "66", "detect", "schema", "--to"] {
            XCTAssertTrue(help.stdout.contains(needle), needle)
        }
    }
}

extension CLITests {
    func testValidatePassesWithWarnings() throws {
        let result = try run(["validate", sample("constructed-2020-city-environment-pipes.txt")])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("0 failed"))
        XCTAssertTrue(result.stdout.contains("blank-total-derived"))
    }

    func testValidateFailsOnABrokenTableFourAndKeepsThePrintedFigures() throws {
        // 行政复议 printed 10/1/0/0/0.
        var text = try String(contentsOfFile: sample("constructed-2021-county-transport.txt"), encoding: .utf8)
        let original = "  总计\n\n  1\n\n  0\n\n  0\n\n  0\n\n  1\n\n"
        XCTAssertTrue(text.contains(original))
        text = text.replacingOccurrences(of: original, with: "  总计\n\n  10\n\n  1\n\n  0\n\n  0\n\n  0\n\n")
        let path = try file("broken.txt", Array(text.utf8))
        let result = try run(["validate", path])
        XCTAssertEqual(result.status, 1)
        // 总计 printed 0 against 10 + 1 + 0 + 0 = 11: the table row, the rule in both languages, the cells.
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  FAIL rule") && $0.hasSuffix("printed  sum of parts  difference") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  t4.review.total ") && $0.hasSuffix(" 0            11         -11") }, result.stdout)
        XCTAssertTrue(result.stdout.contains("    规则  行政复议·结果维持 + 行政复议·结果纠正 + 行政复议·其他结果 + 行政复议·尚未审结 = 行政复议·总计"), result.stdout)
        XCTAssertTrue(result.stdout.contains("    rule  appeals.review.upheld + appeals.review.corrected + appeals.review.other + appeals.review.pending = appeals.review.total"), result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("    appeals.review.upheld ") && $0.contains(" 10  printed   表四") }, result.stdout)
        let json = try run([path, "--compact"])
        XCTAssertTrue(json.stdout.contains("\"review\":{\"upheld\":10,\"corrected\":1,\"other\":0,\"pending\":0,\"total\":0}"), "printed figures kept")
        let machine = try run(["validate", path, "--to", "json"])
        XCTAssertEqual(machine.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(machine.stdout.utf8)) as? [String: Any]
        let reports = object?["reports"] as? [[String: Any]]
        XCTAssertEqual(reports?.first?["failed"] as? Int, 1)
    }

    func testExplainShowsCellSentenceRuleAndChecks() throws {
        let cell = try run(["explain", sample("enping-2019-office.txt"), "requests.newReceived.total"])
        XCTAssertEqual(cell.status, 0, cell.stderr)
        XCTAssertTrue(cell.stdout.contains("表三, row \"一、本年新收政府信息公开申请数量\", column \"总计\""), cell.stdout)
        XCTAssertTrue(cell.stdout.contains("t3.rowTotal.newReceived"))
        let sentence = try run(["explain", sample("dongguan-2018-city.txt"), "requests.newReceived.total"])
        XCTAssertTrue(sentence.stdout.contains("【3467宗】"), sentence.stdout)
        let missing = try run(["explain", sample("enping-2019-office.txt"), "requests.nope.total"])
        XCTAssertEqual(missing.status, 64)
    }

    func testLongCSVHasOneRowPerFigure() throws {
        let result = try run([sample("shenzhen-2017-government-services.txt"), "--to", "csv", "--long"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("source.name,source.sha256,report.year,report.agency,path,value,how"))
        XCTAssertEqual(lines.count, 1 + 4)
        XCTAssertTrue(lines.contains { $0.contains("requests.newReceived.total,0,stated as none") })
        XCTAssertEqual(try run([sample("shenzhen-2017-government-services.txt"), "--long"]).status, 64, "--long needs csv")
    }

    func testStrictLeavesBlankTotalsNull() throws {
        let result = try run([sample("constructed-2020-city-environment-pipes.txt"), "--strict", "--compact"])
        XCTAssertTrue(result.stdout.contains("\"granted\":{\"naturalPerson\":4,\"business\":1,\"research\":0,\"nonprofit\":0,\"legalService\":0,\"otherOrg\":0,\"total\":null}"), result.stdout)
    }
}

extension CLITests {
    /// A small corpus with broken files: good ones converted, bad ones listed, exit 2, no temporary files.
    func testBatchConvertsAFolderAndReportsBadFiles() throws {
        let corpus = workDir.appendingPathComponent("corpus/sub")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for name in ["enping-2019-office.txt", "dongguan-2018-city.txt", "constructed-2022-city-hrss-spans.html"] {
            try FileManager.default.copyItem(atPath: sample(name), toPath: corpus.appendingPathComponent(name).path)
        }
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        try Data([0, 1, 2, 3]).write(to: corpus.appendingPathComponent("junk.html"))
        try Data("{}".utf8).write(to: corpus.appendingPathComponent("ignored.json"))
        let out = workDir.appendingPathComponent("all.csv").path
        let errors = workDir.appendingPathComponent("errors.jsonl").path
        let result = try run([workDir.appendingPathComponent("corpus").path, "--to", "csv", "-o", out, "--errors", errors])
        XCTAssertEqual(result.status, 2, result.stderr)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.count, 1 + 3, "a header and the three good reports")
        XCTAssertTrue(rows[1].contains("constructed-2022-city-hrss-spans.html"), "inputs in sorted path order")
        let errorLines = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(errorLines.count, 2)
        XCTAssertTrue(errorLines[0].contains("\"kind\":\"input-empty\""))
        XCTAssertTrue(result.stderr.contains("3 converted, 2 failed of 5 inputs"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 files with other extensions skipped"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workDir.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testOutDirShardsAndJSONLines() throws {
        let corpus = workDir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let names = ["enping-2019-office.txt", "dongguan-2018-city.txt", "conghua-2016-office.txt", "shenzhen-2017-government-services.txt"]
        for name in names {
            try FileManager.default.copyItem(atPath: sample(name), toPath: corpus.appendingPathComponent(name).path)
        }
        // JSON Lines on stdout for several inputs, in a stable order.
        let lines = try run([corpus.path])
        XCTAssertEqual(lines.status, 0)
        XCTAssertEqual(lines.stdout.split(separator: "\n").count, 4)
        XCTAssertEqual(lines.stdout, try run([corpus.path]).stdout, "deterministic output")
        // Shards partition the inputs.
        var seen: [String] = []
        for shard in 1...3 {
            let out = workDir.appendingPathComponent("shard\(shard)")
            let result = try run([corpus.path, "--shard", "\(shard)/3", "--out-dir", out.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            // Each record at its source path (the folder's own name, then the file's) plus the output extension.
            seen += (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("in").path)) ?? []
        }
        XCTAssertEqual(seen.sorted(), names.map { $0 + ".json" }.sorted())
        XCTAssertEqual(try run([corpus.path, "--shard", "4/3"]).status, 64)
    }
}
