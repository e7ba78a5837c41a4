import JPENText

// Speaker rules for English: the cue verb next to the quotation, and the noun phrase it takes as
// its subject (before it: "Trump said"; after it: "said Trump").

extension QuoteContext {
    /// The speaker and cue of an English quotation whose marks are tokens `openToken` and
    /// `afterToken - 1`; `floor` and `ceiling` are the neighbouring quotations' marks.
    func englishAttribution(openToken: Int, afterToken: Int, floor: Int, ceiling: Int,
                            startsLowercase: Bool) -> Attribution? {
        // The sentence around the quotation, and the part of it no other quotation takes.
        let sentenceStart = sentenceStart(of: openToken)
        let windowStart = max(sentenceStart, floor)
        var sentenceEnd = afterToken
        while sentenceEnd < min(ceiling, afterToken + 40), paragraphOf[sentenceEnd] == paragraphOf[afterToken - 1],
              !endsSentence(sentenceEnd) {
            sentenceEnd += 1
        }
        if let found = cueAfter(afterToken: afterToken, end: sentenceEnd) { return found }
        if let found = cueBefore(sentenceStart: sentenceStart, start: windowStart, openToken: openToken,
                                 startsLowercase: startsLowercase) {
            return found
        }
        // A quotation opening its sentence after one that reports speech without quoting it:
        // "Sen. Ted Cruz tweeted a warning. “Missouri: …”".
        guard windowStart == openToken || (windowStart..<openToken).allSatisfy({ tokens[$0].kind == .punctuation }),
              sentenceStart > floor, sentenceStart > 0 else { return nil }
        let previousStart = self.sentenceStart(of: sentenceStart - 1)
        guard previousStart >= floor, let cue = nearestCue(from: sentenceStart - 1, down: previousStart) else { return nil }
        return attribution(ofCue: cue, sentenceStart: previousStart, start: previousStart, openToken: sentenceStart - 1)
    }

    /// The start of the sentence holding token `openToken`, within its paragraph.
    func sentenceStart(of openToken: Int) -> Int {
        guard openToken < tokens.count else { return openToken }
        // “…” opening a paragraph after "… released the following statement:" belongs to it.
        if openToken > 0, mark(openToken - 1) == ":", paragraphOf[openToken - 1] != paragraphOf[openToken] {
            return sentenceStart(of: openToken - 1)
        }
        var start = openToken
        while start > max(0, openToken - 80), paragraphOf[start - 1] == paragraphOf[openToken], !endsSentence(start - 1) {
            start -= 1
        }
        return start
    }

    /// With no cue, a quotation is still the words of its sentence's subject ("Sanders credited
    /// Clinton's victory to “a closed primary”"), when the sentence names one before it.
    func subjectAttribution(openToken: Int) -> Attribution? {
        sentenceSubject(from: sentenceStart(of: openToken), to: openToken).map { Attribution(speaker: $0, cue: nil) }
    }

