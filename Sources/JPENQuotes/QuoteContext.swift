import JPENNormalize
import JPENSegment
import JPENText

/// What the speaker rules found for one quotation: the speaker's span (before pronoun
/// resolution) and the cue's.
struct Attribution {
    var speaker: Span?
    var cue: Span?
}

/// One document prepared for the speaker rules: its tokens with their normalized, lowercased
/// words (made when first asked for) and what the rules ask of every token (capital, mark,
/// paragraph).
struct QuoteContext {
    let document: Document
    let normalized: NormalizedText
    let tokens: [Token]
    /// Each token's first NFKC code point (all the rules ask of its text besides ``words``).
    let firstScalars: [Unicode.Scalar?]
    /// Each token's NFKC text, lowercased.
    let words: TokenWords
    /// Whether each token starts with an upper-case letter.
    let capitals: [Bool]
    /// Each token's word when it is one code point (a mark such as "." or "「"), else nil.
    let marks: [Unicode.Scalar?]
    let mentions: [EntityMention]
    /// For each token, the paragraph number it lies in (blank lines separate paragraphs).
    let paragraphOf: [Int]
    /// Name runs (capitalized words) judged to name people, in order; pronouns resolve to them.
    /// Found the first time a pronoun asks: most documents attribute no quotation to a pronoun,
    /// and without person mentions the search walks every token (a twentieth of the stage).
    var people: [Span] {
        if let found = peopleFound.spans { return found }
        let found = QuoteContext.findPeople(tokens: tokens, firstScalars: firstScalars, words: words, marks: marks,
                                            capitals: capitals, mentions: mentions)
        peopleFound.spans = found
        return found
    }
    private let peopleFound = PeopleFound()

    /// ``people`` once found: a class, so that a context, passed around by value, finds them once.
    private final class PeopleFound {
        var spans: [Span]?
    }

    init(document: Document, normalized: NormalizedText, tokens: [Token], mentions: [EntityMention]) {
        self.document = document
        self.normalized = normalized
        self.tokens = tokens
        self.mentions = mentions
        // Tokens come in text order: one walk through the normalized offsets maps them all, and
        // none is needed when normalization kept every code point's offset (as it does for most
        // texts): the walk was a third of the context's making.
        var offsets = NormalizedText.Offsets(normalized)
        let keepsOffsets = Self.keepsOffsets(normalized)
        var firstScalars: [Unicode.Scalar?] = []
        firstScalars.reserveCapacity(tokens.count)
        var runs: [Range<Int>] = []
        runs.reserveCapacity(tokens.count)
        var capitals: [Bool] = []
        capitals.reserveCapacity(tokens.count)
        var marks: [Unicode.Scalar?] = []
        marks.reserveCapacity(tokens.count)
        var paragraphs: [Int] = []
        paragraphs.reserveCapacity(tokens.count)
        var paragraph = 0
        var previousEnd = 0
        // Buffers rather than arrays: slicing an array retains and releases it at every token.
        document.scalars.withUnsafeBufferPointer { original in
            normalized.scalars.withUnsafeBufferPointer { scalars in
                for token in tokens {
                    var newlines = 0
                    for offset in previousEnd..<max(previousEnd, token.span.start) where QuotationMarks.isLineBreak(original[offset]) {
                        newlines += 1
                    }
                    if newlines >= 2 { paragraph += 1 }
                    paragraphs.append(paragraph)
                    previousEnd = max(previousEnd, token.span.end)
                    let start = keepsOffsets ? token.span.start : offsets.nextOffset(of: token.span.start)
                    let end = keepsOffsets ? token.span.end : offsets.nextOffset(of: token.span.end)
                    let run = UnsafeBufferPointer(rebasing: scalars[start..<end])
                    runs.append(start..<end)
                    firstScalars.append(run.first)
                    capitals.append(Self.startsUppercase(run))
                    // Lowercasing never joins code points: only a one-code-point token is a mark.
                    marks.append(run.count != 1 ? nil
                                 : Self.mayChangeWhenLowercased(run) ? Self.onlyScalar(of: Self.lowercasedWord(run)) : run[0])
                }
            }
        }
        self.firstScalars = firstScalars
        let words = TokenWords(scalars: normalized.scalars, runs: runs)
        self.words = words
        self.capitals = capitals
        self.marks = marks
        self.paragraphOf = paragraphs
    }

