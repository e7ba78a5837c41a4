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
    let kind: Kind
    /// Half-open range in the normalized text.
    let start: Int
    let end: Int
    /// Digits and kanji numerals: the value, when it fits in nine digits.
    let number: Int?
    /// Digits: how many there are.
    let digits: Int
    /// Words: the index of the lowercased word in ``DateLexer/Tokens/words``; other tokens: -1.
    let word: Int32
    /// Whether whitespace separates the token from the one before.
    let spaceBefore: Bool
    /// Words: whether the first letter is upper case.
    let capitalized: Bool
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

    /// The tokens of a text and the lowercased text of each word among them, in order.
    struct Tokens {
        var tokens: [DateToken] = []
        var words: [String] = []
    }

    /// Tokens of `scalars`. Cost: O(n).
    static func tokens(_ scalars: [Unicode.Scalar]) -> Tokens {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(scalars.count / 2)
        var words: [String] = []
        var i = 0
        var space = true
        while i < scalars.count {
            let s = scalars[i]
            if isSpace(s) { space = true; i += 1; continue }
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
                words.append(lowercasedASCII(scalars[i..<min(j, i + 40)]))
            } else {
                tokens.append(DateToken(kind: .char, start: i, end: j, number: nil, digits: 0,
                                        word: -1, spaceBefore: space, capitalized: false))
            }
            space = false
            i = j
        }
        return Tokens(tokens: tokens, words: words)
    }

    /// The lowercased String of a run of ASCII letters. Writing the UTF-8 bytes directly costs a
    /// fraction of building a String scalar by scalar and lowercasing it (a tenth of the date
    /// stage's time went there); at most 15 bytes need no allocation.
    static func lowercasedASCII(_ run: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: run.count) { bytes in
            // 0x20 is the case bit of ASCII letters.
            for (k, s) in zip(bytes.indices, run) { bytes[k] = UInt8(truncatingIfNeeded: s.value) | 0x20 }
            return run.count
        }
    }

    /// The value of a kanji numeral run: positional (二〇二四 = 2024) when it has no 十百千万,
    /// otherwise multiplicative (二千二十四 = 2024). Nil when it makes no sense (十十).
    static func kanjiValue(_ run: ArraySlice<Unicode.Scalar>) -> Int? {
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
