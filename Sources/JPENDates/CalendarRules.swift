/// Holidays of calendars other than the Gregorian, computed rather than tabulated so that any
/// year works: the Julian computus (Orthodox Easter), the Islamic calendar by the first evening
/// after the conjunction, the Chinese new year, Indian lunisolar (tithi) and solar (sankranti)
/// festivals, and the Parsi (Shahenshahi) year of 365 days.
///
/// ```swift
/// CalendarRules.orthodoxEaster(2024).isoString                    // "2024-05-05"
/// CalendarRules.chineseNewYear(2024).isoString                    // "2024-02-10"
/// CalendarRules.islamicDate(year: 1445, month: 10, day: 1).isoString   // "2024-04-10" (Eid al-Fitr)
/// ```
///
/// Cost: a few new-moon searches (microseconds each); nothing is cached.
enum CalendarRules {
    // MARK: Orthodox Easter

    /// Orthodox Easter Sunday: the Julian-calendar computus (Meeus), carried to the Gregorian date.
    static func orthodoxEaster(_ year: Int) -> CivilDate {
        let a = year % 4, b = year % 7, c = year % 19
        let d = (19 * c + 15) % 30
        let e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        return julianCalendarDate(year: year, month: month, day: day)
    }

    /// The Gregorian date of a Julian-calendar date.
    static func julianCalendarDate(year: Int, month: Int, day: Int) -> CivilDate {
        // Days since 1970-01-01 of the Julian date, through the Julian day number.
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        let jdn = day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083
        return CivilDate(dayNumber: jdn - 2440588)
    }

    // MARK: Islamic calendar

    /// Mecca's offset from UT, and the hour (local) of sunset there, when the new month's
    /// crescent is looked for.
    static let meccaOffsetHours = 3.0
    static let meccaSunsetHour = 18.0

    /// The first day of Islamic month `month` (1 Muharram … 12 Dhu al-Hijjah) of `year` AH: the
    /// day after the first sunset at Mecca that follows the conjunction (the rule of the Umm
    /// al-Qura calendar, which Saudi Arabia announces its holidays by).
    static func islamicMonthStart(year: Int, month: Int) -> CivilDate {
        // The mean conjunction of that month, from the conjunction that began 1 Muharram 1 AH
        // (July 16, 622, Julian).
        let months = Double((year - 1) * 12 + month - 1)
        let epoch = Astronomy.julianDay(julianCalendarDate(year: 622, month: 7, day: 15))
        let conjunction = Astronomy.newMoon(near: epoch + months * Astronomy.synodicMonth)
        // The day of the conjunction at Mecca; if it comes before that day's sunset, the month
        // starts the next day, else the day after.
        let local = conjunction + meccaOffsetHours / 24
        let day = Astronomy.civilDate(conjunction, utcOffsetHours: meccaOffsetHours)
        let sunset = Astronomy.julianDay(day) + meccaSunsetHour / 24
        return day.adding(days: local < sunset ? 1 : 2)
    }

    /// A day of the Islamic calendar.
    static func islamicDate(year: Int, month: Int, day: Int) -> CivilDate {
        islamicMonthStart(year: year, month: month).adding(days: day - 1)
    }

    /// The Islamic year whose month `month` begins in (or nearest the start of) Gregorian `year`:
    /// the holiday falling in `year`, the first when it falls twice.
    static func islamicHoliday(month: Int, day: Int, in year: Int) -> CivilDate {
        // Islamic years are 354 or 355 days: AH ≈ (Gregorian − 622) × 33/32.
        let estimate = (year - 622) * 33 / 32
        for ah in (estimate - 1)...(estimate + 2) {
            let date = islamicDate(year: ah, month: month, day: day)
            if date.year == year { return date }
        }
        return islamicDate(year: estimate, month: month, day: day)
    }

    /// The last Friday of Ramadan (Jumu'atul-Wida) falling in `year`.
    static func lastFridayOfRamadan(in year: Int) -> CivilDate {
        let endOfRamadan = islamicHoliday(month: 10, day: 1, in: year).adding(days: -1)
        return endOfRamadan.adding(days: -((endOfRamadan.weekday - 5 + 7) % 7))
    }

    // MARK: Chinese calendar

    /// The Chinese new year of `year`: the day (in China, UTC+8) of the second new moon after
    /// the winter solstice of the year before.
    static func chineseNewYear(_ year: Int) -> CivilDate {
        let solstice = Astronomy.solarLongitude(270, near: Astronomy.julianDay(CivilDate(year: year - 1, month: 12, day: 21)))
        // Month boundaries are whole days in China: a new moon on the solstice's day counts after it.
        let solsticeDay = Astronomy.julianDay(Astronomy.civilDate(solstice, utcOffsetHours: 8)) - 8.0 / 24
        let first = Astronomy.newMoon(after: solsticeDay)
        let second = Astronomy.newMoon(after: first + 20)
        return Astronomy.civilDate(second, utcOffsetHours: 8)
    }

