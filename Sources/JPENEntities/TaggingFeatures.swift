import JPENLexicon
import JPENNormalize
import JPENSegment
import JPENText

/// What one tagger reads: a stretch of text cut into positions (characters or tokens).
struct TaggingUnit {
    enum Model { case japanese, english }
    let model: Model
    /// Each position's span in normalized offsets.
    let positions: ArraySlice<Span>
    /// A Japanese unit's words, in normalized offsets; empty for an English one.
    var words: [Span] = []
}

/// Cuts a normalized text into tagging units and extracts their features: the one path both
/// recognition and training take, so a model always sees features made the same way.
final class TaggingFeatures {
    private let segmentWorker: SegmentWorker
    let names: NameGazetteer
    private var characterFeatures = CharacterFeatures()
    private var tokenFeatures = TokenFeatures()
    private var buffer: [UInt32] = []

    init(segmenter: Segmenter, names: NameGazetteer) throws {
        segmentWorker = try segmenter.makeWorker()
        self.names = names
    }

    /// The features of `unit`'s positions, as row indices under `mask`; valid until the next call.
    func features(of unit: TaggingUnit, in text: NormalizedText, mask: UInt32) -> [UInt32] {
        buffer.removeAll(keepingCapacity: true)
        switch unit.model {
        case .japanese:
            let range = unit.positions.first!.start..<unit.positions.last!.end
            let words = unit.words.map { ($0.start - range.lowerBound)..<($0.end - range.lowerBound) }
            characterFeatures.extract(text.scalars[range], words: words, names: names, mask: mask, into: &buffer)
        case .english:
            tokenFeatures.extract(text.scalars, tokens: unit.positions, names: names, mask: mask, into: &buffer)
        }
        return buffer
    }

    /// The tagging units of a text: each Japanese sentence character by character, and each run
    /// of other sentences within a paragraph token by token (a sentence break inside a name,
    /// "Marlene D. | Hilliard", then does not cut the name). Cost: segmentation, O(n).
    func units(of text: NormalizedText) -> [TaggingUnit] {
        units(of: text, segmentation: segmentWorker.segment(text))
    }

    /// The tagging units of a text that is already segmented (`segmentation` of `text`).
    /// Cost: O(n).
    func units(of text: NormalizedText, segmentation: Segmentation) -> [TaggingUnit] {
        // Spans come in text order but for each sentence's own, asked before its tokens'.
        var offsets = NormalizedText.Offsets(text)
        func normalized(_ span: Span) -> Span {
            let start = offsets.nextOffset(of: span.start)
            return Span(start: start, end: max(start, offsets.nextOffset(of: span.end)))
        }
        var units: [TaggingUnit] = []
        var tokenIndex = 0
        let tokens = segmentation.tokens
        var paragraphIndex = 0
        var englishTokens: [Span] = []
        var englishParagraph = -1
        func flushEnglish() {
            if !englishTokens.isEmpty { units.append(TaggingUnit(model: .english, positions: englishTokens[...])) }
            englishTokens = []
        }
        for sentence in segmentation.sentences {
            let span = normalized(sentence.span)
            let first = tokenIndex
            while tokenIndex < tokens.count, tokens[tokenIndex].span.start < sentence.span.end { tokenIndex += 1 }
            while paragraphIndex + 1 < segmentation.paragraphs.count,
                  segmentation.paragraphs[paragraphIndex].end <= sentence.span.start { paragraphIndex += 1 }
            guard !span.isEmpty else { continue }
            // Each token's span is asked for in turn, whether or not the unit keeps it.
            if sentence.language == .japanese {
                flushEnglish()
                let characters = span.range.map { Span(start: $0, end: $0 + 1) }
                var words: [Span] = []
                words.reserveCapacity(tokenIndex - first)
                for token in tokens[first..<tokenIndex] {
                    let word = normalized(token.span)
                    if !word.isEmpty, word.start >= span.start, word.end <= span.end { words.append(word) }
                }
                units.append(TaggingUnit(model: .japanese, positions: characters[...], words: words))
            } else {
                if paragraphIndex != englishParagraph { flushEnglish() }
                englishParagraph = paragraphIndex
                for token in tokens[first..<tokenIndex] {
                    let position = normalized(token.span)
                    if !position.isEmpty { englishTokens.append(position) }
                }
            }
        }
        flushEnglish()
        return units
    }
}

/// Training material for the two taggers, built from documents with their gold mentions
/// through the same segmentation and features as recognition.
///
/// ```swift
/// let set = try EntityTrainingSet(japaneseMask: trainerJA.rowMask, englishMask: trainerEN.rowMask, names: names)
/// set.add(Document(text: "石破茂首相"), mentions: [(Span(start: 0, end: 3), .entity(.person))])
/// trainerJA.train(set.japanese, passes: 10)
/// ```
public final class EntityTrainingSet {
    public private(set) var japanese: [PerceptronTrainer.Sequence] = []
    public private(set) var english: [PerceptronTrainer.Sequence] = []
    private let normalizer: TextNormalizer
    private let extractor: TaggingFeatures
    private let japaneseMask: UInt32
    private let englishMask: UInt32

    /// A set whose features read `names`, the table that must ship with the models trained on it.
    public init(japaneseMask: UInt32, englishMask: UInt32, names: NameGazetteer, segmenter: Segmenter = Segmenter()) throws {
        normalizer = segmenter.normalizer
        extractor = try TaggingFeatures(segmenter: segmenter, names: names)
        self.japaneseMask = japaneseMask
        self.englishMask = englishMask
    }

    /// Adds `document`'s units, each position tagged by the gold mention that holds its first
    /// character (original offsets); with `japaneseOnly`, only its Japanese sentences (material
    /// made for the character tagger). Cost: as recognition, without decoding.
    public func add(_ document: Document, mentions: [(span: Span, kind: MentionKind)], japaneseOnly: Bool = false) {
        let text = normalizer.normalize(document)
        var owner = [Int](repeating: -1, count: document.count + 1)
        for (index, mention) in mentions.enumerated() {
            for offset in mention.span.range { owner[offset] = index }
        }
        for unit in extractor.units(of: text) where !japaneseOnly || unit.model == .japanese {
            // Runs of positions whose first characters one mention holds.
            var runs: [(range: Range<Int>, kind: MentionKind)] = []
            var previousOwner = -1
            for (index, position) in unit.positions.enumerated() {
                let mention = owner[text.originalSpan(of: position).start]
                if mention >= 0 {
                    if mention == previousOwner, let last = runs.popLast() {
                        runs.append((last.range.lowerBound..<(index + 1), last.kind))
                    } else {
                        runs.append((index..<(index + 1), mentions[mention].kind))
                    }
                }
                previousOwner = mention
            }
            let tags = Tag.encode(runs, count: unit.positions.count)
            let mask = unit.model == .japanese ? japaneseMask : englishMask
            let sequence = PerceptronTrainer.Sequence(features: extractor.features(of: unit, in: text, mask: mask), tags: tags)
            if unit.model == .japanese { japanese.append(sequence) } else { english.append(sequence) }
        }
    }
}
