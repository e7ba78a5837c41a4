import JPENText

// Speaker rules for Japanese: 「…」と述べた with the subject (石破首相は) earlier in the sentence or
// between と and the verb, and 石破首相「…」 headlines. They read the normalized text by character,
// since Japanese words have no spaces to find them by.

extension QuoteContext {
    func japaneseAttribution(of quote: MarkedQuotation) -> Attribution? {
        let scalars = normalized.scalars
        var sentenceStart = quote.open
        while sentenceStart > max(0, quote.open - 200), !endsJapaneseSentence(scalars[sentenceStart - 1]) {
            sentenceStart -= 1
        }
        var sentenceEnd = quote.close + 1
        while sentenceEnd < min(scalars.count, quote.close + 120),
              !endsJapaneseSentence(scalars[sentenceEnd]), scalars[sentenceEnd] != "「" {
            sentenceEnd += 1
        }
        var afterQuote = quote.close + 1
        // 「…」（立憲民主党幹部）と批判した: the speaker in brackets right after the quotation.
        var bracketed: Span? = nil
        if afterQuote < sentenceEnd, scalars[afterQuote] == "(",
           let close = (afterQuote + 1..<min(sentenceEnd, afterQuote + 24)).first(where: { scalars[$0] == ")" }),
           close + 1 < sentenceEnd, scalars[close + 1] == "と" {
            let name = Span(start: afterQuote + 1, end: close)
            if name.count >= 2, scalars[name.range].allSatisfy({ isJapaneseNameCharacter($0) || $0 == "の" }),
               endsWithPost(name) {
                bracketed = name
                afterQuote = close + 1
            }
        }
        if afterQuote < sentenceEnd, scalars[afterQuote] == "と" || scalars[afterQuote] == "っ" {
            // っ stands for って; one alone at the sentence's end reads no further than the end.
            afterQuote = min(sentenceEnd, afterQuote + (scalars[afterQuote] == "っ" ? 2 : 1))
            if let cue = japaneseCue(in: afterQuote..<sentenceEnd) {
                let speaker = bracketed ?? japaneseSubject(in: afterQuote..<cue.start) ?? japaneseSubject(in: sentenceStart..<quote.open)
                return Attribution(speaker: speaker.map { normalized.originalSpan(of: $0) },
                                   cue: normalized.originalSpan(of: cue))
            }
        }
        // 「…」（国内銀行の担当者）との声: the bracketed speaker without a reporting verb.
        if let bracketed { return Attribution(speaker: normalized.originalSpan(of: bracketed), cue: nil) }
        // A headline: 石破首相「…」, the name opening the line (not 展示会「…」が開幕した).
        var nameStart = quote.open
        while nameStart > sentenceStart, isJapaneseNameCharacter(scalars[nameStart - 1]) { nameStart -= 1 }
        if nameStart == sentenceStart, quote.open - nameStart >= 2, !standsAsNoun(quote) {
            return Attribution(speaker: normalized.originalSpan(of: Span(start: nameStart, end: quote.open)), cue: nil)
        }
        return nil
    }

    /// Whether `span` ends with a post or a word for a person (幹部, 担当者, 関係者, 首相).
    private func endsWithPost(_ span: Span) -> Bool {
        SpeechWords.japanesePostEndings.contains { endsWith($0, before: span.end, from: span.start) }
    }

    private func endsJapaneseSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "。" || scalar == "!" || scalar == "?" || QuotationMarks.isLineBreak(scalar)
    }

    /// Kanji, katakana, Latin letters and digits: what names and titles are written in.
    func isJapaneseNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch Script(scalar) {
        case .kanji, .katakana, .latin, .digit: true
        default: scalar == "ー" || scalar == "・"
        }
    }

    /// The first reporting verb in `range`: its stem and the kana that inflect it (述べた).
    private func japaneseCue(in range: Range<Int>) -> Span? {
        let scalars = normalized.scalars
        let stems = SpeechWords.japaneseCueStems
        for position in range {
            for stem in stems where matches(stem, at: position, before: range.upperBound) {
                var end = position + stem.count
                var kana = 0
                while end < range.upperBound, kana < 4, Script(scalars[end]) == .hiragana, scalars[end] != "、" {
                    end += 1
                    kana += 1
                    if scalars[end - 1] == "た" || scalars[end - 1] == "る" { break }
                }
                return Span(start: position, end: end)
            }
        }
        return nil
    }

    func matches(_ word: [Unicode.Scalar], at position: Int, before end: Int) -> Bool {
        var index = position
        for scalar in word {
            guard index < end, normalized.scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// Whether the normalized text ends with `word` before `end`, the word starting at `floor` or
    /// after it. Cost: O(word).
    func endsWith(_ word: [Unicode.Scalar], before end: Int, from floor: Int) -> Bool {
        let start = end - word.count
        return start >= floor && matches(word, at: start, before: end)
    }

    /// The noun phrase before the first topic particle は in `range`, else before the first
    /// subject particle が, else before an also-particle も after a post (高木氏も):
    /// 石破首相は → 石破首相, 外務省の幹部は → 外務省の幹部, 会社員の岡田真由美さん（45）は →
    /// 会社員の岡田真由美さん. The topic comes first because が also marks the subjects of clauses
    /// inside the speaker's description (農業経済学が専門の大学教授、石川誠氏は). A ruling or an
    /// agreement (判決は) speaks for no one.
    private func japaneseSubject(in range: Range<Int>) -> Span? {
        japaneseSubject(in: range, particle: "は") ?? japaneseSubject(in: range, particle: "が")
            ?? japaneseSubject(in: range, particle: "も")
    }

    private func japaneseSubject(in range: Range<Int>, particle: Unicode.Scalar) -> Span? {
        let scalars = normalized.scalars
        var depth = 0
        for position in range {
            let scalar = scalars[position]
            if scalar == "「" || scalar == "『" { depth += 1 }
            if scalar == "」" || scalar == "』" { depth = max(0, depth - 1) }
            guard depth == 0, scalar == particle, position > range.lowerBound else { continue }
            // An age or a gloss in brackets after the name (さん（45）は, 責任者（ＣＦＯ）は) is left out.
            var end = position
            if scalars[end - 1] == ")",
               let open = (max(range.lowerBound, end - 10)..<(end - 1)).last(where: { scalars[$0] == "(" }) {
                end = open
            }
            // The name keeps a character of its own before an honorific.
            let honorific = SpeechWords.japaneseHonorifics.first { endsWith($0, before: end, from: range.lowerBound + 1) }
            let nameEnd = end - (honorific?.count ?? 0)
            guard nameEnd > range.lowerBound, isJapaneseNameCharacter(scalars[nameEnd - 1]) else { continue }
            if SpeechWords.japaneseNonSpeakers.contains(where: { endsWith($0, before: end, from: range.lowerBound) }) { continue }
            // も follows any noun (今後も): only a person's post or honorific makes it a speaker.
            if particle == "も", honorific == nil, !endsWithPost(Span(start: range.lowerBound, end: end)) { continue }
            var start = nameEnd
            while start > range.lowerBound {
                let before = scalars[start - 1]
                if isJapaneseNameCharacter(before) {
                    start -= 1
                } else if before == "の", start - 2 >= range.lowerBound, isJapaneseNameCharacter(scalars[start - 2]) {
                    start -= 1
                } else {
                    break
                }
            }
            return Span(start: start, end: end)
        }
        return nil
    }
}
