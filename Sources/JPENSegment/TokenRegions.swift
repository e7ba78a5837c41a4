import JPENText

/// The stretches of a sentence that one tokenizer handles.
///
/// A Japanese sentence is one Japanese region: the Japanese word model has learned the Latin
/// words and numbers that Japanese text carries. In any other sentence each Japanese run is a
/// Japanese region and the text between runs goes to the English tokenizer.
enum TokenRegions {
    struct Region {
        let span: Span
        let isJapanese: Bool
    }

    /// The regions of `sentence`, in order, covering it. Cost: O(number of runs).
    static func split(_ sentence: Span, language: Language, runs: [LanguageRun]) -> [Region] {
        if language == .japanese { return [Region(span: sentence, isJapanese: true)] }
        var regions: [Region] = []
        var position = sentence.start
        for run in runs where run.language == .japanese {
            if run.span.start > position {
                regions.append(Region(span: Span(start: position, end: run.span.start), isJapanese: false))
            }
            regions.append(Region(span: run.span, isJapanese: true))
            position = run.span.end
        }
        if position < sentence.end { regions.append(Region(span: Span(start: position, end: sentence.end), isJapanese: false)) }
        return regions
    }
}
