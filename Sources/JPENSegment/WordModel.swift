import Foundation
import JPENText

/// The Japanese word boundary model: a linear classifier over hashed features
/// (``WordFeaturizer``) that decides, at each gap between two characters, whether a word ends,
/// and the dictionary (``WordDictionary``) some of those features come from.
///
/// The file is read in place through a ``MappedFile``: opening costs microseconds. Layout, all
/// little-endian:
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 4 | magic `JPWB` |
/// | 4 | 4 | format version (``formatVersion``) |
/// | 8 | 4 | weight bits `b` |
/// | 12 | 4 | scale (Float32): a weight's value is `Int16 × scale` |
/// | 16 | 4 | dictionary bits `d` |
/// | 20 | 12 | zero |
/// | 32 | 2·2^b | weights, Int16 |
/// | 32 + 2·2^b | 4·2^d | dictionary slots, UInt32 |
///
/// ```swift
/// let model = try WordModel(file: MappedFile(path: "ja-words.bin"))
/// model.hashBits   // 20
/// ```
public struct WordModel: @unchecked Sendable {
    // The weights and slots are read-only memory inside `file`, which the model keeps alive.

    /// The version of the layout and of the features the weights belong to.
    public static let formatVersion: UInt32 = 3
    static let magic: UInt32 = 0x4257_504A  // "JPWB"
    static let headerSize = 32

    /// Why a file is not a word model this build can read.
    public struct Error: Swift.Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The file the weights live in.
    public let file: MappedFile
    /// The weight array has `1 << hashBits` entries.
    public let hashBits: Int
    /// The value of one step of a quantized weight.
    public let scale: Float
    let weights: UnsafeBufferPointer<Int16>
    let dictionary: WordDictionary

    /// Checks `file`'s header and size and wraps it. Cost: O(1).
    public init(file: MappedFile) throws(Error) {
        let bytes = file.bytes
        guard bytes.count >= Self.headerSize, file.load(UInt32.self, at: 0) == Self.magic else {
            throw Error(description: "\(file.path) is not a jpen word model")
        }
        let version = file.load(UInt32.self, at: 4)
        guard version == Self.formatVersion else {
            throw Error(description: "\(file.path) is word model format \(version); this build reads \(Self.formatVersion)")
        }
        let bits = Int(file.load(UInt32.self, at: 8))
        let dictionaryBits = Int(file.load(UInt32.self, at: 16))
        guard (8...28).contains(bits), (0...28).contains(dictionaryBits),
              bytes.count == Self.headerSize + 2 << bits + 4 << dictionaryBits else {
            throw Error(description: "\(file.path) is truncated or has a bad size")
        }
        hashBits = bits
        scale = Float(bitPattern: file.load(UInt32.self, at: 12))
        // Mapped memory is page-aligned and every section starts at a multiple of 4 bytes.
        let base = bytes.baseAddress!
        weights = UnsafeBufferPointer(
            start: base.advanced(by: Self.headerSize).assumingMemoryBound(to: Int16.self),
            count: 1 << bits
        )
        dictionary = WordDictionary(slots: UnsafeBufferPointer(
            start: base.advanced(by: Self.headerSize + 2 << bits).assumingMemoryBound(to: UInt32.self),
            count: 1 << dictionaryBits
        ))
        self.file = file
    }

    /// Maps and checks the model at `path`. Cost: O(1).
    public init(path: String) throws(Error) {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw Error(description: error.description) }
        try self.init(file: file)
    }

    /// The model that ships with jpen, trained on UD Japanese-GSD (see README), or why it could
    /// not be read. Loaded once per process.
    public static let bundled: Result<WordModel, Error> = {
        guard let path = Bundle.module.path(forResource: "ja-words", ofType: "bin") else {
            return .failure(Error(description: "the bundled word model ja-words.bin is missing"))
        }
        return Result { () throws(Error) in try WordModel(path: path) }
    }()

    /// The file contents for quantized `weights` with their `scale`, and dictionary `slots`
    /// (both power-of-two counts). The one builder of the format. Cost: O(weights + slots).
    static func encode(weights: [Int16], scale: Float, slots: [UInt32]) -> [UInt8] {
        precondition(weights.count > 0 && weights.count & (weights.count - 1) == 0, "weights must be a power of two")
        precondition(slots.count > 0 && slots.count & (slots.count - 1) == 0, "slots must be a power of two")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headerSize + 2 * weights.count + 4 * slots.count)
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(magic)
        append(formatVersion)
        append(UInt32(weights.count.trailingZeroBitCount))
        append(scale.bitPattern)
        append(UInt32(slots.count.trailingZeroBitCount))
        bytes.append(contentsOf: repeatElement(0, count: headerSize - bytes.count))
        for weight in weights { append(weight) }
        for slot in slots { append(slot) }
        return bytes
    }

    /// Whether a word boundary falls before character `k` of the text `featurizer` holds.
    /// Cost: 57 hashed weight look-ups.
    @inline(__always)
    func isBoundary(beforeCharacter k: Int, in featurizer: WordFeaturizer) -> Bool {
        var score: Int32 = 0
        featurizer.forEachFeature(beforeCharacter: k, bits: hashBits) { score &+= Int32(weights[$0]) }
        return score > 0
    }
}
