import JPENText

/// Sentences and the tense of each: what year-less and relative
/// expressions read to settle their value.
struct DateContext {
    /// Start offsets (normalized) of sentences, ascending; a line break also ends one.
    let sentenceStarts: [Int]
    private let scalars: [Unicode.Scalar]
    private let tokens: [DateToken]
    /// The lowercased text of each word token, at its ``DateToken/word``.
    private let words: [String]
    /// The ``WordTable/code(_:)`` of each word, at its ``DateToken/word``.
    private let wordCodes: [UInt64]

    init(scalars: [Unicode.Scalar], tokens: DateLexer.Tokens) {
        self.scalars = scalars
        self.tokens = tokens.tokens
        self.words = tokens.words
        self.wordCodes = tokens.wordCodes
        sentenceStarts = tokens.sentenceStarts
    }

    /// The index of the span of `starts` holding `offset`.
    static func index(of offset: Int, in starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The tense of the sentence at index `sentence`, from its verbs and auxiliaries.
    func tense(ofSentence sentence: Int) -> Tense {
        let start = sentenceStarts[sentence]
        let end = sentence + 1 < sentenceStarts.count ? sentenceStarts[sentence + 1] : scalars.count
        var first = DateContext.firstToken(atOrAfter: start, in: tokens)
        var past = 0, future = 0
        while first < tokens.count, tokens[first].start < end {
            let t = tokens[first]
            if t.kind == .word {
                let word = words[Int(t.word)]
                // Words are lowercase ASCII: their bytes are their characters.
                if let tense = DateContext.tenseWords[code: wordCodes[Int(t.word)], word: word] {
                    if tense == .future { future += 1 } else { past += 1 }
                } else if word.utf8.count > 5, word.utf8.reversed().starts(with: "de".utf8),
                          !DateContext.notPastForms.contains(word) {
                    past += 1
                }
            } else if t.kind == .char {
                switch scalars[t.start] {
                case "た":
                    if first + 1 >= tokens.count || ["。", "」", "、", "が"].contains(mark(first + 1)) { past += 1 }
                case "予":
                    if mark(first + 1) == "定" { future += 1 }
                default: break
                }
            }
            first += 1
        }
        if future > past { return .future }
        if past > 0 { return .past }
        return .unknown
    }

    /// Whether the expression `start..<end` is nearly all of its sentence: a bare phrase (at most
    /// two other tokens, such as "on" or a final stop) rather than running text.
    func standsAlone(start: Int, end: Int, sentence: Int) -> Bool {
        let first = sentenceStarts[sentence]
        let last = sentence + 1 < sentenceStarts.count ? sentenceStarts[sentence + 1] : scalars.count
        let all = DateContext.firstToken(atOrAfter: last, in: tokens) - DateContext.firstToken(atOrAfter: first, in: tokens)
        let own = DateContext.firstToken(atOrAfter: end, in: tokens) - DateContext.firstToken(atOrAfter: start, in: tokens)
        return all - own <= 2
    }

    /// Whether the sentence at index `sentence` speaks of a quarter.
    func mentionsQuarter(sentence: Int) -> Bool {
        let start = sentenceStarts[sentence]
        let end = sentence + 1 < sentenceStarts.count ? sentenceStarts[sentence + 1] : scalars.count
        var k = DateContext.firstToken(atOrAfter: start, in: tokens)
        while k < tokens.count, tokens[k].start < end {
            if tokens[k].kind == .word, words[Int(tokens[k].word)] == "quarter" { return true }
            k += 1
        }
        return false
    }

    /// The code point of token `i` when it is a mark (no number or word).
    private func mark(_ i: Int) -> Unicode.Scalar? { tokens.mark(i, in: scalars) }

    /// Words that point their sentence ahead or back. Plans and schedules point ahead even in the
    /// past tense: "planned to leave on Thursday". A table: it is asked about every word of a
    /// sentence with a date, and comparing each with every word cost a twentieth of the stage.
    static let tenseWords: WordTable<Tense> = {
        let future = ["will", "would", "shall", "ll", "tomorrow", "upcoming", "next", "scheduled", "planned", "plans", "plan",
                      "planning", "expected", "expects", "postponed", "until", "soon"]
        let past = ["said", "was", "were", "had", "did", "ago", "yesterday", "told", "announced", "reported", "came", "went",
                    "met", "held", "made", "took", "gave", "last", "earlier", "began", "sent", "won", "lost", "fell", "rose"]
        return WordTable(Dictionary(uniqueKeysWithValues: future.map { ($0, Tense.future) } + past.map { ($0, Tense.past) }))
    }()

    /// Words ending in "ed" that are not past tenses.
    static let notPastForms: Set<String> = ["united", "indeed", "hundred", "proceed", "exceed", "succeed", "kindred", "sacred", "wicked", "naked"]

    static func firstToken(atOrAfter offset: Int, in tokens: [DateToken]) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Turns candidates into final TIMEX3 values.
struct DateResolver {
    let reference: ReferenceTime?
    let candidates: [Candidate]
    let context: DateContext
    private var tenses: [Int: Tense] = [:]
    private var quarterSentences: [Int: Bool] = [:]
    /// The quarter (year × 4 + quarter − 1) most recently named, for "a year ago" in quarterly reports.
    private var lastQuarter: Int? = nil
    /// Holiday dates already computed: a lunar one takes a few new-moon searches.
    private var holidayDates: [HolidayYear: CivilDate] = [:]

    private struct HolidayYear: Hashable {
        let holiday: Holiday
        let year: Int
    }

    init(reference: ReferenceTime?, candidates: [Candidate], context: DateContext) {
        self.reference = reference
        self.candidates = candidates
        self.context = context
    }

    mutating func tense(for candidate: Candidate) -> Tense {
        if let forced = candidate.tense { return forced }
        let sentence = DateContext.index(of: candidate.start, in: context.sentenceStarts)
        let found = tenses[sentence] ?? context.tense(ofSentence: sentence)
        tenses[sentence] = found
        return found == .unknown && isolated(candidate) ? .isolated : found
    }

    func isolated(_ candidate: Candidate) -> Bool {
        context.standsAlone(start: candidate.start, end: candidate.end,
                            sentence: DateContext.index(of: candidate.start, in: context.sentenceStarts))
    }

    /// The year a year-less date at `index` borrows: the nearest year stated before it in its
    /// sentence. (Reaching across the paragraph misdated news that recalls an earlier year and
    /// then reports this year's dates.)
    func contextYear(for index: Int) -> Int? {
        let candidate = candidates[index]
        let sentence = DateContext.index(of: candidate.start, in: context.sentenceStarts)
        // The nearest year stated before it in the same sentence: "mirrors 2016, when … on November 17th".
        for k in stride(from: index - 1, through: max(0, index - 8), by: -1) {
            guard DateContext.index(of: candidates[k].start, in: context.sentenceStarts) == sentence else { return nil }
            if let year = candidates[k].statedYear { return year }
        }
        return nil
    }

    mutating func resolve(_ index: Int) -> (TemporalExpression.Kind, String, String?) {
        let candidate = candidates[index]
        switch candidate.value {
        case .fixed("PRESENT_REF"):
            // "now" on its own, with a document time: that moment, as calendar input reads it.
            if let reference, let now = reference.secondOfDay, isolated(candidate) {
                return (.time, reference.date.isoString + "T" + clockText(hour: now / 3600, minute: now / 60 % 60, second: now % 60), candidate.mod)
            }
            return (candidate.type, "PRESENT_REF", candidate.mod)
        case .fixed(let value):
            noteQuarter(value)
            return (candidate.type, value, candidate.mod)
        case .yearless(let month, let day, let endDay, let suffix):
            return (candidate.type, resolveYearless(index, month: month, day: day, endDay: endDay, suffix: suffix), candidate.mod)
        case .weekday(let weekday, let suffix):
            guard let reference else { return (candidate.type, "XXXX-WXX-\(weekday)" + suffix, candidate.mod) }
            let today = reference.date.weekday
            let back = (today - weekday + 7) % 7
            let ahead = (weekday - today + 7) % 7
            let date: CivilDate
            switch (candidate.tense, tense(for: candidate)) {
            case (.past?, _): date = reference.date.adding(days: back == 0 ? -7 : -back)
            // "next Wednesday": the Wednesday of next week.
            case (.future?, _): date = reference.date.adding(days: 8 - today + weekday - 1)
            case (_, .past), (_, .unknown): date = reference.date.adding(days: -back)
            case (_, .future): date = reference.date.adding(days: ahead)
            case (_, .isolated): date = reference.date.adding(days: ahead == 0 ? 7 : ahead)
            }
            return (candidate.type, date.isoString + suffix, candidate.mod)
        case .shift(let unit, let amount, let text, let suffix):
            guard let reference else {
                let mod = amount < 0 ? "BEFORE" : (amount > 0 ? "AFTER" : "NOW")
                return (.duration, unit.duration(text), candidate.mod ?? mod)
            }
            if candidate.comparesPeriods, unit == .year, mentionsQuarter(candidate) {
                let today = reference.date
                let quarter = (lastQuarter ?? (today.year * 4 + (today.month - 1) / 3 - 1)) + 4 * amount
                return (.date, pad4(quarter / 4) + "-Q\(quarter % 4 + 1)", candidate.mod)
            }
            let resolved = resolveShift(unit: unit, amount: amount, suffix: suffix, reference: reference, candidate: candidate)
            noteQuarter(resolved.1)
            return resolved
        case .holiday(let holiday, let suffix):
            guard let today = reference?.date else {
                if case .fixed(let month, let day) = holiday { return (candidate.type, "XXXX-" + pad2(month) + "-" + pad2(day) + suffix, candidate.mod) }
                return (candidate.type, "XXXX-XX-XX" + suffix, candidate.mod)
            }
            let thisYear = date(of: holiday, in: today.year)
            let upcoming = thisYear >= today ? thisYear : date(of: holiday, in: today.year + 1)
            let previous = thisYear < today ? thisYear : date(of: holiday, in: today.year - 1)
            let date: CivilDate
            switch tense(for: candidate) {
            case .past: date = previous
            case .future, .isolated: date = upcoming
            case .unknown: date = upcoming.dayNumber - today.dayNumber <= today.dayNumber - previous.dayNumber ? upcoming : previous
            }
            return (candidate.type, date.isoString + suffix, candidate.mod)
        case .clock(let hour, let minute, let second):
            let time = "T" + clockText(hour: hour % 24, minute: minute, second: second)
            guard let reference else {
                return (.time, "T" + clockText(hour: hour, minute: minute, second: second), candidate.mod)
            }
            var date = reference.date
            if hour >= 24 { date = date.adding(days: 1) }
            // A time before the reference's hour is tomorrow's; one in the current hour is still today's.
            if let now = reference.secondOfDay, hour < 24, tense(for: candidate) != .past, hour < now / 3600 {
                date = date.adding(days: 1)
            }
            return (.time, date.isoString + time, candidate.mod)
        }
    }

    /// `holiday`'s date in `year`, computed once per document.
    private mutating func date(of holiday: Holiday, in year: Int) -> CivilDate {
        let key = HolidayYear(holiday: holiday, year: year)
        if let known = holidayDates[key] { return known }
        let found = holiday.date(in: year)
        holidayDates[key] = found
        return found
    }

    /// Whether the candidate's sentence speaks of a quarter; each sentence is read once.
    private mutating func mentionsQuarter(_ candidate: Candidate) -> Bool {
        let sentence = DateContext.index(of: candidate.start, in: context.sentenceStarts)
        if let known = quarterSentences[sentence] { return known }
        let found = context.mentionsQuarter(sentence: sentence)
        quarterSentences[sentence] = found
        return found
    }

    private mutating func noteQuarter(_ value: String) {
        let bytes = Array(value.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q"),
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)), let q = Int(String(decoding: bytes[6..<7], as: UTF8.self)) else { return }
        lastQuarter = year * 4 + q - 1
    }

    mutating func resolveYearless(_ index: Int, month: Int?, day: Int?, endDay: Int?, suffix: String) -> String {
        let candidate = candidates[index]
        guard let reference else {
            var text = "XXXX-" + (month.map(pad2) ?? "XX")
            if let day { text += "-" + pad2(day) }
            if let endDay { text += "/" + "XXXX-" + (month.map(pad2) ?? "XX") + "-" + pad2(endDay) }
            return text + suffix
        }
        let today = reference.date
        let tense = tense(for: candidate)
        guard let month else {
            // A day of an unstated month: this month, or the one before or after by tense.
            guard let day else { return "XXXX-XX" }
            var anchor = CivilDate(year: today.year, month: today.month, day: 1)
            if tense == .past, day > today.day { anchor = anchor.adding(months: -1) }
            if tense == .future, day < today.day { anchor = anchor.adding(months: 1) }
            let base = pad4(anchor.year) + "-" + pad2(anchor.month)
            if let endDay { return base + "-" + pad2(day) + "/" + base + "-" + pad2(endDay) + suffix }
            return base + "-" + pad2(day) + suffix
        }
        var year = today.year
        if let stated = contextYear(for: index), candidate.tense == nil {
            year = stated
        } else {
            let target = month * 100 + (day ?? (tense == .past ? 1 : 31))
            let now = today.month * 100 + today.day
            switch candidate.tense ?? (tense == .isolated ? .isolated : .unknown) {
            case .past: if target > now, day != nil || month > today.month { year -= 1 }
            case .future, .isolated:
                if target < now, day != nil || month < today.month { year += 1 }
            case .unknown:
                // The nearest of last year's, this year's and next year's.
                let anchor = today.dayNumber
                year = [year - 1, year, year + 1].min { a, b in
                    abs(CivilDate(year: a, month: month, day: min(day ?? 15, 28)).dayNumber - anchor)
                        < abs(CivilDate(year: b, month: month, day: min(day ?? 15, 28)).dayNumber - anchor)
                }!
            }
        }
        return dateTextYear(year, month: month, day: day, endDay: endDay) + suffix
    }

    func dateTextYear(_ year: Int, month: Int, day: Int?, endDay: Int?) -> String {
        let base = pad4(year) + "-" + pad2(month)
        guard let day else { return base }
        if let endDay { return base + "-" + pad2(day) + "/" + base + "-" + pad2(endDay) }
        return base + "-" + pad2(day)
    }

    mutating func resolveShift(unit: TimeUnit, amount: Int, suffix: String, reference: ReferenceTime,
                               candidate: Candidate) -> (TemporalExpression.Kind, String, String?) {
        var landsOnADay = false
        switch candidate.counted {
        case .toTheDay?: landsOnADay = unit != .year
        case .toTheDayWhenIsolated?: landsOnADay = isolated(candidate)
        case .spanUnlessIsolated?:
            guard isolated(candidate) else { return (.duration, unit.duration(String(abs(amount))), candidate.mod) }
            landsOnADay = true
        case nil: break
        }
        let today = reference.date
        var type = candidate.type
        var value: String
        switch unit {
        case .second, .minute, .hour:
            let step = unit == .second ? 1 : (unit == .minute ? 60 : 3600)
            guard let now = reference.secondOfDay else {
                return (.duration, unit.duration(String(abs(amount))), amount < 0 ? "BEFORE" : "AFTER")
            }
            let total = now + amount * step
            let days = total >= 0 ? total / 86400 : (total - 86399) / 86400
            let second = total - days * 86400
            value = today.adding(days: days).isoString + "T" + pad2(second / 3600) + ":" + pad2(second / 60 % 60) + ":" + pad2(second % 60)
            type = .time
        case .day, .week where landsOnADay:
            value = today.adding(days: unit == .week ? 7 * amount : amount).isoString + suffix
            if suffix.count > 3 { type = .time }
            if suffix.isEmpty, amount != 0, candidate.counted != nil, let now = reference.secondOfDay, isolated(candidate) {
                // "a day from now" on its own: that moment a day ahead.
                value += "T" + clockText(hour: now / 3600, minute: now / 60 % 60, second: now % 60)
            }
        case .month where landsOnADay:
            value = today.adding(months: amount).isoString
        case .year where landsOnADay:
            value = today.adding(months: 12 * amount).isoString
        case .week:
            let week = today.adding(days: 7 * amount).isoWeek
            value = pad4(week.year) + "-W" + pad2(week.week) + suffix
        case .month:
            let month = today.adding(months: amount)
            value = pad4(month.year) + "-" + pad2(month.month) + suffix
        case .quarter:
            let index = today.year * 4 + (today.month - 1) / 3 + amount
            value = pad4(index / 4) + "-Q\(index % 4 + 1)" + suffix
        case .year:
            value = pad4(today.year + amount) + suffix
        case .decade:
            value = String(today.year / 10 + amount)
        case .century:
            value = String(today.year / 100 + amount)
        }
        return (type, value, candidate.mod)
    }
}
