import Foundation
import JPENLearning
import JPENText

/// The Japanese word boundary model: a binary linear model (``LinearWeights``, kind `JAWB`)
/// over hashed features (``WordFeaturizer``) that decides, at each gap between two characters,
/// whether a word ends, and the dictionary (``WordDictionary``) some of those features come from,
/// kept as the weights file's extra data: `4·2^d` bytes of UInt32 slots.
///
/// The file is read in place through a ``MappedFile``; opening also gathers the weights of the
/// ``TabledFeatures`` into a folded table of 160 KB: together well under a millisecond.
///
/// ```swift
/// let model = try WordModel(file: MappedFile(path: "ja-words.bin"))
/// model.hashBits   // 20
/// ```
public struct WordModel: @unchecked Sendable {
    // The dictionary slots are read-only memory inside `weights.file`, which the model keeps alive.

    /// What the weights file says it holds.
    package static let kind: LinearWeights.Kind = "JAWB"
    /// The version of the features and of the dictionary table the weights belong to.
    public static let formatVersion: UInt32 = 4

    /// The weights, and the dictionary slots as their extra data.
    public let weights: LinearWeights
    let dictionary: WordDictionary
    /// The weights of the ``TabledFeatures``, read where the hashed features would read them,
    /// and folded (``TabledFeatures/fold(_:)``).
    let tabledWeights: [Int32]
    /// The unigram weights of the padding beyond a text's ends (``UnigramWeights``).
    let paddingUnigrams: UnigramWeights

    /// The weight array has `1 << hashBits` entries.
    public var hashBits: Int { weights.bits }

    /// Checks `file`'s header and size and wraps it. Cost: O(1), some 9,000 weight reads and
    /// ``TabledFeatures/fold(_:)``.
    public init(file: MappedFile) throws(LinearWeights.FormatError) {
        weights = try LinearWeights(file: file, kind: Self.kind, version: Self.formatVersion, classCount: 1)
        let slots = weights.extra.count / 4
        guard weights.extra.count % 4 == 0, slots > 0, slots & (slots - 1) == 0 else {
            throw LinearWeights.FormatError(description: "\(file.path) has a dictionary of \(weights.extra.count) bytes, not a power of two of slots")
        }
        dictionary = WordDictionary(slots: UnsafeBufferPointer(start: weights.extra.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                                               count: slots))
        let weights = weights, bits = weights.bits
        tabledWeights = TabledFeatures.fold((0..<TabledFeatures.count).map { weights[TabledFeatures.hash(ofSlot: $0).index(bits: bits)] })
        paddingUnigrams = UnigramWeights(code: WordFeaturizer.padding, weights: weights.weights, bits: bits)
    }

