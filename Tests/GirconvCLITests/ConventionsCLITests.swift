import Foundation
import XCTest

/// The command-line conventions users expect (#20): "did you mean", options before the subcommand,
/// `detect --to json`, `--quiet`, help texts naming every input kind, completions and the man page.
final class ConventionsCLITests: CLITestCase {
    static let enping = "enping-2019-office.txt"

    /// A word that is neither a subcommand nor an existing file is a usage error naming the nearest command;
    /// a file of that name still converts; a missing path with an extension stays a missing input.
    func testAMistypedCommandIsAUsageErrorWithASuggestion() throws {
        let typo = try run(["detcet", sample(Self.enping)])
        XCTAssertEqual(typo.status, 64, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("'detcet' is neither a command nor an existing file"), typo.stderr)
        XCTAssertTrue(typo.stderr.contains("did you mean 'detect'?"), typo.stderr)
        XCTAssertEqual(typo.stdout, "")

        let validat = try run(["validat", sample(Self.enping)])
        XCTAssertTrue(validat.stderr.contains("did you mean 'validate'?"), validat.stderr)

        let far = try run(["frobnicate"])
        XCTAssertEqual(far.status, 64)
        XCTAssertFalse(far.stderr.contains("did you mean"), far.stderr)
        XCTAssertTrue(far.stderr.contains("commands: convert, detect, validate"), far.stderr)

        // A report saved under a command-like name converts, from its folder.
        try FileManager.default.copyItem(atPath: sample(Self.enping), toPath: workDir.appendingPathComponent("detcet").path)
        let file = try run(["detcet"], in: workDir)
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertTrue(file.stdout.contains("\"恩平市人民政府办公室\""), file.stdout)

        let missing = try run(["missing-report.html"])
        XCTAssertEqual(missing.status, 66, missing.stderr)
    }

    /// `girconv --no-user-layouts detect FILE` is `girconv detect --no-user-layouts FILE`; an option's value
    /// that names a subcommand stays a value.
    func testOptionsMayComeBeforeTheSubcommand() throws {
        let report = sample(Self.enping)
        let after = try run(["detect", "--no-user-layouts", report])
        let before = try run(["--no-user-layouts", "detect", report])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertEqual(before.stdout, after.stdout)
        XCTAssertTrue(before.stdout.contains("layout: 2019-trial"), before.stdout)

        let layouts = Self.root.appendingPathComponent("Sources/GirconvAdapters/Layouts").path
        let withValue = try run(["--layouts", layouts, "--max-bytes", "1000000", "validate", report])
        XCTAssertEqual(withValue.status, 0, withValue.stderr)
        XCTAssertTrue(withValue.stdout.contains("enping-2019-office.txt"), withValue.stdout)

        // -o detect: "detect" is the output file, the report is converted into it.
        let output = try run(["-o", "detect", report], in: workDir)
        XCTAssertEqual(output.status, 0, output.stderr)
        let written = try String(contentsOf: workDir.appendingPathComponent("detect"), encoding: .utf8)
        XCTAssertTrue(written.contains("\"恩平市人民政府办公室\""))

        // An option convert lacks, before the subcommand that has it.
        let agency = try run(["--agency", "示例局", "compare", report, sample("dongguan-2018-city.txt")])
        XCTAssertEqual(agency.status, 0, agency.stderr)
        XCTAssertTrue(agency.stdout.hasPrefix("示例局"), agency.stdout)

        // An option of convert only, before a subcommand that lacks it: a usage error of that subcommand.
        let wrong = try run(["--to", "csv", "detect", report])
        XCTAssertEqual(wrong.status, 64, wrong.stderr)
    }

    /// `detect --to json`: one object with the chosen layout and every candidate; null layout and exit 65
    /// for a document that is no report.
    func testDetectAsJSON() throws {
        let result = try run(["detect", "--to", "json", sample(Self.enping)])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["file"] as? String, Self.enping)
        XCTAssertEqual(object["mediaType"] as? String, "text/plain")
        XCTAssertEqual(object["layout"] as? String, "2019-trial")
        XCTAssertEqual(object["adapter"] as? String, "2019-trial")
        XCTAssertTrue((object["evidence"] as? [String] ?? []).contains("本年新收政府信息公开申请数量"))
        let candidates = try XCTUnwrap(object["candidates"] as? [[String: Any]])
        XCTAssertGreaterThan(candidates.count, 3)
        XCTAssertEqual(candidates.first?["adapter"] as? String, "2019-trial")
        XCTAssertEqual(try run(["detect", "-t", "JSON", sample(Self.enping)]).stdout, result.stdout)

