import Foundation

/// Encodes one JSON Lines record. One per thread: `JSONEncoder` is a class.
struct LineEncoder {
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    /// `value` as one line of JSON, newline included.
    func encode(_ value: some Encodable) -> [UInt8] {
        // Encoding a stage's own value types cannot fail: they hold no non-finite numbers.
        var bytes = [UInt8](try! encoder.encode(value))
        bytes.append(0x0A)
        return bytes
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
}

/// Writes every byte of `bytes` to `descriptor`, retrying short writes.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }
}