    /// “…,” Trump said / “…,” said Trump / “…,” according to Trump.
    private func cueAfter(afterToken: Int, end: Int) -> Attribution? {
        var first = afterToken
        // A quotation that ends its own sentence (“….”) is reported by what follows only when
        // that is nothing but a speaker and verb: “… are missing.” Trump said.
        if first - 2 >= 0, mark(first - 2) == "." {
            guard end - first >= 2, end - first <= 6 else { return nil }
            if isSpeechVerb(end - 1), let speaker = phraseBefore(end - 1, floor: first),
               speaker.start == tokens[first].span.start {
                return Attribution(speaker: speaker, cue: tokens[end - 1].span)
            }
            return nil
        }
        while first < end, tokens[first].kind == .punctuation, mark(first) != ":" {
            // “…” — Abraham Lincoln: a dash before a name signs the quotation.
            if SpeechWords.dashes.contains(words[first]), first + 1 < end, isLatinWord(first + 1), isCapitalized(first + 1),
               let speaker = phraseAfter(first + 1, end: end) {
                return Attribution(speaker: speaker, cue: nil)
            }
            first += 1
        }
        guard first < end else { return nil }
        if isSpeechVerb(first) {
            if let speaker = phraseAfter(first + 1, end: end) {
                return Attribution(speaker: speaker, cue: tokens[first].span)
            }
            return nil
        }
        if words[first] == "according", first + 1 < end, words[first + 1] == "to" {
            return phraseAfter(first + 2, end: end).map {
                Attribution(speaker: $0, cue: span(ofTokens: first..<(first + 2)))
            }
        }
        // “…,” as Cruz said on Monday.
        let subjectStart = words[first] == "as" && first + 1 < end ? first + 1 : first
        for cue in subjectStart..<min(end, subjectStart + 20) {
            if mark(cue) == ";" || isQuoteMark(cue) { break }
            if !isCapitalized(cue), SpeechWords.clauseOpeners.contains(words[cue]), words[cue] != "and",
               !(cue > first && mark(cue - 1) == "," && SpeechWords.relativePronouns.contains(words[cue])) { break }
            guard isSpeechVerb(cue) else { continue }
            // "…” that Sanders can catch Clinton, said Steve Elmendorf."
            if cue > first, mark(cue - 1) == ",", let speaker = phraseAfter(cue + 1, end: end) {
                return Attribution(speaker: speaker, cue: tokens[cue].span)
            }
            guard let speaker = phraseBefore(cue, floor: subjectStart) else { break }
            // "“…,” Hewitt said, according to a transcript": the source that reports the saying.
            if cue + 3 < end, mark(cue + 1) == ",", words[cue + 2] == "according", words[cue + 3] == "to",
               let source = phraseAfter(cue + 4, end: end) {
                return Attribution(speaker: source, cue: span(ofTokens: (cue + 2)..<(cue + 4)))
            }
            return Attribution(speaker: speaker, cue: tokens[cue].span)
        }
        // “This is fantastic!” beamed Donald Hartley — an unlisted past-tense verb before a name.
        if isLatinWord(first), !isCapitalized(first), words[first].hasSuffix("ed"), first + 1 < end,
           isCapitalized(first + 1), let speaker = phraseAfter(first + 1, end: end) {
            return Attribution(speaker: speaker, cue: tokens[first].span)
        }
        // “…,” Hannity pressed. / “…,” the nominee riffed on … — an unlisted past-tense verb
        // right after a noun phrase that fills the gap from the quotation.
        for cue in (first + 1)..<min(end, first + 8) where isLatinWord(cue) && !isCapitalized(cue)
            && words[cue].hasSuffix("ed") {
            guard let speaker = phraseBefore(cue, floor: first), speaker.start == tokens[first].span.start else { break }
            return Attribution(speaker: speaker, cue: tokens[cue].span)
        }
        return sentenceFinalCue(from: first, end: end)
    }

    /// “…” …, the rights group says. — a cue closing the sentence reports all of it.
    private func sentenceFinalCue(from first: Int, end: Int) -> Attribution? {
        var last = end - 1
        while last > first, tokens[last].kind == .punctuation { last -= 1 }
        guard last > first else { return nil }
        if isSpeechVerb(last) {
            guard let speaker = phraseBefore(last, floor: first) else { return nil }
            let before = firstToken(atOrAfter: speaker.start) - 1
            return before >= first && mark(before) == "," ? Attribution(speaker: speaker, cue: tokens[last].span) : nil
        }
        var cue = last
        while cue > first, isLatinWord(cue), !isSpeechVerb(cue) { cue -= 1 }
        guard cue > first, SpeechWords.invertibleSpeechVerbs.contains(words[cue]), mark(cue - 1) == ",",
              let speaker = phraseAfter(cue + 1, end: last + 1) else { return nil }
        return Attribution(speaker: speaker, cue: tokens[cue].span)
    }

    /// Trump said, “…” / Trump: “…” / Trump told Newsmax that Romney “…” / he “expressed …” /
    /// Suga …, stating, “…” / According to Trump, “…” / and else the sentence's subject.
    private func cueBefore(sentenceStart: Int, start: Int, openToken: Int, startsLowercase: Bool) -> Attribution? {
        guard openToken > start else { return nil }
        var last = openToken - 1
        var colon: Int? = nil
        while last >= start, tokens[last].kind == .punctuation, !isAbbreviationPeriod(last) {
            if mark(last) == ":" { colon = last }
            last -= 1
        }
        guard last >= start else { return nil }
        let cue = nearestCue(from: last, down: start)
        // "Hayashi replied … that both sides had confirmed the contents “…”": a cue inside the
        // clause another speech verb reports gives way to that verb, whose speaker is quoted.
        if let inner = cue, inner.width == 1, isSpeechVerb(inner.index),
           let that = (start..<inner.index).last(where: { words[$0] == "that" }), that > start,
           let outer = nearestCue(from: that - 1, down: start), outer.width == 1, isSpeechVerb(outer.index),
           let found = attribution(ofCue: outer, sentenceStart: sentenceStart, start: start, openToken: openToken) {
            return found
        }
        // "Carly Fiorina wrote on Facebook: “…”": the verb's subject, not the name before the colon.
        if colon != nil, let cue, let found = attribution(ofCue: cue, sentenceStart: sentenceStart, start: start, openToken: openToken) {
            return found
        }
        if let colon, !isSpeechVerb(last), isLatinWord(last),
           isCapitalized(last) || SpeechWords.personalPronouns.contains(words[last]),
           let speaker = phraseBefore(last + 1, floor: start) {
            return Attribution(speaker: speaker, cue: tokens[colon].span)
        }
        // A cue whose clause holds the quotation: "Trump told Newsmax that Romney “…”".
        if let cue, cue.index == last || (cue.index + 1..<openToken).contains(where: { words[$0] == "that" }) || openToken - cue.index <= 4,
           let found = attribution(ofCue: cue, sentenceStart: sentenceStart, start: start, openToken: openToken) {
            return found
        }
        // The subject right before a quotation that goes on as its predicate: he “expressed …”.
        if startsLowercase, last == openToken - 1, isLatinWord(last),
           SpeechWords.personalPronouns.contains(words[last]) || SpeechWords.pluralPronouns.contains(words[last]) {
            return Attribution(speaker: tokens[last].span, cue: nil)
        }
        if let cue, let found = attribution(ofCue: cue, sentenceStart: sentenceStart, start: start, openToken: openToken) {
            return found
        }
        return nil
    }

