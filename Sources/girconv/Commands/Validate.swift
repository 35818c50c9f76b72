import ArgumentParser
import Foundation
import GirconvCore
import GirconvExport
import GirconvText

/// `girconv validate FILE...`: the arithmetic of each report, and continuity across years.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every arithmetic identity of reports, and continuity between consecutive years of one agency.",
        discussion: """
        For each report (files, or folders searched recursively): identities passed / failed / not assessable; \
        the failures as a table (rule, the printed figure, the sum of its parts, the difference), each spelled \
        out in Chinese and in English with every cell involved (value, how it was read, where it was printed); \
        and the warnings. Given reports of one agency for \
        consecutive years, also checks that last year's 结转下年度 equals this year's 上年结转 and that \
        现行有效件数 carries forward by 制发 − 废止. Reports are one agency's when their names name one agency \
        (洪泽区人民政府 = 淮安市洪泽区人民政府; docs/agency-identity.md), or all of them with --agency; every pair \
        not checked is listed with its reason (agencies differ, years not consecutive, a year missing, same year \
        twice, agency or year unknown, no continuity figures).

        Exit status: 0 when nothing failed (warnings allowed), 1 when any identity or continuity check failed \
        or a report gave no figure (nothing could be checked), \
        otherwise the exit code of the first input that could not be read (65, 66).
        """)

    @Argument(help: "Reports to check: text (.txt), HTML (.html/.htm), PDF (.pdf) or Word (.docx) files, or directories of them (recursive).")
    var files: [String]

    @OptionGroup var reading: ReadingOptions

    enum Format: String, FormatName { case text, json }

    @Option(name: [.customShort("t"), .customLong("to")], help: "text (a readable summary) or json, in any case.")
    var format: Format = .text

    @Option(help: "Treat every report as this agency's for the continuity checks (names are otherwise grouped by docs/agency-identity.md).")
    var agency: String?

    func run() throws {
        var records: [CanonicalRecord] = []
        var reports: [TreeValue] = []
        var lines: [String] = []
        var firstError: GirconvError?
        var anyFailure = false
        let collector: InputCollector
        let registry: Converter
        do {
            collector = try InputCollector(files)
            registry = try reading.layouts.registry()
        } catch {
            Failure.exit(error)
        }
        for folder in collector.unreadableFolders {
            let error = GirconvError.inputUnreadable(path: folder.path, reason: "cannot list this folder (no permission, or it went away): its reports were not checked")
            firstError = firstError ?? error
            reports.append(.object([("source", .string(folder.recordPath)), ("error", .string(error.description)), ("errorKind", .string(error.kind))]))
            lines.append("\(folder.recordPath): error: \(error)")
        }
        for item in collector.items {
            let file = item.recordPath
            do {
                let record = try registry.convert(reading.load(item.path, recordPath: item.recordPath), forcing: reading.adapter,
                                                  limits: reading.limits, strict: reading.strict)
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
        lines += failureLines(record)
        for warning in record.warnings {
            lines.append("  warning \(warning.code): \(warning.message)")
        }
        return lines
    }

    /// The failed identities as a table (rule, the printed figure, the sum of its parts, the difference),
    /// then each one spelled out: the rule in Chinese (the figures' Chinese names) and in English (their
    /// paths), and every cell involved with its value and where it was printed.
    static func failureLines(_ record: CanonicalRecord) -> [String] {
        let failed = record.checks.filter { $0.status == .fail }
        guard !failed.isEmpty else { return [] }
        var table = TextTable(header: ["FAIL rule", "printed", "sum of parts", "difference"], rightAligned: [1, 2, 3])
        for check in failed {
            table.rows.append([check.rule, text(check.found), text(check.expected),
                               difference(found: check.found, expected: check.expected)])
        }
        var lines = table.lines(indent: "  ")
        for check in failed {
            let relation = check.description.contains("≤") ? "≤" : "="
            func side(_ paths: [String], _ name: (String) -> String) -> String { paths.map(name).joined(separator: " + ") }
            lines.append("  \(check.rule): \(check.description)")
            let chinese = { (path: String) in chineseName(path, in: record) }
            lines.append("    规则  \(side(check.partPaths, chinese)) \(relation) \(side(check.totalPaths, chinese))")
            lines.append("    rule  \(side(check.partPaths, { $0 })) \(relation) \(side(check.totalPaths, { $0 }))")
            var cells = TextTable(header: ["cell", "value", "how read", "where"], rightAligned: [1])
            for path in check.totalPaths + check.partPaths {
                guard let figure = record.figures[path] else {
                    cells.rows.append([path, "absent", "", ""])
                    continue
                }
                cells.rows.append([path, text(figure.value), figure.provenance.how.rawValue, place(figure.provenance.location)])
            }
            lines += cells.lines(indent: "    ")
        }
        return lines
    }

    /// The catalog's Chinese name of a path; for a layout's own `extra.*` figure, the row label it was printed under.
    static func chineseName(_ path: String, in record: CanonicalRecord) -> String {
        FigureCatalog.spec(for: path)?.name ?? record.figures[path]?.provenance.location.row ?? path
    }

    static func difference(found: Decimal?, expected: Decimal?) -> String {
        guard let found, let expected else { return "unknown" }
        let difference = found - expected
        return difference > 0 ? "+\(difference)" : "\(difference)"
    }

    /// Where a figure was printed: table, row and column labels, or the sentence (shortened), and the page.
    static func place(_ location: SourceLocation) -> String {
        var parts = [location.table, location.row, location.column].compactMap { $0 }.filter { !$0.isEmpty }
        if parts.isEmpty, let sentence = location.sentence {
            parts.append("“" + (sentence.count > 40 ? String(sentence.prefix(40)) + "…" : sentence) + "”")
        }
        if let page = location.page { parts.append("page \(page)") }
        if parts.isEmpty, let line = location.line { parts.append("line \(line)") }
        return parts.joined(separator: " / ")
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
