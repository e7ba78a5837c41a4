import JPENText

/// Language runs: kana and kanji are Japanese, Latin letters English. A run reaches from its
/// first letter to its last, so digits and punctuation between letters of one language join it.
enum LanguageRuns {
    /// The runs of `span`, in the offsets of `scalars`. Cost: O(span length).
    static func find(in span: Span, of scalars: [Unicode.Scalar]) -> [LanguageRun] {
        var runs: [LanguageRun] = []
        var start = 0, end = 0, language = Language.undetermined
        for index in span.range {
            let found = Script(scalars[index]).language
            guard found != .undetermined else { continue }
            if found != language {
                if language != .undetermined { runs.append(LanguageRun(span: Span(start: start, end: end), language: language)) }
                start = index
                language = found
            }
            end = index + 1
        }
        if language != .undetermined { runs.append(LanguageRun(span: Span(start: start, end: end), language: language)) }
        return runs
    }

    /// The main language of a sentence with `runs`. A Japanese character counts as two Latin
    /// letters (a word is one or two kanji but five or six letters); ties go to Japanese.
    static func mainLanguage(of runs: [LanguageRun]) -> Language {
        var japanese = 0, english = 0
        for run in runs {
            if run.language == .japanese { japanese += run.span.count * 2 } else { english += run.span.count }
        }
        if japanese == 0 && english == 0 { return .undetermined }
        return japanese >= english ? .japanese : .english
    }
}
