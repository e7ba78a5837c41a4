import Foundation
import JPENLearning
import JPENText

/// A learned judge of English sentence breaks: a binary linear model (``LinearWeights``, kind
/// `ENSB`) over hashed features of the space between two tokens (the tokens on each side, their
/// shapes, the word before a full stop, whether brackets are open, how long the sentence is so
/// far). Trained on UD English-EWT and GUM by `jpen train-sentences`.
///
/// The weights are read in place from a memory-mapped file.
///
/// ```swift
/// let model = try SentenceBoundaryModel.shipped()
/// var score: Int32 = 0
/// for row in features { score &+= model.weight(row: row) }   // > 0: a sentence starts after the gap
/// ```
public struct SentenceBoundaryModel: Sendable {
    /// What the weights file says it holds.
    package static let kind: LinearWeights.Kind = "ENSB"
    /// The version of the features (``SentenceBoundaryFeatures``) the weights belong to.
    package static let formatVersion: UInt32 = 2

    let weights: LinearWeights

    /// Reads the weights at `path`. Cost: one mmap, no parsing.
    public init(path: String) throws(LinearWeights.FormatError) {
        weights = try LinearWeights(path: path, kind: Self.kind, version: Self.formatVersion, classCount: 1)
    }

    /// The model that ships with jpen, trained on UD English-EWT (CC BY-SA 4.0) and GUM.
    public static func shipped() throws(LinearWeights.FormatError) -> SentenceBoundaryModel {
        guard let url = Bundle.module.url(forResource: "en-sentence-boundaries", withExtension: "bin") else {
            throw LinearWeights.FormatError(description: "the sentence model en-sentence-boundaries.bin is missing from the JPENSegment bundle")
        }
        return try SentenceBoundaryModel(path: url.path)
    }

    /// The file contents for `weights` (a power of two of them): the one builder of the format.
    /// Cost: O(weights).
    package static func encode(weights: [Float]) -> [UInt8] {
        LinearWeights.encode(kind: kind, version: formatVersion, classCount: 1, weights: weights)
    }

    /// Features are hashed into `1 << bits` rows.
    var bits: Int { weights.bits }

    /// The quantized weight of the feature in row `row`; a gap's score is the sum over its
    /// features. Cost: O(1).
    @inline(__always)
    func weight(row: Int) -> Int32 {
        Int32(weights[row])
    }

    /// Asks for the weight of `row` to be loaded, without waiting for it. Cost: an instruction.
    @inline(__always)
    func prefetch(row: Int) {
        prefetchForReading(weights.weights.baseAddress! + row)
    }
}

/// The features of a gap between tokens, shared by the trainer and the segmenter.
package enum SentenceBoundaryFeatures {
    /// Appends the hashed features of the gap after `tokens[left]` (and before
    /// `tokens[left + 1]`) to `features`, as rows of `1 << bits`; the sentence so far
    /// holds `tokensInSentence` tokens. Cost: O(length of
    /// the four tokens around the gap).
    package static func extract(gapAfter left: Int, tokens: [Token], scalars: [Unicode.Scalar], insideBrackets: Bool,
                                tokensInSentence: Int, bits: Int, into features: inout [Int]) {
        forEachFeature(gapAfter: left, tokenCount: tokens.count, insideBrackets: insideBrackets,
                       tokensInSentence: tokensInSentence, bits: bits, description: { describe(tokens[$0], scalars) },
                       { features.append($0) })
    }

    /// Which of a gap's features ``forEachFeature(gapAfter:tokenCount:insideBrackets:tokensInSentence:bits:part:description:_:)``
    /// gives.
    enum Part {
        case all
        /// The ``tokenFeatureCount`` features that read only the tokens around the gap, so that a
        /// caller can sum their weights for many gaps ahead: the weights are reads that miss the
        /// cache, and they then overlap instead of stalling one gap at a time.
        case tokens
        /// The others, which read the sentence so far (its length, open brackets).
        case sentence
    }

    /// The number of features of ``Part/tokens``.
    static let tokenFeatureCount = 17

    /// Calls `body` with the row of each feature of `part` of
    /// ``extract(gapAfter:tokens:scalars:insideBrackets:tokensInSentence:bits:into:)``, in
    /// template order, with the descriptions of the `tokenCount` tokens from `description`
    /// (index to description), so a caller that judges every gap can describe each token once
    /// instead of four times, and sum weights without an array of rows. `insideBrackets` and
    /// `tokensInSentence` are read only by ``Part/sentence`` features.
    @inline(__always)
    static func forEachFeature(gapAfter left: Int, tokenCount: Int, insideBrackets: Bool, tokensInSentence: Int, bits: Int,
                               part: Part = .all, description: (Int) -> TokenDescription, _ body: (Int) -> Void) {
        let previous = left > 0 ? description(left - 1) : .none
        let before = description(left)
        let after = description(left + 1)
        let next = left + 2 < tokenCount ? description(left + 2) : .none
        // Fixed parts rather than a variadic list: no array per feature.
        func add(_ template: UInt64, _ first: UInt64 = 0, _ second: UInt64 = 0, _ third: UInt64 = 0, readsSentence: Bool = false) {
            guard part == .all || (part == .sentence) == readsSentence else { return }
            var hash = FeatureHash(template: template)
            hash.add(first)
            hash.add(second)
            hash.add(third)
            body(hash.index(bits: bits))
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
        add(10, insideBrackets ? 1 : 0, before.lower, readsSentence: true)
        add(11, previous.shape, before.lower)
        add(12, before.shape, after.shape)
        add(13, previous.lengthClass, before.lower)
        add(14, after.lower, before.shape)
        add(15, previous.shape, before.shape, after.shape)
        add(16, after.shape, next.shape)
        add(17, before.lower, after.shape, next.shape)
        let length: UInt64 = switch tokensInSentence { case ..<4: UInt64(tokensInSentence); case ..<7: 4; case ..<12: 5; case ..<25: 6; default: 7 }
        add(18, length, before.shape, after.shape, readsSentence: true)
        add(19, length, before.lower, readsSentence: true)
    }

    /// Hashes of a token's lowercased text and shape, and its length class (never 0).
    struct TokenDescription {
        var lower: UInt64
        var shape: UInt64
        var lengthClass: UInt64
        static let none = TokenDescription(lower: 1, shape: 1, lengthClass: 9)
    }

    static func describe(_ token: Token, _ scalars: [Unicode.Scalar]) -> TokenDescription {
        var lower = FeatureHash(template: 0), shape = FeatureHash(template: 0)
        var lastClass: UInt32 = 0, shapeLength = 0
        for index in token.span.range.prefix(24) {
            let scalar = scalars[index]
            lower.add(UInt64(EnglishTokenizer.lowercased(scalar).value))
            let shapeClass: UInt32
            switch Script(scalar) {
            case .latin: shapeClass = scalar.isUppercase ? 88 : 120  // X, x
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
