import Foundation

/// Buffered standard output: JSON lines or rendered text.
struct OutputWriter {
    private var buffer: [UInt8] = []
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    mutating func write(json value: some Encodable) {
        // Encoding a stage's own value types cannot fail: they hold no non-finite numbers.
        buffer.append(contentsOf: try! encoder.encode(value))
        buffer.append(0x0A)
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
