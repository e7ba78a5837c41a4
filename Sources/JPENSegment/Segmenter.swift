import JPENICU
import JPENLearning
import JPENNormalize
import JPENText

/// Splits documents into paragraphs, sentences and tokens, in English and Japanese at once.
///
/// The segmenter is immutable and `Sendable`; it owns the configuration and models. Each task
/// makes its own ``SegmentWorker`` (cheap: an ICU iterator and some buffers) and reuses it for
/// every document it handles.
///
/// ```swift
/// let segmenter = Segmenter()
/// let worker = try segmenter.makeWorker()
/// let result = worker.segment(Document(text: "Mr. Suga met U.S. officials. 石破首相は「はい。」と述べた。"))
/// result.sentences.count   // 2
/// ```
public struct Segmenter: Sendable {
    /// The normalization the segmenter reads through; spans still point into the original.
    public let normalizer: TextNormalizer
    /// The judge of English sentence breaks, or why it could not be read.
    let sentenceModel: Result<SentenceBoundaryModel, any Error>
    /// The Japanese word model, or why it could not be read (``makeWorker()`` throws it).
    let wordModel: Result<WordModel, LinearWeights.FormatError>

    /// A segmenter with the sentence and word models that ship with jpen. Cost: two mmaps, and
    /// once per process the word model's folded 160 KB table of its tabled features.
    public init(normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
        sentenceModel = Result { try SentenceBoundaryModel.shipped() }
        wordModel = WordModel.bundled
    }

    /// A segmenter with another Japanese word model, e.g. one just trained.
    public init(normalizer: TextNormalizer = TextNormalizer(), wordModel: WordModel) {
        self.normalizer = normalizer
        sentenceModel = Result { try SentenceBoundaryModel.shipped() }
        self.wordModel = .success(wordModel)
    }

    /// A worker for one task. Cost: about a millisecond (ICU opens its break rules). Throws
    /// when ICU or a model cannot be opened (``LinearWeights/FormatError`` for a model).
    public func makeWorker() throws -> SegmentWorker {
        try SegmentWorker(segmenter: self)
    }
}

/// One task's segmenter: an ICU iterator and buffers reused across documents. Not thread-safe.
public final class SegmentWorker {
    public let segmenter: Segmenter
    let sentenceBreaker: BreakIterator
    let sentenceModel: SentenceBoundaryModel
    var window = UTF16Window()
    let wordModel: WordModel
    let wordFeaturizer: WordFeaturizer
    // Buffers of sentence splitting, reused across paragraphs.
    var icuBreaks: [Int] = []
    var paragraphTokens: [Token] = []
    /// ``SentenceBoundaryFeatures/TokenDescription``s of `paragraphTokens`, made for the gaps
    /// judged, a batch at a time.
    var paragraphDescriptions: [SentenceBoundaryFeatures.TokenDescription] = []
    /// Per gap after a paragraph token, the weights of its token features; and their rows.
    var tokenScores: [Int32] = []
    var gapRows: [Int32] = []
    // Buffers of the Japanese word model, reused across sentences.
    var wordBoundaries: [Bool] = []
    var boundaryScratch: BoundaryScratch

    init(segmenter: Segmenter) throws {
        self.segmenter = segmenter
        sentenceModel = try segmenter.sentenceModel.get()
        wordModel = try segmenter.wordModel.get()
        wordFeaturizer = WordFeaturizer(dictionary: wordModel.dictionary)
        boundaryScratch = wordModel.makeScratch()
        sentenceBreaker = try BreakIterator(.sentence, locale: "en@ss=standard")
    }

    /// Segments `document`. Cost: O(n), about 15 MB/s, most of it reads of the word model's and
    /// the dictionary's tables, which miss the cache.
    public func segment(_ document: Document) -> Segmentation {
        segment(segmenter.normalizer.normalize(document))
    }

    /// Segments an already normalized document; spans refer to its original text.
    public func segment(_ text: NormalizedText) -> Segmentation {
        let paragraphs = Paragraphs.split(text.scalars)
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        var sentenceTokens: [Token] = []
        for paragraph in paragraphs {
            let paragraphSentences = sentenceSpans(in: paragraph, of: text.scalars)
            // The paragraph's English tokens, which judging its sentences made (none when it has
            // no Latin letter), serve its English sentences again.
            let paragraphTokens = self.paragraphTokens
            var paragraphCursor = 0
            for (sentence, runs) in paragraphSentences {
                let language = LanguageRuns.mainLanguage(of: runs)
                sentenceTokens.removeAll(keepingCapacity: true)
                for region in TokenRegions.split(sentence, language: language, runs: runs) {
                    if region.isJapanese {
                        japaneseTokens(in: region.span, of: text.scalars, into: &sentenceTokens)
                    } else if region.span == sentence, !paragraphTokens.isEmpty {
                        EnglishTokenizer.tokens(in: sentence, of: text.scalars, into: &sentenceTokens, enclosing: paragraph,
                                                enclosingTokens: paragraphTokens, cursor: &paragraphCursor)
                    } else {
                        englishTokens(in: region.span, of: text.scalars, into: &sentenceTokens)
                    }
                }
                for token in sentenceTokens { tokens.append(Token(span: text.originalSpan(of: token.span), kind: token.kind)) }
                sentences.append(Sentence(
                    span: text.originalSpan(of: sentence),
                    language: language,
                    runs: runs.map { LanguageRun(span: text.originalSpan(of: $0.span), language: $0.language) }
                ))
            }
        }
        return Segmentation(
            paragraphs: paragraphs.map { text.originalSpan(of: $0) },
            sentences: sentences,
            tokens: tokens
        )
    }
}

extension Token.Kind {
    /// The kind of a token that is not a word or number, from its first code point.
    init(nonWord scalar: Unicode.Scalar) {
        self = CharacterTraits(scalar).nonWordKind
    }
}