    /// Whether every code point of `normalized` came from the code point at its own offset (a
    /// full-width letter made half-width keeps it), so that original offsets are normalized ones.
    /// The starts end with the original text's length, so a code point deleted at the end makes
    /// the last comparison fail: the shortcut never reads past the original text. Cost: O(n), a
    /// comparison per code point.
    static func keepsOffsets(_ normalized: NormalizedText) -> Bool {
        normalized.originalStarts.withUnsafeBufferPointer { starts in
            var offset = 0
            while offset < starts.count, starts[offset] == offset { offset += 1 }
            return offset == starts.count
        }
    }

    // MARK: Token tests

    func isCapitalized(_ index: Int) -> Bool { capitals[index] }

    /// Whether `word` has an ASCII capital or a code point outside ASCII and the CJK and kana
    /// blocks (U+3000–U+9FFF), which have no case. Cost: O(length), no tables.
    static func mayChangeWhenLowercased(_ word: some Sequence<Unicode.Scalar>) -> Bool {
        word.contains { scalar in
            let value = scalar.value
            return value >= 0x41 && value <= 0x5A || value >= 0x80 && !(0x3000...0x9FFF).contains(value)
        }
    }

    /// The lowercased string of a token's code points. Most tokens are lowercase already,
    /// punctuation, kana or kanji and are written once; an ASCII word is lowercased byte by byte
    /// as it is written; only the rest go through `lowercased()`. Cost: O(length).
    static func lowercasedWord(_ run: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        guard run.allSatisfy(\.isASCII) else {
            let text = String(scalars: run)
            return mayChangeWhenLowercased(run) ? text.lowercased() : text
        }
        return String(lowercasingASCII: run)
    }

    /// Whether `word` starts with an upper-case letter. ``Unicode/Scalar/isUppercase`` answers
    /// ASCII and the caseless CJK and kana blocks without Unicode's property tables, which cost a
    /// quarter of this context's making when asked of every Japanese token.
    static func startsUppercase(_ word: some Collection<Unicode.Scalar>) -> Bool {
        word.first?.isUppercase ?? false
    }

    func isWord(_ index: Int) -> Bool { tokens[index].kind == .word || tokens[index].kind == .number }

    func isLatinWord(_ index: Int) -> Bool {
        guard tokens[index].kind == .word, let first = firstScalars[index] else { return false }
        return Script(first) == .latin
    }

    /// The code point of token `index` when its word is one code point (a mark such as "." or
    /// "「"). Comparing code points spares String comparison, which takes Unicode's slow path
    /// for every kana or kanji token asked whether it ends a sentence. Cost: O(1).
    func mark(_ index: Int) -> Unicode.Scalar? { marks[index] }

    /// The code point `word` consists of, if it is one.
    static func onlyScalar(of word: String) -> Unicode.Scalar? {
        guard let first = word.unicodeScalars.first, UTF8.width(first) == word.utf8.count else { return nil }
        return first
    }

    /// A period that belongs to an abbreviation ("Sen.", "U.S.") rather than ending a sentence.
    func isAbbreviationPeriod(_ index: Int) -> Bool {
        guard mark(index) == ".", index > 0, tokens[index - 1].span.end == tokens[index].span.start else { return false }
        let before = words[index - 1]
        return SpeechWords.abbreviations.contains(before) || before.unicodeScalars.contains(".")
            || (before.count == 1 && isCapitalized(index - 1))
    }

