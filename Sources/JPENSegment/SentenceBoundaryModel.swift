import Foundation
import JPENText

/// A learned judge of English sentence breaks: an averaged perceptron over hashed features of
/// the space between two tokens (the tokens on each side, their shapes, the word before a full
/// stop, whether brackets are open, how long the sentence is so far). Trained on UD English-EWT
/// and GUM by `jpen-train-sentences`.
///
/// The weights are read in place from a memory-mapped file.
///
/// File format (little-endian): `JPSB`, UInt32 format version, UInt32 log2 of the number of
/// weights, then that many Float32 weights.
///
/// ```swift
/// let model = try SentenceBoundaryModel.shipped()
/// model.score(features)   // > 0: a sentence starts after the gap
/// ```
public struct SentenceBoundaryModel: Sendable {
    static let magic: [UInt8] = Array("JPSB".utf8)
    static let formatVersion: UInt32 = 1
    static let headerSize = 12

    /// Why a weights file could not be read.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    private let file: MappedFile
    /// Number of weights minus one: features are hashed into this range.
    let bucketMask: Int

    /// Reads the weights at `path`. Cost: one mmap, no parsing.
    public init(path: String) throws {
        file = try MappedFile(path: path)
        guard file.bytes.count >= Self.headerSize, Array(file.bytes[0..<4]) == Self.magic else {
            throw FormatError(description: "\(path) is not a jpen sentence model")
        }
        let version: UInt32 = file.load(at: 4)
        guard version == Self.formatVersion else {
            throw FormatError(description: "\(path) has format version \(version); this jpen reads \(Self.formatVersion)")
        }
        let bits: UInt32 = file.load(at: 8)
        guard bits < 32, file.bytes.count == Self.headerSize + 4 << Int(bits) else {
            throw FormatError(description: "\(path) is truncated")
        }
        bucketMask = (1 << Int(bits)) - 1
    }

    /// The model that ships with jpen, trained on UD English-EWT (CC BY-SA 4.0) and GUM.
    public static func shipped() throws -> SentenceBoundaryModel {
        guard let url = Bundle.module.url(forResource: "en-sentence-boundaries", withExtension: "bin") else {
            throw FormatError(description: "the sentence model en-sentence-boundaries.bin is missing from the JPENSegment bundle")
        }
        return try SentenceBoundaryModel(path: url.path)
    }

    /// The sum of the weights of `features` (bucket indices). Cost: O(features).
    func score(_ features: [Int]) -> Float {
        var sum: Float = 0
        for bucket in features {
            sum += Float(bitPattern: file.load(UInt32.self, at: Self.headerSize + 4 * bucket))
        }
        return sum
    }

    /// Writes `weights` (a power of two of them) in the format the initializer reads.
    package static func write(weights: [Float], to path: String) throws {
        let bits = weights.count.trailingZeroBitCount
        precondition(weights.count == 1 << bits, "the number of weights must be a power of two")
        var data = Data(magic)
        withUnsafeBytes(of: formatVersion.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(bits).littleEndian) { data.append(contentsOf: $0) }
        for weight in weights { withUnsafeBytes(of: weight.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        try data.write(to: URL(fileURLWithPath: path))
    }
}

/// The features of a gap between tokens, shared by the trainer and the segmenter.
enum SentenceBoundaryFeatures {
    /// Appends the hashed features of the gap after `tokens[left]` (and before
    /// `tokens[left + 1]`) to `features`, as indices masked by `bucketMask`; the sentence so far
    /// holds `tokensInSentence` tokens. Cost: O(length of
    /// the four tokens around the gap).
    static func extract(gapAfter left: Int, tokens: [Token], scalars: [Unicode.Scalar], insideBrackets: Bool,
                        tokensInSentence: Int, bucketMask: Int, into features: inout [Int]) {
        let previous = left > 0 ? describe(tokens[left - 1], scalars) : .none
        let before = describe(tokens[left], scalars)
        let after = describe(tokens[left + 1], scalars)
        let next = left + 2 < tokens.count ? describe(tokens[left + 2], scalars) : .none
        // Fixed parts rather than a variadic list: no array per feature.
        func add(_ template: UInt64, _ first: UInt64 = 0, _ second: UInt64 = 0, _ third: UInt64 = 0) {
            var hash = FeatureHash()
            hash.add(template)
            hash.add(first)
            hash.add(second)
            hash.add(third)
            features.append(Int(truncatingIfNeeded: hash.finished) & bucketMask)
        }
        add(0)
        add(1, before.lower)
        add(2, after.lower)
        add(3, before.shape)
        add(4, after.shape)
        add(5, previous.lower)
        add(6, before.lower, after.shape)
        add(7, previous.lower, before.lower)
        add(8, before.lower, after.lower)
        add(9, next.lower)
        add(10, insideBrackets ? 1 : 0, before.lower)
        add(11, previous.shape, before.lower)
        add(12, before.shape, after.shape)
        add(13, previous.lengthClass, before.lower)
        add(14, after.lower, before.shape)
        add(15, previous.shape, before.shape, after.shape)
        add(16, after.shape, next.shape)
        add(17, before.lower, after.shape, next.shape)
        let length: UInt64 = switch tokensInSentence { case ..<4: UInt64(tokensInSentence); case ..<7: 4; case ..<12: 5; case ..<25: 6; default: 7 }
        add(18, length, before.shape, after.shape)
        add(19, length, before.lower)
    }

    /// Hashes of a token's lowercased text and shape, and its length class.
    struct TokenDescription {
        var lower: UInt64
        var shape: UInt64
        var lengthClass: UInt64
        static let none = TokenDescription(lower: 1, shape: 1, lengthClass: 9)
    }

    static func describe(_ token: Token, _ scalars: [Unicode.Scalar]) -> TokenDescription {
        var lower = FeatureHash(), shape = FeatureHash()
        var lastClass: UInt32 = 0, shapeLength = 0
        for index in token.span.range.prefix(24) {
            let scalar = scalars[index]
            lower.add(UInt64(EnglishTokenizer.lowercased(scalar).value))
            let shapeClass: UInt32
            switch Script(scalar) {
            case .latin: shapeClass = EnglishTokenizer.isUppercase(scalar) ? 88 : 120  // X, x
            case .digit: shapeClass = 100                                             // d
            case .hiragana, .katakana, .kanji: shapeClass = 74                        // J
            case .other: shapeClass = 111
            default: shapeClass = scalar.value < 0x80 ? scalar.value : 112
            }
            if shapeClass != lastClass, shapeLength < 5 {
                shape.add(UInt64(shapeClass))
                shapeLength += 1
                lastClass = shapeClass
            }
        }
        return TokenDescription(lower: lower.value, shape: shape.value, lengthClass: UInt64(min(token.span.count, 6)))
    }
}

/// FNV-1a over 64-bit parts, with a final mix so that the low bits used as an index depend on
/// every part.
struct FeatureHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ part: UInt64) {
        value = (value ^ part) &* 0x0000_0100_0000_01B3
    }

    /// The splitmix64 finalizer of the hash.
    var finished: UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
