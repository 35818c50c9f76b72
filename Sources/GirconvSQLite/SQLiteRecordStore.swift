import Foundation
import GirconvCore
import GirconvExport
import GirconvText
import GRDB

/// The corpus database: records stored in SQLite tables that the `sqlite3` shell, Datasette, pandas and
/// DuckDB open as they are — one row per report in `reports`, one per figure in `figures`, and the
/// report's `checks` and `warnings` (docs/corpus-database.md lists every column).
///
/// The file is written in place, in one transaction per run (`transaction`): readers see the database as it
/// was until the run commits, and a run that fails or is killed leaves it as it was (SQLite's rollback
/// journal, `PATH-journal`, undoes a killed run's writes when the file is next opened — it must not be
/// removed by hand). A report is keyed by its `source.path`: storing it again replaces its row and every
/// row that hangs from it, whether the file changed (another sha256) or not.
///
/// The tables follow the record's schema version, kept in `schema_version`: a database made for another
/// version is refused rather than mixed.
public final class SQLiteRecordStore: RecordStore {
    /// `--to sqlite`.
    public static let format = StoreFormat(name: "sqlite") { try SQLiteRecordStore(path: $0) }

    public let path: String
    private let queue: DatabaseQueue

    /// Opens (or makes) the database at `path`, with its tables; an error is `outputUnwritable` (exit 73).
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        // Another process reading the file (a sqlite3 shell) holds the writer back a while, not for good.
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.inTransaction(.immediate) { db in
                try Self.prepare(db, path: path)
                return .commit
            }
        } catch let error as GirconvError {
            throw error
        } catch {
            throw Self.unwritable(path, error)
        }
    }

    public func transaction(_ body: ((CanonicalRecord) throws -> Void) throws -> Void) throws {
        do {
            try queue.inTransaction(.immediate) { db in
                let insert = try Statements(db)
                try body { record in try insert.replace(record, in: db) }
                return .commit
            }
        } catch let error as DatabaseError {
            throw Self.unwritable(path, error)
        }
    }

    /// A database error as girconv reports it: the file, and SQLite's own message.
    static func unwritable(_ path: String, _ error: Error) -> GirconvError {
        let reason = (error as? DatabaseError).map { $0.message ?? "\($0.resultCode)" } ?? "\(error)"
        return .outputUnwritable(path: path, reason: "SQLite: \(reason)")
    }

    // MARK: Tables

    /// The tables and indexes, made when missing. Column names avoid SQL keywords (`table_name`, not
    /// `table`), so that queries need no quoting.
    static let tables = [
        "CREATE TABLE schema_version (version TEXT NOT NULL)",
        """
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY,
          source_path TEXT NOT NULL UNIQUE,
          source_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          media_type TEXT NOT NULL,
          encoding TEXT NOT NULL,
          byte_count INTEGER NOT NULL,
          title TEXT,
          agency TEXT,
          region TEXT,
          year INTEGER,
          layout TEXT NOT NULL,
          script TEXT NOT NULL,
          adapter TEXT NOT NULL,
          confidence REAL NOT NULL,
          figure_count INTEGER NOT NULL,
          checks_passed INTEGER NOT NULL,
          checks_failed INTEGER NOT NULL,
          checks_not_assessable INTEGER NOT NULL,
          checks_used_for_recovery INTEGER NOT NULL DEFAULT 0,
          warning_count INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE figures (
          report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          path TEXT NOT NULL,
          value NUMERIC,
          value_text TEXT,
          how TEXT NOT NULL,
          raw TEXT NOT NULL,
          table_name TEXT,
          row_label TEXT,
          column_label TEXT,
          sentence TEXT,
          page INTEGER,
          line INTEGER,
          char_offset INTEGER,
          table_index INTEGER,
          row_index INTEGER,
          column_index INTEGER,
          derived_from TEXT,
          box_x_min REAL,
          box_y_min REAL,
          box_x_max REAL,
          box_y_max REAL,
          PRIMARY KEY (report_id, path)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE checks (
          report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          rule TEXT NOT NULL,
          description TEXT NOT NULL,
          status TEXT NOT NULL,
          expected NUMERIC,
          found NUMERIC,
          total_paths TEXT NOT NULL,
          part_paths TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE warnings (
          report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          code TEXT NOT NULL,
          message TEXT NOT NULL,
          path TEXT,
          table_name TEXT,
          row_label TEXT,
          column_label TEXT,
          sentence TEXT,
          page INTEGER,
          line INTEGER
        )
        """,
        "CREATE INDEX figures_path ON figures(path)",
        "CREATE INDEX reports_year ON reports(year)",
        "CREATE INDEX checks_report ON checks(report_id)",
        "CREATE INDEX warnings_report ON warnings(report_id)",
    ]

    /// Columns added to a table after databases of the same schema version were made, with their
    /// definitions: a database made before one of them gets it (its reports' count is 0 until converted
    /// again, as the `DEFAULT` says).
    static let addedColumns: [(table: String, column: String, definition: String)] = [
        ("reports", "checks_used_for_recovery", "INTEGER NOT NULL DEFAULT 0"),
    ]

    static func addMissingColumns(_ db: Database) throws {
        for added in addedColumns {
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [added.table])
            if !columns.contains(added.column) {
                try db.execute(sql: "ALTER TABLE \(added.table) ADD COLUMN \(added.column) \(added.definition)")
            }
        }
    }

    /// The names of girconv's tables.
    static let tableNames = ["schema_version", "reports", "figures", "checks", "warnings"]

    /// Makes the tables in a new (or empty) database; checks an existing one is girconv's, of this version.
    static func prepare(_ db: Database, path: String) throws {
        let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        let version = CanonicalRecord.currentSchemaVersion
        if existing.contains("schema_version") {
            let stored = try String.fetchAll(db, sql: "SELECT version FROM schema_version")
            guard stored == [version] else {
                throw GirconvError.outputUnwritable(path: path, reason: "the database holds records of schema version \(stored.joined(separator: ", ")); this girconv writes \(version): convert into a new file")
            }
            let missing = tableNames.filter { !existing.contains($0) }
            guard missing.isEmpty else {
                throw GirconvError.outputUnwritable(path: path, reason: "not a girconv database as it should be (no table \(missing.joined(separator: ", ")))")
            }
            try addMissingColumns(db)
            return
        }
        if let clash = tableNames.first(where: existing.contains) {
            throw GirconvError.outputUnwritable(path: path, reason: "the database has a table \(clash) that is not girconv's (no schema_version table)")
        }
        for sql in tables { try db.execute(sql: sql) }
        try db.execute(sql: "INSERT INTO schema_version (version) VALUES (?)", arguments: [version])
    }
}