    /// Whether a sentence ends after token `index`: . ! ? (not an abbreviation's period).
    func endsSentence(_ index: Int) -> Bool {
        guard let mark = mark(index) else { return false }
        switch mark {
        case ".": return !isAbbreviationPeriod(index)
        case "!", "?", "。", "！", "？": return true
        default: return false
        }
    }

    func isQuoteMark(_ index: Int) -> Bool {
        guard let mark = mark(index) else { return false }
        switch mark {
        case "“", "”", "\"", "「", "」", "『", "』", "‘", "’", "'": return true
        default: return false
        }
    }

    /// The first token starting at or after original offset `offset`. Cost: O(log n).
    func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func span(ofTokens range: Range<Int>) -> Span {
        Span(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end)
    }

    // MARK: Attribution of every quotation

    func attribute(_ marked: [MarkedQuotation]) -> [Quotation] {
        var result: [Quotation] = []
        result.reserveCapacity(marked.count)
        // The marks' offsets in the original text.
        let opens = marked.map { normalized.originalStarts[$0.open] }
        let closes = marked.map { normalized.originalStarts[$0.close] }
        var previousSpeaker: (span: Span, paragraph: Int)? = nil
        for (k, quote) in marked.enumerated() {
            let content = normalized.originalSpan(of: quote.content)
            let openToken = firstToken(atOrAfter: opens[k])
            let afterToken = firstToken(atOrAfter: closes[k] + 1)
            // The neighbouring quotations bound the windows the cues are looked for in.
            let floorToken = k > 0 ? firstToken(atOrAfter: closes[k - 1] + 1) : 0
            let ceilingToken = k + 1 < marked.count ? firstToken(atOrAfter: opens[k + 1]) : tokens.count
            var found: Attribution?
            let followedByJapanese = normalized.scalars.indices.contains(quote.close + 1)
                && "とっ".unicodeScalars.contains(normalized.scalars[quote.close + 1])
            // A 「」 quotation in an English sentence ("「…」, she said") takes the English rules.
            var english = !(quote.isJapanese || followedByJapanese)
            if !english {
                found = japaneseAttribution(of: quote)
                english = found?.speaker == nil && quote.isJapanese && !followedByJapanese && standsInEnglish(quote)
            }
            if english {
                found = englishAttribution(openToken: openToken, afterToken: afterToken,
                                           floor: floorToken, ceiling: ceilingToken,
                                           startsLowercase: startsLowercase(content)) ?? found
            }
            let paragraph = openToken < tokens.count ? paragraphOf[openToken] : paragraphOf.last ?? 0
            let namedAsTerm = isNamedAsTerm(quote, openToken: openToken)
                || !english && found?.speaker == nil && standsAsNoun(quote)
            var speakerSpan = namedAsTerm ? nil : found?.speaker.map { resolve($0) }
            var guessed = false
            // そのうえで「…」と強調した: a Japanese report with a verb and no subject goes on from the
            // speaker of the paragraph's last quotation.
            if speakerSpan == nil, !english, !namedAsTerm, found?.cue != nil, let previous = previousSpeaker,
               previous.paragraph == paragraph {
                speakerSpan = previous.span
            }
            if speakerSpan == nil, english, !namedAsTerm {
                if let previous = previousSpeaker, paragraph - previous.paragraph <= 1,
                   sameSentence(from: floorToken, to: openToken, paragraph: previous.paragraph)
                    || opensItsSentence(openToken: openToken, floor: floorToken) {
                    // A quotation that goes on from the last one (“…,” he said. “…”) keeps its speaker.
                    speakerSpan = previous.span
                } else if let subject = subjectAttribution(openToken: openToken)?.speaker {
                    speakerSpan = resolve(subject)
                    guessed = true
                }
            }
            // Short words set off with no cue are a term ("accusations of Japan “cheating”"), even
            // in a sentence whose subject could have said them.
            let uncued = speakerSpan == nil || guessed
            let kind: Quotation.Kind = namedAsTerm || speakerSpan == nil && looksLikeTerm(quote, maximumWords: 4)
                || guessed && looksLikeTerm(quote, maximumWords: 1)
                || uncued && looksLikeTitle(quote) ? .term : .speech
            if kind == .term { speakerSpan = nil }
            let speaker = speakerSpan.map { span in
                QuoteSpeaker(span: span, text: document[span], id: speakerID(of: span))
            }
            if let speakerSpan { previousSpeaker = (speakerSpan, paragraph) }
            result.append(Quotation(
                span: content, text: document[content], kind: kind, speaker: speaker,
                cue: found?.cue.map { QuoteCue(span: $0, text: document[$0]) }
            ))
        }
        return result
    }

