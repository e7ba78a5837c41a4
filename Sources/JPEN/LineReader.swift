#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line as raw bytes, in bounded memory.
///
/// Lines end at `\n`; a `\r` before it is dropped. Bytes are not decoded, so a caller can report
/// invalid UTF-8 with its line number instead of silently replacing it. Memory: one 64 KiB read
/// buffer plus the longest line.
public struct LineReader: IteratorProtocol, Sequence {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    /// Where the search for the next `\n` resumes: bytes before it hold none, so a long line is
    /// scanned once, not once per read.
    private var searched = 0
    private var atEnd = false
    /// The number of the line last returned, counted from 1.
    public private(set) var lineNumber = 0
    /// The bytes of input the returned lines took, line ends included (for progress reports).
    public private(set) var consumedBytes = 0

    /// Reads `descriptor`, which the caller keeps open and closes.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    public mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[Swift.max(position, searched)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<end])
                consumedBytes += newline + 1 - position
                position = newline + 1
                searched = position
                lineNumber += 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                var line = Array(buffer[position...])
                if line.last == 0x0D { line.removeLast() }
                consumedBytes += buffer.count - position
                position = buffer.count
                lineNumber += 1
                return line
            }
            searched = buffer.count - position
            buffer.removeSubrange(..<position)
            position = 0
            atEnd = !fill()
        }
    }

    /// Appends up to 64 KiB; false at end of input or on a read error.
    private mutating func fill() -> Bool {
        appendRead(from: descriptor, to: &buffer) > 0
    }
}

/// Every byte left in `descriptor`, read until end of input or a read error.
public func readAll(_ descriptor: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    while appendRead(from: descriptor, to: &bytes) > 0 {}
    return bytes
}

/// Reads up to 64 KiB from `descriptor` onto the end of `buffer`; returns the number of bytes
/// read, 0 at end of input, negative on an error.
func appendRead(from descriptor: Int32, to buffer: inout [UInt8]) -> Int {
    let chunk = 1 << 16
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    let count = buffer.withUnsafeMutableBytes { raw -> Int in
        while true {
            let n = read(descriptor, raw.baseAddress! + old, chunk)
            if n < 0, errno == EINTR { continue }
            return n
        }
    }
    buffer.removeSubrange((old + Swift.max(count, 0))...)
    return count
}