    /// The cue nearest before the quotation: a speech verb, a participle or "according to".
    func nearestCue(from last: Int, down start: Int) -> (index: Int, width: Int)? {
        var index = last
        while index >= start {
            let word = words[index]
            if word == "according", index + 1 <= last, words[index + 1] == "to" { return (index, 2) }
            if isSpeechVerb(index) || (SpeechWords.speechParticiples.contains(word) && !isCapitalized(index)) { return (index, 1) }
            index -= 1
        }
        return nil
    }

    func attribution(ofCue cue: (index: Int, width: Int), sentenceStart: Int, start: Int,
                             openToken: Int) -> Attribution? {
        let cueSpan = span(ofTokens: cue.index..<(cue.index + cue.width))
        if cue.width == 2 {
            return phraseAfter(cue.index + 2, end: openToken).map { Attribution(speaker: $0, cue: cueSpan) }
        }
        if SpeechWords.speechParticiples.contains(words[cue.index]) {
            // "Trump said, adding, “…”": the subject of the verb the participle goes on from.
            if let verb = (start..<cue.index).last(where: { isSpeechVerb($0) }),
               let speaker = phraseBefore(verb, floor: start) {
                return Attribution(speaker: speaker, cue: cueSpan)
            }
            // "with Republican Senator John McCain telling reporters …"
            if cue.index > start, isCapitalized(cue.index - 1), !SpeechWords.timeWords.contains(words[cue.index - 1]),
               let speaker = phraseBefore(cue.index, floor: start) {
                return Attribution(speaker: speaker, cue: cueSpan)
            }
            return sentenceSubject(from: sentenceStart, to: cue.index).map { Attribution(speaker: $0, cue: cueSpan) }
        }
        if let speaker = phraseBefore(cue.index, floor: start) ?? phraseBefore(cue.index, floor: sentenceStart) {
            return Attribution(speaker: speaker, cue: cueSpan)
        }
        // "said Trump, “…”", but not "said Japan was “…”": the inverted subject ends at the quotation.
        guard SpeechWords.invertibleSpeechVerbs.contains(words[cue.index]),
              let speaker = phraseAfter(cue.index + 1, end: openToken),
              (firstToken(atOrAfter: speaker.end)..<openToken).allSatisfy({ tokens[$0].kind == .punctuation }) else { return nil }
        return Attribution(speaker: speaker, cue: cueSpan)
    }

