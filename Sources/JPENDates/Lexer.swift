import JPENText

/// One token of the date scanner: a run of ASCII digits, a run of kanji numerals, a run of Latin
/// letters, or any other single code point. Runs keep the scanner linear: a 100,000-digit run is
/// one token, and every pattern looks a bounded number of tokens ahead.
///
/// A plain value with no String: the rules copy tokens all the time, and a token holding its text
/// cost a retain, a release and a value-witness call per copy (a twentieth of the stage). A word's
/// text lives in ``DateLexer/Tokens/words`` at ``word``; a mark is its code point, `scalars[start]`.
struct DateToken {
    enum Kind { case number, kanjiNumber, word, char }
    // Declared so that no field needs padding before the next: 40 bytes a token rather than 56,
    // and the lexer writes one token per code point of Japanese text.
    /// Half-open range in the normalized text.
    let start: Int
    let end: Int
    /// Digits: how many there are.
    let digits: Int
    /// Digits and kanji numerals: the value, when it fits in nine digits.
    let number: Int?
    let kind: Kind
    /// Whether whitespace separates the token from the one before.
    let spaceBefore: Bool
    /// Words: whether the first letter is upper case.
    let capitalized: Bool
    /// Words: the index of the lowercased word in ``DateLexer/Tokens/words``; other tokens: -1.
    let word: Int32

    init(kind: Kind, start: Int, end: Int, number: Int?, digits: Int, word: Int32, spaceBefore: Bool, capitalized: Bool) {
        self.start = start
        self.end = end
        self.digits = digits
        self.number = number
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.capitalized = capitalized
        self.word = word
    }
}

extension [DateToken] {
    /// The code point of token `i` when it is a mark (any single code point that is no digit,
    /// kanji numeral or Latin letter); nil for other tokens and outside the text. Cost: O(1).
    func mark(_ i: Int, in scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard i >= 0, i < count, self[i].kind == .char else { return nil }
        return scalars[self[i].start]
    }
}

