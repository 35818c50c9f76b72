import Foundation
import XCTest
@testable import GirconvCore

/// The chrome markers' traditional forms are written out (no transliterator at start-up); they are exactly
/// ICU's Hans-Hant transform of the simplified markers, those that differ.
final class ChromeLinesTests: XCTestCase {
    func testTraditionalMarkersAreTheTransformOfTheSimplifiedOnes() {
        let derived = ChromeLines.baseMarkers
            .compactMap { $0.applyingTransform(StringTransform("Hans-Hant"), reverse: false) }
            .filter { !ChromeLines.baseMarkers.contains($0) }
        XCTAssertEqual(ChromeLines.traditionalMarkers, derived)
        XCTAssertEqual(Set(ChromeLines.markers), Set(ChromeLines.baseMarkers + derived))
    }
}
