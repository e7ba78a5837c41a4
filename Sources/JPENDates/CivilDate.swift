/// A proleptic Gregorian calendar day, with the arithmetic date resolution needs.
///
/// ```swift
/// let day = CivilDate(year: 2024, month: 11, day: 8)
/// day.adding(days: -3).isoString    // "2024-11-05"
/// day.weekday                      // 5 (Friday; Monday is 1)
/// ```
public struct CivilDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm). Cost: O(1).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// ISO weekday: Monday 1 … Sunday 7.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The day `days` days later (earlier when negative). Cost: O(1).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The same day `months` months later, clamped to the end of a shorter month.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 week-numbering year and week (the week holding the date's Thursday).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let firstOfYear = CivilDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1)
    }

    /// `YYYY-MM-DD`.
    public var isoString: String { "\(pad4(year))-\(pad2(month))-\(pad2(day))" }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

/// A four-digit year, zero-padded (`"0500"`).
func pad4(_ year: Int) -> String {
    let digits = String(abs(year))
    return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// A two-digit field, zero-padded.
func pad2(_ value: Int) -> String { value < 10 && value >= 0 ? "0\(value)" : "\(value)" }

/// The moment relative expressions resolve against: a day, and a time of day when known.
public struct ReferenceTime: Hashable, Sendable {
    public var date: CivilDate
    /// Seconds since midnight, when the reference gives a time.
    public var secondOfDay: Int?
    /// The document's zone, minutes east of UTC, when the reference gives one (`+09:00`, `Z`):
    /// a time written with another zone ("8:00 GMT") is converted to it.
    public var utcOffsetMinutes: Int?

    public init(date: CivilDate, secondOfDay: Int? = nil, utcOffsetMinutes: Int? = nil) {
        self.date = date
        self.secondOfDay = secondOfDay
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]` and a zone (`Z`, `±HH:MM`).
    /// Returns nil for anything else.
    public init?(parsing text: String) {
        let s = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for byte in s[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard s.count >= 10, s[4] == 0x2D, s[7] == 0x2D,
              let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        date = CivilDate(year: y, month: m, day: d)
        if s.count >= 16, s[10] == 0x54 || s[10] == 0x20, let h = number(11..<13), s[13] == 0x3A, let mi = number(14..<16) {
            let sec = s.count >= 19 && s[16] == 0x3A ? number(17..<19) ?? 0 : 0
            secondOfDay = h * 3600 + mi * 60 + sec
            let zoneAt = s.count >= 19 && s[16] == 0x3A ? 19 : 16
            if zoneAt < s.count, s[zoneAt] == 0x5A {
                utcOffsetMinutes = 0
            } else if zoneAt + 6 <= s.count, s[zoneAt] == 0x2B || s[zoneAt] == 0x2D, s[zoneAt + 3] == 0x3A,
                      let zh = number((zoneAt + 1)..<(zoneAt + 3)), let zm = number((zoneAt + 4)..<(zoneAt + 6)) {
                utcOffsetMinutes = (s[zoneAt] == 0x2D ? -1 : 1) * (zh * 60 + zm)
            } else {
                utcOffsetMinutes = nil
            }
        } else {
            secondOfDay = nil
            utcOffsetMinutes = nil
        }
    }
}
