import Foundation
import XCTest

/// The reproductions of "Hostile input and batch safety": inputs that never end or never come, outputs that
/// must not be clobbered, write errors, interruptions, clashing names, links, and file names that look
/// like options or hold control characters. Each must give one clear line and a documented exit code,
/// leave nothing behind and clobber nothing.
final class HostileInputCLITests: CLITestCase {
    var report: String { sample("enping-2019-office.txt") }

    // MARK: Inputs: --max-bytes while reading, and bounded waits

    func testMaxBytesIsEnforcedOnStandardInputAndDevices() throws {
        let piped = try run(["-", "--max-bytes", "1000"], stdin: Data(repeating: 0x41, count: 200_000))
        XCTAssertEqual(piped.status, 66, piped.stderr)
        XCTAssertTrue(piped.stderr.contains("<stdin>: input is more than 1000 bytes, over the limit of 1000 bytes (raise it with --max-bytes)"), piped.stderr)

        let started = Date()
        let zero = try run(["/dev/zero", "--max-bytes", "1000"])
        XCTAssertEqual(zero.status, 66, zero.stderr)
        XCTAssertTrue(zero.stderr.contains("over the limit of 1000 bytes"), zero.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testFIFOWithNoWriterIsRefusedAfterTheWait() throws {
        let fifo = workDir.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let started = Date()
        let result = try run([fifo, "--input-timeout", "0.5"])
        XCTAssertEqual(result.status, 66, result.stderr)
        XCTAssertTrue(result.stderr.contains("no data came for 0.5 s"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--input-timeout"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testFIFOWithAWriterIsReadLikeAFile() throws {
        let fifo = workDir.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: report))
        let writer = Thread {
            // Opening for writing waits for girconv to open the FIFO for reading.
            if let handle = FileHandle(forWritingAtPath: fifo) { try? handle.write(contentsOf: bytes); try? handle.close() }
        }
        writer.start()
        let result = try run([fifo, "--to", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, try run([report, "--to", "csv"]).stdout.replacingOccurrences(of: report, with: fifo)
            .replacingOccurrences(of: "enping-2019-office.txt", with: "pipe.txt"))
    }

    // MARK: Outputs: nothing clobbered, write errors exit 73

    func testOutputToDevicesAndStandardOutputIsWrittenStraight() throws {
        let null = try run([report, "-o", "/dev/null"])
        XCTAssertEqual(null.status, 0, null.stderr)
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a character device")

        let stdout = try run([report, "-o", "/dev/stdout", "--compact"])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertTrue(stdout.stdout.hasPrefix("{\"schemaVersion\""), stdout.stdout)
        XCTAssertEqual(lstat("/dev/stdout", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "/dev/stdout is still a link")

        // A FIFO: written to, not replaced by a file.
        let fifo = workDir.appendingPathComponent("out.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let intoFIFO = try run([report, "-o", fifo, "--compact"])
        XCTAssertEqual(intoFIFO.status, 0, intoFIFO.stderr)
        let bytes = received.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasPrefix("{\"schemaVersion\""))
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
    }

    func testOutputThroughALinkReplacesTheFileNotTheLink() throws {
        let real = workDir.appendingPathComponent("real.json").path
        let link = workDir.appendingPathComponent("link.json").path
        try "old".write(toFile: real, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let result = try run([report, "-o", link])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.json")
        XCTAssertTrue(try String(contentsOfFile: real, encoding: .utf8).contains("\"schemaVersion\""))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workDir.path).sorted(), ["link.json", "real.json"])
    }

    func testOutputThroughADanglingLinkMakesTheFileTheLinkNames() throws {
        let link = workDir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.json")
        let result = try run([report, "-o", link])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "made.json", "the link stays a link")
        XCTAssertTrue(try String(contentsOfFile: workDir.appendingPathComponent("made.json").path, encoding: .utf8).contains("\"schemaVersion\""))
    }

    func testLongOutputNamesAndPermissionsAreKept() throws {
        // 80 Chinese characters: a 240-byte name, legal, whose temporary name must still fit in 255 bytes.
        let name = String(repeating: "政", count: 80) + ".json"
        let out = workDir.appendingPathComponent(name).path
        try "old".write(toFile: out, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(out, 0o666), 0)
        let result = try run([report, "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        var info = stat()
        XCTAssertEqual(stat(out, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o666, "the replaced file keeps its permissions")
    }

    func testAnOutDirFileThatCannotBeMadeFailsThatInputAlone() throws {
        let archive = workDir.appendingPathComponent("archive")
        for folder in ["a", "b"] { try FileManager.default.createDirectory(at: archive.appendingPathComponent(folder), withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: report, toPath: archive.appendingPathComponent("a/r.txt").path)
        try FileManager.default.copyItem(atPath: report, toPath: archive.appendingPathComponent("b/r.txt").path)
        // A file where the output folder for archive/a should be.
        let records = workDir.appendingPathComponent("records")
        try FileManager.default.createDirectory(at: records.appendingPathComponent("archive"), withIntermediateDirectories: true)
        try "x".write(to: records.appendingPathComponent("archive/a"), atomically: true, encoding: .utf8)
        let errors = workDir.appendingPathComponent("errors.jsonl").path
        let result = try run([archive.path, "--out-dir", records.path, "--errors", errors])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("1 converted, 1 failed"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: records.appendingPathComponent("archive/b/r.txt.json").path))
        let listed = try String(contentsOfFile: errors, encoding: .utf8)
        XCTAssertTrue(listed.contains("\"path\":\"archive/a/r.txt\"") && listed.contains("output-unwritable"), listed)
    }

    func testADirectoryIsRefusedAsOutput() throws {
        let result = try run([report, "-o", workDir.path])
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("cannot write output: is a directory"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }

    func testWriteErrorsExit73WithOneLine() throws {
        // A full device on standard output.
        let full = try run([report], stdoutPath: "/dev/full")
        XCTAssertEqual(full.status, 73, full.stderr)
        XCTAssertEqual(full.stderr, "girconv: error: <stdout>: cannot write output: No space left on device\n")
        let batchFull = try run([report, sample("dongguan-2018-city.txt")], stdoutPath: "/dev/full")
        XCTAssertEqual(batchFull.status, 73, batchFull.stderr)
        XCTAssertTrue(batchFull.stderr.contains("No space left on device"), batchFull.stderr)

        // A pipe whose reader has gone (EPIPE): an error, not a silent death by SIGPIPE.
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [report, sample("dongguan-2018-city.txt"), sample("conghua-2016-office.txt")]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try out.fileHandleForReading.close()
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 73)
        XCTAssertTrue(String(decoding: stderr, as: UTF8.self).contains("<stdout>: cannot write output: Broken pipe"))
    }

    func testFullDiskLeavesNoTemporaryFile() throws {
        let mountPoint = workDir.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard mount("tmpfs", mountPoint.path, "tmpfs", 0, "size=200k") == 0 else {
            throw XCTSkip("cannot mount a small tmpfs here (needs root and a mount namespace that allows it)")
        }
        defer { umount(mountPoint.path) }
        let samples = Self.root.appendingPathComponent("Samples").path
        let stream = try run([samples, "-o", mountPoint.appendingPathComponent("all.jsonl").path])
        XCTAssertEqual(stream.status, 73, stream.stderr)
        XCTAssertTrue(stream.stderr.contains("No space left on device"), stream.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path), [], "no temporary file left")

        let perFile = try run([samples, "--out-dir", mountPoint.appendingPathComponent("records").path])
        XCTAssertEqual(perFile.status, 73, perFile.stderr)
        let left = FileManager.default.enumerator(atPath: mountPoint.path)?.compactMap { $0 as? String } ?? []
        XCTAssertEqual(left.filter { $0.hasSuffix(".tmp") }, [])
    }

    func testInterruptedRunRemovesItsTemporaryFiles() throws {
        // The second input is a FIFO nobody writes to: the run waits there with its output half made.
        let fifo = workDir.appendingPathComponent("stuck.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let out = workDir.appendingPathComponent("out.jsonl").path
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [report, fifo, "-o", out]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        var temporary: [String] = []
        while temporary.isEmpty && Date() < deadline {
            usleep(20_000)
            temporary = try FileManager.default.contentsOfDirectory(atPath: workDir.path).filter { $0.hasSuffix(".tmp") }
        }
        XCTAssertFalse(temporary.isEmpty, "the run made its temporary output")
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 128 + SIGTERM)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workDir.path).sorted(), ["stuck.txt"])
    }

    // MARK: Batch: paths, clashing names, shards, links, the error list

    func testOutDirWritesOneFilePerInputWhateverTheNames() throws {
        let archive = workDir.appendingPathComponent("archive")
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(at: archive.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(atPath: report, toPath: archive.appendingPathComponent("a/r.txt").path)
        try FileManager.default.copyItem(atPath: sample("constructed-2022-city-hrss-spans.html"), toPath: archive.appendingPathComponent("a/r.html").path)
        try FileManager.default.copyItem(atPath: sample("dongguan-2018-city.txt"), toPath: archive.appendingPathComponent("b/r.txt").path)

        let records = workDir.appendingPathComponent("records")
        let whole = try run([archive.path, "--out-dir", records.path])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        XCTAssertTrue(whole.stderr.contains("3 converted"), whole.stderr)
        let written = FileManager.default.enumerator(atPath: records.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(written, ["archive/a/r.html.json", "archive/a/r.txt.json", "archive/b/r.txt.json"])
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: records.appendingPathComponent("archive/b/r.txt.json"))) as? [String: Any]
        XCTAssertEqual((record?["source"] as? [String: Any])?["path"] as? String, "archive/b/r.txt")

        // Two files of one name from different folders given on the command line: each keeps its path.
        let direct = workDir.appendingPathComponent("direct")
        let typed = ["archive/a/r.txt", "archive/b/r.txt"]
        let process = try run(typed + ["--out-dir", direct.path, "--to", "csv"], in: workDir)
        XCTAssertEqual(process.status, 0, process.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: direct.appendingPathComponent("archive/a/r.txt.csv").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: direct.appendingPathComponent("archive/b/r.txt.csv").path))
        let row = try String(contentsOf: direct.appendingPathComponent("archive/b/r.txt.csv"), encoding: .utf8).split(separator: "\n")
        let header = csvFields(row[0]), values = csvFields(row[1])
        XCTAssertEqual(values[header.firstIndex(of: "source.path")!], "archive/b/r.txt", "the path as typed")

        // Paths that climb out of the output folder stay inside it.
        let climbing = try run(["../\(workDir.lastPathComponent)/archive/a/r.txt", "--out-dir", "up"], in: workDir)
        XCTAssertEqual(climbing.status, 0, climbing.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: workDir.appendingPathComponent("up/__/\(workDir.lastPathComponent)/archive/a/r.txt.json").path))
    }

