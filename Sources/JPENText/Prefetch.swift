/// Asks for the cache line at `address` to be loaded for reading, without waiting for it: lookups
/// into the large mapped tables (lexicon index, model rows, name slots) miss the cache, and asking
/// ahead lets many misses be in flight at once. Costs an instruction; never faults, whatever the
/// address.
@inlinable @inline(__always)
public func prefetchForReading(_ address: UnsafeRawPointer) {
    llvmPrefetch(address, 0, 3, 1)
}

/// LLVM's prefetch intrinsic (Swift has no prefetch API): `write` 0 for a read, `locality` 3 to
/// keep the line in every cache level, `cache` 1 for data.
@usableFromInline @_silgen_name("llvm.prefetch.p0")
func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ cache: Int32)
