import JPENAlign
import JPENText

extension PipelineWorker {
    /// `document` with every stage's findings as the aligner reads them: sentences, quotations
    /// (speakers with entity ids), and anchors for entity ids and resolved dates (numbers are
    /// added by ``AlignmentArticle``). Cost: that of ``extract(_:date:)``.
    public func alignmentArticle(_ document: Document, date: String?) throws(InvalidDocumentDate) -> AlignmentArticle {
        let extraction = try extract(document, date: date)
        var anchors = extraction.entities.map { Anchor(span: $0.span, key: "entity:\($0.id)") }
        // Only dates that name a day, month or year: "PRESENT_REF" or "XXXX-WXX-2" would join unrelated sentences.
        anchors += extraction.dates.filter { $0.value.first?.isNumber == true && !$0.value.contains("X") }
            .map { Anchor(span: $0.span, key: "date:\($0.value)") }
        return AlignmentArticle(document: document, language: extraction.language, sentences: extraction.segmentation.sentences.map(\.span),
                                quotations: extraction.quotes, anchors: anchors)
    }

    /// The quotations of `source` paired with their translations in `target`.
    ///
    /// ```swift
    /// let worker = try Pipeline(lexicon: Lexicon.load()).makeWorker()
    /// let result = try worker.align(source: Document(text: english), target: Document(text: japanese),
    ///                               with: QuotationAligner(), date: nil)
    /// ```
    /// Cost: both extractions, then ``QuotationAligner/align(source:target:)``.
    /// `names` (one per task: it is not thread-safe) compares speakers whose ids differ.
    public func align(source: Document, target: Document, with aligner: QuotationAligner, names: NameLinker? = nil,
                      date: String?) throws(InvalidDocumentDate) -> QuotationAlignment {
        let sourceArticle = try alignmentArticle(source, date: date)
        let targetArticle = try alignmentArticle(target, date: date)
        return aligner.align(source: sourceArticle, target: targetArticle, names: names)
    }
}
