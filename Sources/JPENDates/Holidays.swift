/// Named days of the year: fixed dates, the n-th weekday of a month, and days counted from Easter.
enum Holiday {
    case fixed(month: Int, day: Int)
    /// The `n`-th `weekday` (ISO) of `month`; `n` = -1 is the last; `offset` days added after.
    case nthWeekday(month: Int, weekday: Int, n: Int, offset: Int)
    /// Days after Western Easter Sunday.
    case easter(offset: Int)

    /// Its date in `year`.
    func date(in year: Int) -> CivilDate {
        switch self {
        case .fixed(let month, let day):
            return CivilDate(year: year, month: month, day: day)
        case .nthWeekday(let month, let weekday, let n, let offset):
            if n < 0 {
                let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
                return last.adding(days: -((last.weekday - weekday + 7) % 7) + offset)
            }
            let first = CivilDate(year: year, month: month, day: 1)
            return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1) + offset)
        case .easter(let offset):
            return Holiday.easterSunday(year).adding(days: offset)
        }
    }

    /// Western Easter Sunday by the anonymous Gregorian computus.
    static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }

    /// Names, lowercased, possessive "'s" dropped, words joined by one space.
    static let names: [String: Holiday] = [
        "christmas": .fixed(month: 12, day: 25), "christmas day": .fixed(month: 12, day: 25), "xmas": .fixed(month: 12, day: 25),
        "christmas eve": .fixed(month: 12, day: 24), "new year day": .fixed(month: 1, day: 1), "new years day": .fixed(month: 1, day: 1),
        "new year eve": .fixed(month: 12, day: 31), "new years eve": .fixed(month: 12, day: 31),
        "valentine day": .fixed(month: 2, day: 14), "valentines day": .fixed(month: 2, day: 14), "halloween": .fixed(month: 10, day: 31),
        "independence day": .fixed(month: 7, day: 4), "veterans day": .fixed(month: 11, day: 11),
        "st patrick day": .fixed(month: 3, day: 17), "saint patrick day": .fixed(month: 3, day: 17),
        "st paddy day": .fixed(month: 3, day: 17), "saint paddy day": .fixed(month: 3, day: 17),
        "thanksgiving": .nthWeekday(month: 11, weekday: 4, n: 4, offset: 0),
        "thanksgiving day": .nthWeekday(month: 11, weekday: 4, n: 4, offset: 0),
        "black friday": .nthWeekday(month: 11, weekday: 4, n: 4, offset: 1),
        "mlk day": .nthWeekday(month: 1, weekday: 1, n: 3, offset: 0),
        "martin luther king day": .nthWeekday(month: 1, weekday: 1, n: 3, offset: 0),
        "martin luther king jr day": .nthWeekday(month: 1, weekday: 1, n: 3, offset: 0),
        "civil rights day": .nthWeekday(month: 1, weekday: 1, n: 3, offset: 0),
        "presidents day": .nthWeekday(month: 2, weekday: 1, n: 3, offset: 0),
        "president day": .nthWeekday(month: 2, weekday: 1, n: 3, offset: 0),
        "memorial day": .nthWeekday(month: 5, weekday: 1, n: -1, offset: 0),
        "labor day": .nthWeekday(month: 9, weekday: 1, n: 1, offset: 0),
        "columbus day": .nthWeekday(month: 10, weekday: 1, n: 2, offset: 0),
        "mother day": .nthWeekday(month: 5, weekday: 7, n: 2, offset: 0),
        "mothers day": .nthWeekday(month: 5, weekday: 7, n: 2, offset: 0),
        "father day": .nthWeekday(month: 6, weekday: 7, n: 3, offset: 0),
        "fathers day": .nthWeekday(month: 6, weekday: 7, n: 3, offset: 0),
        "easter": .easter(offset: 0), "easter sunday": .easter(offset: 0), "easter monday": .easter(offset: 1),
        "good friday": .easter(offset: -2), "maundy thursday": .easter(offset: -3), "holy thursday": .easter(offset: -3),
        "palm sunday": .easter(offset: -7), "branch sunday": .easter(offset: -7),
        "ash wednesday": .easter(offset: -46), "mardi gras": .easter(offset: -47), "shrove tuesday": .easter(offset: -47),
        "pancake day": .easter(offset: -47), "pentecost": .easter(offset: 49), "whit sunday": .easter(offset: 49),
        "whit monday": .easter(offset: 50), "ascension day": .easter(offset: 39),
    ]

    /// The longest name has this many words.
    static let longestName = 5
}

extension DateScanner {
    /// Thanksgiving, Christmas Eve, valentine's day 2014, last Easter, next Thanksgiving day.
    func englishHoliday(_ i: Int) -> (Candidate, Int)? {
        var j = i
        var direction = 0
        if let w = word(j), ["last", "next", "this"].contains(w) {
            direction = ["last": -1, "next": 1, "this": 0][w]!
            j += 1
        }
        guard word(j) != nil else { return nil }
        // Read up to five words, dropping possessive 's.
        var words: [String] = []
        var ends: [Int] = []
        var k = j
        while words.count < Holiday.longestName, let w = word(k) {
            words.append(w)
            k += 1
            if char(k, ["'", "’"]), attached(k) {
                k += 1
                if word(k) == "s", attached(k) { k += 1 }
            }
            ends.append(k)
        }
        var match: (Holiday, Int)? = nil
        for count in stride(from: words.count, through: 1, by: -1) {
            if let holiday = Holiday.names[words[0..<count].joined(separator: " ")] {
                match = (holiday, ends[count - 1])
                break
            }
        }
        guard let (holiday, afterName) = match else { return nil }
        var next = afterName
        var year: Int? = nil
        if let (y, after) = englishYearNumber(next) { year = y; next = after }
        else if word(next) == "of", let w = word(next + 1), ["last", "next", "this"].contains(w), word(next + 2) == "year" {
            direction = 0
            next += 3
            year = (reference?.date.year ?? 0) + ["last": -1, "next": 1, "this": 0][w]!
            if reference == nil { year = nil }
        }
        let start = tokens[i].start
        let end = tokens[next - 1].end
        if let year {
            return (Candidate(start: start, end: end, type: .date, value: .fixed(holiday.date(in: year).isoString), statedYear: year), next)
        }
        var candidate = Candidate(start: start, end: end, type: .date, value: .holiday(holiday))
        candidate.tense = direction < 0 ? .past : (direction > 0 ? .future : nil)
        return (candidate, next)
    }
}
