#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import JPENText

/// A record the first look-up of a code point computes and a ``CodePointMemo`` keeps: all zero
/// bits mean "not computed yet", so a computed record must never be all zero bits.
protocol CodePointRecord: BitwiseCopyable {
    /// Whether the record was computed (is not all zero bits).
    var isKnown: Bool { get }
}

/// One record per BMP code point, computed the first time a worker meets the code point and kept
/// for the worker's life: facts that every character of a text needs and that cost a cache miss
/// each (a dictionary slot, model weights read at random) or a walk through Unicode ranges, while
/// a text draws on a few thousand distinct code points. A code point above the BMP is computed
/// each time.
///
/// The table comes zeroed from `calloc`, whose untouched pages cost nothing: only the pages of
/// code points seen take memory.
///
/// ```swift
/// let memo = CodePointMemo<CharacterFacts>()
/// let facts = memo.record(of: 0x77F3) { CharacterFacts(code: 0x77F3, dictionary: dictionary) }
/// ```
///
/// Cost: a read of the table, plus `make` on a code point's first look-up. Not thread-safe.
final class CodePointMemo<Record: CodePointRecord> {
    private static var capacity: Int { 0x10000 }
    private let records: UnsafeMutablePointer<Record>

    init() {
        guard let memory = calloc(Self.capacity, MemoryLayout<Record>.stride) else {
            fatalError("cannot allocate a code point table of \(Self.capacity * MemoryLayout<Record>.stride) bytes")
        }
        records = memory.bindMemory(to: Record.self, capacity: Self.capacity)
    }

    deinit {
        free(records)
    }

    /// Asks for the record of `code` to be loaded, without waiting for it: a caller that reads
    /// the records of many code points asks for all of them first, so that their misses overlap.
    /// Cost: an instruction or two.
    @inline(__always)
    func prefetch(_ code: UInt32) {
        if code < UInt32(Self.capacity) { prefetchForReading(records + Int(code)) }
    }

    /// The record of the code point with scalar value (or sentinel) `code`: kept, or made by
    /// `make` (and kept, for a BMP code point).
    @inline(__always)
    func record(of code: UInt32, orMake make: () -> Record) -> Record {
        guard code < UInt32(Self.capacity) else { return make() }
        let known = records[Int(code)]
        if known.isKnown { return known }
        let made = make()
        precondition(made.isKnown, "a code point record must not be all zero bits")
        records[Int(code)] = made
        return made
    }
}
