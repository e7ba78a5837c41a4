import JPENText

// English rules. Word lists are this project's own.

extension DateScanner {
    static let englishMonths: WordTable<Int> = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]
    static let fullMonthNames: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                              "september", "october", "november", "december"]
    /// Month names that are also common words: they need a day, a year or a capital to count.
    static let ambiguousMonths: Set<String> = ["may", "march", "mar", "jan", "jun", "sep", "dec"]
    static let englishWeekdays: WordTable<Int> = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]
    /// Words after which a time in words is expected.
    static let wordsBeforeATime: Set<String> = ["at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "since"]
    /// Weekday abbreviations that are no common English word ("sat", "sun", "wed" and "mon" are).
    static let unambiguousWeekdayAbbreviations: Set<String> = ["tue", "tues", "thu", "thur", "thurs", "fri"]
    static let englishNumbers: WordTable<Int> = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "couple": 2,
    ]
    static let englishOrdinals: WordTable<Int> = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30,
    ]
    static let englishUnits: WordTable<TimeUnit> = [
        "second": .second, "seconds": .second, "sec": .second, "secs": .second,
        "minute": .minute, "minutes": .minute, "min": .minute, "mins": .minute,
        "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour,
        "day": .day, "days": .day, "week": .week, "weeks": .week, "fortnight": .week,
        "month": .month, "months": .month, "quarter": .quarter, "quarters": .quarter,
        "year": .year, "years": .year, "yr": .year, "yrs": .year,
        "decade": .decade, "decades": .decade, "century": .century, "centuries": .century,
    ]
    static let englishDayParts: WordTable<String> = [
        "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "noon": "T12:00", "midday": "TMI",
    ]

    /// Centuries a year in words starts with ("nineteen ninety-six").
    static let spelledCenturies: WordTable<Int> = ["fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20]
    /// Adverbs of frequency and the period each repeats.
    static let frequencyAdverbs: WordTable<String> = ["daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                                   "hourly": "PT1H", "nightly": "P1D"]

    /// The English rules that can start at each word, for ``rulesStarting(at:)``: the words each
    /// rule (or the piece it reads first) tests at its first token. A rule given a new first word
    /// must add it here. A table rather than a `Dictionary`: it is asked about every Latin word.
    static let englishRuleStarts: WordTable<EnglishRules> = {
        let months = Array(englishMonths.keys), weekdays = Array(englishWeekdays.keys)
        let numbers = Array(englishNumbers.keys), ordinals = Array(englishOrdinals.keys)
        let modifiers = ["early", "mid", "late"]
        let firstWords: [(EnglishRules, [String])] = [
            (.calendarDate, modifiers + weekdays + months + ordinals),
            (.year, modifiers + ["the", "two"] + spelledCenturies.keys),
            (.relative, ["today", "tonight", "yesterday", "tomorrow", "day", "now", "currently", "presently", "nowadays",
                         "current", "recently", "lately", "recent", "q", "earlier", "later", "the", "upcoming", "this",
                         "last", "next", "past", "coming", "previous", "following", "early", "late"]),
            (.ago, ["in"] + agoHedges.keys + numbers),
            (.duration, ["the", "past", "last", "next", "more", "less", "fewer", "several", "few", "many", "half"]
                + durationHedges.keys + numbers),
            (.clock, ["at", "around", "noon", "midday", "mid", "midnight"] + numbers),
            (.set, ["every", "each", "once", "twice"] + frequencyAdverbs.keys + numbers),
            (.quarter, ["the", "latest", "last", "most", "previous", "current", "this", "quarter"] + ordinals),
            (.dayPartOf, ["the"] + englishDayParts.keys + weekdays),
            (.holiday, ["last", "next", "this"] + Holiday.firstWords),
            (.dayOfMonth, ["on", "the"]),
            (.nthWeekday, ["the", "last"] + ordinals),
            (.yearAgoPeriod, ["the", "year"]),
            (.clockOffset, ["a", "quarter", "half"] + numbers),
            (.dayOfRelativeMonth, ["the"] + ordinals),
        ]
        var starts: [String: EnglishRules] = [:]
        for (rule, words) in firstWords {
            for word in words { starts[word, default: []].insert(rule) }
        }
        return WordTable(starts)
    }()

    /// What must follow the commonest first words for any of their rules to match: "the"
    /// starts nine rules, "a" and "an" five, and nearly always none matches ("the government",
    /// "a plan", "in Tokyo", "at the meeting", "about the plan"). One look at the next token
    /// spares those rules. A rule that reads another token after one of these words must add it
    /// here; the words that go on a holiday's name are added from ``Holiday/names``.
    static let englishRuleFollowers: WordTable<RuleFollowers> = {
        let numbers = Array(englishNumbers.keys), units = Array(englishUnits.keys)
        let clockWords = ["noon", "midday", "mid", "midnight"]
        let amountWords = ["more", "less", "fewer", "several", "few", "many", "some", "half"]
        // "the 1990s", "the '90s", "the future", "the past two years", "the third quarter", "the morning of".
        let afterThe = (words: ["future", "past", "day", "year", "quarter", "latest", "last", "most", "previous", "current",
                                "this"] + amountWords + durationDeterminers.keys + durationHedges.keys + numbers
                            + englishOrdinals.keys + englishDayParts.keys,
                        marks: ["'", "’"] as [Unicode.Scalar], number: true)
        // "a week", "a 10-day", "a year and a half", "a quarter past", "a times a day", "an upcoming", "a fridays back".
        let pluralWeekdays = englishWeekdays.keys.map { $0 + "s" }.filter { $0.count > 4 }
        let afterArticle = (words: units + ["and", "quarter", "times", "upcoming"] + pluralWeekdays,
                            marks: ["-"] as [Unicode.Scalar], number: false)
        // "in 2 minutes", "in half an hour", "in a couple of days", "in quarter of an hour".
        let afterIn = (words: numbers + ["half", "pair", "quarter"], marks: [Unicode.Scalar](), number: true)
        // "about 5 years", "over several months", "around noon", "just two days ago".
        let afterHedge = (words: numbers + amountWords + clockWords, marks: [Unicode.Scalar](), number: true)
        var followers = ["the": afterThe, "a": afterArticle, "an": afterArticle, "in": afterIn,
                         "on": (words: ["the"], marks: [], number: true),
                         "at": (words: numbers + clockWords, marks: [], number: true),
                         "more": (words: ["than"], marks: [], number: false),
                         "less": (words: ["than"], marks: [], number: false),
                         "fewer": (words: ["than"], marks: [], number: false),
                         "year": (words: [], marks: ["-"], number: false)]
        // "some" is an amount as well: "some years".
        for hedge in Set(agoHedges.keys + durationHedges.keys).subtracting(["some"]) { followers[hedge] = afterHedge }
        var tables: [String: RuleFollowers] = [:]
        for (first, (words, marks, number)) in followers {
            // "the prophet ascension". A word that names a holiday on its own needs nothing after it.
            precondition(Holiday.names[first] == nil, "\(first) names a holiday: no token after it is needed")
            let name = Holiday.followers(of: first)
            tables[first] = RuleFollowers(words: words + name.words, marks: marks + name.marks, number: number)
        }
        return WordTable(tables)
    }()

    /// The tokens after a first word that let one of its rules match: a number, one of `marks`
    /// or one of `words`. A class: a look-up hands back one reference rather than a copy of the
    /// tables, each retained.
    final class RuleFollowers: Sendable {
        let words: WordTable<Void>
        let marks: [Unicode.Scalar]
        let number: Bool

        init(words: [String], marks: [Unicode.Scalar], number: Bool) {
            self.words = WordTable(Dictionary(words.map { ($0, ()) }) { first, _ in first })
            self.marks = marks
            self.number = number
        }

        /// Whether token `i` of `scanner` is one of these followers. Cost: O(1).
        func admit(_ i: Int, in scanner: DateScanner) -> Bool {
            guard let t = scanner.token(i) else { return false }
            switch t.kind {
            case .number: return number
            case .kanjiNumber: return false
            case .word: return scanner.lookUp(words, word: t) != nil
            case .char: return marks.contains(scanner.scalars[t.start])
            }
        }
    }

    /// Whether an English rule can read token `i` after a number of other than four digits (a year
    /// stands alone): a word ("5 years", "3rd of May", "4 pm"), or a thousands, decimal, hyphen or
    /// clock mark ("30,000 years", "1.5 hours", "10-day", "9:30"). Numbers before a kanji or
    /// kana ("145円"), a "%" or a bracket start none. A rule that reads another mark after a
    /// number must add it here. Cost: O(1).
    func englishNumberRulesRead(_ i: Int) -> Bool {
        guard let t = token(i) else { return false }
        switch t.kind {
        case .word: return true
        case .char: return [",", ".", "-", ":"].contains(scalars[t.start])
        case .number, .kanjiNumber: return false
        }
    }

    /// The English rules that can start at a number. Computed, so a constant: a `static let`
    /// costs a `swift_once` call at every read, and the scan reads this at every number.
    static var englishNumberRules: EnglishRules {
        [.calendarDate, .year, .ago, .duration, .clock, .quarter, .clockOffset, .dayOfRelativeMonth]
    }

    /// The longest English expression starting at token `i`, trying `rules` (those that can start there).
    func englishExpression(_ i: Int, rules: EnglishRules) -> (Candidate, Int)? {
        guard let t = token(i), t.kind == .word || t.kind == .number || mark(i) == "@" else { return nil }
        var best: (Candidate, Int)? = nil
        // In the order that breaks ties.
        if rules.contains(.calendarDate) { Self.keepLonger(englishCalendarDate(i), in: &best) }
        if rules.contains(.year) { Self.keepLonger(englishYear(i), in: &best) }
        if rules.contains(.relative) { Self.keepLonger(englishRelative(i), in: &best) }
        if rules.contains(.ago) { Self.keepLonger(englishAgo(i), in: &best) }
        if rules.contains(.duration) { Self.keepLonger(englishDuration(i), in: &best) }
        if rules.contains(.clock) { Self.keepLonger(englishClock(i), in: &best) }
        if rules.contains(.set) { Self.keepLonger(englishSet(i), in: &best) }
        if rules.contains(.quarter) { Self.keepLonger(englishQuarter(i), in: &best) }
        if rules.contains(.dayPartOf) { Self.keepLonger(englishDayPartOf(i), in: &best) }
        if rules.contains(.holiday) { Self.keepLonger(englishHoliday(i), in: &best) }
        if rules.contains(.dayOfMonth) { Self.keepLonger(englishDayOfMonth(i), in: &best) }
        if rules.contains(.nthWeekday) { Self.keepLonger(englishNthWeekday(i), in: &best) }
        if rules.contains(.yearAgoPeriod) { Self.keepLonger(englishYearAgoPeriod(i), in: &best) }
        if rules.contains(.clockOffset) { Self.keepLonger(englishClockOffset(i), in: &best) }
        if rules.contains(.dayOfRelativeMonth) { Self.keepLonger(englishDayOfRelativeMonth(i), in: &best) }
        return best
    }

    // MARK: Pieces

    /// A month name at `i`, with its abbreviation dot.
    func englishMonth(_ i: Int) -> (month: Int, next: Int)? {
        guard let w = word(i), let month = lookUp(Self.englishMonths, at: i) else { return nil }
        var next = i + 1
        if w.count <= 4, char(next, ["."]), attached(next) { next += 1 }
        return (month, next)
    }

    /// A day of the month: `5`, `5th`, `fifth`.
    func englishDay(_ i: Int) -> (day: Int, next: Int)? {
        if let (n, next) = digits(i, count: 1...2), (1...31).contains(n) {
            if let w = word(next), attached(next), ["st", "nd", "rd", "th"].contains(w) { return (n, next + 1) }
            return (n, next)
        }
        if let n = lookUp(Self.englishOrdinals, at: i), n <= 31 { return (n, i + 1) }
        return nil
    }

    /// A year in words: "nineteen ninety-six", "two thousand ten", "nineteen oh five".
    func spelledYear(_ i: Int) -> (year: Int, next: Int)? {
        guard let w = word(i) else { return nil }
        if w == "two", word(i + 1) == "thousand" {
            var j = i + 2
            if word(j) == "and" { j += 1 }
            if let (n, _, next) = englishAmount(j), token(j)?.kind == .word, n >= 1, n < 100, word(j) != "a" {
                return (2000 + Int(n), next)
            }
            return nil
        }
        // Centuries news writes out; "twelve oh three" is a clock time, not the year 1203.
        guard let century = Self.spelledCenturies[w] else { return nil }
        var j = i + 1
        if word(j) == "oh", let w2 = word(j + 1), let n = Self.englishNumbers[w2], n < 10, w2 != "a", w2 != "an" {
            return (century * 100 + n, j + 2)
        }
        if word(j) == "hundred" { return (century * 100, j + 1) }
        guard let w2 = word(j), let tens = Self.englishNumbers[w2], tens >= 10, tens < 100 else { return nil }
        var value = tens
        j += 1
        if tens >= 20 {
            var k = j
            if char(k, ["-"]), attached(k) { k += 1 }
            if let w3 = word(k), let ones = Self.englishNumbers[w3], ones < 10, w3 != "a", w3 != "an" { value += ones; j = k + 1 }
        }
        return (century * 100 + value, j)
    }

    /// A four-digit year 1000–2099 (or `'89`).
    func englishYearNumber(_ i: Int) -> (year: Int, next: Int)? {
        if let (n, next) = digits(i, count: 4...4), (1000...2099).contains(n) { return (n, next) }
        if char(i, ["'", "’"]), let (n, next) = digits(i + 1, count: 2...2), attached(i + 1) {
            return (n < 30 ? 2000 + n : 1900 + n, next)
        }
        return nil
    }

    /// An amount in words or digits: `five`, `twenty-five`, `5`, `1.5`, `a`, `half an`.
    func englishAmount(_ i: Int) -> (value: Double, text: String, next: Int)? {
        if let t = token(i), t.kind == .number {
            guard let (value, next) = amount(i) else { return nil }
            return (value, formatAmount(value), next)
        }
        guard let w = word(i), var n = lookUp(Self.englishNumbers, at: i) else { return nil }
        var next = i + 1
        if n >= 20, n < 100 {
            var k = next
            if char(k, ["-"]), attached(k) { k += 1 }
            if let w2 = word(k), let ones = lookUp(Self.englishNumbers, at: k), ones < 10, w2 != "a", w2 != "an" {
                n += ones
                next = k + 1
            }
        }
        if w == "couple" { return nil }
        return (Double(n), String(n), next)
    }

    /// The time of day in English: `3:20`, `3:20 pm`, `3:15p`, `4pm`, `3ish pm`, `10 a.m. EST`,
    /// `ten-thirty`, `seven thirty p.m.`, `noon`, `midnight`. A zone converts the time to the
    /// document's zone when the document date gives one.
    func englishClockPart(_ i: Int) -> (hour: Int, minute: Int?, second: Int?, next: Int)? {
        var hour: Int
        var minute: Int? = nil, second: Int? = nil
        var j: Int
        // Whether the words so far already read as a time ("10:30", "ten-thirty") without a meridiem.
        var complete: Bool
        if let w = word(i) {
            if w == "noon" || w == "midday" { return (12, 0, nil, i + 1) }
            if w == "mid", word(i + 1) == "day" { return (12, 0, nil, i + 2) }
            if w == "midnight" { return (0, 0, nil, i + 1) }
            guard let spelled = spelledClock(i) else { return nil }
            (hour, minute, j, complete) = (spelled.hour, spelled.minute, spelled.next, spelled.complete)
        } else {
            guard let (h, next) = digits(i, count: 1...2), h <= 24 else { return nil }
            hour = h
            j = next
            if char(j, [":"]), attached(j), let (m, n2) = digits(j + 1, count: 2...2), attached(j + 1), m < 60 {
                minute = m
                j = n2
                if char(j, [":"]), attached(j), let (s, n3) = digits(j + 1, count: 2...2), attached(j + 1), s < 60 {
                    second = s
                    j = n3
                }
            }
            if minute == nil, char(j, ["."]), attached(j), let (m, n2) = digits(j + 1, count: 2...2), attached(j + 1), m < 60,
               h <= 12, let w = word(n2), w == "am" || w == "pm" {
                // "4.30pm": a dot for the colon, only before a meridiem (else it is a decimal).
                minute = m
                j = n2
            }
            if minute == nil, word(j) == "h", attached(j) {
                // 15h, 15h30: the 24-hour clock written with "h" ("2h" alone is two hours).
                if let (m, n2) = digits(j + 1, count: 2...2), attached(j + 1), m < 60 {
                    minute = m
                    j = n2
                } else if h >= 10 || zoneOffset(j + 1) != nil {
                    minute = 0
                    j += 1
                }
            }
            complete = minute != nil
            // "3ish": about three.
            if word(j) == "ish", attached(j) { j += 1 }
        }
        var meridiem: String? = nil
        if let w = word(j), w == "am" || w == "pm" {
            meridiem = w
            j += 1
            if char(j, ["."]), attached(j) { j += 1 }
        } else if let w = word(j), w == "a" || w == "p", char(j + 1, ["."]), word(j + 2) == "m" {
            meridiem = w + "m"
            j += 3
            if char(j, ["."]), attached(j) { j += 1 }
        } else if let w = word(j), w == "a" || w == "p", word(j + 1) == "m", !attached(j + 1) {
            // "nine fifty nine a m"
            meridiem = w + "m"
            j += 2
        } else if let w = word(j), w == "a" || w == "p", attached(j), complete || word(i - 1) == "at" || mark(i - 1) == "@" {
            // "3:15p", "at 3p."
            meridiem = w + "m"
            j += 1
            if char(j, ["."]), attached(j) { j += 1 }
        } else if let w = word(j), w == "o", char(j + 1, ["'", "’"]), word(j + 2) == "clock" {
            j += 3
            complete = true
        } else if word(j) == "oclock" {
            j += 1
            complete = true
        }
        if meridiem == nil, let w = word(j), w == "am" || w == "pm" || (w == "a" && word(j + 1) == "m") {
            // "3 o'clock am"
            meridiem = w.prefix(1) + "m"
            j += w.count == 2 ? 1 : 2
        }
        if meridiem == "pm", word(j) == "tonight" {
            // "10pm tonight"
            j += 1
        } else if meridiem == nil, let part = dayPartAfterClock(j) {
            // "3 in the afternoon", "8 tonight": the day part settles the half of the day.
            if part.afternoon, hour < 12 { hour += 12 }
            j = part.next
        } else if meridiem == nil, !complete, zoneOffset(j) == nil {
            return nil
        }
        if let meridiem {
            guard hour >= 1, hour <= 12 else { return nil }
            if meridiem == "pm", hour < 12 { hour += 12 }
            if meridiem == "am", hour == 12 { hour = 0 }
        }
        var zoneAt = j
        if char(zoneAt, ["("]), zoneOffset(zoneAt + 1) != nil, char(zoneAt + 2, [")"]) { zoneAt += 1 }
        if let offset = zoneOffset(zoneAt) {
            j = zoneAt + (zoneAt > j ? 2 : 1)
            if let offset, let documentOffset = reference?.utcOffsetMinutes {
                let local = hour * 60 + (minute ?? 0) - offset + documentOffset
                if local >= 0, local < 24 * 60 {
                    hour = local / 60
                    minute = local % 60
                }
            }
        }
        return (hour, minute, second, j)
    }

    /// UTC offsets (minutes) of the zones news writes; nil for a zone whose offset depends on
    /// the season ("ET").
    static let zoneOffsets: WordTable<Int?> = [
        "gmt": 0, "utc": 0, "z": nil, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "jst": 540, "kst": 540,
        "hkt": 480, "sgt": 480, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "et": nil, "ct": nil, "pt": nil, "aest": 600, "ist": 330,
    ]

    /// The zone named at token `i`: nil when there is none, `.some(nil)` for a zone of unknown offset.
    func zoneOffset(_ i: Int) -> Int?? {
        guard let w = word(i), w != "z", let offset = Self.zoneOffsets[w] else { return nil }
        return .some(offset)
    }

    /// A time of day in words: "ten-thirty", "twelve oh three", "seven thirty", "three" (the
    /// caller wants a meridiem or a day part after a bare hour). `complete` says whether it reads
    /// as a time without one: hyphenated, "oh", or after "at".
    func spelledClock(_ i: Int) -> (hour: Int, minute: Int?, next: Int, complete: Bool)? {
        guard let w = word(i), w != "a", w != "an", w != "couple", let hour = Self.englishNumbers[w], (1...12).contains(hour) else { return nil }
        var j = i + 1
        var hyphen = false
        if char(j, ["-"]), attached(j) { hyphen = true; j += 1 }
        // Without a meridiem, words read as a time only where a time is expected ("flight one oh three" is none).
        let expected = token(i - 1) == nil || (word(i - 1).map { Self.wordsBeforeATime.contains($0) } ?? char(i - 1, ["@", "."]))
        if let oh = word(j), ["oh", "o", "ou", "zero"].contains(oh), !(oh == "o" && char(j + 1, ["'", "’"])) {
            var k = j + 1
            if char(k, ["-"]), attached(k) { k += 1 }
            guard let w2 = word(k), let ones = Self.englishNumbers[w2], (1...9).contains(ones), w2 != "a", w2 != "an" else { return nil }
            return (hour, ones, k + 1, expected)
        }
        if token(j)?.kind == .word, let (value, _, next) = englishAmount(j), value >= 10, value < 60, word(j) != "a" {
            return (hour, Int(value), next, hyphen && expected || word(i - 1) == "at")
        }
        if hyphen { return nil }
        return (hour, nil, j, false)
    }

    /// "20 minutes past 3pm", "a quarter past 1pm", "a quarter to noon", "half past three".
    func englishClockOffset(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if word(j) == "a" { j += 1 }
        var amount: Int
        if word(j) == "quarter" { amount = 15; j += 1 }
        else if word(j) == "half", j == i { amount = 30; j += 1 }
        else if j == i, let (value, _, next) = englishAmount(j), value == value.rounded(), value >= 1, value < 60 {
            // "5 to 10" is a range; "5 minutes to 10" and "20 past 3" are times.
            amount = Int(value)
            j = next
            if let u = word(j), ["minute", "minutes", "min", "mins"].contains(u) { j += 1 }
            else if word(j) != "past" { return nil }
        } else {
            return nil
        }
        guard let w = word(j), ["past", "after", "to", "before", "till", "of"].contains(w) else { return nil }
        if !["past", "after"].contains(w) { amount = -amount }
        j += 1
        var hour: Int, minute: Int, next: Int
        if let clock = englishClockPart(j) {
            (hour, minute, next) = (clock.hour, clock.minute ?? 0, clock.next)
        } else if let (h, n) = digits(j, count: 1...2), (1...12).contains(h) {
            (hour, minute, next) = (h, 0, n)
        } else if let spelled = spelledClock(j), spelled.minute == nil {
            (hour, minute, next) = (spelled.hour, 0, spelled.next)
        } else {
            return nil
        }
        let total = ((hour * 60 + minute + amount) % 1440 + 1440) % 1440
        return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .time,
                          value: .clock(hour: total / 60, minute: total % 60, second: nil)), next)
    }

    /// "in the afternoon", "in the morning", "tonight", "at night" after a time of day.
    func dayPartAfterClock(_ i: Int) -> (afternoon: Bool, next: Int)? {
        var j = i
        if word(j) == "tonight" { return (true, j + 1) }
        guard let w = word(j), w == "in" || w == "at" else { return nil }
        j += 1
        if word(j) == "the" { j += 1 }
        guard let part = word(j), ["morning", "afternoon", "evening", "night"].contains(part) else { return nil }
        return (part != "morning", j + 1)
    }

    /// A bare hour after "at" when a day part already said which half of the day: "tonight at 8".
    func hourAfterDayPart(_ i: Int, afternoon: Bool) -> (suffix: String, next: Int)? {
        guard word(i) == "at", let (h, next) = digits(i + 1, count: 1...2), (1...12).contains(h),
              !char(next, [":"]) else { return nil }
        let hour = afternoon && h < 12 ? h + 12 : (!afternoon && h == 12 ? 0 : h)
        return ("T" + clockText(hour: hour, minute: 0, second: nil), next)
    }

    /// `at 3pm` after a date: the time suffix `T15:00`.
    func englishTimeSuffix(_ i: Int) -> (suffix: String, next: Int)? {
        var j = i
        if let w = word(j), w == "at" || w == "around" { j += 1 }
        if let clock = englishClockPart(j) {
            return ("T" + clockText(hour: clock.hour, minute: clock.minute ?? 0, second: clock.second), clock.next)
        }
        if j == i, let w = word(i), let part = Self.englishDayParts[w] { return (part, i + 1) }
        return nil
    }

    // MARK: Calendar dates

    /// November 5th, Nov. 7, 2024; 5 November; November 18-19; October 2024; late November; Friday, Nov. 8.
    func englishCalendarDate(_ i: Int) -> (Candidate, Int)? {
        var j = i
        var mod: String? = nil
        if let w = word(j), ["early", "mid", "late"].contains(w) {
            var k = j + 1
            if char(k, ["-"]) { k += 1 }
            if englishMonth(k) != nil || englishYearNumber(k) != nil {
                mod = ["early": "START", "mid": "MID", "late": "END"][w]
                j = k
            }
        }
        // A weekday before the date only confirms it: "Friday, Nov. 8".
        if let w = word(j), Self.englishWeekdays[w] != nil, w.count > 3 || char(j + 1, [".", ","]) {
            var k = j + 1
            if char(k, [".", ","]) { k += 1 }
            if englishMonth(k) != nil || englishDay(k) != nil { j = k }
        }
        var month: Int? = nil, day: Int? = nil, endDay: Int? = nil, year: Int? = nil
        var monthIndex = j
        if let (m, next) = englishMonth(j) {
            month = m
            j = next
            // "March the 3rd"
            let dayAt = word(j) == "the" && token(j + 1)?.kind == .number ? j + 1 : j
            if let (d, afterDay) = englishDay(dayAt), englishYearNumber(dayAt) == nil, dayAt == j || afterDay > dayAt + 1 {
                day = d
                j = afterDay
                if let dash = mark(j), Self.isRangeMark(dash) || dash == "—",
                   let (e, afterEnd) = englishDay(j + 1), e > d {
                    endDay = e
                    j = afterEnd
                } else if let w = word(j), w == "to" || w == "through", let (e, afterEnd) = englishDay(j + 1), e > d,
                          englishMonth(j + 1) == nil {
                    endDay = e
                    j = afterEnd
                }
            }
        } else if let (d, next) = englishDay(j) {
            var k = next
            if word(k) == "of" { k += 1 }
            guard let (m, afterMonth) = englishMonth(k) else { return nil }
            monthIndex = k
            day = d
            month = m
            j = afterMonth
        } else {
            return nil
        }
        // The year: ", 2024", " 2024", "of 2024".
        var k = j
        if char(k, [","]) { k += 1 }
        if word(k) == "of", day == nil { k += 1 }
        if let (y, next) = englishYearNumber(k), !(char(next, [":"]) && attached(next)) {
            year = y
            j = next
        }
        // Month names that are ordinary words ("may", "march") need support.
        if day == nil, year == nil, let name = word(monthIndex) {
            let capitalized = tokens[monthIndex].capitalized
            let previous = word(i - 1) ?? ""
            let supported = mod != nil || ["in", "of", "since", "until", "by", "during", "through", "from", "before",
                                           "after", "till", "between"].contains(previous)
            if !Self.fullMonthNames.contains(name) {
                // "Jan" alone is as often a name as a month.
                return nil
            } else if Self.ambiguousMonths.contains(name) {
                guard capitalized, supported else { return nil }
            }
        }
        var suffix = ""
        if day != nil, let time = englishTimeSuffix(j) {
            suffix = time.suffix
            j = time.next
        }
        let start = tokens[i].start
        let end = tokens[j - 1].end
        let type: TemporalExpression.Kind = suffix.count > 3 ? .time : .date
        if let year {
            return (Candidate(start: start, end: end, type: type,
                              value: .fixed(dateText(year: year, month: month, day: day, endDay: endDay) + suffix),
                              mod: mod, statedYear: year), j)
        }
        return (Candidate(start: start, end: end, type: type,
                          value: .yearless(month: month, day: day, endDay: endDay, suffix: suffix), mod: mod), j)
    }

    /// 2016, the 1990s, mid-1990s, fiscal 1990.
    func englishYear(_ i: Int) -> (Candidate, Int)? {
        var j = i
        var mod: String? = nil
        if let w = word(j), ["early", "mid", "late"].contains(w) {
            var k = j + 1
            if char(k, ["-"]) { k += 1 }
            if englishYearNumber(k) != nil {
                mod = ["early": "START", "mid": "MID", "late": "END"][w]
                j = k
            }
        }
        if word(j) == "the", englishYearNumber(j + 1) != nil { j += 1 }
        if let (year, next) = spelledYear(j) {
            return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .date, value: .fixed(pad4(year)),
                              mod: mod, statedYear: year), next)
        }
        if let (number, afterNumber) = digits(j, count: 1...4), let (era, afterEra) = eraMarker(afterNumber) {
            // "2014 B.C.", "14 a.d.": astronomical years are not needed, TIMEX3 writes BC years negative.
            let year = era ? number : -number
            return (Candidate(start: tokens[i].start, end: tokens[afterEra - 1].end, type: .date, value: .fixed(pad4(year)),
                              mod: mod, statedYear: year), afterEra)
        }
        guard let (year, next) = englishYearNumber(j) else { return nil }
        if let w = word(next), attached(next), w == "s" {
            return (Candidate(start: tokens[i].start, end: tokens[next].end, type: .date,
                              value: .fixed(String(year / 10)), mod: mod), next + 1)
        }
        // A number with a unit, a currency or a counter is no year.
        if let after = token(next), !after.spaceBefore,
           after.kind == .word || scalars[after.start] == "%" || scalars[after.start].isAlphabetic { return nil }
        if let after = word(next), ["percent", "people", "miles", "km", "votes", "shares", "points", "tons", "units"].contains(after) { return nil }
        if char(j - 1, ["$", "#", "¥", "€", "£"]) { return nil }
        if char(next, [","]), token(next + 1)?.kind == .number, token(next + 1)?.digits == 3 { return nil }
        if char(next, [":", "."]), attached(next), token(next + 1)?.kind == .number { return nil }
        if tokens[j].spaceBefore == false, char(j - 1, [".", ","]),
           token(j - 2)?.kind == .number { return nil }
        return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .date, value: .fixed(pad4(year)),
                          mod: mod, statedYear: year), next)
    }

    /// "AD", "A.D.", "CE" (true) or "BC", "B.C.", "BCE" (false) at token `i`.
    func eraMarker(_ i: Int) -> (commonEra: Bool, next: Int)? {
        guard let w = word(i) else { return nil }
        switch w {
        case "ad", "ce": return (true, i + 1)
        case "bc", "bce": return (false, i + 1)
        case "a", "b":
            guard char(i + 1, ["."]), attached(i + 1), let w2 = word(i + 2), w2 == (w == "a" ? "d" : "c"), attached(i + 2) else { return nil }
            var next = i + 3
            if char(next, ["."]), attached(next) { next += 1 }
            return (w == "a", next)
        default: return nil
        }
    }

    // MARK: Relative expressions

    /// today, yesterday, now, last week, next year, this month, last Friday, earlier this year,
    /// the day before yesterday.
    func englishRelative(_ i: Int) -> (Candidate, Int)? {
        guard let w = word(i) else { return nil }
        let start = tokens[i].start
        func make(_ value: PendingValue, _ next: Int, mod: String? = nil, tense: Tense? = nil) -> (Candidate, Int) {
            var candidate = Candidate(start: start, end: tokens[next - 1].end, type: .date, value: value, mod: mod)
            candidate.tense = tense
            return (candidate, next)
        }
        switch w {
        // "the" first: the commonest word of English text, and a switch compares in order.
        case "the":
            if let w2 = word(i + 1) {
                if w2 == "future" { return make(.fixed("FUTURE_REF"), i + 2) }
                if w2 == "past", word(i + 2) == nil || Self.englishUnits[word(i + 2)!] == nil,
                   englishAmount(i + 2) == nil { return make(.fixed("PAST_REF"), i + 2) }
                if w2 == "day", let w3 = word(i + 2), w3 == "before" || w3 == "after", let w4 = word(i + 3),
                   w4 == "yesterday" || w4 == "tomorrow" {
                    return make(.shift(unit: .day, amount: w4 == "yesterday" ? -2 : 2, text: "2", suffix: ""), i + 4)
                }
            }
            return nil
        case "today", "tonight", "yesterday", "tomorrow", "day":
            var next = i + 1
            var offset = w == "yesterday" ? -1 : (w == "tomorrow" ? 1 : 0)
            if w == "day" {
                // "day after tomorrow" without "the".
                guard let w2 = word(i + 1), w2 == "before" || w2 == "after", let w3 = word(i + 2),
                      w3 == (w2 == "before" ? "yesterday" : "tomorrow") else { return nil }
                offset = w2 == "before" ? -2 : 2
                next = i + 3
            }
            var suffix = w == "tonight" ? "TNI" : ""
            var afternoon = w == "tonight"
            if w != "tonight", let part = word(next), let code = Self.englishDayParts[part], code.count == 3 {
                suffix = code
                afternoon = part != "morning"
                next += 1
            }
            if let time = hourAfterDayPart(next, afternoon: afternoon), !suffix.isEmpty {
                suffix = time.suffix
                next = time.next
            } else if let time = englishTimeSuffix(next), time.suffix.count > 3 {
                suffix = time.suffix
                next = time.next
            }
            return make(.shift(unit: .day, amount: offset, text: String(abs(offset)), suffix: suffix), next)
        case "now", "currently", "presently", "nowadays", "current":
            return make(.fixed("PRESENT_REF"), i + 1)
        case "recently", "lately":
            return make(.fixed("PAST_REF"), i + 1)
        case "recent":
            // "recent years" is a time; "recent" before other nouns usually is not.
            guard let u = word(i + 1), let unit = Self.englishUnits[u], u.hasSuffix("s"), unit >= .day else { return nil }
            return make(.fixed("PAST_REF"), i + 2)
        case "q":
            guard let (n, next) = digits(i + 1, count: 1...1), attached(i + 1), (1...4).contains(n) else { return nil }
            return make(.fixed("XXXX-Q\(n)"), next)
        case "earlier", "later":
            // earlier this year, later this month
            guard let w2 = word(i + 1), w2 == "this", let u = word(i + 2), let unit = Self.englishUnits[u], unit >= .week else { return nil }
            return make(.shift(unit: unit, amount: 0, text: "0", suffix: ""), i + 3, mod: w == "earlier" ? "START" : "END")
        case "upcoming":
            // "upcoming two months": that many units ahead, at the unit's grain.
            guard let (value, text, next) = englishAmount(i + 1), word(i + 1) != "a", let u = word(next),
                  let unit = Self.englishUnits[u], unit >= .day, value == value.rounded() else { return nil }
            return make(.shift(unit: unit, amount: Int(value), text: text, suffix: ""), next + 1)
        case "this", "last", "next", "past", "coming", "previous", "following", "early", "late":
            var j = i + 1
            var mod: String? = nil
            var direction = Self.direction(of: w) ?? 0
            if w == "early" || w == "late" {
                guard let w2 = word(j), ["this", "last", "next"].contains(w2) else { return nil }
                mod = w == "early" ? "START" : "END"
                direction = Self.direction(of: w2)!
                j += 1
            }
            guard let target = word(j) else { return nil }
            if let unit = Self.englishUnits[target], unit >= .day, !target.hasSuffix("s") {
                if w == "past" || w == "coming" {
                    // "the past year" is a span of a year.
                    let value = unit == .century ? "P100Y" : (unit == .decade ? "P10Y" : unit.duration("1"))
                    return (Candidate(start: start, end: tokens[j].end, type: .duration, value: .fixed(value)), j + 1)
                }
                if unit == .day { return nil }
                return make(.shift(unit: unit, amount: direction, text: String(abs(direction)), suffix: ""), j + 1, mod: mod)
            }
            if target == "weekend" {
                return make(.shift(unit: .week, amount: direction, text: String(abs(direction)), suffix: "-WE"), j + 1)
            }
            if target == "night", w == "last" {
                return make(.shift(unit: .day, amount: -1, text: "1", suffix: "TNI"), j + 1)
            }
            if w == "this", let part = Self.englishDayParts[target], part.count == 3 {
                // this morning, this afternoon at 2
                if let time = hourAfterDayPart(j + 1, afternoon: target != "morning") ?? englishTimeSuffix(j + 1) {
                    return make(.shift(unit: .day, amount: 0, text: "0", suffix: time.suffix), time.next)
                }
                return make(.shift(unit: .day, amount: 0, text: "0", suffix: part), j + 1)
            }
            if let day = Self.englishWeekdays[target], target.count > 3 {
                // "next monday at 4pm": a clock time refines the day.
                var next = j + 1
                var suffix = ""
                if word(next) == "at", let time = englishTimeSuffix(next), time.suffix.count > 3 {
                    suffix = time.suffix
                    next = time.next
                }
                var candidate = Candidate(start: start, end: tokens[next - 1].end, type: suffix.isEmpty ? .date : .time,
                                          value: .weekday(day, suffix: suffix))
                candidate.tense = direction < 0 ? .past : (direction > 0 ? .future : nil)
                return (candidate, next)
            }
            if let (month, next) = englishMonth(j), tokens[j].capitalized || !Self.ambiguousMonths.contains(target) {
                return make(.yearless(month: month, day: nil, endDay: nil, suffix: ""), next, mod: mod,
                            tense: direction < 0 ? .past : (direction > 0 ? .future : nil))
            }
            if let season = Self.seasonCode(target) {
                return make(.shift(unit: .year, amount: direction, text: String(abs(direction)), suffix: "-" + season), j + 1)
            }
            return nil
        default:
            return nil
        }
    }

    /// Which way a word points: "last", "past", "previous" back (-1), "this" here (0), "next",
    /// "coming", "following" ahead (1); nil for other words. A switch rather than a dictionary
    /// literal, which would be built at every call.
    static func direction(of word: String) -> Int? {
        switch word {
        case "this": 0
        case "last", "past", "previous": -1
        case "next", "coming", "following": 1
        default: nil
        }
    }

    /// The TIMEX3 code of a season's name.
    static func seasonCode(_ word: String) -> String? {
        switch word {
        case "spring": "SP"
        case "summer": "SU"
        case "fall", "autumn": "FA"
        case "winter": "WI"
        default: nil
        }
    }

    /// "20th of next month", "the 20th day of the previous month": a day of a month counted
    /// from the document date's.
    func englishDayOfRelativeMonth(_ i: Int) -> (Candidate, Int)? {
        guard let today = reference?.date else { return nil }
        var j = i
        if word(j) == "the" { j += 1 }
        guard let (day, afterDay) = englishDay(j) else { return nil }
        var k = afterDay
        if word(k) == "day" { k += 1 }
        guard word(k) == "of" else { return nil }
        k += 1
        if word(k) == "the" { k += 1 }
        guard let w = word(k), let shift = ["next": 1, "following": 1, "last": -1, "previous": -1, "this": 0][w],
              word(k + 1) == "month" else { return nil }
        let month = CivilDate(year: today.year, month: today.month, day: 1).adding(months: shift)
        guard day <= CivilDate.daysIn(month: month.month, year: month.year) else { return nil }
        let date = CivilDate(year: month.year, month: month.month, day: day)
        return (Candidate(start: tokens[i].start, end: tokens[k + 1].end, type: .date, value: .fixed(date.isoString)), k + 2)
    }

    /// the 24th, on the 15th: a day of an unstated month.
    func englishDayOfMonth(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if word(j) == "on" { j += 1 }
        if word(j) == "the" { j += 1 }
        guard j > i, let t = token(j), t.kind == .number, let (day, next) = englishDay(j) else { return nil }
        // An ordinal ("24th") after "on", or closing a clause: "the 6" and "the 11th district" are no dates.
        guard next > j + 1 else { return nil }
        let closes = token(next) == nil || char(next, [",", ".", ";", ")"])
        guard word(i) == "on" || closes else { return nil }
        if englishMonth(next) != nil || word(next) == "of" || (word(next).map { Self.englishUnits[$0] != nil } ?? false) { return nil }
        return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .date,
                          value: .yearless(month: nil, day: day, endDay: nil, suffix: "")), next)
    }

    /// three years ago, a year earlier, two days later, five minutes from now, three days before.
    /// Values keep the unit's granularity ("six weeks ago" is a week), as TimeML annotates them;
    /// "in two weeks" stays a duration.
    func englishAgo(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if word(j) == "in", let (value, unit, next) = countedSpan(j + 1), unit != .quarter, unit <= .year {
            // "in 2.5 hours", "in half an hour": a moment that far ahead, counted in whole minutes or seconds.
            var amount = value, finer = unit
            while amount != amount.rounded(), finer > .second, finer <= .hour {
                amount *= 60
                finer = finer == .hour ? .minute : .second
            }
            guard amount == amount.rounded() else { return nil }
            var candidate = Candidate(start: tokens[j + 1].start, end: tokens[next - 1].end, type: .duration,
                                      value: .shift(unit: finer, amount: Int(amount), text: formatAmount(amount), suffix: ""))
            candidate.counted = .spanUnlessIsolated
            return (candidate, next)
        }
        // The amount at the first token, read once for the three readings that start with it.
        let amountAtStart = englishAmount(j)
        if let (value, _, next) = amountAtStart, word(j) != "a", value == value.rounded(), word(next) == "upcoming",
           let u = word(next + 1), let unit = Self.englishUnits[u], unit >= .day {
            // "two upcoming months": as "upcoming two months".
            return (Candidate(start: tokens[i].start, end: tokens[next + 1].end, type: .date,
                              value: .shift(unit: unit, amount: Int(value), text: String(Int(value)), suffix: "")), next + 2)
        }
        if let shifted = countedWeekdays(i, amount: amountAtStart) { return shifted }
        if lookUp(Self.agoHedges, at: j) != nil { j += 1 }
        guard let (counted, countedText, next) = j == i ? amountAtStart : englishAmount(j), let u = word(next),
              let unit = lookUp(Self.englishUnits, at: next) else { return nil }
        // A fortnight is counted in weeks.
        let value = u.hasPrefix("fortnight") ? counted * 2 : counted
        let text = u.hasPrefix("fortnight") ? formatAmount(value) : countedText
        guard let direction = word(next + 1) else { return nil }
        var end = next + 2
        let amount: Int
        switch direction {
        case "ago", "earlier", "before", "previously", "back", "prior": amount = -Int(value)
        case "later", "after", "hence": amount = Int(value)
        case "from":
            if word(next + 2) == "right", word(next + 3) == "now" { end = next + 4 }
            else if let w = word(next + 2), w == "now" || w == "today" { end = next + 3 }
            else { return nil }
            amount = Int(value)
        default: return nil
        }
        let start = tokens[i].start
        if direction == "before" || direction == "after" {
            // "three days before the election": a span anchored on an event, not on the document date.
            return (Candidate(start: start, end: tokens[next].end, type: .duration, value: .fixed(unit.duration(text))), next + 1)
        }
        guard value == value.rounded() else {
            return (Candidate(start: start, end: tokens[end - 1].end, type: .duration, value: .fixed(unit.duration(text)),
                              mod: amount < 0 ? "BEFORE" : "AFTER"), end)
        }
        var candidate = Candidate(start: start, end: tokens[end - 1].end, type: .date,
                                  value: .shift(unit: unit, amount: amount, text: text, suffix: ""))
        candidate.comparesPeriods = unit == .year
        candidate.counted = .toTheDayWhenIsolated
        return (candidate, end)
    }

    /// An amount and a unit after "in": "2 minutes", "half an hour", "a quarter of an hour",
    /// "a couple of hours", "a pair of minutes", "2 more minutes", "1/2 h", "15'", "a fortnight".
    func countedSpan(_ i: Int) -> (value: Double, unit: TimeUnit, next: Int)? {
        var j = i
        var value: Double
        let article = word(i) == "a" ? i + 1 : i
        if word(j) == "half", let w = word(j + 1), w == "a" || w == "an" {
            value = 0.5
            j += 2
        } else if word(article) == "quarter", word(article + 1) == "of", let w = word(article + 2), w == "a" || w == "an" {
            value = 0.25
            j = article + 3
        } else if let w = word(article), w == "couple" || w == "pair" {
            value = 2
            j = article + 1
            if word(j) == "of" { j += 1 }
        } else if let (numerator, afterNumerator) = digits(j, count: 1...2), char(afterNumerator, ["/"]),
                  let (denominator, afterFraction) = digits(afterNumerator + 1, count: 1...2), denominator > 0 {
            value = Double(numerator) / Double(denominator)
            j = afterFraction
        } else if let (amount, _, next) = englishAmount(j) {
            value = amount
            j = next
        } else {
            return nil
        }
        if word(j) == "more" { j += 1 }
        if char(j, ["'", "’"]), attached(j) { return (value, .minute, j + 1) }
        // "an hour and a half"
        if let u = word(j), let unit = Self.englishUnits[u], word(j + 1) == "and", word(j + 2) == "a", word(j + 3) == "half" {
            return (value + 0.5, unit, j + 4)
        }
        guard let u = word(j) else { return nil }
        if u == "h" { return (value, .hour, j + 1) }
        guard let unit = lookUp(Self.englishUnits, at: j) else { return nil }
        return (u.hasPrefix("fortnight") ? value * 2 : value, unit, j + 1)
    }

    /// "3 fridays from now", "two sundays from now", "2 thursdays back": the n-th such weekday
    /// after (or before) the document date. `amount` is ``englishAmount(_:)`` at `i`.
    func countedWeekdays(_ i: Int, amount: (value: Double, text: String, next: Int)?) -> (Candidate, Int)? {
        guard let today = reference?.date, let (value, _, next) = amount, value == value.rounded(), value >= 1,
              let plural = word(next), plural.hasSuffix("s"), let weekday = Self.englishWeekdays[String(plural.dropLast())],
              plural.count > 4 else { return nil }
        let n = Int(value)
        let date: CivilDate
        var end: Int
        if word(next + 1) == "from", word(next + 2) == "now" {
            let ahead = (weekday - today.weekday + 7) % 7
            date = today.adding(days: (ahead == 0 ? 7 : ahead) + 7 * (n - 1))
            end = next + 3
        } else if let w = word(next + 1), w == "back" || w == "ago" {
            let back = (today.weekday - weekday + 7) % 7
            date = today.adding(days: -(back == 0 ? 7 : back) - 7 * (n - 1))
            end = next + 2
        } else {
            return nil
        }
        return (Candidate(start: tokens[i].start, end: tokens[end - 1].end, type: .date, value: .fixed(date.isoString)), end)
    }

    // MARK: Durations

    /// Words after "the" that open a span: "the past two months", "the first nine months".
    static let durationDeterminers: WordTable<Void> = ["past", "last", "next", "first", "coming", "previous", "latest", "final"]
    /// Words before an amount that qualify a span: "about five minutes", "over a year".
    static let durationHedges: WordTable<Void> = ["about", "nearly", "almost", "some", "roughly", "approximately", "around", "over", "under"]
    /// Words before an amount that a shift reads past: "about three years ago".
    static let agoHedges: WordTable<Void> = ["about", "nearly", "almost", "some", "roughly", "approximately", "just", "only"]

    /// Words before "a" that make "a year" a rate ("twice a year", "$5 million a year").
    static let rateWords: Set<String> = ["times", "twice", "once", "per", "percent", "million", "billion", "dollars", "cents", "yen", "barrels", "tons"]

    /// five minutes, a roughly five-minute call, the past two months, the first nine months, two-year,
    /// several years, 90 days, half an hour.
    func englishDuration(_ i: Int) -> (Candidate, Int)? {
        var j = i
        var mod: String? = nil
        if word(j) == "the" {
            j += 1
            if let w = word(j), Self.durationDeterminers.contains(w) { j += 1 }
        } else if let w = word(j), ["past", "last", "next"].contains(w), englishAmount(j + 1) != nil, word(j + 1) != "a" {
            j += 1
        }
        if let w = word(j), Self.durationHedges.contains(w) {
            mod = switch w {
            case "about", "roughly", "approximately", "around": "APPROX"
            case "nearly", "almost", "under": "LESS_THAN"
            case "over": "MORE_THAN"
            default: nil
            }
            j += 1
        }
        if let w = word(j), ["more", "less", "fewer"].contains(w), word(j + 1) == "than" {
            mod = w == "more" ? "MORE_THAN" : "LESS_THAN"
            j += 2
        }
        var amountText: String
        var next: Int
        if let w = word(j), ["several", "few", "many", "some"].contains(w) {
            amountText = "X"
            next = j + 1
        } else if word(j) == "half", let w = word(j + 1), w == "a" || w == "an" {
            amountText = "0.5"
            next = j + 2
        } else if let (_, text, n) = englishAmount(j) {
            amountText = text
            next = n
            if word(next) == "and", word(next + 1) == "a", word(next + 2) == "half" {
                amountText = formatAmount((Double(text) ?? 0) + 0.5)
                next += 3
            }
        } else {
            return nil
        }
        var hyphen = false
        if char(next, ["-"]), attached(next) { hyphen = true; next += 1 }
        guard let u = word(next), let unit = lookUp(Self.englishUnits, at: next) else { return nil }
        if amountText == "X", !u.hasSuffix("s") { return nil }
        if hyphen, u.hasSuffix("s") { return nil }
        // "twice a day", "$5 a year", "3% a month": a rate, not a span.
        if word(j) == "a" || word(j) == "an", j == i, let previous = token(i - 1) {
            if previous.kind == .number || char(i - 1, ["%"]) || (word(i - 1).map { Self.rateWords.contains($0) } ?? false) { return nil }
        }
        var end = next + 1
        if hyphen, char(end, ["-"]), let w = word(end + 1) {
            // "a 6-year-old" is an age, not a span of time.
            if w == "old" { return nil }
            if w == "long" { end += 2 }
        }
        let value: String
        switch unit {
        case .decade: value = amountText == "X" ? "PXDE" : "P\(formatAmount((Double(amountText) ?? 0) * 10))Y"
        case .century: value = amountText == "X" ? "PXCE" : "P\(formatAmount((Double(amountText) ?? 0) * 100))Y"
        default: value = unit.duration(amountText)
        }
        return (Candidate(start: tokens[i].start, end: tokens[end - 1].end, type: .duration, value: .fixed(value), mod: mod), end)
    }

    // MARK: Times

    /// 3:20 pm, 10 a.m. EST, noon, 4pm on Friday, 9:30 tomorrow.
    func englishClock(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if let w = word(j), w == "at" || w == "around" { j += 1 } else if char(j, ["@"]) { j += 1 }
        guard let clock = englishClockPart(j) else { return nil }
        let next = clock.next
        let time = "T" + clockText(hour: clock.hour, minute: clock.minute ?? 0, second: clock.second)
        // "3pm on Friday", "3pm tomorrow"
        var k = next
        if word(k) == "on" { k += 1 }
        if let (date, after) = englishCalendarDate(k) ?? englishRelative(k) ?? englishAgo(k) ?? englishWeekday(k), date.type == .date {
            var value: PendingValue? = nil
            switch date.value {
            case .fixed(let v) where v.count == 10: value = .fixed(v + time)
            case .yearless(let m, let d, nil, ""): value = .yearless(month: m, day: d, endDay: nil, suffix: time)
            case .weekday(let d, ""): value = .weekday(d, suffix: time)
            case .shift(.day, let amount, let text, ""): value = .shift(unit: .day, amount: amount, text: text, suffix: time)
            default: value = nil
            }
            if let value {
                var combined = date
                combined.start = tokens[i].start
                combined.type = .time
                combined.value = value
                return (combined, after)
            }
        }
        return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .time,
                          value: .clock(hour: clock.hour, minute: clock.minute ?? 0, second: clock.second)), next)
    }

    /// the year-ago quarter, the year-earlier period, year-earlier: the same period a year back.
    func englishYearAgoPeriod(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if word(j) == "the" { j += 1 }
        guard word(j) == "year", char(j + 1, ["-"]), let w = word(j + 2), w == "ago" || w == "earlier" else { return nil }
        var next = j + 3
        if let noun = word(next), ["quarter", "period"].contains(noun) { next += 1 }
        var candidate = Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .date,
                                  value: .shift(unit: .year, amount: -1, text: "1", suffix: ""))
        candidate.comparesPeriods = true
        return (candidate, next)
    }

    /// the first Monday of October, last Friday in October 2013, the last day of October.
    func englishNthWeekday(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if word(j) == "the" { j += 1 }
        guard let w = word(j), let n = w == "last" ? -1 : Self.englishOrdinals[w], n <= 5 else { return nil }
        guard let target = word(j + 1), let of = word(j + 2), of == "of" || of == "in" else { return nil }
        let weekday: Int
        if target == "day" { weekday = 0 } else if let d = Self.englishWeekdays[target], target.count > 3 { weekday = d } else { return nil }
        var month: Int
        var next: Int
        var year = reference?.date.year
        if let (m, afterMonth) = englishMonth(j + 3) {
            month = m
            next = afterMonth
            if let (y, after) = englishYearNumber(next) { year = y; next = after }
        } else if let today = reference?.date, let which = word(j + 3), let shift = ["this": 0, "the": 0, "next": 1, "last": -1, "previous": -1][which],
                  word(j + 4) == "month" {
            // the first Monday of this month, the last day of next month
            let anchor = today.adding(months: shift)
            month = anchor.month
            year = anchor.year
            next = j + 5
        } else {
            return nil
        }
        guard let year else { return nil }
        let date: CivilDate
        if weekday == 0 {
            let days = CivilDate.daysIn(month: month, year: year)
            guard n == -1 || n <= days else { return nil }
            date = CivilDate(year: year, month: month, day: n == -1 ? days : n)
        } else {
            date = Holiday.nthWeekday(month: month, weekday: weekday, n: n, offset: 0).date(in: year)
            guard date.month == month else { return nil }
        }
        return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .date, value: .fixed(date.isoString)), next)
    }

    /// the morning of November 7th; Friday morning; Friday.
    func englishDayPartOf(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if word(j) == "the" { j += 1 }
        if let w = word(j), let part = Self.englishDayParts[w], word(j + 1) == "of",
           let (date, after) = englishCalendarDate(j + 2) ?? englishWeekday(j + 2) {
            var combined = date
            combined.start = tokens[i].start
            switch date.value {
            case .fixed(let v) where v.count == 10: combined.value = .fixed(v + part)
            case .yearless(let m, let d, nil, ""): combined.value = .yearless(month: m, day: d, endDay: nil, suffix: part)
            case .weekday(let d, ""): combined.value = .weekday(d, suffix: part)
            default: return nil
            }
            return (combined, after)
        }
        return englishWeekday(i)
    }

    /// Friday, Friday morning, Friday at 3pm.
    func englishWeekday(_ i: Int) -> (Candidate, Int)? {
        guard let w = word(i), let day = lookUp(Self.englishWeekdays, at: i),
              w.count > 3 || Self.unambiguousWeekdayAbbreviations.contains(w) || (char(i + 1, ["."]) && tokens[i].capitalized)
                || (tokens[i].capitalized && word(i + 1) == "at") else { return nil }
        var next = i + 1
        if w.count <= 4, char(next, ["."]) { next += 1 }
        if word(next) == "after", word(next + 1) == "next" {
            // "wednesday after next": the Wednesday of next week.
            var candidate = Candidate(start: tokens[i].start, end: tokens[next + 1].end, type: .date, value: .weekday(day, suffix: ""))
            candidate.tense = .future
            return (candidate, next + 2)
        }
        var suffix = ""
        if let time = englishTimeSuffix(next) {
            // "Friday night" keeps the day's value, as TimeBank annotates it; a clock time refines it.
            suffix = time.suffix.count > 3 ? time.suffix : ""
            if suffix.isEmpty, let hour = hourAfterDayPart(time.next, afternoon: word(next) != "morning") {
                suffix = hour.suffix
                next = hour.next
            } else {
                next = time.next
            }
        }
        return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: suffix.isEmpty ? .date : .time,
                          value: .weekday(day, suffix: suffix)), next)
    }

    // MARK: Quarters and frequencies

    /// the third quarter, third-quarter, the fourth quarter of 1989, the latest quarter, first half.
    func englishQuarter(_ i: Int) -> (Candidate, Int)? {
        var j = i
        if word(j) == "the" { j += 1 }
        let start = tokens[i].start
        if let w = word(j), ["latest", "last", "most", "previous", "current", "this", "quarter"].contains(w) {
            var k = j
            if w == "most", word(k + 1) == "recent" { k += 1 }
            if w != "quarter" { k += 1 }
            guard word(k) == "quarter", i != j || w != "quarter" else { return nil }
            let amount = (w == "current" || w == "this") ? 0 : -1
            return (Candidate(start: start, end: tokens[k].end, type: .date,
                              value: .shift(unit: .quarter, amount: amount, text: "1", suffix: "")), k + 1)
        }
        var n: Int? = nil
        if let w = word(j), let o = Self.englishOrdinals[w] { n = o; j += 1 }
        else if let (d, next) = englishDay(j), next > j + 1 { n = d; j = next }
        guard let n else { return nil }
        if char(j, ["-"]) { j += 1 }
        guard let u = word(j), u == "quarter" || u == "half" else { return nil }
        guard u == "quarter" ? (1...4).contains(n) : (1...2).contains(n) else { return nil }
        var end = j + 1
        var year: Int? = nil
        if word(end) == "of", let (y, after) = englishYearNumber(end + 1) { year = y; end = after }
        let code = u == "quarter" ? "Q\(n)" : "H\(n)"
        if let year {
            return (Candidate(start: start, end: tokens[end - 1].end, type: .date, value: .fixed(pad4(year) + "-" + code)), end)
        }
        return (Candidate(start: start, end: tokens[end - 1].end, type: .date,
                          value: .shift(unit: .year, amount: 0, text: "0", suffix: "-" + code)), end)
    }

    /// daily, weekly, every day, each month, twice a week, three times a year.
    func englishSet(_ i: Int) -> (Candidate, Int)? {
        guard let w = word(i) else {
            return nil
        }
        let start = tokens[i].start
        if let value = Self.frequencyAdverbs[w] {
            return (Candidate(start: start, end: tokens[i].end, type: .set, value: .fixed(value), freq: "1X"), i + 1)
        }
        if w == "every" || w == "each" {
            var j = i + 1
            var step = 1
            if word(j) == "other" { step = 2; j += 1 }
            else if let (_, text, n) = englishAmount(j), word(j) != "a", let v = Int(text) { step = v; j = n }
            guard let u = word(j) else { return nil }
            if let unit = Self.englishUnits[u] {
                return (Candidate(start: start, end: tokens[j].end, type: .set, value: .fixed(unit.duration(String(step))),
                                  quant: w.uppercased()), j + 1)
            }
            if let day = Self.englishWeekdays[u], u.count > 3 {
                return (Candidate(start: start, end: tokens[j].end, type: .set, value: .fixed("XXXX-WXX-\(day)"),
                                  quant: w.uppercased()), j + 1)
            }
            if let part = Self.englishDayParts[u], part.count == 3 {
                return (Candidate(start: start, end: tokens[j].end, type: .set, value: .fixed("XXXX-XX-XX" + part),
                                  quant: w.uppercased()), j + 1)
            }
            return nil
        }
        var times: Int? = nil
        var j = i
        if w == "once" { times = 1; j += 1 } else if w == "twice" { times = 2; j += 1 }
        else if let (_, text, n) = englishAmount(i), word(n) == "times", let v = Int(text) { times = v; j = n + 1 }
        guard let times, let a = word(j), a == "a" || a == "per" || a == "an", let u = word(j + 1), let unit = Self.englishUnits[u] else { return nil }
        return (Candidate(start: start, end: tokens[j + 1].end, type: .set, value: .fixed(unit.duration("1")), freq: "\(times)X"), j + 2)
    }

    // MARK: Numeric dates (both languages)

    /// A numeric date, with a time after it: "4/25 at 4:00pm".
    func numericDateTime(_ i: Int) -> (Candidate, Int)? {
        guard var (candidate, next) = numericDate(i) else { return nil }
        guard let time = englishTimeSuffix(next), time.suffix.count > 3, word(next) == "at" else { return (candidate, next) }
        switch candidate.value {
        case .fixed(let v) where v.count == 10: candidate.value = .fixed(v + time.suffix)
        case .yearless(let m, let d, nil, ""): candidate.value = .yearless(month: m, day: d, endDay: nil, suffix: time.suffix)
        default: return (candidate, next)
        }
        candidate.type = .time
        candidate.end = tokens[time.next - 1].end
        next = time.next
        return (candidate, next)
    }

    /// 2021/7/18, 2021.03.25, 2021-07-18, 10/31/1974, 11/02/89, 2/15, 19980303.
    func numericDate(_ i: Int) -> (Candidate, Int)? {
        guard let first = token(i), first.kind == .number, let a = first.number else { return nil }
        let start = first.start
        if first.digits == 8 {
            let y = a / 10000, m = a / 100 % 100, d = a % 100
            guard (1900...2099).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
            return (Candidate(start: start, end: first.end, type: .date, value: .fixed(dateText(year: y, month: m, day: d, endDay: nil)), statedYear: y), i + 1)
        }
        guard let sep = mark(i + 1), ["/", ".", "-"].contains(sep), attached(i + 1),
              let second = token(i + 2), second.kind == .number, attached(i + 2), let b = second.number, second.digits <= 2 else { return nil }
        var c: Int? = nil
        var thirdDigits = 0
        var end = i + 3
        if char(i + 3, [sep]), attached(i + 3), let third = token(i + 4), third.kind == .number, attached(i + 4), let v = third.number {
            c = v
            thirdDigits = third.digits
            end = i + 5
        }
        if let next = token(end), next.kind == .number || char(end, [sep, "%"]), !next.spaceBefore { return nil }
        if first.digits == 4 {
            guard (1...12).contains(b), sep != "-" || c != nil || second.digits == 2 else { return nil }
            if let c {
                guard (1...31).contains(c), thirdDigits <= 2 else { return nil }
                return (Candidate(start: start, end: tokens[end - 1].end, type: .date, value: .fixed(dateText(year: a, month: b, day: c, endDay: nil)), statedYear: a), end)
            }
            return (Candidate(start: start, end: tokens[end - 1].end, type: .date, value: .fixed(dateText(year: a, month: b, day: nil, endDay: nil)), statedYear: a), end)
        }
        guard first.digits <= 2, (1...12).contains(a), (1...31).contains(b) else { return nil }
        if let c {
            let year: Int
            switch thirdDigits {
            case 4: year = c
            case 2: year = c < 30 ? 2000 + c : 1900 + c
            default: return nil
            }
            return (Candidate(start: start, end: tokens[end - 1].end, type: .date, value: .fixed(dateText(year: year, month: a, day: b, endDay: nil)), statedYear: year), end)
        }
        guard sep == "/" else { return nil }
        // "5 1/2", "7/8": fractions, not days.
        if let before = token(i - 1), before.kind == .number { return nil }
        if a < b, [2, 3, 4, 8, 16, 32, 64].contains(b) { return nil }
        return (Candidate(start: start, end: tokens[end - 1].end, type: .date, value: .yearless(month: a, day: b, endDay: nil, suffix: "")), end)
    }
}