    private func startsLowercase(_ content: Span) -> Bool {
        guard let first = document.scalars[content.range].first(where: { Script($0) != .punctuation }) else { return false }
        return first.isLowercase
    }

    /// Whether tokens `from..<to` (between the previous quotation and this one) stay in one
    /// sentence of one paragraph.
    private func sameSentence(from: Int, to: Int, paragraph: Int) -> Bool {
        guard from <= to, to < tokens.count, paragraphOf[to] == paragraph else { return false }
        return !(from..<to).contains { endsSentence($0) }
    }

    /// Whether only marks and punctuation stand between the quotation and the start of its
    /// sentence (or the previous quotation), so that it may carry on the previous quotation.
    private func opensItsSentence(openToken: Int, floor: Int) -> Bool {
        var index = openToken - 1
        while index >= floor, index >= 0 {
            if endsSentence(index) || (index + 1 < tokens.count && paragraphOf[index] != paragraphOf[index + 1]) { break }
            if !isQuoteMark(index) && !(tokens[index].kind == .punctuation) { return false }
            index -= 1
        }
        return true
    }

    /// Up to `maximumWords` quoted words with no sentence punctuation of their own, or a 『title』.
    func looksLikeTerm(_ quote: MarkedQuotation, maximumWords: Int) -> Bool {
        if quote.isTitleMark { return true }
        let scalars = normalized.scalars[quote.content.range]
        if let last = scalars.last, ".!?。！？,".unicodeScalars.contains(last) { return false }
        if quote.isJapanese { return scalars.count <= 12 }
        var words = 0
        var inWord = false
        for scalar in scalars {
            let space = Script(scalar) == .space
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words <= maximumWords
    }

    /// A title in English title case: “The Apprentice”, “Gang of Eight”, “Meet the Press”.
    private func looksLikeTitle(_ quote: MarkedQuotation) -> Bool {
        guard !quote.isJapanese else { return false }
        let scalars = normalized.scalars[quote.content.range]
        if let last = scalars.last, ".!?,".unicodeScalars.contains(last) { return false }
        let words = String(scalars: scalars).split(separator: " ")
        guard words.count <= 6 else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first else { return true }
            return first.isUppercase || Script(first) == .digit || SpeechWords.titleFunctionWords.contains(String(word))
        }
    }

    // MARK: Speakers' ids and pronouns

    func isPronoun(_ span: Span) -> Bool {
        let token = firstToken(atOrAfter: span.start)
        return token < tokens.count && tokens[token].span == span
            && (SpeechWords.personalPronouns.contains(words[token]) || SpeechWords.otherPronouns.contains(words[token]))
    }