        let notice = try run(["detect", "--to", "json", sample("not-a-report-notice.txt")])
        XCTAssertEqual(notice.status, 65, notice.stderr)
        let none = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(notice.stdout.utf8)) as? [String: Any])
        XCTAssertTrue(none["layout"] is NSNull)
        XCTAssertTrue(none["confidence"] is NSNull)
    }

    /// Every command's `--to` takes `-t` and a format name in any case.
    func testEveryFormatOptionTakesShortFormAndAnyCase() throws {
        let report = sample(Self.enping)
        let validate = try run(["validate", "--to", "json", report])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertEqual(try run(["validate", "-t", "JSON", report]).stdout, validate.stdout)
        let pair = [sample("hongze-2023-district.pdf"), sample("hongze-2024-district.pdf")]
        let compare = try run(["compare", "--to", "csv"] + pair)
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertTrue(compare.stdout.hasPrefix("agency,"), compare.stdout)
        XCTAssertEqual(try run(["compare", "-t", "Csv"] + pair).stdout, compare.stdout)
        XCTAssertEqual(try run(["validate", "-t", "yaml", report]).status, 64)
    }

    /// `--quiet`: a batch's failed inputs print no error line (the summary and --errors still name them).
    func testQuietBatchKeepsOnlyTheSummary() throws {
        let broken = try file("broken.pdf", Array("%PDF-1.4 not really".utf8))
        let errors = workDir.appendingPathComponent("errors.jsonl").path
        let loud = try run([sample(Self.enping), broken, "-o", workDir.appendingPathComponent("a.jsonl").path])
        XCTAssertEqual(loud.status, 2)
        XCTAssertTrue(loud.stderr.contains("girconv: error: \(broken)"), loud.stderr)

        let quiet = try run([sample(Self.enping), broken, "-q", "--errors", errors,
                             "-o", workDir.appendingPathComponent("b.jsonl").path])
        XCTAssertEqual(quiet.status, 2)
        XCTAssertFalse(quiet.stderr.contains("girconv: error:"), quiet.stderr)
        XCTAssertTrue(quiet.stderr.contains("1 converted, 1 failed of 2 inputs"), quiet.stderr)
        XCTAssertTrue(try String(contentsOfFile: errors, encoding: .utf8).contains("broken.pdf"))
        let long = try run([sample(Self.enping), broken, "--quiet", "-o", workDir.appendingPathComponent("c.jsonl").path])
        XCTAssertEqual(long.status, 2)
        XCTAssertFalse(long.stderr.contains("girconv: error:"), long.stderr)
    }

    /// `validate DIR`: every report of a folder (recursive), named by its path under the folder; a report
    /// whose table 四 breaks its identity fails the run (exit 1) without stopping the others.
    func testValidateReadsAFolder() throws {
        let folder = workDir.appendingPathComponent("reports/sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample(Self.enping), toPath: workDir.appendingPathComponent("reports/enping.txt").path)
        // 表四 行政复议 printed 10/1/0/0 with 总计 0 (the sample prints 1/0/0/0/1).
        var text = try String(contentsOfFile: sample("constructed-2021-county-transport.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  总计\n\n  1\n\n  0\n\n  0\n\n  0\n\n  1\n\n", with: "  总计\n\n  10\n\n  1\n\n  0\n\n  0\n\n  0\n\n")
        try Data(text.utf8).write(to: folder.appendingPathComponent("broken.txt"))
        let result = try run(["validate", "reports"], in: workDir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("enping.txt: 2019-trial, 恩平市人民政府办公室, 2019"), result.stdout)
        XCTAssertTrue(result.stdout.contains("broken.txt: 2021-revised"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  t4.review.total"), result.stdout)
        let json = try run(["validate", "reports", "--to", "json"], in: workDir)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["reports"] as? [Any])?.count, 2)
    }

    /// Every command that reads reports says in its help which kinds of file it reads.
    func testHelpNamesEveryInputKind() throws {
        for command in [[], ["detect"], ["validate"], ["explain"], ["view"], ["compare"]] {
            let help = try run(command + ["--help"])
            XCTAssertEqual(help.status, 0)
            for kind in ["text", "HTML", "PDF", "Word"] {
                XCTAssertTrue(help.stdout.contains(kind), "\(command) --help does not name \(kind)")
            }
        }
    }

    /// Shell completions come from swift-argument-parser and know the subcommands and options.
    func testCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            for word in ["detect", "validate", "explain", "max-bytes"] {
                XCTAssertTrue(script.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
    }

    /// The committed man page (docs/man/girconv.1, generated by `scripts/generate-man.sh`) is current: it
    /// documents every subcommand and every long option the help texts show.
    func testManPageDocumentsEveryCommandAndOption() throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/man/girconv.1"), encoding: .utf8)
        let manOptions = Set(page.split(separator: "\n").filter { $0.hasPrefix(".It Fl") }
            .flatMap { $0.matches(of: /-([a-z][a-z0-9-]+)/).map { String($0.output.1) } })
        let root = try run(["--help"])
        let subcommands = root.stdout.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .compactMap { line in line.firstMatch(of: /^  ([a-z]+)( \(default\))?\s\s/).map { String($0.output.1) } } ?? []
        XCTAssertTrue(subcommands.contains("detect") && subcommands.contains("schema"), root.stdout)
        for command in [""] + subcommands {
            let help = try run((command.isEmpty ? [] : [command]) + ["--help"])
            if !command.isEmpty { XCTAssertTrue(page.contains(".It Em \(command)"), "man page lacks \(command)") }
            let options = Set(help.stdout.split(separator: "\n").filter { $0.hasPrefix("  -") }
                .flatMap { $0.matches(of: /--([a-z][a-z0-9-]+)/).map { String($0.output.1) } })
            XCTAssertFalse(options.isEmpty, help.stdout)
            for option in options.subtracting(["help", "version"]) {
                XCTAssertTrue(manOptions.contains(option), "man page lacks --\(option) of '\(command)': run scripts/generate-man.sh")
            }
        }
    }
}

/// The version comes from the release tag: `scripts/release.sh X.Y.Z` writes it and tags `vX.Y.Z`, and the
/// version printed is the newest `v*` tag of the history (0.1.0 before the first tag).
final class VersionCLITests: CLITestCase {
    func git(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let result = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory)
        return (result.status, result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func testVersionIsTheNewestReleaseTag() throws {
        let printed = try run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, tag) = try git(["describe", "--tags", "--abbrev=0", "--match", "v[0-9]*"], in: Self.root)
        if status == 0 {
            XCTAssertEqual("v" + printed, tag, "girconv --version must be the newest release tag: make releases with scripts/release.sh")
        } else {
            XCTAssertEqual(printed, "0.1.0", "no release tag yet: the version is the initial one")
        }
    }

    /// The release script, run in a clone: it writes the version, commits and tags; it refuses a bad version.
    func testReleaseScriptWritesTheVersionAndTags() throws {
        guard try git(["rev-parse", "--git-dir"], in: Self.root).0 == 0 else { throw XCTSkip("not a git checkout") }
        let clone = workDir.appendingPathComponent("clone")
        XCTAssertEqual(try git(["clone", "-q", Self.root.path, clone.path], in: workDir).0, 0)
        _ = try git(["config", "user.email", "release@example.org"], in: clone)
        _ = try git(["config", "user.name", "Release Test"], in: clone)
        func release(_ arguments: [String]) throws -> Int32 {
            try execute(clone.appendingPathComponent("scripts/release.sh"), arguments).status
        }
        XCTAssertEqual(try release(["1.2"]), 64)
        XCTAssertEqual(try release(["7.8.9", "--no-man"]), 0)
        let source = try String(contentsOf: clone.appendingPathComponent("Sources/girconv/Version.swift"), encoding: .utf8)
        XCTAssertTrue(source.contains("static let current = \"7.8.9\""), source)
        XCTAssertEqual(try git(["describe", "--tags", "--abbrev=0", "--match", "v[0-9]*"], in: clone).1, "v7.8.9")
        XCTAssertEqual(try git(["log", "-1", "--format=%s"], in: clone).1, "Release 7.8.9")
        XCTAssertEqual(try release(["7.8.9", "--no-man"]), 65, "a tag that exists is refused")
    }
}
