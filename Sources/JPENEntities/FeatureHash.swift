/// A running hash of one feature: its template number, then the scalars it reads.
///
/// Features are never built as strings: each template folds code points and small codes into
/// 64 bits, and ``bucket(mask:)`` picks the weight row. Cost: a multiply per value.
@usableFromInline
struct FeatureHash {
    @usableFromInline var value: UInt64

    @inlinable
    init(template: Int) {
        value = UInt64(bitPattern: Int64(template &+ 1)) &* 0x9E37_79B9_7F4A_7C15
    }

    @inlinable
    mutating func add(_ x: UInt32) {
        value = (value ^ UInt64(x)) &* 0x0000_0100_0000_01B3
        value ^= value >> 29
    }

    @inlinable
    func adding(_ x: UInt32) -> FeatureHash {
        var copy = self
        copy.add(x)
        return copy
    }

    /// The hash with its bits mixed, ready to be cut into an index and a fingerprint.
    @inlinable
    var mixed: UInt64 {
        var v = value
        v ^= v >> 33
        v &*= 0xFF51_AFD7_ED55_8CCD
        v ^= v >> 33
        return v
    }

    /// The weight row of the feature: the hash's mixed bits under `mask`.
    @inlinable
    func bucket(mask: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: mixed) & mask
    }
}

/// Writes one unit's features, in template order, into its row of the feature buffer. A feature's
/// hash starts from its template's number, which is its place in this order, so the emitters of
/// ``CharacterFeatures`` and ``TokenFeatures`` cannot reorder their templates without a retrain.
struct FeatureRow {
    let out: UnsafeMutablePointer<UInt32>
    let mask: UInt32
    private(set) var template = 0
    /// The features written so far.
    private(set) var written = 0

    /// The hash of the next template, to be extended with the feature's values.
    @inline(__always)
    var next: FeatureHash { FeatureHash(template: template) }

    /// Writes `hash`'s bucket as the next template's feature. Cost: one store.
    @inline(__always)
    mutating func emit(_ hash: FeatureHash) {
        out[written] = hash.bucket(mask: mask)
        template += 1
        written += 1
    }

    /// Passes over `count` templates that are no longer read: their numbers stay taken, so the
    /// templates after them keep the hashes the shipped weights were trained with (a template is
    /// retired when taking it out of a trained model does not lower the development figures).
    @inline(__always)
    mutating func retire(_ count: Int = 1) {
        template += count
    }
}
