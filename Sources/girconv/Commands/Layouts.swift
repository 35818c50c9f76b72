import ArgumentParser
import GirconvAdapters
import GirconvCore

/// `girconv layouts`: every adapter and reader girconv knows, and where each comes from.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the layouts (adapters) and input readers girconv knows, with where each comes from.")

    func run() throws {
        let registry = BuiltinAdapters.registry()
        print("adapters (tried in this order; the best score of 0.35 or more wins):")
        for adapter in registry.adapters {
            print("  \(adapter.id.padding(toLength: 20, withPad: " ", startingAt: 0)) layout \(adapter.layout.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) built in (Swift: \(String(describing: type(of: adapter))))")
        }
        print("readers:")
        for reader in registry.readers {
            let types = reader.mediaTypes.joined(separator: ", ")
            print("  \(types.padding(toLength: max(40, types.count + 1), withPad: " ", startingAt: 0)) built in (\(String(describing: type(of: reader))))")
        }
    }
}
