#if canImport(Glibc)
import Glibc
#endif
import JPEN

/// Encodes one JSON Lines record. One per thread: the encoder reuses its buffer.
struct LineEncoder {
    private let encoder = StreamingJSONEncoder()

    /// `value` as one line of JSON, newline included; `spanOffset` is added to every span (see
    /// ``StreamingJSONEncoder/encode(_:spanOffset:)``).
    func encode(_ value: some Encodable, spanOffset: Int = 0) -> [UInt8] {
        // The streaming encoder throws only when a value's own encode(to:) throws, and jpen's
        // output types never do.
        (try? encoder.encode(value, spanOffset: spanOffset, terminator: 0x0A)) ?? Array("{}\n".utf8)
    }
}

/// Buffered standard output.
struct OutputWriter {
    private var buffer: [UInt8] = []

    mutating func write(line: [UInt8]) {
        buffer.append(contentsOf: line)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(text: String) {
        buffer.append(contentsOf: text.utf8)
        if text.last != "\n" { buffer.append(0x0A) }
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        writeAll(buffer, to: STDOUT_FILENO)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes one batch of JSON Lines results in input order. A failed line is reported and
    /// answered with an `{"id": null, "error": …}` object, so output lines stay paired with input
    /// lines. Returns the number of failed lines.
    mutating func write(_ batch: [Result<[UInt8], LineFailure>], errors: LineEncoder) -> Int {
        var failures = 0
        for outcome in batch {
            switch outcome {
            case .success(let line): write(line: line)
            case .failure(let failure):
                report(failure.message)
                failures += 1
                write(line: errors.encode(OutputLine(id: .null, body: ErrorBody(error: failure.message))))
            }
        }
        return failures
    }
}

/// Calls `body` with the open file descriptor and display name of each of `files` in turn: none
/// or "-" is standard input, named "stdin". A file that cannot be opened is reported and counted
/// as one failure; the others still run. Returns the failures, with those `body` returns.
func forEachInput(_ files: [String], _ body: (_ descriptor: Int32, _ name: String) throws -> Int) rethrows -> Int {
    var failures = 0
    for source in files.isEmpty ? ["-"] : files {
        let name = source == "-" ? "stdin" : source
        let descriptor = source == "-" ? STDIN_FILENO : open(source, O_RDONLY)
        guard descriptor >= 0 else {
            report("\(name): cannot open: \(String(cString: strerror(errno)))")
            failures += 1
            continue
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        failures += try body(descriptor, name)
    }
    return failures
}

/// Writes every byte of `bytes` to `descriptor`, retrying short writes. When the reader has gone
/// (`jpen extract | head -1`), nobody wants the rest: the process ends quietly with status 0.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE, descriptor == STDOUT_FILENO { exit(0) }
                return
            }
            offset += written
        }
    }
}
