/// The hash of one feature of a linear model: its template number, then the values it reads
/// (scalar values, character classes, hashes of whole tokens), cut into an index of the
/// model's weight rows with ``index(bits:)``.
///
/// Features are never built as strings. Each value costs one multiplication and a shift, the
/// index one more multiplication, and an index takes the hash's top bits, which depend on every
/// value added. Changing anything here changes every index: every model's weights must be
/// trained again (bump the models' format versions).
///
/// ```swift
/// let index = FeatureHash(template: 3).adding(UInt64("石".unicodeScalars.first!.value)).index(bits: 20)
/// ```
public struct FeatureHash: Hashable, Sendable {
    @usableFromInline var state: UInt64

    /// The running state; also usable as a value to add to another feature (a token's hash).
    @inlinable
    public var value: UInt64 { state }

    /// The hash of a feature before its values. Cost: one multiplication.
    @inlinable
    public init(template: UInt64) {
        state = template &* 0x9E37_79B9_7F4A_7C15
    }

    /// Adds one value. Cost: one multiplication and a shift.
    @inlinable
    public mutating func add(_ part: UInt64) {
        state = (state ^ part) &* 0xBF58_476D_1CE4_E5B9
        state ^= state >> 32
    }

    /// The hash with `part` added.
    @inlinable
    public func adding(_ part: UInt64) -> FeatureHash {
        var copy = self
        copy.add(part)
        return copy
    }

    /// The weight row, `0 ..< 1 << bits`, of the feature (`bits` in 1...63). Cost: one multiplication.
    // Always inlined: a call per feature cost more than the hash where the optimizer left one.
    @inlinable @inline(__always)
    public func index(bits: Int) -> Int {
        Int(truncatingIfNeeded: (state &* 0x94D0_49BB_1331_11EB) >> UInt64(64 - bits))
    }
}
