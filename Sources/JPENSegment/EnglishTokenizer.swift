import JPENText

/// English tokens the way UD English-EWT writes its surface tokens: URLs, e-mail addresses,
/// numbers with decimals and thousands, times, dates with slashes, phone numbers, abbreviations
/// with their full stop (U.S., Mr., a.m.) and words with clitics (don't, Arafat’s) stay whole;
/// a hyphen between words, a slash and other punctuation are tokens of their own, and a run of
/// one mark ("...", "!!", "--", "====") or of sentence-final marks ("?!") is one token.
///
/// Rules over the code point array, no allocation per token. Cost: O(span length).
package enum EnglishTokenizer {
    /// Appends the tokens of `span` (offsets of `scalars`) to `tokens`.
    package static func tokens(in span: Span, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        var index = span.start
        while index < span.end {
            while index < span.end, isSpace(scalars[index]) { index += 1 }
            var chunkEnd = index
            // Only a stretch with a link mark can hold a link; in Japanese text, whose stretches
            // are long, the search is then skipped.
            var mayHoldLink = false
            while chunkEnd < span.end, !isSpace(scalars[chunkEnd]) {
                if LinkMark(scalars[chunkEnd]) != nil { mayHoldLink = true }
                chunkEnd += 1
            }
            if chunkEnd > index {
                if mayHoldLink {
                    chunk(index, chunkEnd, spanEnd: span.end, of: scalars, into: &tokens)
                } else {
                    pieces(index, chunkEnd, spanEnd: span.end, of: scalars, into: &tokens)
                }
            }
            index = chunkEnd
        }
    }

    /// Appends the tokens of `span`, as ``tokens(in:of:into:)`` would, given `enclosingTokens`:
    /// those ``tokens(in:of:into:)`` made of `enclosing`, a span around it (a sentence's
    /// paragraph), read from `cursor` on (pass 0 for the first span, then the same variable for
    /// later spans of `enclosing`, in order).
    ///
    /// Where `span` starts and ends at space (or at `enclosing`'s ends), its stretches without
    /// space are those of `enclosing`, and a stretch's tokens depend on `span` only through the
    /// full stop of an abbreviation that ends it: they are copied, and only the stretch that
    /// holds the last code point before the closing marks at `span`'s end is tokenized again.
    /// Otherwise the whole span is. Cost: O(tokens copied + length tokenized).
    package static func tokens(in span: Span, of scalars: [Unicode.Scalar], into tokens: inout [Token],
                               enclosing: Span, enclosingTokens: [Token], cursor: inout Int) {
        guard span.start == enclosing.start || isSpace(scalars[span.start - 1]),
              span.end == enclosing.end || isSpace(scalars[span.end]) else {
            self.tokens(in: span, of: scalars, into: &tokens)
            return
        }
        // The last code point that is not space or a closing mark (see `endsSpan`), and the
        // start of its stretch.
        var last = span.end - 1
        while last >= span.start, isSpaceOrClosing(scalars[last]) { last -= 1 }
        var tail = max(last, span.start)
        while tail > span.start, !isSpace(scalars[tail - 1]) { tail -= 1 }
        while cursor < enclosingTokens.count, enclosingTokens[cursor].span.start < span.start { cursor += 1 }
        while cursor < enclosingTokens.count, enclosingTokens[cursor].span.start < tail {
            tokens.append(enclosingTokens[cursor])
            cursor += 1
        }
        self.tokens(in: Span(start: tail, end: span.end), of: scalars, into: &tokens)
    }

    /// Tokens of a stretch without space: a URL or e-mail address inside it is one token.
    private static func chunk(_ start: Int, _ end: Int, spanEnd: Int, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        var start = start
        while let link = findLink(start, end, of: scalars) {
            pieces(start, link.start, spanEnd: spanEnd, of: scalars, into: &tokens)
            tokens.append(Token(span: link, kind: .word))
            start = link.end
        }
        pieces(start, end, spanEnd: spanEnd, of: scalars, into: &tokens)
    }

    /// The code points a link is found at: the colon of scheme://, the first w of www., the @ of
    /// an e-mail address.
    private enum LinkMark {
        case schemeColon, www, at

        init?(_ scalar: Unicode.Scalar) {
            switch scalar {
            case ":": self = .schemeColon
            case "w", "W": self = .www
            case "@": self = .at
            default: return nil
            }
        }
    }

    /// The first URL (scheme:// or www.) or e-mail address (local@domain) in `start..<end`.
    private static func findLink(_ start: Int, _ end: Int, of scalars: [Unicode.Scalar]) -> Span? {
        var index = start
        while index < end {
            switch LinkMark(scalars[index]) {
            case .schemeColon where index + 2 < end && scalars[index + 1] == "/" && scalars[index + 2] == "/":
                var linkStart = index
                while linkStart > start, isLetter(scalars[linkStart - 1]) { linkStart -= 1 }
                if linkStart < index { return Span(start: linkStart, end: linkEnd(index + 3, end, of: scalars)) }
            case .www where index + 4 < end && (index == start || !isWordCharacter(scalars[index - 1]))
                && lowercased(scalars[index + 1]) == "w" && lowercased(scalars[index + 2]) == "w" && scalars[index + 3] == "."
                && isWordCharacter(scalars[index + 4]):
                return Span(start: index, end: linkEnd(index + 4, end, of: scalars))
            case .at where index > start && index + 1 < end && isWordCharacter(scalars[index + 1]):
                var local = index
                while local > start, isEmailLocal(scalars[local - 1]) { local -= 1 }
                while local < index, !isWordCharacter(scalars[local]) { local += 1 }
                if local < index {
                    var domainEnd = index + 1
                    while domainEnd < end, isWordCharacter(scalars[domainEnd]) || scalars[domainEnd] == "." || scalars[domainEnd] == "-" {
                        domainEnd += 1
                    }
                    while !isWordCharacter(scalars[domainEnd - 1]) { domainEnd -= 1 }
                    return Span(start: local, end: domainEnd)
                }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Where a URL that goes on at `index` ends: at space or an angle bracket or quotation mark,
    /// less trailing punctuation and a closing parenthesis the URL did not open.
    private static func linkEnd(_ index: Int, _ end: Int, of scalars: [Unicode.Scalar]) -> Int {
        var stop = index
        var parentheses = 0
        while stop < end {
            let scalar = scalars[stop]
            if scalar == "<" || scalar == ">" || scalar == "\"" || scalar == "“" || scalar == "”" { break }
            if scalar == "(" { parentheses += 1 }
            if scalar == ")" { if parentheses == 0 { break }; parentheses -= 1 }
            stop += 1
        }
        while stop > index, ".,;:!?'’)]".unicodeScalars.contains(scalars[stop - 1]) { stop -= 1 }
        return stop
    }

    /// Tokens of a stretch without space or links.
    private static func pieces(_ start: Int, _ end: Int, spanEnd: Int, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        var index = start
        while index < end {
            let scalar = scalars[index]
            let next: Int
            if isWordCharacter(scalar) {
                next = word(index, end, spanEnd: spanEnd, of: scalars)
            } else if scalar == "+", index + 1 < end, isDigit(scalars[index + 1]),
                      index == start || !isWordCharacter(scalars[index - 1]) {
                next = word(index + 1, end, spanEnd: spanEnd, of: scalars)
            } else if (scalar == "#" || scalar == "@"), index + 1 < end, isLetter(scalars[index + 1]) {
                next = word(index + 1, end, spanEnd: spanEnd, of: scalars)
            } else if isApostrophe(scalar), let clitic = detachedClitic(index, end, of: scalars) {
                next = clitic
            } else if let emoticon = emoticonEnd(index, end, of: scalars) {
                next = emoticon
            } else {
                var stop = index + 1
                if isSentenceFinal(scalar) {
                    while stop < end, isSentenceFinal(scalars[stop]) { stop += 1 }
                } else {
                    while stop < end, scalars[stop] == scalar { stop += 1 }
                }
                next = stop
            }
            tokens.append(Token(span: Span(start: index, end: next), kind: kind(of: scalars[index..<next])))
            index = next
        }
    }

    /// The end of the word, number or abbreviation that starts at `start`, in a chunk that ends
    /// at `end` of a span (a sentence) that ends at `spanEnd`.
    private static func word(_ start: Int, _ end: Int, spanEnd: Int, of scalars: [Unicode.Scalar]) -> Int {
        var stop = start
        var hasInnerFullStop = false
        var longestPart = 0, part = 0
        while stop < end {
            while stop < end, isWordCharacter(scalars[stop]) { stop += 1; part += 1 }
            longestPart = max(longestPart, part)
            guard stop + 1 < end, stop > start else { break }
            let connector = scalars[stop], after = scalars[stop + 1], before = scalars[stop - 1]
            let joins: Bool
            switch connector {
            case ".": joins = isWordCharacter(after) && Script(after).language != .japanese; hasInnerFullStop = hasInnerFullStop || joins
            case ",": joins = isDigit(before) && thousandsGroup(at: stop + 1, end, of: scalars)
            case ":": joins = isDigit(before) && isDigit(after)
            case "'", "’": joins = isLetter(before) && isLetter(after)
            case "&": joins = before.isUppercase && after.isUppercase
            case "/": joins = slashJoins(start, stop, end, of: scalars)
            case "-": joins = hyphenJoins(start, stop, end, of: scalars)
            default: joins = false
            }
            guard joins else { break }
            stop += 1
            part = 0
        }
        // The plural possessive (soldiers') keeps its apostrophe.
        if stop < end, isApostrophe(scalars[stop]), stop - start >= 2, scalars[stop - 1] == "s",
           stop + 1 == end || !isWordCharacter(scalars[stop + 1]) {
            return stop + 1
        }
        if isDigit(scalars[start]), let unit = unitStart(start, stop, of: scalars) { return unit }
        // An abbreviation keeps its full stop unless the stop also ends the sentence (EWT: "U.S" ".").
        if stop < end, scalars[stop] == ".", !endsSpan(after: stop + 1, spanEnd, of: scalars),
           isAbbreviation(start, stop, hasInnerFullStop: hasInnerFullStop, longestPart: longestPart, of: scalars)
            || isNumberSign(start, stop, of: scalars) {
            stop += 1
        }
        return stop
    }

    /// Units written onto a number (70k, 375mm, 8gb) that EWT makes tokens of their own.
    private static let units: Set<String> = [
        "k", "K", "m", "mm", "cm", "km", "kg", "g", "mg", "lb", "lbs", "oz", "ml", "gb", "GB", "mb", "MB", "kb", "KB",
        "hr", "hrs", "h", "min", "mins", "sec", "secs", "p", "mph", "ft", "x", "am", "pm", "AM", "PM",
    ]

    /// Where the unit starts when the number token `start..<stop` ends in digits and a unit.
    private static func unitStart(_ start: Int, _ stop: Int, of scalars: [Unicode.Scalar]) -> Int? {
        var unitStart = stop
        while unitStart > start, stop - unitStart < 4, isLetter(scalars[unitStart - 1]) { unitStart -= 1 }
        guard unitStart < stop, unitStart > start, isDigit(scalars[unitStart - 1]) else { return nil }
        var unit = ""
        for index in unitStart..<stop { unit.unicodeScalars.append(scalars[index]) }
        return units.contains(unit) ? unitStart : nil
    }

    /// Whether only space and closing marks follow `index` up to `spanEnd`.
    private static func endsSpan(after index: Int, _ spanEnd: Int, of scalars: [Unicode.Scalar]) -> Bool {
        var index = index
        while index < spanEnd, isSpaceOrClosing(scalars[index]) { index += 1 }
        return index >= spanEnd
    }

    /// Space, a closing bracket or quotation mark, or a straight quotation mark.
    private static func isSpaceOrClosing(_ scalar: Unicode.Scalar) -> Bool {
        isSpace(scalar) || Brackets.depthChange(scalar) < 0 || scalar == "\"" || scalar == "'"
    }

    /// "No." before a number (No. 1).
    private static func isNumberSign(_ start: Int, _ stop: Int, of scalars: [Unicode.Scalar]) -> Bool {
        guard stop - start == 2, lowercased(scalars[start]) == "n", lowercased(scalars[start + 1]) == "o" else { return false }
        var index = stop + 1
        while index < scalars.count, scalars[index] == " " { index += 1 }
        return index > stop + 1 && index < scalars.count && isDigit(scalars[index])
    }

    /// A thousands group: three digits and then no digit.
    private static func thousandsGroup(at index: Int, _ end: Int, of scalars: [Unicode.Scalar]) -> Bool {
        guard index + 3 <= end else { return false }
        for offset in 0..<3 where !isDigit(scalars[index + offset]) { return false }
        return index + 3 == end || !isDigit(scalars[index + 3])
    }

    /// A slash stays inside a date (8/16/2000) and in b/c and w/o.
    private static func slashJoins(_ start: Int, _ slash: Int, _ end: Int, of scalars: [Unicode.Scalar]) -> Bool {
        if slash - start == 1, slash + 2 <= end, !(slash + 2 < end && isWordCharacter(scalars[slash + 2])) {
            let pair = (lowercased(scalars[start]), lowercased(scalars[slash + 1]))
            if pair == ("b", "c") || pair == ("w", "o") { return true }
        }
        guard isDigit(scalars[slash - 1]), isDigit(scalars[slash + 1]) else { return false }
        // Day and month before the slash, or a slash already inside the number: a date.
        var index = slash - 1
        while index > start, isDigit(scalars[index - 1]) { index -= 1 }
        if index > start, scalars[index - 1] == "/" { return true }
        var after = slash + 1
        while after < end, isDigit(scalars[after]) { after += 1 }
        return after + 1 < end && scalars[after] == "/" && isDigit(scalars[after + 1])
    }

    /// Prefixes EWT keeps joined to the word after their hyphen (e-mail, non-human, re-wording).
    private static let joinedPrefixes: Set<String> = [
        "e", "non", "re", "mis", "anti", "counter", "over", "semi", "vice", "pre", "co", "ex", "multi",
        "sub", "inter", "post", "pro", "un", "de", "mid",
    ]

    /// A hyphen stays inside a phone number (303-832-8160, 3-5076) and after a prefix that EWT
    /// keeps joined; elsewhere it is a token between two words.
    private static func hyphenJoins(_ start: Int, _ hyphen: Int, _ end: Int, of scalars: [Unicode.Scalar]) -> Bool {
        let before = scalars[hyphen - 1], after = scalars[hyphen + 1]
        if isDigit(before) && isDigit(after) {
            var groupStart = hyphen - 1
            while groupStart > start, isDigit(scalars[groupStart - 1]) { groupStart -= 1 }
            var groupEnd = hyphen + 1
            while groupEnd < end, isDigit(scalars[groupEnd]) { groupEnd += 1 }
            if groupEnd < end, isWordCharacter(scalars[groupEnd]) { return false }
            let previousGroupIsPhone = groupStart > start && scalars[groupStart - 1] == "-"
            if groupEnd < end, scalars[groupEnd] == "-" { return hyphen - groupStart == 3 || previousGroupIsPhone }
            return groupEnd - hyphen - 1 == 4 && (hyphen - groupStart <= 3)
        }
        guard isLetter(before), isLetter(after), hyphen - start <= 7 else { return false }
        for index in start..<hyphen where !isLetter(scalars[index]) { return false }
        var prefix = ""
        for index in start..<hyphen { prefix.unicodeScalars.append(lowercased(scalars[index])) }
        return joinedPrefixes.contains(prefix)
    }

    /// Short forms that keep their full stop. Ones that are also common words (no, us, am) are left out.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "drs", "prof", "st", "mt", "ft", "jr", "sr", "sen", "rep", "gov", "gen",
        "col", "capt", "lt", "sgt", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "llc", "bros", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "vs", "etc", "ext", "approx", "est", "fig", "vol", "ave", "blvd", "rd", "univ", "assn", "min", "max",
    ]

    private static func isAbbreviation(_ start: Int, _ stop: Int, hasInnerFullStop: Bool, longestPart: Int,
                                       of scalars: [Unicode.Scalar]) -> Bool {
        if hasInnerFullStop { return longestPart <= 3 }
        if stop - start == 1 { return scalars[start].isUppercase }
        guard stop - start <= 5 else { return false }
        var word = ""
        for index in start..<stop {
            guard isLetter(scalars[index]) else { return false }
            word.unicodeScalars.append(lowercased(scalars[index]))
        }
        return abbreviations.contains(word)
    }

    /// 's, n't, 're… standing alone after a space (text that writes "do n't"): one token.
    private static func detachedClitic(_ index: Int, _ end: Int, of scalars: [Unicode.Scalar]) -> Int? {
        var stop = index + 1
        while stop < end, isLetter(scalars[stop]) { stop += 1 }
        guard stop - index >= 2, stop - index <= 3, stop == end || !isWordCharacter(scalars[stop]) else { return nil }
        var clitic = ""
        for offset in (index + 1)..<stop { clitic.unicodeScalars.append(lowercased(scalars[offset])) }
        return ["s", "re", "ll", "m", "ve", "d"].contains(clitic) ? stop : nil
    }

    /// :) :-) ;) :P :D :( =) at `index`, not followed by a letter or digit.
    private static func emoticonEnd(_ index: Int, _ end: Int, of scalars: [Unicode.Scalar]) -> Int? {
        let eyes = scalars[index]
        guard eyes == ":" || eyes == ";" || eyes == "=" else { return nil }
        var stop = index + 1
        if stop < end, scalars[stop] == "-" { stop += 1 }
        guard stop < end, ")(PDpO/|".unicodeScalars.contains(scalars[stop]) else { return nil }
        stop += 1
        if stop < end, isWordCharacter(scalars[stop]) { return nil }
        if eyes == "=", index > 0, scalars[index - 1] == "=" { return nil }
        return stop
    }

    private static func kind(of scalars: ArraySlice<Unicode.Scalar>) -> Token.Kind {
        var first = scalars.first!
        if (first == "+" || first == "-" || first == "#" || first == "@"), scalars.count > 1 { first = scalars[scalars.startIndex + 1] }
        if isDigit(first) { return .number }
        return isWordCharacter(first) ? .word : Token.Kind(nonWord: first)
    }

    // Character classes, with an ASCII fast path.

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // Kana, kanji and full-width forms (U+3001 to U+FEFE) hold no space: a mixed paragraph's
        // Japanese text is answered by a range check, without a call to Script's switch.
        if (0x3001..<0xFEFF).contains(scalar.value) { return false }
        return Script(scalar) == .space
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.isAlphabetic }

    /// Letters, digits, combining marks and the underscore: what a word is made of.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
        }
        return CharacterTraits(scalar).isWordCharacter
    }

    private static func isEmailLocal(_ scalar: Unicode.Scalar) -> Bool {
        isWordCharacter(scalar) || scalar == "." || scalar == "-" || scalar == "+" || scalar == "%"
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }

    static func isSentenceFinal(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "!" || scalar == "?" }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
    }
}
