import JPENNormalize
import JPENText

/// The document date given was not `YYYY-MM-DD` (optionally with a time).
public struct InvalidDocumentDate: Error, CustomStringConvertible, Sendable {
    public let text: String
    public var description: String { "document date \"\(text)\" is not YYYY-MM-DD" }
}

/// Finds dates, times, durations and frequencies in English and Japanese text and normalizes
/// them to TIMEX3, resolving relative ones against the document date.
///
/// Immutable and `Sendable`: one tagger serves every task; it holds no per-document state.
///
/// ```swift
/// let tagger = DateTagger()
/// let found = try tagger.tag(Document(text: "石破首相は11月18〜19日に出席する。"), documentDate: "2024-11-08")
/// found[0].value   // "2024-11-18/2024-11-19"
/// ```
///
/// Cost: O(n) in the text's length — a hand-written scanner over code points, every rule looking
/// a bounded number of tokens ahead, so no input makes it backtrack.
public struct DateTagger: Sendable {
    public let normalizer: TextNormalizer

    public init(normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
    }

    /// The temporal expressions of `document`, in order. `documentDate` (`YYYY-MM-DD`, optionally
    /// `THH:MM:SS` and a zone) anchors relative expressions; without it a dateline near the top of
    /// the text does, and without either relative expressions stay durations with a `mod`.
    public func tag(_ document: Document, documentDate: String? = nil) throws(InvalidDocumentDate) -> [TemporalExpression] {
        tag(normalizer.normalize(document), of: document, reference: try Self.reference(documentDate))
    }

    /// The reference time a document date (`YYYY-MM-DD`, optionally with a time and zone) gives;
    /// nil for nil.
    public static func reference(_ documentDate: String?) throws(InvalidDocumentDate) -> ReferenceTime? {
        guard let documentDate else { return nil }
        guard let parsed = ReferenceTime(parsing: documentDate) else { throw InvalidDocumentDate(text: documentDate) }
        return parsed
    }

    /// The temporal expressions of an already normalized `document`; `reference` nil looks for a dateline.
    public func tag(_ text: NormalizedText, of document: Document, reference: ReferenceTime?) -> [TemporalExpression] {
        let tokens = DateLexer.tokens(text.scalars)
        var scanner = DateScanner(scalars: text.scalars, tokens: tokens, reference: reference)
        var candidates = scanner.scan()
        if reference == nil, let dateline = Self.dateline(candidates) {
            scanner = DateScanner(scalars: text.scalars, tokens: tokens, reference: dateline)
            candidates = scanner.scan()
        }
        guard !candidates.isEmpty else { return [] }
        let context = DateContext(scalars: text.scalars, tokens: tokens)
        var resolver = DateResolver(reference: scanner.reference, candidates: candidates, context: context)
        return candidates.indices.map { index in
            let candidate = candidates[index]
            let (type, value, mod) = resolver.resolve(index)
            let span = text.originalSpan(of: Span(start: candidate.start, end: candidate.end))
            return TemporalExpression(span: span, text: document[span], type: type, value: value, mod: mod,
                                      freq: candidate.freq, quant: candidate.quant)
        }
    }

    /// A full date in the first 200 code points, as a dateline gives one ("TOKYO, Nov. 8, 2024 —").
    static func dateline(_ candidates: [Candidate]) -> ReferenceTime? {
        for candidate in candidates where candidate.start < 200 {
            if case .fixed(let value) = candidate.value, value.count == 10, let reference = ReferenceTime(parsing: value) {
                return reference
            }
        }
        return nil
    }
}