    /// The noun phrase that ends just before token `end` (its verb), not before `floor`: skips
    /// adverbs and auxiliaries ("also", "has"), time words ("on Tuesday") and an appositive
    /// between commas ("Trump, the nominee, said" gives "Trump").
    func phraseBefore(_ end: Int, floor: Int, followsPrepositions: Bool = true) -> Span? {
        var index = end - 1
        var skipped = 0
        while index >= floor, skipped < 5,
              SpeechWords.verbModifiers.contains(words[index]) || SpeechWords.timeWords.contains(words[index])
              || (words[index] == "on" && index + 1 < end && SpeechWords.timeWords.contains(words[index + 1])) {
            // "A “reciprocal” duty … was announced": the subject of a passive speech verb is what
            // was said, not who said it.
            if SpeechWords.passiveAuxiliaries.contains(words[index]), end < tokens.count, isSpeechVerb(end),
               words[end].hasSuffix("ed") || words[end] == "told" || words[end] == "said" {
                return nil
            }
            index -= 1
            skipped += 1
        }
        func skipParenthesis() {
            guard index >= floor, mark(index) == ")" else { return }
            var open = index - 1
            while open >= max(floor, index - 8), mark(open) != "(" { open -= 1 }
            if open > floor { index = open - 1 }
        }
        skipParenthesis()
        if index >= floor, mark(index) == "," {
            var comma = index - 1
            while comma >= max(floor, index - 14), mark(comma) != "," { comma -= 1 }
            index = comma >= floor && comma - 1 >= floor ? comma - 1 : index - 1
            // "Ryosei Akazawa (赤沢亮正), who …, posted": the gloss before the appositive too.
            skipParenthesis()
        }
        guard index >= floor else { return nil }
        var start = index + 1
        var lowercase = 0
        var named = false
        while start - 1 >= floor, index - start < 7 {
            let candidate = start - 1
            let word = words[candidate]
            if isLatinWord(candidate) || tokens[candidate].kind == .number {
                if SpeechWords.personalPronouns.contains(word) || SpeechWords.otherPronouns.contains(word) {
                    if candidate == index { start = candidate }
                    break
                }
                if SpeechWords.determiners.contains(word) { start = candidate; break }
                if !isCapitalized(candidate), SpeechWords.phraseBreakers.contains(word) || SpeechWords.speechVerbs.contains(word)
                    || SpeechWords.speechParticiples.contains(word) { break }
                if isCapitalized(candidate) {
                    if SpeechWords.capitalizedNonNames.contains(word) && !SpeechWords.titles.contains(word) { break }
                    named = true
                } else {
                    lowercase += 1
                    if lowercase > 3 || (named && lowercase > 1) { break }
                }
                start = candidate
            } else if isAbbreviationPeriod(candidate) || ((word == "-" || word == "&") && start <= index) {
                start = candidate
            } else {
                break
            }
        }
        while start <= index, mark(start) == "." || mark(start) == "-" || mark(start) == "&" { start += 1 }
        guard start <= index, !(start == index && SpeechWords.determiners.contains(words[start])) else { return nil }
        // The object of a preposition is not the verb's subject: "A spokesperson for U.S. Forces
        // Japan at Yokota Air Base in western Tokyo said" gives "A spokesperson", "Officials in
        // Tokyo said" gives "Officials"; a name with "of" is one name ("the Bank of Japan").
        var phrase = span(ofTokens: start..<(index + 1))
        var phraseStart = start
        for _ in 0..<(followsPrepositions ? 4 : 0) {
            var preposition = phraseStart - 1
            // "at 4:30 p.m. EST": a time's digits belong to the prepositional phrase.
            while preposition > floor, tokens[preposition].kind == .number || mark(preposition) == ":" { preposition -= 1 }
            guard preposition > floor, SpeechWords.attachedPrepositions.contains(words[preposition]),
                  let head = phraseBefore(preposition, floor: floor, followsPrepositions: false) else { break }
            if words[preposition] == "of", isCapitalized(preposition - 1), isCapitalized(phraseStart) {
                phrase = Span(start: head.start, end: phrase.end)
            } else {
                phrase = head
            }
            phraseStart = firstToken(atOrAfter: head.start)
        }
        return phrase
    }

    /// The noun phrase that starts at token `start` ("said Sen. Bernie Sanders, …"), up to
    /// punctuation, a preposition or a verb.
    func phraseAfter(_ start: Int, end: Int) -> Span? {
        guard start < end, isLatinWord(start) else { return nil }
        let first = words[start]
        if SpeechWords.personalPronouns.contains(first) || SpeechWords.otherPronouns.contains(first) {
            return tokens[start].span
        }
        if SpeechWords.objectPronouns.contains(first) { return nil }
        if SpeechWords.timeWords.contains(first) { return nil }
        var stop = start
        var lowercase = 0
        while stop < end, stop - start < 8 {
            let word = words[stop]
            if isLatinWord(stop) || tokens[stop].kind == .number {
                if stop > start, SpeechWords.determiners.contains(word) { break }
                let nameLike = isCapitalized(stop) && (stop > start || !SpeechWords.capitalizedNonNames.contains(word))
                if !nameLike, SpeechWords.phraseBreakers.contains(word) || SpeechWords.timeWords.contains(word)
                    || SpeechWords.speechVerbs.contains(word) || SpeechWords.speechParticiples.contains(word) { break }
                if !isCapitalized(stop) && !SpeechWords.determiners.contains(word) {
                    lowercase += 1
                    if lowercase > 3 { break }
                }
            } else if !(isAbbreviationPeriod(stop) || word == "-" || word == "&") {
                break
            }
            stop += 1
        }
        while stop > start, tokens[stop - 1].kind == .punctuation, !isAbbreviationPeriod(stop - 1) { stop -= 1 }
        guard stop > start, !(stop == start + 1 && SpeechWords.determiners.contains(first)) else { return nil }
        return span(ofTokens: start..<stop)
    }