    // MARK: Indian calendars

    /// India's offset from UT.
    static let indiaOffsetHours = 5.5

    /// The months of the Indian lunisolar calendar (amanta: each starts at a new moon), named
    /// by the sidereal sign the sun is in at that new moon: Chaitra when it is in Pisces.
    enum HinduMonth: Int, Hashable {
        case chaitra, vaishakha, jyeshtha, ashadha, shravana, bhadrapada, ashvin, kartika, margashirsha, pausha, magha, phalguna

        /// The sidereal sign (0 = Aries) of the sun at the new moon starting the month.
        var sunSign: Int { (rawValue + 11) % 12 }
    }

    /// The local hour of sunset in India.
    static let indiaSunsetHour = 18.5

    /// The part of the day (local hours in India) whose tithi names a festival's day: most are
    /// kept by the tithi at sunset (pradosh: Diwali, Holika Dahan, the purnimas), Ganesh
    /// Chaturthi and Rama Navami at midday (madhyahna), Dussehra in the afternoon (aparahna).
    enum Observance: Double {
        case midday = 12, afternoon = 16.5, sunset = 18.5
    }

    /// The day of `tithi` (1…30: 1…15 waxing, 15 the full moon, 30 the new moon) of `month`
    /// falling in `year`: the day whose `observance` hour (India) falls in that tithi. A tithi
    /// that holds no such hour yields the day after it.
    static func tithiDay(month: HinduMonth, tithi: Int, at observance: Observance = .sunset, in year: Int) -> CivilDate {
        var found: CivilDate? = nil
        // The new moons from late in the year before to the end of this one.
        var moment = Astronomy.newMoon(after: Astronomy.julianDay(CivilDate(year: year - 1, month: 11, day: 1)))
        let end = Astronomy.julianDay(CivilDate(year: year + 1, month: 1, day: 1))
        var sign = Int(Astronomy.siderealSunLongitude(moment) / 30)
        while moment < end {
            let next = Astronomy.newMoon(near: moment + Astronomy.synodicMonth)
            let nextSign = Int(Astronomy.siderealSunLongitude(next) / 30)
            // Two new moons in one sign make the first an intercalary (adhika) month: the second counts.
            if sign == month.sunSign, nextSign != sign {
                let day = dayOfTithi(tithi, after: moment, at: observance)
                if day.year == year, found == nil { found = day }
            }
            moment = next
            sign = nextSign
        }
        return found ?? CivilDate(year: year, month: 1, day: 1)
    }

    /// The first day after the new moon `newMoon` whose `observance` hour falls in `tithi` or later.
    static func dayOfTithi(_ tithi: Int, after newMoon: Double, at observance: Observance) -> CivilDate {
        var day = Astronomy.civilDate(newMoon, utcOffsetHours: indiaOffsetHours).adding(days: max(0, tithi - 3))
        for _ in 0..<6 {
            let moment = Astronomy.julianDay(day) + (observance.rawValue - indiaOffsetHours) / 24
            let elapsed = moment - newMoon
            let current = elapsed < 0 ? 0 : (elapsed > Astronomy.synodicMonth * 1.1 ? 31 : Int(Astronomy.elongation(moment) / 12) + 1)
            if current >= tithi, elapsed > 0 { return day }
            day = day.adding(days: 1)
        }
        return day
    }

    /// The day (India) the sun enters sidereal longitude `longitude` in `year`, kept the next
    /// day when it enters after sunset (Makar Sankranti at 270°, Vaisakhi at 0°).
    static func sankranti(_ longitude: Double, in year: Int) -> CivilDate {
        let guess = Astronomy.julianDay(CivilDate(year: year, month: 1, day: 1)) + 14 + normalizedDays(longitude - 270)
        let moment = Astronomy.siderealSolarLongitude(longitude, near: guess)
        let day = Astronomy.civilDate(moment, utcOffsetHours: indiaOffsetHours)
        let sunset = Astronomy.julianDay(day) + (indiaSunsetHour - indiaOffsetHours) / 24
        return moment < sunset ? day : day.adding(days: 1)
    }

    /// Days after mid-January for the sun to move `degrees` further (a year is 360°).
    private static func normalizedDays(_ degrees: Double) -> Double { Astronomy.normalized(degrees) / 360 * 365.2422 }

