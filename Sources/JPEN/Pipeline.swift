import JPENDates
import JPENEntities
import JPENLexicon
import JPENQuotes
import JPENSegment
import JPENText

/// Every stage over one document: normalization and segmentation once, then entities, dates and
/// quotations, with quotation speakers carrying the entities' ids.
///
/// Immutable and `Sendable`: it owns the models and the lexicon. Each task makes a
/// ``PipelineWorker`` and reuses it for every document it handles.
///
/// ```swift
/// let pipeline = try Pipeline(lexicon: Lexicon.load())
/// let worker = try pipeline.makeWorker()
/// let result = try worker.extract(Document(text: "石破茂首相は「非常にフレンドリーだ」と述べた。"), date: "2024-11-08")
/// result.quotes[0].speaker?.id   // the id of 石破茂 in result.entities
/// ```
public struct Pipeline: Sendable {
    public let segmenter: Segmenter
    public let entities: EntityRecognizer
    public let dates: DateTagger
    public let quotes: QuoteFinder

    /// A pipeline whose entities link through `lexicon` (nil: provisional, per-document ids).
    /// Cost: memory-maps the shipped models; milliseconds.
    public init(lexicon: Lexicon?) throws {
        segmenter = Segmenter()
        entities = try EntityRecognizer(segmenter: segmenter, lexicon: lexicon)
        dates = DateTagger(normalizer: segmenter.normalizer)
        quotes = QuoteFinder(segmenter: segmenter)
    }

    /// A worker for one task. Cost: a few ICU iterators and buffers; about a millisecond.
    public func makeWorker() throws -> PipelineWorker {
        try PipelineWorker(pipeline: self)
    }
}

/// One task's pipeline: the stages' workers, reused across documents. Not thread-safe.
public final class PipelineWorker {
    public let pipeline: Pipeline
    private let segmentWorker: SegmentWorker
    private let entityWorker: EntityWorker
    private let quoteWorker: QuoteWorker

    init(pipeline: Pipeline) throws {
        self.pipeline = pipeline
        segmentWorker = try pipeline.segmenter.makeWorker()
        entityWorker = try pipeline.entities.makeWorker()
        quoteWorker = try pipeline.quotes.makeWorker()
    }

    /// Everything jpen finds in `document`. `date` (`YYYY-MM-DD`, optionally with a time) anchors
    /// relative dates; without it a dateline in the text does. Cost: O(n), the sum of the stages.
    public func extract(_ document: Document, date: String?) throws(InvalidDocumentDate) -> Extraction {
        let reference = try DateTagger.reference(date)
        let normalized = pipeline.segmenter.normalizer.normalize(document)
        let segmentation = segmentWorker.segment(normalized)
        let entities = entityWorker.recognize(document, normalized: normalized, segmentation: segmentation).entities
        let mentions = entities.map { EntityMention(span: $0.span, id: $0.id, isPerson: $0.type == .person) }
        return Extraction(
            language: Self.language(of: segmentation),
            segmentation: segmentation,
            entities: entities,
            dates: pipeline.dates.tag(normalized, of: document, reference: reference),
            quotes: quoteWorker.quotations(in: document, normalized: normalized, segmentation: segmentation,
                                           mentions: mentions)
        )
    }

    /// The language most of the document's sentences are written in, weighted by length.
    static func language(of segmentation: Segmentation) -> Language {
        // Two counters rather than a dictionary: hashing each sentence's language cost more than the sum.
        var japanese: Int? = nil, english: Int? = nil
        for sentence in segmentation.sentences {
            switch sentence.language {
            case .japanese: japanese = (japanese ?? 0) + sentence.span.count
            case .english: english = (english ?? 0) + sentence.span.count
            case .undetermined: break
            }
        }
        // Japanese wins a tie.
        guard let english else { return japanese == nil ? .undetermined : .japanese }
        return english > (japanese ?? -1) ? .english : .japanese
    }
}

/// What ``PipelineWorker/extract(_:date:)`` finds in one document. Spans are code points of the
/// original text.
public struct Extraction: Sendable {
    /// The document's main language.
    public let language: Language
    /// Paragraphs, sentences and tokens.
    public let segmentation: Segmentation
    public let entities: [Entity]
    public let dates: [TemporalExpression]
    public let quotes: [Quotation]
}

extension Extraction {
    /// Every span the extraction reports (paragraphs, sentences, language runs, tokens, entities,
    /// dates, quotations, speakers and cues), for checks that each lies inside its document.
    /// Cost: O(number of spans).
    public var spans: [Span] {
        var spans = segmentation.paragraphs
        for sentence in segmentation.sentences { spans.append(sentence.span); spans += sentence.runs.map(\.span) }
        spans += segmentation.tokens.map(\.span)
        spans += entities.map(\.span)
        spans += dates.map(\.span)
        for quote in quotes {
            spans.append(quote.span)
            if let speaker = quote.speaker { spans.append(speaker.span) }
            if let cue = quote.cue { spans.append(cue.span) }
        }
        return spans
    }
}
