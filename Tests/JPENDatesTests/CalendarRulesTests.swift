@testable import JPENDates
import Testing

/// Dates every almanac agrees on, against the rules that compute them.
@Suite struct CalendarRulesTests {
    @Test func easterComputus() {
        #expect(Holiday.easterSunday(2024).isoString == "2024-03-31")
        #expect(CalendarRules.orthodoxEaster(2024).isoString == "2024-05-05")
        #expect(CalendarRules.orthodoxEaster(2025).isoString == "2025-04-20")
        // Both churches kept Easter on one Sunday in 2025.
        #expect(CalendarRules.orthodoxEaster(2025) == Holiday.easterSunday(2025))
    }

    @Test func newMoonsAndSolstice() {
        // The new moon of 2024-01-11 came at 11:57 UT.
        let moment = Astronomy.newMoon(near: Astronomy.julianDay(CivilDate(year: 2024, month: 1, day: 10)))
        let minutes = (moment - Astronomy.julianDay(CivilDate(year: 2024, month: 1, day: 11))) * 24 * 60
        #expect(abs(minutes - (11 * 60 + 57)) < 10)
        // The December solstice of 2023 came at 03:27 UT on the 22nd.
        let solstice = Astronomy.solarLongitude(270, near: Astronomy.julianDay(CivilDate(year: 2023, month: 12, day: 20)))
        #expect(Astronomy.civilDate(solstice, utcOffsetHours: 0).isoString == "2023-12-22")
    }

    @Test func chineseNewYear() {
        #expect(CalendarRules.chineseNewYear(2024).isoString == "2024-02-10")
        #expect(CalendarRules.chineseNewYear(2025).isoString == "2025-01-29")
        #expect(CalendarRules.chineseNewYear(2014).isoString == "2014-01-31")
    }

    @Test func islamicCalendar() {
        #expect(CalendarRules.islamicHoliday(month: 10, day: 1, in: 2024).isoString == "2024-04-10")
        #expect(CalendarRules.islamicHoliday(month: 12, day: 10, in: 2024).isoString == "2024-06-16")
        #expect(CalendarRules.islamicHoliday(month: 1, day: 1, in: 2023).isoString == "2023-07-19")
        #expect(CalendarRules.lastFridayOfRamadan(in: 2017).isoString == "2017-06-23")
    }

    @Test func indianCalendars() {
        #expect(CalendarRules.tithiDay(month: .ashvin, tithi: 30, in: 2023).isoString == "2023-11-12")
        #expect(CalendarRules.tithiDay(month: .phalguna, tithi: 15, in: 2024).adding(days: 1).isoString == "2024-03-25")
        #expect(CalendarRules.tithiDay(month: .bhadrapada, tithi: 4, at: .midday, in: 2023).isoString == "2023-09-19")
        #expect(CalendarRules.tithiDay(month: .ashvin, tithi: 10, at: .afternoon, in: 2023).isoString == "2023-10-24")
        #expect(CalendarRules.sankranti(270, in: 2024).isoString == "2024-01-15")
        #expect(CalendarRules.onam(2023).isoString == "2023-08-29")
        // Thiruvonam came twice in Chingam 2024: the second is Onam.
        #expect(CalendarRules.onam(2024).isoString == "2024-09-15")
    }

    @Test func hebrewCalendar() {
        // Holidays begin the evening before their Hebrew date.
        #expect(CalendarRules.jewishHoliday(month: 7, day: 1, in: 2023).isoString == "2023-09-15")
        #expect(CalendarRules.jewishHoliday(month: 1, day: 15, in: 2024).isoString == "2024-04-22")
        #expect(CalendarRules.jewishHoliday(month: 9, day: 25, in: 2024).isoString == "2024-12-25")
        // Purim falls in Adar II in a leap year (5784).
        #expect(CalendarRules.jewishHoliday(month: 12, day: 14, in: 2024).isoString == "2024-03-23")
    }

    @Test func fixedRules() {
        #expect(Holiday.saturdayIfSunday(month: 4, day: 27).date(in: 2014).isoString == "2014-04-26")
        #expect(Holiday.saturdayIfSunday(month: 4, day: 27).date(in: 2018).isoString == "2018-04-27")
        #expect(Holiday.nearestWeekday(month: 10, day: 16).date(in: 2016).isoString == "2016-10-17")
        #expect(CalendarRules.parsiNewYear(2022).isoString == "2022-08-16")
    }
}
