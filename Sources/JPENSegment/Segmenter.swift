import JPENICU
import JPENNormalize
import JPENText

/// Splits documents into paragraphs, sentences and tokens, in English and Japanese at once.
///
/// The segmenter is immutable and `Sendable`; it owns the configuration and models. Each task
/// makes its own ``SegmentWorker`` (cheap: two ICU iterators and some buffers) and reuses it for
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

    public init(normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
    }

    /// A worker for one task. Cost: about a millisecond (ICU opens its break rules).
    public func makeWorker() throws -> SegmentWorker {
        try SegmentWorker(segmenter: self)
    }
}

/// One task's segmenter: ICU iterators and buffers reused across documents. Not thread-safe.
public final class SegmentWorker {
    public let segmenter: Segmenter
    private let wordBreaker: BreakIterator
    private let sentenceBreaker: BreakIterator
    private var window = UTF16Window()

    init(segmenter: Segmenter) throws {
        self.segmenter = segmenter
        wordBreaker = try BreakIterator(.word, locale: "ja")
        sentenceBreaker = try BreakIterator(.sentence, locale: "en@ss=standard")
    }

    /// Segments `document`. Cost: O(n), dominated by ICU's word break (about 25 MB/s).
    public func segment(_ document: Document) -> Segmentation {
        segment(segmenter.normalizer.normalize(document))
    }

    /// Segments an already normalized document; spans refer to its original text.
    public func segment(_ text: NormalizedText) -> Segmentation {
        let paragraphs = Paragraphs.split(text.scalars)
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        for paragraph in paragraphs {
            for sentence in sentenceSpans(in: paragraph, of: text.scalars) {
                let sentenceTokens = wordTokens(in: sentence, of: text.scalars)
                tokens.append(contentsOf: sentenceTokens.map {
                    Token(span: text.originalSpan(of: $0.span), kind: $0.kind)
                })
                let runs = LanguageRuns.find(in: sentence, of: text.scalars)
                sentences.append(Sentence(
                    span: text.originalSpan(of: sentence),
                    language: LanguageRuns.mainLanguage(of: runs),
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

    /// Sentences of one paragraph, in normalized offsets, trimmed of space. ICU proposes the
    /// breaks; a break inside open brackets or quotation marks (「…。…」) is dropped.
    private func sentenceSpans(in paragraph: Span, of scalars: [Unicode.Scalar]) -> [Span] {
        window.fill(scalars[paragraph.range])
        var breaks: [Int] = []
        window.units.withUnsafeBufferPointer { units in
            sentenceBreaker.boundaries(in: units) { end, _ in
                breaks.append(paragraph.start + Int(window.codePointAt[end]))
            }
        }
        var result: [Span] = []
        var start = paragraph.start
        var depth = 0
        var scanned = paragraph.start
        for end in breaks {
            while scanned < end {
                depth = max(0, depth + Brackets.depthChange(scalars[scanned]))
                scanned += 1
            }
            if depth > 0 && end < paragraph.end { continue }
            if let trimmed = Paragraphs.trim(Span(start: start, end: end), in: scalars) { result.append(trimmed) }
            start = end
            depth = 0
        }
        return result
    }

    /// ICU word tokens of one sentence, in normalized offsets; whitespace dropped.
    private func wordTokens(in sentence: Span, of scalars: [Unicode.Scalar]) -> [Token] {
        window.fill(scalars[sentence.range])
        var result: [Token] = []
        var previous = 0
        window.units.withUnsafeBufferPointer { units in
            wordBreaker.boundaries(in: units) { end, status in
                let start = sentence.start + Int(window.codePointAt[previous])
                let stop = sentence.start + Int(window.codePointAt[end])
                previous = end
                guard stop > start, !scalars[start..<stop].allSatisfy({ Script($0) == .space }) else { return }
                let kind: Token.Kind
                switch status {
                case BreakIterator.WordStatus.number: kind = .number
                case BreakIterator.WordStatus.none:
                    kind = scalars[start].properties.isAlphabetic ? .word
                        : (scalars[start].properties.generalCategory.isSymbol ? .symbol : .punctuation)
                default: kind = .word
                }
                result.append(Token(span: Span(start: start, end: stop), kind: kind))
            }
        }
        return result
    }
}

extension Unicode.GeneralCategory {
    var isSymbol: Bool {
        switch self {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: true
        default: false
        }
    }
}
