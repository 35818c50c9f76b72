import Foundation
import GirconvAdapters
import GirconvCore
import GirconvExport

/// Converts many inputs on all cores with bounded memory: inputs are taken in windows, each window is
/// converted in parallel (each record also rendered there, by `render`, into what the ordered writer takes:
/// its bytes in the output format, or the record itself for a record store), and its results are written in
/// input order before the next window starts, so the output is deterministic and memory does not grow with
/// the corpus.
struct BatchConverter {
    /// The outcome of one input: its rendered record (or why it could not be rendered), or why the input
    /// could not be converted. Only what is rendered waits for the ordered writer (bytes, for a byte format).
    enum Outcome<Rendered: Sendable>: Sendable {
        /// `noFigures`: the record holds no readable figure (`CanonicalRecord.hasNoFigures`).
        case record(rendered: Result<Rendered, GirconvError>, noFigures: Bool)
        case failure(GirconvError)
    }

    let reading: ReadingOptions
    let windowSize: Int

    /// Windows of 32 inputs per core: the last input of a window to finish keeps the other cores waiting,
    /// which in a small window is a large share of its time.
    init(reading: ReadingOptions, windowSize: Int = max(32, ProcessInfo.processInfo.activeProcessorCount * 32)) {
        self.reading = reading
        self.windowSize = windowSize
    }

    /// Converts `items`, renders each record with `render` (on the worker that made it), and calls
    /// `deliver` for each one in input order.
    func run<Rendered: Sendable>(_ items: [InputCollector.Item], render: @escaping @Sendable (CanonicalRecord) throws -> Rendered,
                                 deliver: (InputCollector.Item, Outcome<Rendered>) throws -> Void) throws {
        let registry = try reading.layouts.registry()
        let reading = self.reading
        var start = 0
        while start < items.count {
            let window = Array(items[start..<min(items.count, start + windowSize)])
            let results = ResultSlots<Rendered>(count: window.count)
            DispatchQueue.concurrentPerform(iterations: window.count) { index in
                let outcome: Outcome<Rendered>
                do {
                    let raw = try reading.load(window[index].path, recordPath: window[index].recordPath)
                    let record = try registry.convert(raw, forcing: reading.adapter, limits: reading.limits, strict: reading.strict)
                    let rendered: Result<Rendered, GirconvError>
                    do {
                        rendered = .success(try render(record))
                    } catch {
                        rendered = .failure((error as? GirconvError) ?? .internalError("\(error)"))
                    }
                    outcome = .record(rendered: rendered, noFigures: record.hasNoFigures)
                } catch let error as GirconvError {
                    outcome = .failure(error)
                } catch {
                    outcome = .failure(.internalError("\(error)"))
                }
                results.set(index, outcome)
            }
            for (index, item) in window.enumerated() {
                try deliver(item, results.get(index))
            }
            start += window.count
        }
    }
}

/// Slots written by worker threads and read after they finish.
final class ResultSlots<Rendered: Sendable>: @unchecked Sendable {
    private var slots: [BatchConverter.Outcome<Rendered>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ outcome: BatchConverter.Outcome<Rendered>) { lock.lock(); slots[index] = outcome; lock.unlock() }
    func get(_ index: Int) -> BatchConverter.Outcome<Rendered> {
        lock.lock(); defer { lock.unlock() }
        return slots[index] ?? .failure(.internalError("no result"))
    }
}

/// A progress line on stderr (done/total, rate, ETA), shown only when stderr is a terminal.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    let started = Date()
    private var lastDraw = Date.distantPast

    init(total: Int) {
        self.total = total
        enabled = isatty(STDERR_FILENO) == 1 && total > 1
    }

    mutating func update(done: Int, failed: Int) {
        guard enabled, done == total || Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = String(format: "\r%@ %d/%d  %.0f/s  ETA %ds  failed %d ", bar, done, total, rate, Int(eta), failed)
        StandardError.write(line)
    }

    /// Prints a line above the bar.
    func note(_ text: String) {
        let prefix = enabled ? "\r\u{1B}[K" : ""
        StandardError.write(prefix + text + "\n")
    }

    func finish() {
        if enabled { StandardError.write("\r\u{1B}[K") }
    }
}
