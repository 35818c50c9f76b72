import Foundation
import GirconvCore

/// Expands command-line inputs (files, directories searched recursively, or "-") into a sorted,
/// de-duplicated list of report files, optionally keeping one shard of them.
struct InputCollector {
    /// Extensions read when walking a directory (files named on the command line are always read).
    static let reportExtensions: Set<String> = ["txt", "text", "html", "htm", "shtml", "xhtml", "jsp", "asp", "aspx", "php", "pdf", "docx", ""]

    struct Item: Sendable {
        /// The path as given or found.
        var path: String
        /// The path relative to the directory it was found in (for --out-dir), or its file name.
        var relative: String
    }

    var items: [Item] = []
    var skipped = 0

    init(_ arguments: [String]) throws {
        var seen = Set<String>()
        for argument in arguments {
            if argument == "-" {
                items.append(Item(path: "-", relative: "stdin"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                // Reported as an unreadable input when converted, like any other failure.
                items.append(Item(path: argument, relative: (argument as NSString).lastPathComponent))
                continue
            }
            if !isDirectory.boolValue {
                if seen.insert(argument).inserted { items.append(Item(path: argument, relative: (argument as NSString).lastPathComponent)) }
                continue
            }
            let root = URL(fileURLWithPath: argument)
            let keys: [URLResourceKey] = [.isRegularFileKey]
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles, .skipsPackageDescendants]) else { continue }
            var found: [Item] = []
            for case let url as URL in walker {
                // Symbolic links to files count as files (corpus folders are often built from links).
                let resolved = url.resolvingSymlinksInPath()
                guard (try? resolved.resourceValues(forKeys: Set(keys)).isRegularFile) == true else { continue }
                guard Self.reportExtensions.contains(url.pathExtension.lowercased()) else { skipped += 1; continue }
                let path = url.path
                guard seen.insert(path).inserted else { continue }
                let relative = String(path.dropFirst(root.path.count).drop(while: { $0 == "/" }))
                found.append(Item(path: path, relative: relative))
            }
            items += found.sorted { $0.path < $1.path }
        }
    }

    /// Keeps shard `index` (1-based) of `count`, by a stable hash of each path: the same file always falls in
    /// the same shard, whatever else is in the listing.
    mutating func keepShard(_ index: Int, of count: Int) {
        items = items.filter { Int(Self.fnv1a($0.path) % UInt64(count)) == index - 1 }
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
