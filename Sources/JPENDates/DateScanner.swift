/// One document's scan: tokens, the candidates found, and the helpers the language rules share.
/// Every rule starts at one token and looks a bounded number of tokens ahead, and the scan
/// moves past each match, so a scan is linear in the text's length.
struct DateScanner {
    let scalars: [Unicode.Scalar]
    let tokens: [DateToken]
    /// The lowercased text of each word token, at its ``DateToken/word``.
    let words: [String]
    /// The ``WordTable/code(_:)`` of each word, at its ``DateToken/word``.
    let wordCodes: [UInt64]
    let reference: ReferenceTime?
    /// The tables ``rulesStarting(at:)`` reads at every token.
    private let starts = RuleStarts.shared

    init(scalars: [Unicode.Scalar], reference: ReferenceTime?) {
        self.init(scalars: scalars, tokens: DateLexer.tokens(scalars), reference: reference)
    }

    /// A scan over tokens already made, as a second scan of the same text with another reference.
    init(scalars: [Unicode.Scalar], tokens: DateLexer.Tokens, reference: ReferenceTime?) {
        self.scalars = scalars
        self.tokens = tokens.tokens
        self.words = tokens.words
        self.wordCodes = tokens.wordCodes
        self.reference = reference
    }

    /// Every candidate, left to right, none overlapping: at each token the longest match of any
    /// rule wins.
    func scan() -> [Candidate] {
        var found: [Candidate] = []
        var i = 0
        while i < tokens.count {
            // Kana, kanji and marks that start no rule (no Japanese rule's first code point, not
            // the "@" of an English clock) are most of Japanese text, a token each: passed over
            // here with one table load rather than a call of rulesStarting(at:) each.
            while i < tokens.count, tokens[i].kind == .char, starts.japanese[scalars[tokens[i].start]] == 0,
                  scalars[tokens[i].start] != "@" {
                i += 1
            }
            guard i < tokens.count else { break }
            let (japanese, english) = rulesStarting(at: i)
            // Most tokens start no rule; the rest consume `best`: an optional candidate left to be
            // destroyed, even a nil one, went through the tuple's runtime metadata at every token.
            guard !japanese.isEmpty || !english.isEmpty else {
                i += 1
                continue
            }
            var best: (Candidate, Int)? = nil
            if japanese.contains(.date) { Self.keepLonger(japaneseDate(i), in: &best) }
            if japanese.contains(.clock) { Self.keepLonger(japaneseClock(i), in: &best) }
            if japanese.contains(.duration) { Self.keepLonger(japaneseDuration(i), in: &best) }
            if japanese.contains(.set) { Self.keepLonger(japaneseSet(i), in: &best) }
            if japanese.contains(.deictic) { Self.keepLonger(japaneseDeictic(i), in: &best) }
            if japanese.contains(.weekday) { Self.keepLonger(japaneseWeekday(i), in: &best) }
            if !english.isEmpty { Self.keepLonger(englishExpression(i, rules: english), in: &best) }
            if let (candidate, next) = consume best {
                if !candidate.suppressed { found.append(candidate) }
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    /// The tables of ``rulesStarting(at:)``, held by each scanner: on Linux every read of a
    /// static calls `swift_once`, and the scan read three of them at every token.
    final class RuleStarts: Sendable {
        static let shared = RuleStarts()
        let japanese = DateScanner.japaneseRuleStarts
        let english = DateScanner.englishRuleStarts
        let followers = DateScanner.englishRuleFollowers
        let japaneseWords = DateScanner.anyJapaneseFirstWord
    }

    /// The Japanese rules, one bit each, for ``rulesStarting(at:)``.
    struct JapaneseRules: OptionSet {
        let rawValue: UInt8
        static let date = JapaneseRules(rawValue: 1 << 0)
        static let clock = JapaneseRules(rawValue: 1 << 1)
        static let duration = JapaneseRules(rawValue: 1 << 2)
        static let set = JapaneseRules(rawValue: 1 << 3)
        static let deictic = JapaneseRules(rawValue: 1 << 4)
        static let weekday = JapaneseRules(rawValue: 1 << 5)
    }

    /// The English rules, one bit each, for ``rulesStarting(at:)``.
    struct EnglishRules: OptionSet {
        let rawValue: UInt16
        static let calendarDate = EnglishRules(rawValue: 1 << 0)
        static let year = EnglishRules(rawValue: 1 << 1)
        static let relative = EnglishRules(rawValue: 1 << 2)
        static let duration = EnglishRules(rawValue: 1 << 3)
        static let clock = EnglishRules(rawValue: 1 << 4)
        static let set = EnglishRules(rawValue: 1 << 5)
        static let quarter = EnglishRules(rawValue: 1 << 6)
        static let dayPartOf = EnglishRules(rawValue: 1 << 7)
        static let holiday = EnglishRules(rawValue: 1 << 8)
        static let dayOfMonth = EnglishRules(rawValue: 1 << 9)
        static let nthWeekday = EnglishRules(rawValue: 1 << 10)
        static let yearAgoPeriod = EnglishRules(rawValue: 1 << 11)
        static let clockOffset = EnglishRules(rawValue: 1 << 12)
        static let dayOfRelativeMonth = EnglishRules(rawValue: 1 << 13)
        static let ago = EnglishRules(rawValue: 1 << 14)
    }

    /// The rules that can match at token `i`: a rule starts only at a number or at one of its
    /// first words (Latin words: ``englishRuleStarts``, and for the commonest the token after
    /// them, ``englishRuleFollowers``; Japanese ones by their first code point,
    /// ``japaneseRuleStarts``, then whole, ``anyJapaneseFirstWord``). Most tokens of running text
    /// start no rule, and frequent words start few ("on" only a day of the month); one look-up
    /// spares the other rules, which would each reject the token with look-ups of their own.
    /// Cost: O(1).
    func rulesStarting(at i: Int) -> (japanese: JapaneseRules, english: EnglishRules) {
        let t = tokens[i]
        let byScalar = JapaneseRules(rawValue: starts.japanese[scalars[t.start]])
        switch t.kind {
        case .number:
            // A Japanese rule reads digits only with a counter or a mark after them ("5日", "2/15",
            // "9:30"), or as an eight-digit date: not the numbers of English text ("5 years").
            let japanese = t.digits == 8 || numberRulesRead(i + 1)
            let english = t.digits == 4 || englishNumberRulesRead(i + 1)
            return (japanese ? byScalar.union(Self.japaneseNumberRules) : byScalar, english ? Self.englishNumberRules : [])
        case .kanjiNumber: return (numberRulesRead(i + 1) ? byScalar.union(Self.japaneseNumberRules) : byScalar, [])
        case .word:
            guard let rules = lookUp(starts.english, word: t) else { return ([], []) }
            if let followers = lookUp(starts.followers, word: t), !followers.admit(i + 1, in: self) { return ([], []) }
            return ([], rules)
        case .char:
            let english: EnglishRules = scalars[t.start] == "@" ? .clock : []
            // A Japanese rule starts at a mark, kana or kanji only with one of its first words
            // there in full: one look-up spares the particles and kanji that merely begin one
            // (は, に, し, 本 start no date, yet each would try up to four rules).
            guard !byScalar.isEmpty, literal(i, starts.japaneseWords) != nil else { return ([], english) }
            return (byScalar, english)
        }
    }

    /// Whether token `i`, after a number, is a mark a Japanese number rule reads.
    private func numberRulesRead(_ i: Int) -> Bool {
        i < tokens.count && tokens[i].kind == .char && Self.japaneseNumberRulesRead(scalars[tokens[i].start])
    }

    /// Keeps `match` in `best` when it ends later (the earlier rule wins a tie). Comparing in
    /// place, rather than collecting every rule's match in an array, spares copying candidates.
    /// `match` is consumed: borrowed, each rule's result (nearly always nil) was destroyed by
    /// its caller through the tuple's runtime metadata, a twentieth of the stage.
    static func keepLonger(_ match: consuming (Candidate, Int)?, in best: inout (Candidate, Int)?) {
        guard let match = consume match else { return }
        if let kept = best?.0.end, match.0.end <= kept { return }
        best = match
    }

    // MARK: - Token helpers

    func token(_ i: Int) -> DateToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    /// The token index that starts at normalized offset `offset` at or after token `from`, or
    /// `tokens.count` at the end of the text; nil when `offset` falls inside a token.
    func tokenIndex(startingAt offset: Int, from: Int) -> Int? {
        var j = from
        while j < tokens.count, tokens[j].start < offset {
            if tokens[j].end > offset { return nil }
            j += 1
        }
        return j
    }

    /// The longest of `words` (none empty) spelled out from the start of token `i`, without
    /// spaces; returns the token after it and the word. Cost: O(number of words).
    func literal(_ i: Int, _ words: [String]) -> (next: Int, word: String)? {
        guard let first = token(i) else { return nil }
        var best: (Int, String)? = nil
        var bestLength = 0
        // Most words differ in their first byte: comparing UTF-8 bytes rejects them without
        // decoding the word.
        let head = UTF8.encode(scalars[first.start])!.first!
        for word in words where word.utf8[word.utf8.startIndex] == head {
            var k = first.start
            var ok = true
            for s in word.unicodeScalars {
                if k >= scalars.count || scalars[k] != s { ok = false; break }
                k += 1
            }
            guard ok, k - first.start > bestLength, let next = tokenIndex(startingAt: k, from: i) else { continue }
            best = (next, word)
            bestLength = k - first.start
        }
        return best
    }

    /// ``literal(_:_:)`` over a long list. Cost: one look-up and the words sharing the token's
    /// first code point, compared as code points.
    func literal(_ i: Int, _ table: LiteralTable) -> (next: Int, word: String)? {
        guard i >= 0, i < tokens.count else { return nil }
        let start = tokens[i].start
        var best: (next: Int, word: String)? = nil
        var bestLength = 0
        for k in table.group(startingWith: scalars[start]) {
            let index = table.order[k]
            let bounds = table.bounds[index]
            guard bounds.count > bestLength, start + bounds.count <= scalars.count else { continue }
            var offset = 1  // the first code point is the group's
            while offset < bounds.count, scalars[start + offset] == table.codePoints[bounds.lowerBound + offset] { offset += 1 }
            guard offset == bounds.count, let next = tokenIndex(startingAt: start + offset, from: i) else { continue }
            best = (next, table.words[index])
            bestLength = offset
        }
        return best
    }

    /// The value `table` gives the word token `t`, looked up by the word's code. Cost: O(1).
    func lookUp<Value>(_ table: WordTable<Value>, word t: DateToken) -> Value? {
        table[code: wordCodes[Int(t.word)], word: words[Int(t.word)]]
    }

    /// The value `table` gives the word at token `i`; nil when token `i` is no Latin word. Cost:
    /// O(1), with the code the lexer made rather than one made again from the word's String.
    func lookUp<Value>(_ table: WordTable<Value>, at i: Int) -> Value? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return nil }
        return lookUp(table, word: tokens[i])
    }

    /// The lowercased word at token `i`, if it is a Latin word.
    func word(_ i: Int) -> String? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return nil }
        return words[Int(tokens[i].word)]
    }

    /// Whether token `i` is one of the marks `options`. Compares code points: the text is
    /// normalized and no mark asked about has another canonically equivalent code point.
    func char(_ i: Int, _ options: [Unicode.Scalar]) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .char else { return false }
        return options.contains(scalars[tokens[i].start])
    }

    /// The code point of token `i` when it is a mark.
    func mark(_ i: Int) -> Unicode.Scalar? { tokens.mark(i, in: scalars) }

    /// An integer written in digits or kanji numerals at token `i`.
    func integer(_ i: Int) -> (value: Int, next: Int)? {
        guard let t = token(i), t.kind == .number || t.kind == .kanjiNumber, let value = t.number else { return nil }
        return (value, i + 1)
    }

    /// A digit integer at `i` with exactly `digits` digits, or any count when nil.
    func digits(_ i: Int, count: ClosedRange<Int>) -> (value: Int, next: Int)? {
        guard let t = token(i), t.kind == .number, count.contains(t.digits), let value = t.number else { return nil }
        return (value, i + 1)
    }

    /// A decimal amount: `3`, `3.5`, `30,000`, `三`; returns its value.
    func amount(_ i: Int) -> (value: Double, next: Int)? {
        guard let (whole, next) = integer(i) else { return nil }
        var j = next
        var value = Double(whole)
        if tokens[i].kind == .number {
            // Thousands groups: 30,000.
            while char(j, [","]), let group = token(j + 1), group.kind == .number, group.digits == 3,
                  !group.spaceBefore, let g = group.number {
                value = value * 1000 + Double(g)
                j += 2
            }
            if char(j, ["."]), let fraction = token(j + 1), fraction.kind == .number, !fraction.spaceBefore,
               fraction.digits <= 6, let f = fraction.number, !(token(j)?.spaceBefore ?? true) {
                var scale = 1.0
                for _ in 0..<fraction.digits { scale *= 10 }
                value += Double(f) / scale
                j += 2
            }
        }
        return (value, j)
    }

    /// Whether token `i` directly follows token `i - 1` (no space between).
    func attached(_ i: Int) -> Bool { token(i).map { !$0.spaceBefore } ?? false }
}