    /// The subject of the clause a participle hangs on: the first name (or he/she) of the
    /// sentence, with its titles ("Then Chief Cabinet Secretary Suga, …, stating" gives
    /// "Chief Cabinet Secretary Suga").
    func sentenceSubject(from start: Int, to end: Int) -> Span? {
        var index = start
        // An introductory phrase ("If he wins, …", "Kicking off the day in Salem, …", "On Sunday, …")
        // is not the subject: start after its comma.
        if index < end, isLatinWord(index) {
            let first = words[index]
            if SpeechWords.subordinators.contains(first) || SpeechWords.timeWords.contains(first)
                || first.hasSuffix("ing") || first.hasSuffix("ly")
                // "Pressed by a reporter on …, he laughed": a passive participle's clause.
                || first.hasSuffix("ed") && index + 1 < end && words[index + 1] == "by" {
                var comma = index + 1
                while comma < end, mark(comma) != "," { comma += 1 }
                if comma < end { index = comma + 1 }
            }
        }
        if let named = nameBeforeVerb(from: index, to: end) { return named }
        while index < end {
            let word = words[index]
            if SpeechWords.personalPronouns.contains(word) || word == "they" || word == "we" { return tokens[index].span }
            if isLatinWord(index), isCapitalized(index),
               !SpeechWords.capitalizedNonNames.contains(word) || SpeechWords.titles.contains(word) {
                var stop = index + 1
                while stop < end, (isLatinWord(stop) && isCapitalized(stop)) || isAbbreviationPeriod(stop) {
                    stop += 1
                }
                // "respondents in the Kansai region thought": a place is no subject.
                let placed = index > start && (SpeechWords.placePrepositions.contains(words[index - 1])
                    || words[index - 1] == "the" && index - 1 > start && SpeechWords.placePrepositions.contains(words[index - 2]))
                if !placed { return span(ofTokens: index..<stop) }
                index = stop
                continue
            }
            index += 1
        }
        return commonNounSubject(from: start, to: end)
    }

    /// A sentence opening with a determiner names its subject with a common noun: "The ad targets
    /// …", "the former secretary of state talked …" give "The ad", "the former secretary".
    private func commonNounSubject(from start: Int, to end: Int) -> Span? {
        guard start < end, SpeechWords.determiners.contains(words[start]) else { return nil }
        var stop = start + 1
        while stop < min(end, start + 4), isLatinWord(stop), !SpeechWords.phraseBreakers.contains(words[stop]),
              !isSpeechVerb(stop) {
            let word = words[stop]
            if stop > start + 1, word.hasSuffix("s") || word.hasSuffix("ed") { break }
            stop += 1
        }
        return stop > start + 1 ? span(ofTokens: start..<stop) : nil
    }

    /// The first name run that opens a clause (after the sentence start or a comma) and is
    /// followed by a lowercase verb: "In a … interview with journalist Matei Rosca last year,
    /// Lazar said …" gives "Lazar".
    private func nameBeforeVerb(from start: Int, to end: Int) -> Span? {
        var index = start
        while index < end {
            guard index == start || mark(index - 1) == "," || SpeechWords.dashes.contains(words[index - 1]),
                  isLatinWord(index), isCapitalized(index),
                  !SpeechWords.capitalizedNonNames.contains(words[index]) || SpeechWords.titles.contains(words[index]) else {
                index += 1
                continue
            }
            var stop = index + 1
            while stop < end, (isLatinWord(stop) && isCapitalized(stop)) || isAbbreviationPeriod(stop) { stop += 1 }
            if stop < end, isLatinWord(stop), !isCapitalized(stop), !SpeechWords.phraseBreakers.contains(words[stop]),
               !SpeechWords.timeWords.contains(words[stop]), !SpeechWords.determiners.contains(words[stop]) {
                return span(ofTokens: index..<stop)
            }
            index = stop
        }
        return nil
    }

    /// A lowercase speech verb ("States" and "Read" are names).
    func isSpeechVerb(_ index: Int) -> Bool {
        !isCapitalized(index) && SpeechWords.speechVerbs.contains(words[index])
    }
}
