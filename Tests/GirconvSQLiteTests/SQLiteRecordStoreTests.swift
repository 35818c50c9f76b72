import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport
import GirconvSQLite
import GRDB
import XCTest

/// The corpus database: its tables, replacing by source path, and transactions that leave nothing behind.
final class SQLiteRecordStoreTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func record(_ sample: String, path: String? = nil) throws -> CanonicalRecord {
        let url = Self.root.appendingPathComponent("Samples/\(sample)")
        return try BuiltinAdapters.registry().convert(RawInput(name: sample, path: path ?? "Samples/\(sample)",
                                                               bytes: [UInt8](try Data(contentsOf: url))))
    }

    var databasePath: String { directory.appendingPathComponent("corpus.db").path }

    func store(_ records: [CanonicalRecord]) throws {
        try SQLiteRecordStore(path: databasePath).transaction { put in
            for record in records { try put(record) }
        }
    }

    func count(_ table: String) throws -> Int {
        try DatabaseQueue(path: databasePath).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)")! }
    }

    /// Enping's 2019 report (Samples/enping-2019-office.txt, 表三 line 163): 一、本年新收政府信息公开申请数量
    /// 2 0 0 0 0 0 2; the district office's page: 17 3 1 0 0 0 21. Stored twice, they are there once.
    func testReportsAreStoredOnceAndReplacedByPath() throws {
        let enping = try record("enping-2019-office.txt")
        let district = try record("constructed-2019-district-office-gbk-word.html")
        try store([enping, district])
        let reports = try count("reports"), figures = try count("figures"), checks = try count("checks")
        XCTAssertEqual(reports, 2)
        try store([enping, district])
        XCTAssertEqual(try count("reports"), reports)
        XCTAssertEqual(try count("figures"), figures)
        XCTAssertEqual(try count("checks"), checks)

        let rows = try DatabaseQueue(path: databasePath).read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.agency, r.year, f.value, f.how, f.table_name, f.row_label, f.column_label
                FROM figures f JOIN reports r ON r.id = f.report_id
                WHERE f.path = 'requests.newReceived.total' ORDER BY f.value
                """)
        }
        XCTAssertEqual(rows.map { $0["agency"] as String? }, ["恩平市人民政府办公室", "示例市玥湖区人民政府办公室"])
        XCTAssertEqual(rows.map { $0["year"] as Int? }, [2019, 2019])
        XCTAssertEqual(rows.map { $0["value"] as Int? }, [2, 21])
        XCTAssertEqual(rows.map { $0["how"] as String? }, ["printed", "printed"])
        XCTAssertEqual(rows.last?["column_label"] as String?, "总计")

        // The same path with other content (the file changed) replaces the record, not adds one.
        let changed = try record("constructed-2021-county-transport.txt", path: "Samples/enping-2019-office.txt")
        try store([changed])
        XCTAssertEqual(try count("reports"), 2)
        let years = try DatabaseQueue(path: databasePath).read { try Int.fetchAll($0, sql: "SELECT year FROM reports ORDER BY year") }
        XCTAssertEqual(years, [2019, 2021])
        let version = try DatabaseQueue(path: databasePath).read { try String.fetchAll($0, sql: "SELECT version FROM schema_version") }
        XCTAssertEqual(version, [CanonicalRecord.currentSchemaVersion])
    }

    /// A run that fails after storing records leaves the database as it was.
    func testAFailedRunLeavesTheDatabaseUnchanged() throws {
        let enping = try record("enping-2019-office.txt")
        try store([enping])
        let before = try [count("reports"), count("figures"), count("checks"), count("warnings")]
        struct Injected: Error {}
        let district = try record("constructed-2019-district-office-gbk-word.html")
        XCTAssertThrowsError(try SQLiteRecordStore(path: databasePath).transaction { put in
            try put(district)
            try put(enping)
            throw Injected()
        }) { XCTAssertTrue($0 is Injected, "\($0)") }
        XCTAssertEqual(try [count("reports"), count("figures"), count("checks"), count("warnings")], before)
    }

    /// A database of another schema version, or someone else's tables, is refused, not mixed into.
    func testAForeignDatabaseIsRefused() throws {
        try DatabaseQueue(path: databasePath).write { db in
            try db.execute(sql: "CREATE TABLE reports (name TEXT)")
        }
        XCTAssertThrowsError(try SQLiteRecordStore(path: databasePath)) { error in
            guard case GirconvError.outputUnwritable = error else { return XCTFail("\(error)") }
        }
        let other = directory.appendingPathComponent("old.db").path
        _ = try SQLiteRecordStore(path: other)
        try DatabaseQueue(path: other).write { try $0.execute(sql: "UPDATE schema_version SET version = '0.9'") }
        XCTAssertThrowsError(try SQLiteRecordStore(path: other)) { error in
            XCTAssertTrue("\(error)".contains("0.9"), "\(error)")
        }
    }

    /// Checks that chose how a fused row splits are counted apart (`checks_used_for_recovery`): the real
    /// crawled 2019 report of Pingtan (Tests/Fixtures/real) prints its 表三 rows run together.
    func testChecksUsedForRecoveryAreCounted() throws {
        let url = Self.root.appendingPathComponent("Tests/Fixtures/real/pingtan-zonghe-2019.txt")
        let record = try BuiltinAdapters.registry().convert(RawInput(name: "pingtan-zonghe-2019.txt", path: "real/pingtan-zonghe-2019.txt",
                                                                     bytes: [UInt8](try Data(contentsOf: url))))
        let used = record.checks.filter { $0.status == .usedForRecovery }.count
        XCTAssertGreaterThan(used, 0)
        try store([record])
        let stored = try DatabaseQueue(path: databasePath).read {
            try Row.fetchOne($0, sql: "SELECT checks_passed, checks_used_for_recovery FROM reports")!
        }
        XCTAssertEqual(stored["checks_used_for_recovery"] as Int, used)
        XCTAssertEqual(stored["checks_passed"] as Int, record.checks.filter { $0.status == .pass }.count)
    }

    /// A database made before the column existed (same schema version) gets it when opened, and takes records.
    func testADatabaseFromBeforeTheRecoveryCountIsUpgradedInPlace() throws {
        try store([try record("enping-2019-office.txt")])
        try DatabaseQueue(path: databasePath).write { try $0.execute(sql: "ALTER TABLE reports DROP COLUMN checks_used_for_recovery") }
        try store([try record("constructed-2021-county-transport.txt")])
        XCTAssertEqual(try count("reports"), 2)
        let values = try DatabaseQueue(path: databasePath).read {
            try Int.fetchAll($0, sql: "SELECT checks_used_for_recovery FROM reports ORDER BY source_path")
        }
        XCTAssertEqual(values, [0, 0])
    }
}