    /// Maps and checks the model at `path`. Cost: as ``init(file:)``.
    public init(path: String) throws(LinearWeights.FormatError) {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw LinearWeights.FormatError(description: error.description) }
        try self.init(file: file)
    }

    /// The model that ships with jpen, trained on UD Japanese-GSD (see README), or why it could
    /// not be read. Loaded once per process.
    public static let bundled: Result<WordModel, LinearWeights.FormatError> = {
        guard let path = Bundle.module.path(forResource: "ja-words", ofType: "bin") else {
            return .failure(LinearWeights.FormatError(description: "the bundled word model ja-words.bin is missing"))
        }
        return Result { () throws(LinearWeights.FormatError) in try WordModel(path: path) }
    }()

    /// The file contents for `weights` (a power of two of them) and dictionary `slots` (a power
    /// of two of them). The one builder of the format. Cost: O(weights + slots).
    package static func encode(weights: [Float], slots: [UInt32]) -> [UInt8] {
        precondition(slots.count > 0 && slots.count & (slots.count - 1) == 0, "slots must be a power of two")
        var extra: [UInt8] = []
        extra.reserveCapacity(4 * slots.count)
        for slot in slots { withUnsafeBytes(of: slot.littleEndian) { extra.append(contentsOf: $0) } }
        return LinearWeights.encode(kind: kind, version: formatVersion, classCount: 1, weights: weights, extra: extra)
    }

    /// A worker's reusable buffers for ``findBoundaries(in:into:scratch:)`` with this model.
    /// Cost: a `calloc` of 1 MB, whose pages are touched only as code points are met.
    func makeScratch() -> BoundaryScratch {
        BoundaryScratch(weights: weights.weights.baseAddress!)
    }

    /// Sets `boundaries[k]` (`0 ... count`) to whether a word boundary falls before character
    /// `k` of the text `featurizer` holds: always at both ends and next to whitespace (which
    /// separates words; the model is not asked), the model's answer elsewhere. `scratch` (from
    /// ``makeScratch()``) holds reusable buffers. Cost: 10 hashed weight look-ups, 6 reads of
    /// per-code-point unigram weights and 13 reads of a folded table a character, no allocation
    /// once the buffers are large enough.
    func findBoundaries(in featurizer: WordFeaturizer, into boundaries: inout [Bool], scratch: inout BoundaryScratch) {
        precondition(scratch.weights == weights.weights.baseAddress, "scratch made by another word model")
        let count = featurizer.count
        boundaries.removeAll(keepingCapacity: true)
        boundaries.append(contentsOf: repeatElement(true, count: count + 1))
        guard count > 1 else { return }
        // Gaps are scored a batch at a time, in two passes: first the tabled features' and the
        // unigrams' sum and every other hashed feature's weight index, then the sums. The
        // weights are a few MB read at random, so each read misses the cache; in the second
        // pass nothing but loads and additions stands between the misses, and many are in
        // flight at once. Each weight is also asked for as soon as its index is known, so that
        // the misses overlap the first pass's hashing too (segment ~8% faster). A unigram's
        // weights are kept per code point (a text has a few thousand distinct ones), which saves
        // six of a gap's sixteen misses.
        let batch = 64
        let perGap = FeatureWindow.hashedFeatureCount - FeatureWindow.unigramCount
        // The first `batch` entries hold the gaps' tabled and unigram sums, the rest the weight indices.
        if scratch.indices.count < batch * (perGap + 1) { scratch.indices = [Int32](repeating: 0, count: batch * (perGap + 1)) }
        let bits = hashBits
        let weights = weights.weights
        let paddingUnigrams = paddingUnigrams
        let unigramMemo = scratch.unigrams
        featurizer.withWindow { window in
        // Each padded position's unigram weights, taken from the memo once: a gap reads six
        // positions', from this buffer, which the first-level cache holds. The memo's records
        // (a megabyte) are asked for first: between texts, other stages push them out of the cache.
        scratch.positionUnigrams.removeAll(keepingCapacity: true)
        for position in 0..<(count + 2 * WordFeaturizer.reach) { unigramMemo.prefetch(window.codes[position]) }
        for position in 0..<(count + 2 * WordFeaturizer.reach) {
            let code = window.codes[position]
            scratch.positionUnigrams.append(code == WordFeaturizer.padding ? paddingUnigrams
                : unigramMemo.record(of: code) { UnigramWeights(code: code, weights: weights, bits: bits) })
        }
        tabledWeights.withUnsafeBufferPointer { tabled in
        boundaries.withUnsafeMutableBufferPointer { boundaries in
        scratch.positionUnigrams.withUnsafeBufferPointer { unigrams in
        scratch.indices.withUnsafeMutableBufferPointer { scratch in
            var first = 1
            while first < count {
                let end = min(first + batch, count)
                var gap = 0, written = batch
                for k in first..<end where !window.isSpace(k - 1) && !window.isSpace(k) {
                    window.forEachFeature(beforeCharacter: k, bits: bits, hashingUnigrams: false, hashed: {
                        scratch[written] = Int32(truncatingIfNeeded: $0)
                        written += 1
                        prefetchForReading(weights.baseAddress! + $0)
                    }, tabled: { _ in })
                    var sum = window.tabledScore(beforeCharacter: k, folded: tabled.baseAddress!)
                    for offset in 0..<FeatureWindow.unigramCount { sum &+= unigrams[k + offset].weight(at: offset) }
                    scratch[gap] = sum
                    gap += 1
                }
                gap = 0
                var read = batch
                for k in first..<end where !window.isSpace(k - 1) && !window.isSpace(k) {
                    var score = scratch[gap]
                    for index in scratch[read..<(read + perGap)] { score &+= Int32(weights[Int(index)]) }
                    read += perGap
                    gap += 1
                    boundaries[k] = score > 0
                }
                first = end
            }
        }
        }
        }
        }
        }
    }
}

/// The weights of a code point's unigram features, one per window offset: read once per code
/// point a worker meets (``CodePointMemo``) instead of once per gap, six reads that miss the cache.
struct UnigramWeights: CodePointRecord {
    /// Lanes 0 ..< 6: the weight at window offset 0 ..< 6; lane 7: 1, for ``isKnown``.
    private let lanes: SIMD8<Int16>

    /// The weights of the scalar value (or padding) `code` in `weights`, of `1 << bits` rows.
    /// Cost: six hashes and reads.
    init(code: UInt32, weights: UnsafeBufferPointer<Int16>, bits: Int) {
        var lanes = SIMD8<Int16>()
        for offset in 0..<FeatureWindow.unigramCount {
            lanes[offset] = weights[FeatureWindow.unigramIndex(offset: offset, code: code, bits: bits)]
        }
        lanes[7] = 1
        self.lanes = lanes
    }

    var isKnown: Bool { lanes[7] != 0 }

    /// The weight at window offset `offset` (0 ..< 6).
    @inline(__always)
    func weight(at offset: Int) -> Int32 { Int32(lanes[offset]) }
}

/// A worker's buffers for ``WordModel/findBoundaries(in:into:scratch:)``, made by
/// ``WordModel/makeScratch()`` for one model: the weight indices of a batch of gaps, and each
/// code point's unigram weights once read.
struct BoundaryScratch {
    /// The weights of the model the unigram weights were read from.
    let weights: UnsafePointer<Int16>
    var indices: [Int32] = []
    let unigrams = CodePointMemo<UnigramWeights>()
    /// The unigram weights of each padded position of the text scored.
    var positionUnigrams: [UnigramWeights] = []

    fileprivate init(weights: UnsafePointer<Int16>) {
        self.weights = weights
    }
}
