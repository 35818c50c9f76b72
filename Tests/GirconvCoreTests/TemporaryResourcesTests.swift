import Foundation
import XCTest
@testable import GirconvCore

/// What a run leaves while it works is tracked, so that a stopped run removes it all.
final class TemporaryResourcesTests: XCTestCase {
    func testScratchFoldersAreTrackedWhileInUseAndRemovedAfter() throws {
        let before = TemporaryResources.trackedCount
        var folder: URL?
        try ScratchFile.with([1, 2, 3], named: "in.bin") { file in
            folder = file.deletingLastPathComponent()
            XCTAssertEqual(TemporaryResources.trackedCount, before + 1)
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
        }
        XCTAssertEqual(TemporaryResources.trackedCount, before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder!.path))
    }

    func testRemoveAllKillsProcessesAndRemovesFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([1]).write(to: folder.appendingPathComponent("partial.tmp"))
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        _ = TemporaryResources.track(path: folder.path)
        _ = TemporaryResources.track(process: sleeper.processIdentifier)
        let started = Date()
        TemporaryResources.removeAll()
        sleeper.waitUntilExit()
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(sleeper.terminationReason, .uncaughtSignal)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
        XCTAssertEqual(TemporaryResources.trackedCount, 0)
    }
}