enum DateLexer {
    // Switches rather than dictionaries: the lexer asks about every code point, and hashing
    // each one cost a twentieth of the stage.
    static func kanjiDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零": 0
        case "一": 1
        case "二": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    static func kanjiPower(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十": 10
        case "百": 100
        case "千": 1000
        case "万": 10000
        default: nil
        }
    }

    static func isKanjiNumeral(_ s: Unicode.Scalar) -> Bool { kanjiDigit(s) != nil || kanjiPower(s) != nil }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{A0}" || s == "\u{3000}"
    }

    /// The tokens of a text, the lowercased text of each word among them, in order, and where
    /// its sentences start.
    struct Tokens {
        var tokens: [DateToken] = []
        var words: [String] = []
        /// The ``WordTable/code(_:)`` of each word, at its ``DateToken/word``.
        var wordCodes: [UInt64] = []
        /// Start offsets (normalized) of sentences, ascending, from 0; a line break also ends one.
        var sentenceStarts: [Int] = [0]
    }

    /// Tokens of `scalars`. Cost: O(n).
    static func tokens(_ scalars: [Unicode.Scalar]) -> Tokens {
        // Through a buffer pointer: slicing the array for each run retained and released it,
        // a sixth of the lexer's time.
        scalars.withUnsafeBufferPointer(tokens(in:))
    }

    private static func tokens(in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Tokens {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(scalars.count / 2)
        var words: [String] = []
        var wordCodes: [UInt64] = []
        // Found in the same pass: every sentence end is a line break or a mark token.
        var sentenceStarts = [0]
        var i = 0
        var space = true
        while i < scalars.count {
            let s = scalars[i]
            if isSpace(s) {
                if s == "\n" { sentenceStarts.append(i + 1) }
                space = true
                i += 1
                continue
            }
            var j = i + 1
            if s.value >= 0x30 && s.value <= 0x39 {
                while j < scalars.count, scalars[j].value >= 0x30, scalars[j].value <= 0x39 { j += 1 }
                var value: Int? = nil
                if j - i <= 9 {
                    value = 0
                    for k in i..<j { value = value! * 10 + Int(scalars[k].value - 0x30) }
                }
                tokens.append(DateToken(kind: .number, start: i, end: j, number: value, digits: j - i,
                                        word: -1, spaceBefore: space, capitalized: false))
            } else if isKanjiNumeral(s) {
                while j < scalars.count, isKanjiNumeral(scalars[j]) { j += 1 }
                let value = j - i <= 12 ? kanjiValue(scalars[i..<j]) : nil
                tokens.append(DateToken(kind: .kanjiNumber, start: i, end: j, number: value, digits: j - i,
                                        word: -1, spaceBefore: space, capitalized: false))
            } else if isLetter(s) {
                while j < scalars.count, isLetter(scalars[j]) { j += 1 }
                tokens.append(DateToken(kind: .word, start: i, end: j, number: nil, digits: 0, word: Int32(words.count),
                                        spaceBefore: space, capitalized: s.value <= 0x5A))
                words.append(String(lowercasingASCII: scalars[i..<min(j, i + 40)]))
                wordCodes.append(j - i <= 13 ? wordCode(scalars[i..<j]) : 0)
            } else {
                tokens.append(DateToken(kind: .char, start: i, end: j, number: nil, digits: 0,
                                        word: -1, spaceBefore: space, capitalized: false))
                if let start = sentenceStart(after: i, in: scalars) { sentenceStarts.append(start) }
            }
            space = false
            i = j
        }
        return Tokens(tokens: tokens, words: words, wordCodes: wordCodes, sentenceStarts: sentenceStarts)
    }

    /// ``WordTable/code(_:)`` of a run of at most 13 ASCII letters, lowercased: the code of the
    /// word the run makes, without making its String.
    static func wordCode(_ run: some Collection<Unicode.Scalar>) -> UInt64 {
        // 0x20 is the case bit of ASCII letters; a lowercase letter minus 0x60 is its digit.
        run.reduce(0) { $0 &* 27 &+ UInt64(($1.value | 0x20) &- 0x60) }
    }

    /// Where the next sentence starts when the mark at `k` ends one: a full stop, a question or
    /// exclamation mark, or a "." before a space and a capital or a quote (not the "." of an
    /// abbreviation such as "Nov.", which a date rarely spans). Cost: O(1).
    @inline(__always)  // asked at every kana and kanji, which the first test answers
    static func sentenceStart(after k: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        // Kana and kanji end nothing: one comparison passes them. The rest is a call of its own,
        // so that this test is inlined (whole, the function was called at every kana and kanji).
        let s = scalars[k]
        if s.value > 0x3002, s.value < 0xFF01 { return nil }
        return sentenceStart(afterMark: k, in: scalars)
    }

    /// ``sentenceStart(after:in:)`` for a code point that is no kana or kanji.
    @inline(never)
    private static func sentenceStart(afterMark k: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        let s = scalars[k]
        if s == "。" || s == "!" || s == "?" || s == "！" || s == "？" { return k + 1 }
        guard s == ".", k + 2 < scalars.count, scalars[k + 1] == " ",
              scalars[k + 2].isUppercase || scalars[k + 2] == "\"" || scalars[k + 2] == "“" else { return nil }
        if k >= 3, isLetter(scalars[k - 1]), isLetter(scalars[k - 2]),
           !isLetter(scalars[k - 4 < 0 ? 0 : k - 4]) || k < 4, scalars[k - 3].isUppercase {
            return nil
        }
        return k + 2
    }

    /// The value of a kanji numeral run: positional (二〇二四 = 2024) when it has no 十百千万,
    /// otherwise multiplicative (二千二十四 = 2024). Nil when it makes no sense (十十).
    static func kanjiValue(_ run: some Collection<Unicode.Scalar>) -> Int? {
        if !run.contains(where: { kanjiPower($0) != nil }) {
            return run.reduce(0) { $0 * 10 + kanjiDigit($1)! }
        }
        var total = 0, section = 0, digit: Int? = nil
        var lastPower = Int.max
        for s in run {
            if let d = kanjiDigit(s) {
                if digit != nil { return nil }
                digit = d
            } else if let p = kanjiPower(s) {
                if p == 10000 {
                    total += (section + (digit ?? 0)) * 10000
                    if total == 0 { total = 10000 }
                    section = 0
                    lastPower = Int.max
                } else {
                    if p >= lastPower { return nil }
                    section += (digit ?? 1) * p
                    lastPower = p
                }
                digit = nil
            }
        }
        return total + section + (digit ?? 0)
    }
}
