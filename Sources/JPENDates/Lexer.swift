import JPENText

/// One token of the date scanner: a run of ASCII digits, a run of kanji numerals, a run of Latin
/// letters, or any other single code point. Runs keep the scanner linear: a 100,000-digit run is
/// one token, and every pattern looks a bounded number of tokens ahead.
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
    /// Words: lowercased; other single code points: themselves; numbers: empty.
    let text: String
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

    /// Tokens of `scalars`. Cost: O(n).
    static func tokens(_ scalars: [Unicode.Scalar]) -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(scalars.count / 2)
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
                let text = j - i <= 9 ? asciiText(scalars[i..<j]) : ""
                tokens.append(DateToken(kind: .number, start: i, end: j, number: value, digits: j - i,
                                        text: text, spaceBefore: space, capitalized: false))
            } else if isKanjiNumeral(s) {
                while j < scalars.count, isKanjiNumeral(scalars[j]) { j += 1 }
                let value = j - i <= 12 ? kanjiValue(scalars[i..<j]) : nil
                tokens.append(DateToken(kind: .kanjiNumber, start: i, end: j, number: value, digits: j - i,
                                        text: String(scalars: scalars[i..<min(j, i + 12)]),
                                        spaceBefore: space, capitalized: false))
            } else if isLetter(s) {
                while j < scalars.count, isLetter(scalars[j]) { j += 1 }
                tokens.append(DateToken(kind: .word, start: i, end: j, number: nil, digits: 0,
                                        text: asciiText(scalars[i..<min(j, i + 40)], lowercased: true), spaceBefore: space,
                                        capitalized: s.value <= 0x5A))
            } else {
                tokens.append(DateToken(kind: .char, start: i, end: j, number: nil, digits: 0,
                                        text: String(s), spaceBefore: space, capitalized: false))
            }
            space = false
            i = j
        }
        return tokens
    }

    /// The String of a run of ASCII digits or letters, lowercased on request. Writing the UTF-8
    /// bytes directly costs a fraction of building a String scalar by scalar and lowercasing it
    /// (a tenth of the date stage's time went there); at most 15 bytes need no allocation.
    static func asciiText(_ run: ArraySlice<Unicode.Scalar>, lowercased: Bool = false) -> String {
        // 0x20 is the case bit of ASCII letters; digits never need it.
        let caseBit: UInt8 = lowercased ? 0x20 : 0
        return String(unsafeUninitializedCapacity: run.count) { bytes in
            for (k, s) in zip(bytes.indices, run) { bytes[k] = UInt8(truncatingIfNeeded: s.value) | caseBit }
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
