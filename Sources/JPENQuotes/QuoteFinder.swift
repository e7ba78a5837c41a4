import JPENNormalize
import JPENSegment
import JPENText

/// Finds quotations and their speakers in English and Japanese news text.
///
/// Immutable and `Sendable`: it owns the segmenter configuration. Each task makes a
/// ``QuoteWorker`` (cheap) and reuses it for every document.
///
/// ```swift
/// let worker = try QuoteFinder().makeWorker()
/// let quotes = worker.quotations(in: Document(text: "石破首相は「非常にフレンドリーだ」と述べた。"))
/// quotes[0].speaker?.text   // "石破首相"
/// quotes[0].cue?.text       // "述べた"
/// ```
public struct QuoteFinder: Sendable {
    public let segmenter: Segmenter

    public init(segmenter: Segmenter = Segmenter()) {
        self.segmenter = segmenter
    }

    /// A worker for one task. Cost: that of a ``SegmentWorker`` (about a millisecond).
    public func makeWorker() throws -> QuoteWorker {
        try QuoteWorker(segmentWorker: segmenter.makeWorker())
    }
}

/// One task's quotation finder. Not thread-safe.
public final class QuoteWorker {
    let segmentWorker: SegmentWorker

    init(segmentWorker: SegmentWorker) {
        self.segmentWorker = segmentWorker
    }

    /// The quotations of `document`, in text order, segmenting it first. `mentions` (from the
    /// entities stage) give speakers their entity ids and pronouns their antecedents; without
    /// them speakers carry provisional ids. Cost: O(n) plus the segmentation, which text without
    /// a quotation mark is spared.
    public func quotations(in document: Document, mentions: [EntityMention] = []) -> [Quotation] {
        let normalized = segmentWorker.segmenter.normalizer.normalize(document)
        let marked = QuotationMarks.find(in: normalized.scalars)
        guard !marked.isEmpty else { return [] }
        return Self.attribute(marked, in: document, normalized: normalized,
                              tokens: segmentWorker.segment(normalized).tokens, mentions: mentions)
    }

    /// The quotations of `document`, reusing its normalization and segmentation (as a pipeline
    /// that runs several stages does). Cost: O(n) in the text and the number of tokens.
    public func quotations(in document: Document, normalized: NormalizedText, segmentation: Segmentation,
                           mentions: [EntityMention] = []) -> [Quotation] {
        let marked = QuotationMarks.find(in: normalized.scalars)
        guard !marked.isEmpty else { return [] }
        return Self.attribute(marked, in: document, normalized: normalized, tokens: segmentation.tokens, mentions: mentions)
    }

    static func attribute(_ marked: [MarkedQuotation], in document: Document, normalized: NormalizedText,
                          tokens: [Token], mentions: [EntityMention]) -> [Quotation] {
        // The entities stage gives its mentions in order already: sorting them again (a stable
        // sort, which leaves ordered mentions as they are) is spared.
        let ordered = zip(mentions, mentions.dropFirst()).allSatisfy { !($1.span < $0.span) }
        let context = QuoteContext(document: document, normalized: normalized, tokens: tokens,
                                   mentions: ordered ? mentions : mentions.sorted { $0.span < $1.span })
        return context.attribute(marked)
    }
}