    func testShardsAreTheSameWhereverTheCorpusIsMounted() throws {
        let names = ["enping-2019-office.txt", "dongguan-2018-city.txt", "conghua-2016-office.txt", "shenzhen-2017-government-services.txt",
                     "huludao-2017-city.txt", "constructed-2021-county-transport.txt"]
        for mount in ["mnt1/corpus", "elsewhere/deeper/corpus"] {
            let folder = workDir.appendingPathComponent(mount + "/2021")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in names { try FileManager.default.copyItem(atPath: sample(name), toPath: folder.appendingPathComponent(name).path) }
        }
        func shard(_ mount: String, _ index: Int) throws -> [String] {
            let result = try run([workDir.appendingPathComponent(mount).path, "--shard", "\(index)/3", "--to", "csv"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let rows = result.stdout.split(separator: "\n")
            let column = csvFields(rows[0]).firstIndex(of: "source.path")!
            return rows.dropFirst().map { csvFields($0)[column] }
        }
        var all: [String] = []
        for index in 1...3 {
            let here = try shard("mnt1/corpus", index)
            XCTAssertEqual(here, try shard("elsewhere/deeper/corpus", index), "shard \(index)")
            all += here
        }
        XCTAssertEqual(all.sorted(), names.map { "corpus/2021/" + $0 }.sorted())
    }

    func testLinkedDirectoriesAreFollowedAndLoopsEnd() throws {
        let real = workDir.appendingPathComponent("real/2020")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: report, toPath: real.appendingPathComponent("r.txt").path)
        let corpus = workDir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample("dongguan-2018-city.txt"), toPath: corpus.appendingPathComponent("d.txt").path)
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("linked").path, withDestinationPath: "../real")
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: workDir.appendingPathComponent("corpus-link").path, withDestinationPath: "corpus")

        for argument in ["corpus", "corpus-link"] {
            let result = try run([workDir.appendingPathComponent(argument).path, "--to", "csv"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let rows = result.stdout.split(separator: "\n")
            let column = csvFields(rows[0]).firstIndex(of: "source.path")!
            XCTAssertEqual(rows.dropFirst().map { csvFields($0)[column] }, ["\(argument)/d.txt", "\(argument)/linked/2020/r.txt"])
        }
    }

    func testErrorsFileMustDifferFromOutputAndBeWritableBeforeWork() throws {
        let out = workDir.appendingPathComponent("all.jsonl").path
        let same = try run([report, sample("dongguan-2018-city.txt"), "-o", out, "--errors", out])
        XCTAssertEqual(same.status, 64, same.stderr)
        XCTAssertTrue(same.stderr.contains("-o and --errors name the same destination"), same.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))

        let unwritable = try run([report, sample("dongguan-2018-city.txt"), "-o", out, "--errors", "/nonexistent-dir/errors.jsonl"])
        XCTAssertEqual(unwritable.status, 73, unwritable.stderr)
        XCTAssertFalse(unwritable.stderr.contains("converted"), "refused before any work: \(unwritable.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workDir.path), [])
    }

    // MARK: Messages

    func testFileNamesAreEscapedOnStandardError() throws {
        let name = "bad\nname\u{1B}[2J.txt"
        let path = try file(name, Array("not a report at all".utf8))
        let single = try run([path])
        XCTAssertEqual(single.status, 65)
        XCTAssertFalse(single.stderr.contains("\u{1B}"), single.stderr)
        XCTAssertTrue(single.stderr.contains("bad\\nname\\x1b[2J.txt"), single.stderr)
        XCTAssertEqual(single.stderr.split(separator: "\n").count, 1)

        let batch = try run([workDir.path, "-o", "/dev/null"])
        XCTAssertEqual(batch.status, 2)
        XCTAssertFalse(batch.stderr.contains("\u{1B}"), batch.stderr)
        XCTAssertEqual(batch.stderr.split(separator: "\n").count, 2, "the failure and the summary: \(batch.stderr)")
    }

    func testFileNamesThatLookLikeOptions() throws {
        _ = try file("-h.txt", [UInt8](try Data(contentsOf: URL(fileURLWithPath: report))))
        let refused = try run(["-h.txt"], in: workDir)
        XCTAssertEqual(refused.status, 64)
        XCTAssertEqual(refused.stderr, "girconv: error: unknown option '-h.txt'\n"
                       + "girconv: hint: to read a file named -h.txt, write ./-h.txt or -- -h.txt; see 'girconv --help'\n")
        XCTAssertTrue(refused.stdout.isEmpty, "no help printed")
        for arguments in [["./-h.txt"], ["--", "-h.txt"]] {
            let result = try run(arguments, in: workDir)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("\"schemaVersion\""))
        }
    }

    func testUsageErrorsAreOneLineAndAHint() throws {
        for arguments in [[report, "--to", "yaml"], [report, "--shard", "9/3"], ["validate"], [report, "--max-bytes", "-5"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(lines[0].hasPrefix("girconv: error: "), result.stderr)
            XCTAssertTrue(lines[1].hasPrefix("girconv: hint: see 'girconv "), result.stderr)
        }
        XCTAssertEqual(try run(["--help"]).status, 0)
        XCTAssertTrue(try run(["--help"]).stdout.contains("USAGE"))
    }
}
