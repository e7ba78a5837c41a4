#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one document from a file descriptor in pieces of bounded size, each cut where it can be
/// analyzed on its own: after a blank line, else after a line break, else before a code point.
///
/// A document of at most `maximumBytes` is one piece, so an ordinary file is analyzed whole. A
/// larger one (a 100 MB dump) becomes pieces of at most `maximumBytes` that are analyzed one after
/// the other, so memory stays bounded by one piece; what crosses a cut (a quotation spanning it, a
/// name given in full only in an earlier piece, a dateline) is not seen across it.
///
/// ```swift
/// var pieces = DocumentPieces(descriptor: STDIN_FILENO)
/// while let bytes = pieces.next() { /* analyze String(decoding: bytes, as: UTF8.self) */ }
/// ```
///
/// Memory: about `maximumBytes` plus one 64 KiB read. An empty input is one empty piece.
public struct DocumentPieces: IteratorProtocol, Sequence {
    /// The default largest piece: 1 MiB, a hundred long articles. Analysis takes about 50 bytes
    /// of memory per byte of text, so a piece needs about 50 MB beside the models.
    public static let defaultMaximumBytes = 1 << 20

    private let descriptor: Int32
    private let maximumBytes: Int
    private var buffer: [UInt8] = []
    private var atEnd = false
    private var returnedAny = false

    /// Reads `descriptor`, which the caller keeps open and closes. `maximumBytes` must be at least 8.
    public init(descriptor: Int32, maximumBytes: Int = DocumentPieces.defaultMaximumBytes) {
        self.descriptor = descriptor
        self.maximumBytes = Swift.max(8, maximumBytes)
    }

    public mutating func next() -> [UInt8]? {
        while !atEnd, buffer.count <= maximumBytes {
            atEnd = appendRead(from: descriptor, to: &buffer) <= 0
        }
        if buffer.isEmpty {
            defer { returnedAny = true }
            return returnedAny ? nil : []
        }
        returnedAny = true
        if atEnd, buffer.count <= maximumBytes {
            defer { buffer = [] }
            return buffer
        }
        let end = Self.cut(buffer, limit: maximumBytes)
        let piece = Array(buffer[..<end])
        buffer.removeSubrange(..<end)
        return piece
    }

    /// Where to end a piece of `bytes` (more than `limit` of them): after the last blank line in
    /// the second half of the first `limit` bytes, else after the last line break there, else
    /// before the last byte that starts a code point (or an invalid byte: never inside a valid
    /// sequence, so decoding the pieces gives the same code points as decoding the whole).
    static func cut(_ bytes: [UInt8], limit: Int) -> Int {
        let floor = limit / 2
        var end = limit
        while end > floor {
            if bytes[end - 1] == 0x0A,
               bytes[end - 2] == 0x0A || (bytes[end - 2] == 0x0D && bytes[end - 3] == 0x0A) { return end }
            end -= 1
        }
        end = limit
        while end > floor {
            if bytes[end - 1] == 0x0A { return end }
            end -= 1
        }
        end = limit
        while end > limit - 4, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}