    /// A he/she speaker becomes the nearest person named before it; other spans stay.
    func resolve(_ span: Span) -> Span {
        let token = firstToken(atOrAfter: span.start)
        guard token < tokens.count, tokens[token].span == span, SpeechWords.personalPronouns.contains(words[token]) else {
            return span
        }
        // The subject of the pronoun's own sentence, when a person named before it: "Rubio said …
        // of Trump, whom he called …" gives Rubio.
        if let subject = sentenceSubject(from: sentenceStart(of: token), to: token), !isPronoun(subject),
           let person = person(overlapping: subject) {
            return person
        }
        // Else the last person named before the pronoun.
        let people = people
        var low = 0, high = people.count
        while low < high {
            let mid = (low + high) / 2
            if people[mid].end <= span.start { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? people[low - 1] : span
    }

    /// The person span overlapping `span`, found among those starting before its end. Cost: O(log p).
    private func person(overlapping span: Span) -> Span? {
        let people = people
        var low = 0, high = people.count
        while low < high {
            let mid = (low + high) / 2
            if people[mid].start < span.end { low = mid + 1 } else { high = mid }
        }
        return people[max(0, low - 4)..<low].last { $0.overlaps(span) }
    }

    /// The id of the mention that overlaps the speaker (a person's before any other, since a
    /// speaker named with a post speaks as that person: 当時の菅義偉官房長官; else the last one, as
    /// English heads come last), else a provisional id from the speaker's name without titles;
    /// nil for a bare pronoun.
    func speakerID(of span: Span) -> String? {
        if let mention = speakerMention(overlapping: span) { return mention.id }
        if isPronoun(span) { return nil }
        let offsets = NormalizedText.Offsets(normalized)
        let normalizedSpan = Span(start: offsets.offset(of: span.start), end: offsets.offset(of: span.end))
        let scalars = normalized.scalars[normalizedSpan.range]
        if scalars.contains(where: { Script($0).language == .japanese }) {
            var name = String(scalars: scalars)
            // A title names the person: 当時の菅義偉官房長官 → 菅義偉; 外務省の幹部 stays whole.
            if let suffix = SpeechWords.japaneseTitleSuffixes.first(where: { name.hasSuffix($0) && name.count > $0.count }) {
                name.removeLast(suffix.count)
                if let particle = name.lastIndex(of: "の"), name.index(after: particle) < name.endIndex {
                    name = String(name[name.index(after: particle)...])
                }
            }
            return "speaker:" + name
        }
        var tokensOfSpan = firstToken(atOrAfter: span.start)..<firstToken(atOrAfter: span.start)
        while tokensOfSpan.upperBound < tokens.count, tokens[tokensOfSpan.upperBound].span.end <= span.end {
            tokensOfSpan = tokensOfSpan.lowerBound..<(tokensOfSpan.upperBound + 1)
        }
        let kept = tokensOfSpan.filter {
            isWord($0) && !SpeechWords.titles.contains(words[$0]) && !SpeechWords.determiners.contains(words[$0])
        }
        let names = kept.filter { isCapitalized($0) }
        let name = (names.isEmpty ? kept : names).map { words[$0].trimmingPossessive }
        return name.isEmpty ? nil : "speaker:" + name.joined(separator: " ")
    }

    /// Of the (sorted) mentions that overlap `span`, among the few that start before its end, the
    /// last person, else the last of any type. Cost: O(log m).
    private func speakerMention(overlapping span: Span) -> EntityMention? {
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].span.start < span.end { low = mid + 1 } else { high = mid }
        }
        let nearby = mentions[max(0, low - 16)..<low]
        return nearby.last { $0.isPerson && $0.span.overlaps(span) } ?? nearby.last { $0.span.overlaps(span) }
    }