    /// Onam: the day in the solar month Chingam (sun in sidereal Leo) whose midday has the
    /// moon in the Thiruvonam (Shravana) nakshatra, 280°–293°20′ sidereal; when the moon passes
    /// it twice in the month (2024), the second.
    static func onam(_ year: Int) -> CivilDate {
        let start = sankranti(120, in: year)
        let end = sankranti(150, in: year)
        var found = start
        var previousMatched = false
        var day = start
        while day < end {
            let noon = Astronomy.julianDay(day) + (12 - indiaOffsetHours) / 24
            let moon = Astronomy.siderealMoonLongitude(noon)
            let matched = moon >= 280 && moon < 280 + 40.0 / 3
            if matched, !previousMatched { found = day }
            previousMatched = matched
            day = day.adding(days: 1)
        }
        return found
    }

    // MARK: Hebrew calendar

    /// Days from the Hebrew epoch to 1 Tishrei of `year` AM by the molad (mean conjunction)
    /// count in parts (1/1080 hour), with the rule that moves Rosh Hashanah off Sunday,
    /// Wednesday and Friday (Reingold and Dershowitz, *Calendrical Calculations*, ch. 8).
    static func hebrewElapsedDays(_ year: Int) -> Int {
        let monthsElapsed = (235 * year - 234).floorDivided(by: 19)
        let partsElapsed = 12084 + 13753 * monthsElapsed
        let day = 29 * monthsElapsed + partsElapsed.floorDivided(by: 25920)
        return (3 * (day + 1)) % 7 < 3 ? day + 1 : day
    }

    /// 1 Tishrei of `year` AM, as days since 1970-01-01: the elapsed days with the delays that
    /// keep every year 353–355 or 383–385 days long.
    static func hebrewNewYear(_ year: Int) -> Int {
        let previous = hebrewElapsedDays(year - 1), this = hebrewElapsedDays(year), next = hebrewElapsedDays(year + 1)
        let delay = next - this == 356 ? 2 : (this - previous == 382 ? 1 : 0)
        // 1 Tishrei AM 1 is day -1373427 counted from 0001-01-01 (Rata Die), 719163 days before 1970.
        return -1373427 + this + delay - 719163
    }

    /// Whether `year` AM has the thirteenth month (Adar II).
    static func isHebrewLeapYear(_ year: Int) -> Bool { (7 * year + 1) % 19 < 7 }

    /// The length of Hebrew month `month` (1 Nisan … 7 Tishrei … 12 Adar, 13 Adar II) of `year`.
    static func hebrewMonthLength(_ month: Int, year: Int) -> Int {
        let yearLength = hebrewNewYear(year + 1) - hebrewNewYear(year)
        switch month {
        case 2, 4, 6, 10, 13: return 29
        case 8: return yearLength % 10 == 5 ? 30 : 29
        case 9: return yearLength % 10 == 3 ? 29 : 30
        case 12: return isHebrewLeapYear(year) ? 30 : 29
        default: return 30
        }
    }

    /// The Gregorian day of `day` `month` `year` AM (months numbered from Nisan; the year
    /// begins in Tishrei, month 7).
    static func hebrewDate(year: Int, month: Int, day: Int) -> CivilDate {
        var days = hebrewNewYear(year) + day - 1
        let last = isHebrewLeapYear(year) ? 13 : 12
        if month < 7 {
            for m in 7...last { days += hebrewMonthLength(m, year: year) }
            for m in stride(from: 1, to: month, by: 1) { days += hebrewMonthLength(m, year: year) }
        } else {
            for m in stride(from: 7, to: month, by: 1) { days += hebrewMonthLength(m, year: year) }
        }
        return CivilDate(dayNumber: days)
    }

    /// A Jewish holiday in Gregorian `year`: the evening it begins, the day before its Hebrew
    /// date (Jewish days run from sunset). `month` 12 means Adar II in a leap year (Purim).
    static func jewishHoliday(month: Int, day: Int, in year: Int) -> CivilDate {
        // The Hebrew year starting in the Gregorian autumn holds Tishrei to (part of) Tevet.
        for hebrewYear in [year + 3760, year + 3761] {
            let resolved = month == 12 && isHebrewLeapYear(hebrewYear) ? 13 : month
            let date = hebrewDate(year: hebrewYear, month: resolved, day: day).adding(days: -1)
            if date.year == year { return date }
        }
        return hebrewDate(year: year + 3760, month: month, day: day).adding(days: -1)
    }

    // MARK: Parsi calendar

    /// Parsi new year (Shahenshahi Navroz): the calendar has 365 days and no leap day, so the
    /// day moves back one Gregorian day every leap year. Anchored on 1 Farvardin 1387 Y.Z. =
    /// 2017-08-17.
    static func parsiNewYear(_ year: Int) -> CivilDate {
        let anchor = CivilDate(year: 2017, month: 8, day: 17)
        return CivilDate(dayNumber: anchor.dayNumber + 365 * (year - 2017))
    }
}

extension Int {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
