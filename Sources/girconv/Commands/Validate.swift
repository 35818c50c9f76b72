import ArgumentParser
import Foundation
import GirconvCore
import GirconvExport

/// `girconv validate FILE...`: the arithmetic of each report, and continuity across years.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every arithmetic identity of reports, and continuity between consecutive years of one agency.",
        discussion: """
        For each report: identities passed / failed / not assessable, each failure with its rule, the figures \
        involved, the expected and the found value, and the warnings. Given reports of one agency for \
        consecutive years, also checks that last year's 结转下年度 equals this year's 上年结转 and that \
        现行有效件数 carries forward by 制发 − 废止. Reports are one agency's when their names name one agency \
        (洪泽区人民政府 = 淮安市洪泽区人民政府; docs/agency-identity.md), or all of them with --agency; every pair \
        not checked is listed with its reason (agencies differ, years not consecutive, a year missing, same year \
        twice, agency or year unknown, no continuity figures).

        Exit status: 0 when nothing failed (warnings allowed), 1 when any identity or continuity check failed \
        or a report gave no figure (nothing could be checked), \
        otherwise the exit code of the first input that could not be read (65, 66).
        """)

    @Argument(help: "Reports to check (text or HTML files).")
    var files: [String]

    @OptionGroup var reading: ReadingOptions

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(name: .customLong("to"), help: "text (a readable summary) or json.")
    var format: Format = .text

    @Option(help: "Treat every report as this agency's for the continuity checks (names are otherwise grouped by docs/agency-identity.md).")
    var agency: String?

    func run() throws {
        var records: [CanonicalRecord] = []
        var reports: [TreeValue] = []
        var lines: [String] = []
        var firstError: GirconvError?
        var anyFailure = false
        for file in files {
            do {
                let record = try reading.convert(file)
                records.append(record)
                let failed = record.checks.filter { $0.status == .fail }
                anyFailure = anyFailure || !failed.isEmpty || record.hasNoFigures
                reports.append(Self.summaryTree(record))
                lines += Self.summaryLines(record)
            } catch {
                let girconvError = (error as? GirconvError) ?? .internalError("\(error)")
                firstError = firstError ?? girconvError
                reports.append(.object([("source", .string(file)), ("error", .string(girconvError.description)),
                                        ("errorKind", .string(girconvError.kind))]))
                lines.append("\(file): error: \(girconvError)")
            }
        }
        let outcome = ContinuityChecker.assess(records, identity: AgencyIdentity(forced: agency))
        let continuity = outcome.results
        if continuity.contains(where: { $0.check.status == .fail }) { anyFailure = true }
        switch format {
        case .text:
            if !continuity.isEmpty || !outcome.skipped.isEmpty {
                lines.append("continuity:")
                for result in continuity { lines.append("  \(result.line)") }
                for skipped in outcome.skipped { lines.append("  \(skipped.line)") }
            }
            print(lines.joined(separator: "\n"))
        case .json:
            let tree = TreeValue.object([
                ("reports", .array(reports)),
                ("continuity", .array(continuity.map { $0.tree() })),
                ("continuitySkipped", .array(outcome.skipped.map { $0.tree() })),
            ])
            print(JSONRecordWriter().serialize(tree, pretty: true))
        }
        if anyFailure { throw ExitCode(1) }
        if let firstError { throw ExitCode(firstError.exitCode) }
    }

    static func text(_ value: Decimal?) -> String { ContinuityChecker.text(value) }

    static func counts(_ record: CanonicalRecord) -> (pass: Int, fail: Int, notAssessable: Int) {
        (record.checks.filter { $0.status == .pass }.count, record.checks.filter { $0.status == .fail }.count,
         record.checks.filter { $0.status == .notAssessable }.count)
    }

    static func summaryLines(_ record: CanonicalRecord) -> [String] {
        let c = counts(record)
        let recovery = record.checks.filter { $0.status == .usedForRecovery }.count
        var lines = ["\(record.source.name): \(record.report.layout.rawValue), \(record.report.agency ?? "agency unknown"), \(record.report.year.map(String.init) ?? "year unknown")",
                     "  checks: \(c.pass) passed, \(c.fail) failed, \(c.notAssessable) not assessable"
                         + (recovery > 0 ? ", \(recovery) used for recovery" : "") + "; \(record.warnings.count) warnings"]
        if record.hasNoFigures { lines.append("  FAIL no figure could be read: nothing could be checked") }
        for check in record.checks where check.status == .fail {
            lines.append("  FAIL \(check.rule): \(check.totalPaths.joined(separator: " + ")) expected \(text(check.expected)), found \(text(check.found)) — \(check.description)")
        }
        for warning in record.warnings {
            lines.append("  warning \(warning.code): \(warning.message)")
        }
        return lines
    }

    static func summaryTree(_ record: CanonicalRecord) -> TreeValue {
        let c = counts(record)
        return .object([
            ("source", .string(record.source.name)), ("layout", .string(record.report.layout.rawValue)),
            ("agency", record.report.agency.map(TreeValue.string) ?? .null),
            ("year", record.report.year.map { .number(Decimal($0)) } ?? .null),
            ("passed", .number(Decimal(c.pass))), ("failed", .number(Decimal(c.fail))), ("notAssessable", .number(Decimal(c.notAssessable))),
            ("failures", .array(record.checks.filter { $0.status == .fail }.map { $0.tree() })),
            ("warnings", .array(record.warnings.map { $0.tree() })),
        ])
    }
}
