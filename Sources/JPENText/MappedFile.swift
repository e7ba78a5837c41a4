#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only file mapped into memory: compiled dictionaries and model weights.
///
/// Mapping costs microseconds whatever the file's size; pages load from the page cache as they
/// are first read, and every process that maps the same file shares them. The mapping lives as
/// long as the value (a class underneath), so slices of ``bytes`` stay valid while it is held.
///
/// ```swift
/// let file = try MappedFile(path: "ja-words.bin")
/// file.bytes.count
/// ```
public final class MappedFile: @unchecked Sendable {
    // Read-only memory that nobody writes: safe to share across threads.
    /// The file's contents.
    public let bytes: UnsafeRawBufferPointer
    /// The path the file was mapped from.
    public let path: String

    /// Why a file could not be mapped.
    public struct Error: Swift.Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "cannot read \(path): \(reason)" }
    }

    /// Maps the file at `path`. Cost: O(1) system calls.
    public init(path: String) throws(Error) {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Error(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Error(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(status.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw Error(path: path, reason: String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// The little-endian integer of type `T` at byte `offset`; requires it to lie inside the file.
    /// Cost: O(1); unaligned reads are fine.
    @inlinable
    public func load<T: FixedWidthInteger>(_: T.Type = T.self, at offset: Int) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