/// The prepared statements of one transaction, and how a record becomes rows.
private struct Statements {
    let delete, report, figure, check, warning: Statement

    init(_ db: Database) throws {
        delete = try db.makeStatement(sql: "DELETE FROM reports WHERE source_path = ?")
        report = try db.makeStatement(sql: """
            INSERT INTO reports (source_path, source_name, sha256, media_type, encoding, byte_count, title, agency,
              region, year, layout, script, adapter, confidence, figure_count, checks_passed, checks_failed,
              checks_not_assessable, checks_used_for_recovery, warning_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        figure = try db.makeStatement(sql: """
            INSERT INTO figures (report_id, path, value, value_text, how, raw, table_name, row_label, column_label,
              sentence, page, line, char_offset, table_index, row_index, column_index, derived_from,
              box_x_min, box_y_min, box_x_max, box_y_max)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        check = try db.makeStatement(sql: """
            INSERT INTO checks (report_id, rule, description, status, expected, found, total_paths, part_paths)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        warning = try db.makeStatement(sql: """
            INSERT INTO warnings (report_id, code, message, path, table_name, row_label, column_label, sentence, page, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Replaces the rows of the record's input with the record's.
    func replace(_ record: CanonicalRecord, in db: Database) throws {
        // A record from no path (a library caller's bytes) is keyed by its name.
        let key = record.source.path ?? record.source.name
        try delete.execute(arguments: [key])
        let checks = record.checks
        try report.execute(arguments: [
            key, record.source.name, record.source.sha256, record.source.mediaType, record.source.encoding,
            record.source.byteCount, record.report.title, record.report.agency, record.report.region, record.report.year,
            record.report.layout.rawValue, record.report.script.rawValue, record.detection.adapter,
            record.detection.confidence, record.figures.count,
            checks.filter { $0.status == .pass }.count, checks.filter { $0.status == .fail }.count,
            checks.filter { $0.status == .notAssessable }.count, checks.filter { $0.status == .usedForRecovery }.count,
            record.warnings.count,
        ])
        let id = db.lastInsertedRowID
        for path in record.orderedPaths {
            let figure = record.figures[path]!
            let place = figure.provenance.location
            try self.figure.execute(arguments: [
                id, path, Self.number(figure.value), figure.value.map(DecimalText.spelling), figure.provenance.how.rawValue,
                figure.provenance.raw, place.table, place.row, place.column, place.sentence, place.page, place.line,
                place.offset, place.tableIndex, place.rowIndex, place.columnIndex,
                figure.provenance.derivedFrom.isEmpty ? nil : figure.provenance.derivedFrom.joined(separator: " "),
                place.box.map { Self.number(PageBox.points($0.xMin)) }, place.box.map { Self.number(PageBox.points($0.yMin)) },
                place.box.map { Self.number(PageBox.points($0.xMax)) }, place.box.map { Self.number(PageBox.points($0.yMax)) },
            ])
        }
        for result in checks {
            try check.execute(arguments: [
                id, result.rule, result.description, result.status.rawValue, Self.number(result.expected),
                Self.number(result.found), result.totalPaths.joined(separator: " "), result.partPaths.joined(separator: " "),
            ])
        }
        for note in record.warnings {
            let place = note.location
            try warning.execute(arguments: [
                id, note.code, note.message, note.path, place?.table, place?.row, place?.column, place?.sentence,
                place?.page, place?.line,
            ])
        }
    }

    /// A figure as an SQL number: an integer when it is one (every count), else a double (a percentage, an
    /// amount in 万元 — its exact spelling is in `value_text`).
    static func number(_ value: Decimal?) -> DatabaseValue {
        guard let value else { return .null }
        let spelled = DecimalText.spelling(value)
        if let integer = Int64(spelled) { return integer.databaseValue }
        return Double(spelled).map(\.databaseValue) ?? .null
    }
}
