import JPENText

/// Language runs: kana and kanji are Japanese, Latin letters English. A run reaches from its
/// first letter to its last, so digits and punctuation between letters of one language join it.
///
/// Built code point by code point, so that sentence splitting, which reads every code point's
/// script anyway, finds its sentences' runs in the same pass:
///
/// ```swift
/// var runs = LanguageRuns()
/// for index in sentence.range { runs.add(LanguageRuns.language(of: scalars[index]), at: index) }
/// let sentenceRuns = runs.finished()
/// ```
///
/// Cost: O(1) a code point.
struct LanguageRuns {
    private var runs: [LanguageRun] = []
    private var start = 0, end = 0, language = Language.undetermined

    /// Adds the code point at `index`, whose script writes `found`, after those added before.
    @inline(__always)
    mutating func add(_ found: Language, at index: Int) {
        guard found != .undetermined else { return }
        if found != language {
            if language != .undetermined { runs.append(LanguageRun(span: Span(start: start, end: end), language: language)) }
            start = index
            language = found
        }
        end = index + 1
    }

    /// The runs of the code points added, and a builder emptied for the next stretch.
    mutating func finished() -> [LanguageRun] {
        if language != .undetermined { runs.append(LanguageRun(span: Span(start: start, end: end), language: language)) }
        defer { self = LanguageRuns() }
        return runs
    }

    /// The language `scalar`'s script writes (``Script/language``). Sentence splitting asks it
    /// of every code point: ASCII, kana and kanji letters are answered inline by ``Script``.
    @inline(__always)
    static func language(of scalar: Unicode.Scalar) -> Language {
        Script(scalar).language
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
