import JPENText

// What the words around a quotation say of its kind and language: a 「」 quotation standing in an
// English sentence is attributed by the English rules, and marks that a noun or verb names as a
// word or a title ("the word 「…」", "a report titled “…”", 「…」と題した, 報告書「…」) set off a term.

extension QuoteContext {
    /// Whether the letters nearest the marks of `quote`, on its own line, are Latin on one side
    /// at least and Japanese on neither: 「…」, she said / told reporters that it was 「…」.
    /// Cost: O(distance to the nearest letters).
    func standsInEnglish(_ quote: MarkedQuotation) -> Bool {
        let before = nearestLetter(from: quote.open - 1, step: -1)
        let after = nearestLetter(from: quote.close + 1, step: 1)
        let english = before == .latin || after == .latin
        return english && before != .japanese && after != .japanese
    }

    private enum LetterScript { case latin, japanese }

    /// The script of the first letter from `start` in direction `step`, passing spaces, digits,
    /// punctuation and marks, not passing a line break.
    private func nearestLetter(from start: Int, step: Int) -> LetterScript? {
        let scalars = normalized.scalars
        var index = start
        while index >= 0, index < scalars.count, !QuotationMarks.isLineBreak(scalars[index]) {
            switch Script(scalars[index]) {
            case .latin: return .latin
            case .hiragana, .katakana, .kanji: return .japanese
            default: index += step
            }
        }
        return nil
    }

    /// Whether the words next to the marks name the quotation a word or a title rather than
    /// speech. `openToken` is the opening mark's token. Cost: O(1).
    func isNamedAsTerm(_ quote: MarkedQuotation, openToken: Int) -> Bool {
        if quote.isTitleMark { return true }
        if openToken > 0, isLatinWord(openToken - 1) {
            let before = words[openToken - 1]
            if SpeechWords.titleNamers.contains(before) || quote.isJapanese && SpeechWords.wordNamers.contains(before) {
                return true
            }
            // "the threshold, known as the “…”".
            if before == "as" || before == "the", let known = (max(0, openToken - 3)..<(openToken - 1)).last(where: { isLatinWord($0) }),
               words[known] == "known" || words[known] == "as" && known > 0 && words[known - 1] == "known" {
                return true
            }
            // "a report called “…”", but not "Trump called it “…”".
            if before == "called" || before == "named", openToken > 1, SpeechWords.titledWorks.contains(words[openToken - 2]) {
                return true
            }
            // "his book “The Art of the Deal”", "the film “Oppenheimer”": a work's name follows its noun.
            if SpeechWords.titledWorks.contains(before), looksLikeTerm(quote, maximumWords: 8) { return true }
        }
        let scalars = normalized.scalars
        if quote.isJapanese {
            let after = quote.close + 1
            if SpeechWords.japaneseTermNamersAfter.contains(where: { matches($0, at: after, before: scalars.count) }) {
                return true
            }
            // 「運用上の必要」という例外規定: a short phrase that modifies a noun names it.
            if SpeechWords.japaneseNounModifiers.contains(where: { matches($0, at: after, before: scalars.count) }),
               looksLikeTerm(quote, maximumWords: 0) {
                return true
            }
            if SpeechWords.japaneseTitledWorks.contains(where: { endsWith($0, before: quote.open, from: 0) }) {
                return true
            }
        }
        return false
    }

    /// Whether a 「」 quotation is used as a noun, followed by a case particle or a noun
    /// (「SB OpenAI Japan」を設立, 「Stargate」計画, 「LTV」は): Japanese news sets off names and
    /// terms that way, while reported speech goes on with と, って or との. Cost: O(1).
    func standsAsNoun(_ quote: MarkedQuotation) -> Bool {
        let after = quote.close + 1
        guard quote.isJapanese, after < normalized.scalars.count else { return false }
        let next = normalized.scalars[after]
        switch Script(next) {
        case .kanji, .katakana: return true
        case .hiragana: return "がをはにでのもや".unicodeScalars.contains(next)
        default: return false
        }
    }
}
