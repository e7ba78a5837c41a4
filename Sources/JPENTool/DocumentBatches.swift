import Dispatch
import Foundation
import JPEN

/// Why one line of a JSON Lines stream gave no result; the message names the input and line.
struct LineFailure: Error {
    let message: String
}

/// Runs JSON Lines documents through per-thread workers, a batch at a time, in input order.
///
/// Memory is bounded by one batch: at most 64 lines per worker or 4 MiB of input.
enum DocumentBatches {
    /// Reads `lines` to the end; for each batch calls `body` with one outcome per non-blank line,
    /// in input order, and the bytes of input read so far. Worker `k` runs only on thread `k`, so
    /// it may keep its own buffers.
    static func run<Value>(_ lines: inout LineReader, source: String, defaultDate: String?,
                           workers: [(InputDocument) throws -> Value],
                           body: ([Result<Value, LineFailure>], _ consumedBytes: Int) throws -> Void) throws {
        try run(&lines, source: source, parse: { bytes, number in
            var document = try InputDocument(jsonLine: bytes, source: source, line: number)
            if document.date == nil { document.date = defaultDate }
            return document
        }, workers: workers, body: body)
    }

    /// The same for lines of another shape: `parse` makes each line an input (throwing an
    /// `InputError` for a bad one), and `workers` analyze the inputs. `parse` must reject a line
    /// that is not valid UTF-8, as parsing it with `JSONValue` does: only rejected lines are
    /// searched for an invalid byte to report.
    static func run<Input, Value>(_ lines: inout LineReader, source: String,
                                  parse: @escaping ([UInt8], _ line: Int) throws -> Input,
                                  workers: [(Input) throws -> Value],
                                  body: ([Result<Value, LineFailure>], _ consumedBytes: Int) throws -> Void) throws {
        while true {
            var batch: [(number: Int, bytes: [UInt8])] = []
            var batchBytes = 0
            while batch.count < 64 * workers.count, batchBytes < 1 << 22, let line = lines.next() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                batch.append((lines.lineNumber, line))
                batchBytes += line.count
            }
            if batch.isEmpty { return }
            let results = ResultSlots<Value>(count: batch.count)
            let shared = UncheckedSendable((workers, batch)), sharedParse = UncheckedSendable(parse)
            // Each thread takes the next unclaimed line until none is left, so a thread that
            // starts late (a busy machine) leaves its share to the others instead of to itself.
            let claims = LineClaims()
            DispatchQueue.concurrentPerform(iterations: min(workers.count, batch.count)) { thread in
                let (workers, batch) = shared.value
                let parse = sharedParse.value
                while let index = claims.next(below: batch.count) {
                    results[index] = outcome(of: batch[index].bytes, number: batch[index].number, source: source,
                                             parse: parse, worker: workers[thread])
                }
            }
            try body(results.values.map { $0! }, lines.consumedBytes)
        }
    }

    private static func outcome<Input, Value>(of bytes: [UInt8], number: Int, source: String,
                                              parse: ([UInt8], Int) throws -> Input,
                                              worker: (Input) throws -> Value) -> Result<Value, LineFailure> {
        do {
            let input: Input
            do {
                input = try parse(bytes, number)
            } catch {
                // A line `parse` accepts is valid UTF-8: checking every line first cost a pass over
                // every byte (0.5% of `extract`). A rejected line is named by its first invalid
                // byte, if it has one, whatever else is wrong with it.
                if let offset = firstInvalidUTF8Offset(in: bytes) {
                    throw InputError(source: source, line: number, problem: "invalid UTF-8 at byte \(offset + 1)")
                }
                throw error
            }
            return .success(try worker(input))
        } catch {
            return .failure(LineFailure(message: error is InputError ? "\(error)" : "\(source):\(number): \(error)"))
        }
    }
}

/// Hands out line indices 0, 1, 2, … to threads, each index once.
private final class LineClaims: @unchecked Sendable {
    // Guarded by `lock`.
    private var claimed = 0
    private let lock = NSLock()

    func next(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }
}

/// Result slots that worker threads fill, each index by exactly one thread.
private final class ResultSlots<Value>: @unchecked Sendable {
    // Disjoint indices per thread, read only after concurrentPerform returns.
    private(set) var values: [Result<Value, LineFailure>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    subscript(index: Int) -> Result<Value, LineFailure>? {
        get { values[index] }
        set { values.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }
}

/// Hands a value to worker threads that use it without sharing mutable state.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
