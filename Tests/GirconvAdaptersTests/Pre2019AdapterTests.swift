import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore

final class Pre2019AdapterTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    func convert(_ name: String) throws -> CanonicalRecord {
        let url = GoldenSampleTests.samples.appendingPathComponent(name)
        return try registry.convert(RawInput(name: name, bytes: [UInt8](try Data(contentsOf: url))))
    }

    func value(_ r: CanonicalRecord, _ path: String) -> Decimal? { r.figures[path]?.value }

    func testDongguanSeed() throws {
        let r = try convert("dongguan-2018-city.txt")
        XCTAssertEqual(r.report.layout, .pre2019Narrative)
        XCTAssertEqual(r.report.script, .traditional)
        XCTAssertEqual(r.report.year, 2018)
        let expected: [String: Decimal] = [
            "requests.newReceived.total": 3467, "requests.channels.online": 1985, "requests.channels.letter": 401,
            "requests.channels.inPerson": 1080, "requests.channels.other": 1, "requests.responded.total": 3228,
            "requests.granted.total": 1345, "requests.partiallyGranted.total": 215, "requests.denied.total": 212,
            "requests.notThisAgency.total": 290, "requests.notExist.total": 511, "requests.amendRequested.total": 75,
            "requests.alreadyPublic.total": 231, "requests.otherResponse.total": 349,
            "appeals.review.total": 81, "appeals.review.upheld": 64, "appeals.review.corrected": 9, "appeals.review.other": 8,
            "appeals.litigation.total": 25, "appeals.litigation.upheld": 17, "appeals.litigation.corrected": 6, "appeals.litigation.other": 2,
            "fees.collectedYuan": 0, "proactive.total": 79651, "proactive.categories.organization": 1338,
            "proactive.categories.other": 45958,
        ]
        for (path, number) in expected { XCTAssertEqual(value(r, path), number, path) }
    }

    func testShenzhenSeedZeros() throws {
        let r = try convert("shenzhen-2017-government-services.txt")
        for path in ["requests.newReceived.total", "fees.collectedYuan", "appeals.review.total", "appeals.litigation.total"] {
            XCTAssertEqual(value(r, path), 0, path)
        }
        XCTAssertNil(r.figures["proactive.total"], "the total is not stated, only its parts")
        XCTAssertTrue(r.warnings.contains { $0.code == "not-stated" })
    }

    func testConghuaSeedReadsAllThreeAppendixTables() throws {
        let r = try convert("conghua-2016-office.txt")
        XCTAssertEqual(r.report.layout, .pre2019Appendix)
        XCTAssertEqual(r.report.year, 2016, "the year reported on, not the publication date 2017年1月")
        XCTAssertEqual(value(r, "proactive.total"), 93)
        XCTAssertEqual(value(r, "proactive.categories.powers"), 32)
        XCTAssertEqual(value(r, "requests.newReceived.total"), 6)
        XCTAssertEqual(value(r, "requests.channels.letter"), 6)
        XCTAssertEqual(value(r, "requests.responded.total"), 6)
        XCTAssertEqual(value(r, "requests.notThisAgencyOrNotExist.total"), 6)
        XCTAssertEqual(value(r, "appeals.review.total"), 0)
        XCTAssertEqual(value(r, "appeals.litigation.total"), 0)
        XCTAssertEqual(r.figures["requests.denied.total"]?.provenance.location.row, "3.同意公开")
        XCTAssertTrue(r.warnings.contains { $0.code == "label-duplicate-resolved" && $0.path == "requests.denied.total" })
        XCTAssertEqual(r.figures["proactive.total"]?.provenance.location.table, "附表")
    }

    func testDetectionSeparatesEveryLayoutOnEverySample() throws {
        let expected: [String: String] = [
            "enping-2019-office.txt": "2019-trial", "dongguan-2018-city.txt": "pre2019-narrative",
            "huludao-2017-city.txt": "pre2019-narrative", "conghua-2016-office.txt": "pre2019-appendix",
            "shenzhen-2017-government-services.txt": "pre2019-narrative",
            "constructed-2021-county-transport.txt": "2021-revised", "constructed-2022-city-hrss-spans.html": "2021-revised",
            "constructed-2019-district-office-gbk-word.html": "2019-trial",
        ]
        for (name, adapter) in expected {
            XCTAssertEqual(try convert(name).detection.adapter, adapter, name)
        }
    }

    func testNoFigureFromSiteChromeOrDates() throws {
        for name in ["dongguan-2018-city.txt", "huludao-2017-city.txt", "shenzhen-2017-government-services.txt", "conghua-2016-office.txt"] {
            let r = try convert(name)
            for (path, figure) in r.figures {
                XCTAssertNotEqual(figure.provenance.how, .unreadable, "\(name) \(path)")
                if let v = figure.value { XCTAssertFalse((2000...2030).contains(v) && figure.provenance.raw.hasPrefix("20") && figure.provenance.raw.count == 4, "\(name) \(path) looks like a year") }
            }
        }
    }
}