    /// People named in the text: the given person mentions, else runs of capitalized words with a
    /// title or of two or more words that do not end in an organization's word, and single words
    /// that are the last word of such a run. Cost: O(tokens).
    static func findPeople(tokens: [Token], firstScalars: [Unicode.Scalar?], words: TokenWords, marks: [Unicode.Scalar?], capitals: [Bool],
                           mentions: [EntityMention]) -> [Span] {
        let people = mentions.filter(\.isPerson).map(\.span)
        if !people.isEmpty { return people }
        var runs: [(range: Range<Int>, titled: Bool)] = []
        var index = 0
        while index < tokens.count {
            // The capital first: it spares making the words of other tokens.
            guard capitals[index], Script(firstScalars[index]!) == .latin else {
                index += 1
                continue
            }
            let word = words[index]
            guard !SpeechWords.capitalizedNonNames.contains(word) || SpeechWords.titles.contains(word) else {
                index += 1
                continue
            }
            let start = index
            var titled = SpeechWords.titles.contains(word)
            index += 1
            // The end of the run's last capitalized word: a lowercase title names someone only
            // before a name ("the Quad foreign ministers" names no one).
            var nameEnd = index
            while index < tokens.count {
                let word = words[index]
                if capitals[index] && !SpeechWords.capitalizedNonNames.contains(word.trimmingPossessive) || SpeechWords.titles.contains(word) {
                    if SpeechWords.titles.contains(word) { titled = true }
                    index += 1
                    if capitals[index - 1] { nameEnd = index }
                } else if word == ".", index > start, SpeechWords.abbreviations.contains(words[index - 1]) {
                    index += 1
                    nameEnd = index
                } else {
                    break
                }
            }
            if nameEnd < index {
                titled = (start..<nameEnd).contains { SpeechWords.titles.contains(words[$0]) }
                index = nameEnd
            }
            // A run that is all titles ("President") names no one by itself.
            var nameStart = start
            while nameStart < index, SpeechWords.titles.contains(words[nameStart]) || marks[nameStart] == "." {
                nameStart += 1
            }
            if nameStart < index { runs.append((nameStart..<index, titled)) }
        }
        var surnames = Set<String>()
        var result: [Span] = []
        for run in runs {
            let last = words[run.range.upperBound - 1].trimmingPossessive
            // "a bank in Hong Kong", "the Peace Memorial Museum", "Nippon-Ham Fighters": a name
            // after a preposition of place, an untitled name after "the" and the tail of a
            // hyphenated name are places and organizations.
            let first = run.range.lowerBound
            let placed = first > 0 && !run.titled
                && (SpeechWords.placePrepositions.contains(words[first - 1])
                    || words[first - 1] == "the" || marks[first - 1] == "-" && tokens[first - 1].span.end == tokens[first].span.start)
            let person = !placed && !SpeechWords.nonPersonHeads.contains(last)
                && (run.titled || run.range.count >= 2 || surnames.contains(last))
            guard person else { continue }
            surnames.insert(last)
            let lastToken = tokens[run.range.upperBound - 1]
            var end = lastToken.span.end
            // "Trump’s" names Trump.
            if words[run.range.upperBound - 1] != last { end -= 2 }
            result.append(Span(start: tokens[run.range.lowerBound].span.start, end: end))
        }
        return result
    }
}

/// Each token's NFKC text, lowercased, made the first time a rule asks for it: the rules read
/// the tokens around each quotation, and making every token's string up front cost a third of
/// the stage in texts with few quotations.
///
/// ```swift
/// let words = TokenWords(scalars: Array("Said Trump".unicodeScalars), runs: [0..<4, 5..<10])
/// words[1]   // "trump"
/// ```
///
/// Cost: O(length of the token) the first time a token is asked about, O(1) after.
final class TokenWords {
    private let scalars: [Unicode.Scalar]
    /// Each token's normalized code points.
    private let runs: [Range<Int>]
    /// Each token's place in ``made``, or -1 before it is asked about. Places rather than an
    /// optional string per token: freeing a string per token cost as much as making them.
    private var places: [Int32]
    private var made: [String] = []

    init(scalars: [Unicode.Scalar], runs: [Range<Int>]) {
        self.scalars = scalars
        self.runs = runs
        places = [Int32](repeating: -1, count: runs.count)
    }

    subscript(index: Int) -> String {
        let place = places[index]
        if place >= 0 { return made[Int(place)] }
        let word = scalars.withUnsafeBufferPointer {
            QuoteContext.lowercasedWord(UnsafeBufferPointer(rebasing: $0[runs[index]]))
        }
        places[index] = Int32(made.count)
        made.append(word)
        return word
    }
}

extension String {
    /// The word without a possessive ’s or 's.
    var trimmingPossessive: String {
        hasSuffix("’s") || hasSuffix("'s") ? String(dropLast(2)) : self
    }
}
