import Foundation
import GirconvAdapters
import GirconvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands command-line inputs (files, directories searched recursively, or "-") into the list of report
/// files of a run, each with the path its record names (`source.path`), optionally keeping one shard.
///
/// - A file inside a directory given on the command line is named by its path relative to that directory,
///   prefixed by the directory's own name (`archive/2021/index.html`), whatever the directory was called on
///   the command line (`archive`, `./archive/`, `/mnt/corpus/archive`): two workers that mount a corpus at
///   different places name — and shard — its files alike.
/// - A file given directly is named by the path as typed.
/// - Directories are searched recursively, following symbolic links to files and to directories; a
///   directory reached again (a link loop, or two links to one folder) is searched once. Hidden files and
///   folders, and anything that is not a regular file (FIFOs, devices, sockets), are skipped.
/// - One file reached by several routes (overlapping arguments, links) is converted once.
struct InputCollector {
    /// Extensions read when walking a directory (files named on the command line are always read): every
    /// built-in reader's (`InputFormat.extensions`), and none at all (a saved page often has none).
    static let reportExtensions: Set<String> = Converter(readers: BuiltinAdapters.readers).reportExtensions.union([""])

    struct Item: Sendable {
        /// The path to open.
        var path: String
        /// The path the record names (see above).
        var recordPath: String
    }

    var items: [Item] = []
    /// Files of a directory walk with an extension that is not a report's.
    var skipped = 0
    /// Entries of a directory walk that are not regular files or could not be looked at (a broken link).
    var skippedOther = 0
    /// Folders of a directory walk that could not be listed (no permission): reported, never silently left out.
    var unreadableFolders: [Item] = []

    /// A directory's identity, whatever path reached it.
    private struct FileID: Hashable {
        var device: UInt64, inode: UInt64
        init(_ info: stat) { device = UInt64(info.st_dev); inode = UInt64(info.st_ino) }
    }

    init(_ arguments: [String]) throws {
        var seenFiles = Set<String>()
        for argument in arguments {
            if argument == "-" {
                items.append(Item(path: "-", recordPath: "-"))
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                // A file (of any kind: the user named it), or a path that is reported unreadable when converted.
                if seenFiles.insert(Self.realPath(argument)).inserted { items.append(Item(path: argument, recordPath: argument)) }
                continue
            }
            items += walk(argument, seenFiles: &seenFiles)
        }
    }

    /// Every report file below `root` not already listed, sorted by record path.
    private mutating func walk(_ root: String, seenFiles: inout Set<String>) -> [Item] {
        let ownName = URL(fileURLWithPath: root).standardized.lastPathComponent
        let prefix = ownName == "/" ? "" : ownName + "/"
        var seenDirectories = Set<FileID>()
        var found: [Item] = []
        var pending: [(path: String, recordPath: String)] = [(root, String(prefix.dropLast()))]
        var rootInfo = stat()
        if stat(root, &rootInfo) == 0 { seenDirectories.insert(FileID(rootInfo)) }
        while let directory = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
                unreadableFolders.append(Item(path: directory.path, recordPath: directory.recordPath))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let path = directory.path.hasSuffix("/") ? directory.path + name : directory.path + "/" + name
                let recordPath = directory.recordPath.isEmpty ? name : directory.recordPath + "/" + name
                var info = stat()
                // stat follows links: a link is what it points to; a broken link is skipped.
                guard stat(path, &info) == 0 else { skippedOther += 1; continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if seenDirectories.insert(FileID(info)).inserted { pending.append((path, recordPath)) }
                case S_IFREG:
                    guard Self.reportExtensions.contains((name as NSString).pathExtension.lowercased()) else { skipped += 1; continue }
                    found.append(Item(path: path, recordPath: recordPath))
                default:
                    skippedOther += 1
                }
            }
        }
        // Sorted first, so that of two routes to one file the same one is kept on every run.
        return found.sorted { $0.recordPath < $1.recordPath }.filter { seenFiles.insert(Self.realPath($0.path)).inserted }
    }

    /// The file's path with every link and `.`/`..` resolved (the path itself when it does not exist).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Keeps shard `index` (1-based) of `count`, by a stable hash of each record path: the same file always
    /// falls in the same shard, whatever else is in the listing and wherever the corpus is mounted.
    mutating func keepShard(_ index: Int, of count: Int) {
        items = items.filter { Int(Self.fnv1a($0.recordPath) % UInt64(count)) == index - 1 }
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