extension Pre2019AdapterTests {
    func testNationalTemplateTableWithUnitColumn() throws {
        let r = try convert("constructed-2015-county-hrss-appendix.html")
        XCTAssertEqual(r.report.layout, .pre2019Appendix)
        let expected: [String: Decimal] = [
            "proactive.total": 1286, "proactive.channels.gazette": 35, "proactive.channels.website": 1120,
            "requests.newReceived.total": 47, "requests.channels.online": 30, "requests.concludedOnTime.total": 45,
            "requests.alreadyPublic.total": 9, "requests.granted.total": 18, "requests.partiallyGranted.total": 3,
            "requests.denied.total": 4, "requests.denied.privacy.total": 2, "requests.notThisAgency.total": 6,
            "requests.redirected.total": 1, "appeals.review.total": 3, "appeals.review.upheld": 2,
            "appeals.litigation.total": 1, "appeals.litigation.upheld": 1, "appeals.complaints.total": 0,
            "fees.collectedYuan": 150, "organization.staff.fullTime": 1, "organization.budgetWanYuan": Decimal(string: "3.5")!,
            "training.attendees": 60,
        ]
        for (path, number) in expected { XCTAssertEqual(value(r, path), number, path) }
        XCTAssertEqual(r.figures["proactive.channels.other"]?.provenance.how, .dashAsZero)
        XCTAssertFalse(r.warnings.contains { $0.code == "label-duplicate-resolved" }, "national numbering is not the Guangzhou one")
    }

    func testTableWinsAndDisagreementNamesBothValues() throws {
        let r = try convert("constructed-2015-county-hrss-appendix.html")
        XCTAssertEqual(value(r, "requests.newReceived.total"), 47)
        let warning = try XCTUnwrap(r.warnings.first { $0.code == "narrative-table-disagree" })
        XCTAssertEqual(warning.path, "requests.newReceived.total")
        XCTAssertTrue(warning.message.contains("47") && warning.message.contains("45") && warning.message.contains("（一）收到申请数"), warning.message)
    }

    func testTraditionalNarrativeInALayoutTable() throws {
        let r = try convert("constructed-2013-city-culture-narrative-hant.html")
        XCTAssertEqual(r.report.layout, .pre2019Narrative)
        XCTAssertEqual(r.report.script, .traditional)
        XCTAssertEqual(value(r, "proactive.total"), 1052)
        XCTAssertEqual(value(r, "requests.newReceived.total"), 17)
        XCTAssertEqual(value(r, "requests.channels.online"), 11)
        XCTAssertEqual(value(r, "requests.notExist.total"), 3)
        XCTAssertEqual(r.figures["fees.collectedYuan"]?.provenance.how, .statedZero)
        XCTAssertEqual(r.figures["appeals.litigation.total"]?.provenance.how, .statedZero)
        XCTAssertEqual(value(r, "appeals.review.upheld"), 1)
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.provenance.location.sentence, "全年共受理政府信息公開申請17件，比上年增長21.4%，其中網上申請11件，占64.7%；")
        XCTAssertNil(r.figures.values.first { $0.value == 12 && $0.provenance.raw.contains("萬") }, "約12萬人次 is not a figure")
    }
}
