import Foundation
import GRDB
import XCTest

/// Where the data goes (#20): the corpus database, Excel-ready CSV, and the conventions of `--to`.
final class DataOutputCLITests: CLITestCase {
    /// The 2019 samples: Enping's report (表三: 一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2, 总计 2) and
    /// 示例市玥湖区人民政府办公室's report as a GBK page and as a Word document (17 3 1 0 0 0 21, 总计 21).
    static let samples2019 = ["enping-2019-office.txt", "constructed-2019-district-office-gbk-word.html",
                              "constructed-2019-district-office.docx"]

    /// A folder holding copies of `names` from Samples/.
    func folder(_ name: String, _ names: [String]) throws -> URL {
        let folder = workDir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sample in names {
            try FileManager.default.copyItem(atPath: self.sample(sample), toPath: folder.appendingPathComponent(sample).path)
        }
        return folder
    }

    /// Rows of a query, columns joined by `|`: through the `sqlite3` shell when it is installed (as a user
    /// would), else through GRDB.
    func query(_ database: String, _ sql: String) throws -> [String] {
        if let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: shell)
            process.arguments = ["-bail", database, sql]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, problem)
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        return try DatabaseQueue(path: database).read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in value.isNull ? "" : String(describing: value.storage.value!) }.joined(separator: "|")
            }
        }
    }

    /// The query of the README's section on the corpus database, as printed there.
    func readmeQuery() throws -> String {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "### A corpus database (SQLite)"))
        let rest = readme[section.upperBound...]
        let start = try XCTUnwrap(rest.range(of: "```sql\n"))
        let end = try XCTUnwrap(rest[start.upperBound...].range(of: "```"))
        return String(rest[start.upperBound..<end.lowerBound])
    }

    func testReadmeQueryRanksAgenciesInADatabaseOfTheSamples() throws {
        let corpus = try folder("corpus", Self.samples2019 + ["constructed-2021-county-transport.txt"])
        let database = workDir.appendingPathComponent("corpus.db").path
        let result = try run([corpus.path, "--to", "sqlite", "-o", database])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try query(database, try readmeQuery()), ["示例市玥湖区人民政府办公室|21", "恩平市人民政府办公室|2"])
    }

    /// Where a PDF's figure is printed (1.5): the page and the box of its cell, in the database and in the
    /// long CSV's last columns. Hongze 2024's 表三 总计 of 一、本年新收 is "95" on page 3, the word pdftotext
    /// -bbox boxes at x 492.359–506.4637, y 501.22105–515.257.
    func testAPDFFiguresBoxInTheDatabaseAndTheLongCSV() throws {
        let corpus = try folder("pdf", ["hongze-2024-district.pdf"])
        let database = workDir.appendingPathComponent("pdf.db").path
        XCTAssertEqual(try run([corpus.path, "--to", "sqlite", "-o", database]).status, 0)
        XCTAssertEqual(try query(database, "SELECT page, box_x_min, box_y_min, box_x_max, box_y_max FROM figures WHERE path = 'requests.newReceived.total'"),
                       ["3|492.36|501.22|506.46|515.26"])
        let csv = try run([sample("hongze-2024-district.pdf"), "--to", "csv", "--long"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasSuffix(",source.path,page,box"), lines[0])
        XCTAssertTrue(lines.contains { $0.contains(",requests.newReceived.total,95,") && $0.hasSuffix(",3,492.36 501.22 506.46 515.26") })
    }

    func testConvertingTheSameFolderTwiceAddsNothing() throws {
        let corpus = try folder("corpus", Self.samples2019)
        let database = workDir.appendingPathComponent("corpus.db").path
        let counts = "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM figures), (SELECT count(*) FROM checks), (SELECT count(*) FROM warnings)"
        XCTAssertEqual(try run([corpus.path, "-t", "sqlite", "-o", database]).status, 0)
        let first = try query(database, counts)
        XCTAssertTrue(first[0].hasPrefix("3|"), first[0])
        XCTAssertEqual(try run([corpus.path, "-t", "sqlite", "-o", database]).status, 0)
        XCTAssertEqual(try query(database, counts), first)
        XCTAssertEqual(try query(database, "SELECT count(DISTINCT source_path) FROM reports"), ["3"])
        // A run of which some inputs fail still stores the others (exit 2, as with the other formats).
        try Data("not a report".utf8).write(to: corpus.appendingPathComponent("notes.txt"))
        XCTAssertEqual(try run([corpus.path, "-t", "sqlite", "-o", database]).status, 2)
        XCTAssertEqual(try query(database, counts), first)
    }

    /// 2,000 reports (copies of the Anhui sample: 示例县统计局, 2016, "1. 信息公开申请数 | 件 | 7") go into one
    /// database; a run killed in the middle leaves the database as it was before it.
    func testTwoThousandReportsAndAKilledRun() throws {
        let database = workDir.appendingPathComponent("corpus.db").path
        XCTAssertEqual(try run([try folder("seed", Self.samples2019).path, "--to", "sqlite", "-o", database]).status, 0)
        let counts = "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM figures), (SELECT count(*) FROM checks), (SELECT count(*) FROM warnings)"
        let before = try query(database, counts)

        let big = workDir.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: big, withIntermediateDirectories: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sample("constructed-2016-anhui-county-statistics-bureau.txt")))
        for index in 1...2000 { try bytes.write(to: big.appendingPathComponent(String(format: "report-%04d.txt", index))) }

        // Killed (SIGKILL, nothing of girconv runs after it) once it has written into the database.
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [big.path, "--to", "sqlite", "-o", database]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journal = database + "-journal"
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: journal) && process.isRunning && Date() < deadline { usleep(5_000) }
        XCTAssertTrue(process.isRunning, "the run ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(try query(database, counts), before)
        XCTAssertEqual(try query(database, "PRAGMA integrity_check"), ["ok"])

        let result = try run([big.path, "--to", "sqlite", "-o", database])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try query(database, "SELECT count(*), count(DISTINCT source_path) FROM reports WHERE year = 2016"), ["2000|2000"])
        XCTAssertEqual(try query(database, """
            SELECT r.agency, f.value, count(*) FROM figures f JOIN reports r ON r.id = f.report_id
            WHERE f.path = 'requests.newReceived.total' AND r.year = 2016 GROUP BY r.agency, f.value
            """), ["示例县统计局|7|2000"])
        XCTAssertEqual(try query(database, "SELECT count(*) FROM reports"), ["2003"])
    }

    func testSQLiteNeedsADatabaseFile() throws {
        let report = sample("enping-2019-office.txt")
        for arguments in [[report, "--to", "sqlite"], [report, "--to", "sqlite", "-o", "-"],
                          [report, "--to", "sqlite", "--out-dir", workDir.path], ["-", "--to", "sqlite", "-o", "x.db"]] {
            let result = try run(arguments, in: workDir)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("sqlite"), result.stderr)
        }
        // A directory, or a file that is not a database, cannot be written into (exit 73), and is left alone.
        let notes = try file("notes.db", Array("plain text, not a database\n".utf8))
        for target in [workDir.path, notes] {
            let result = try run([report, "--to", "sqlite", "-o", target])
            XCTAssertEqual(result.status, 73, result.stderr)
        }
        XCTAssertEqual(try String(contentsOfFile: notes, encoding: .utf8), "plain text, not a database\n")
    }

    /// `--excel` (and `--bom`): the CSV with EF BB BF before it, and otherwise the same bytes; Python's csv
    /// module (and pandas, where installed) reads it back with the header's first name intact and the
    /// figures as numbers (Enping's 本年新收 总计: 2).
    func testExcelCSVStartsWithAByteOrderMarkAndRoundTrips() throws {
        let report = sample("enping-2019-office.txt")
        let plain = try run([report, "--to", "csv"])
        let excel = try run([report, "--to", "csv", "--excel"])
        let bom = try run([report, "--to", "csv", "--bom"])
        XCTAssertEqual(excel.status, 0, excel.stderr)
        XCTAssertTrue(excel.stdout.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        XCTAssertEqual(Array(excel.stdout.utf8.dropFirst(3)), Array(plain.stdout.utf8))
        XCTAssertEqual(bom.stdout, excel.stdout)
        let usage = try run([report, "--to", "json", "--excel"])
        XCTAssertEqual(usage.status, 64, usage.stderr)

        let path = workDir.appendingPathComponent("excel.csv").path
        XCTAssertEqual(try run([report, "--to", "csv", "--excel", "-o", path]).status, 0)
        let script = """
            import csv, io, sys
            path = sys.argv[1]
            raw = open(path, "rb").read()
            assert raw.startswith(b"\\xef\\xbb\\xbf")
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
            header, row = rows
            assert header[0] == "schemaVersion", header[0]
            value = row[header.index("requests.newReceived.total")]
            assert value == "2" and float(value) == 2, value
            out = io.StringIO(newline="")
            csv.writer(out, lineterminator="\\n").writerows(rows)
            assert ("\\ufeff" + out.getvalue()).encode("utf-8") == raw, "the CSV does not round-trip"
            try:
                import pandas
            except ImportError:
                print("csv")
            else:
                frame = pandas.read_csv(path, encoding="utf-8-sig")
                assert frame.columns[0] == "schemaVersion"
                assert frame["requests.newReceived.total"].dtype.kind in "if"
                assert frame["requests.newReceived.total"][0] == 2
                print("pandas")
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, path]
        let err = Pipe()
        python.standardError = err
        python.standardOutput = FileHandle.nullDevice
        do { try python.run() } catch { throw XCTSkip("python3 is not installed") }
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, problem)
    }

    /// `--to jsonl`: one line per report, for one input too; `-t` is `--to`; format names in any case.
    func testJSONLinesShortOptionAndFormatNamesInAnyCase() throws {
        let report = sample("enping-2019-office.txt")
        let lines = try run([report, "--to", "jsonl"])
        XCTAssertEqual(lines.status, 0, lines.stderr)
        XCTAssertTrue(lines.stdout.hasSuffix("}\n"))
        XCTAssertEqual(lines.stdout.filter { $0 == "\n" }.count, 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["report"] as? [String: Any])?["agency"] as? String, "恩平市人民政府办公室")
        XCTAssertEqual(try run([report, "-t", "jsonl"]).stdout, lines.stdout)
        XCTAssertEqual(try run([report, "--to", "JSONL"]).stdout, lines.stdout)
        XCTAssertEqual(try run([report, "--compact"]).stdout, lines.stdout)

        let csv = try run([report, "--to", "csv"])
        XCTAssertEqual(try run([report, "--to", "CSV"]).stdout, csv.stdout)
        XCTAssertEqual(try run([report, "-t", "Csv"]).stdout, csv.stdout)
        XCTAssertEqual(try run([report, "-t", "XML"]).stdout, try run([report, "--to", "xml"]).stdout)
        let unknown = try run([report, "-t", "yaml"])
        XCTAssertEqual(unknown.status, 64, unknown.stderr)

        // Two inputs in jsonl: two lines, as with json.
        let two = try run([report, sample("constructed-2016-anhui-county-statistics-bureau.txt"), "-t", "jsonl"])
        XCTAssertEqual(two.stdout.filter { $0 == "\n" }.count, 2)
    }

    /// docs/at-scale.md: `--shard i/n` runs, merged, equal one run — JSON Lines concatenated (the same lines,
    /// each once) and SQLite shards merged by scripts/merge-corpus-db.sh (the same rows, ids aside).
    func testShardsMergedEqualOneRun() throws {
        _ = try XCTUnwrap(["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile),
                                  "the sqlite3 shell (scripts/bootstrap.sh installs it)")
        let names = Self.samples2019 + ["constructed-2021-county-transport.txt", "constructed-2016-anhui-county-statistics-bureau.txt",
                                        "constructed-2012-gansu-county-office.html", "pingtan-2011-county.html",
                                        "dongguan-2018-city.txt", "huludao-2017-city.txt", "conghua-2016-office.txt"]
        _ = try folder("corpus", names)
        func convert(_ extra: [String]) throws {
            let result = try run(["corpus"] + extra, in: workDir)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        try convert(["--to", "jsonl", "-o", "all.jsonl"])
        try convert(["--to", "sqlite", "-o", "all.db"])
        var shardLines: [String] = [], filledShards = 0
        for shard in 1...3 {
            try convert(["--shard", "\(shard)/3", "--to", "jsonl", "-o", "shard-\(shard).jsonl"])
            try convert(["--shard", "\(shard)/3", "--to", "sqlite", "-o", "shard-\(shard).db"])
            let lines = try String(contentsOf: workDir.appendingPathComponent("shard-\(shard).jsonl"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            shardLines += lines
            if !lines.isEmpty { filledShards += 1 }
        }
        XCTAssertGreaterThanOrEqual(filledShards, 2, "the reports spread over the shards")
        let allLines = try String(contentsOf: workDir.appendingPathComponent("all.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(allLines.count, names.count)
        XCTAssertEqual(shardLines.count, allLines.count, "each report in exactly one shard")
        XCTAssertEqual(shardLines.sorted(), allLines.sorted())

        let merge = try execute(Self.root.appendingPathComponent("scripts/merge-corpus-db.sh"),
                                ["merged.db", "shard-1.db", "shard-2.db", "shard-3.db"], in: workDir)
        let message = merge.stderr
        XCTAssertEqual(merge.status, 0, message)
        XCTAssertTrue(message.contains("\(names.count) reports"), message)

        let one = workDir.appendingPathComponent("all.db").path, merged = workDir.appendingPathComponent("merged.db").path
        func columns(_ table: String, but excluded: String, prefix: String) throws -> String {
            try query(one, "SELECT group_concat('\(prefix)' || name, ', ') FROM pragma_table_info('\(table)') WHERE name <> '\(excluded)'")[0]
        }
        var queries = ["SELECT \(try columns("reports", but: "id", prefix: "")) FROM reports ORDER BY source_path",
                       "SELECT * FROM schema_version"]
        for table in ["figures", "checks", "warnings"] {
            let rest = try columns(table, but: "report_id", prefix: "t.")
            queries.append("SELECT r.source_path, \(rest) FROM \(table) t JOIN reports r ON r.id = t.report_id ORDER BY r.source_path, \(rest)")
        }
        for sql in queries {
            let expected = try query(one, sql)
            XCTAssertFalse(expected.isEmpty, sql)
            XCTAssertEqual(try query(merged, sql), expected, sql)
        }
        XCTAssertGreaterThan(try query(one, "SELECT count(*) FROM figures")[0].count, 2)
    }
}
