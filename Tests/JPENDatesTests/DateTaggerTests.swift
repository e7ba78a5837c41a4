import JPENDates
import JPENText
import Testing

/// Tags `text` and returns (text, type, value, mod) of each expression.
func tag(_ text: String, date: String? = "2024-11-08") throws -> [(String, String, String, String?)] {
    try DateTagger().tag(Document(text: text), documentDate: date).map { ($0.text, $0.type.rawValue, $0.value, $0.mod) }
}

func values(_ text: String, date: String? = "2024-11-08") throws -> [String] {
    try tag(text, date: date).map(\.2)
}

@Suite struct EnglishDateTests {
    @Test func monthDayTakesTheDocumentYear() throws {
        #expect(try values("Ishiba responded to the November 5th election.") == ["2024-11-05"])
        #expect(try values("They met on Nov. 7 in Tokyo.") == ["2024-11-07"])
    }

    @Test func partOfDay() throws {
        #expect(try values("On the morning of November 7th, they held a call.") == ["2024-11-07TMO"])
    }

    @Test func dayRanges() throws {
        #expect(try values("the summit on November 18-19 in Rio") == ["2024-11-18/2024-11-19"])
        #expect(try values("the meeting on Nov. 15-16 in Lima") == ["2024-11-15/2024-11-16"])
    }

    @Test func monthYearAndYear() throws {
        #expect(try values("published in October 2024") == ["2024-10"])
        #expect(try values("It mirrors 2016.") == ["2016"])
    }

    @Test func yearFromTheSameSentence() throws {
        let found = try values("The sequence closely mirrors 2016, when Abe visited Trump Tower on November 17th before APEC.")
        #expect(found == ["2016", "2016-11-17"])
    }

    @Test func relativeExpressions() throws {
        #expect(try values("He said last week that talks went well.") == ["2024-W44"])
        #expect(try values("three days before the election") == ["P3D"])
        #expect(try tag("they held a roughly five-minute phone call").map(\.2) == ["PT5M"])
        #expect(try values("Sales rose three years ago.") == ["2021"])
    }

    @Test func weekdaysFollowTense() throws {
        // 2024-11-08 is a Friday.
        #expect(try values("The minister said Tuesday that he agreed.") == ["2024-11-05"])
        #expect(try values("The minister will travel next Tuesday to Lima.") == ["2024-11-12"])
    }

    @Test func timesWithZones() throws {
        let found = try tag("The call began at 10:30 a.m. EST on Friday, officials said.")
        #expect(found.first?.1 == "TIME")
        #expect(found.first?.2 == "2024-11-08T10:30")
    }

    @Test func withoutDocumentDateRelativeIsADuration() throws {
        let found = try tag("He said last week that talks went well.", date: nil)
        #expect(found.map(\.1) == ["DURATION"])
        #expect(found.first?.3 == "BEFORE")
        #expect(try values("on November 5th", date: nil) == ["XXXX-11-05"])
    }

    @Test func holidaysAndNthWeekdays() throws {
        #expect(try values("Thanksgiving 2013", date: nil) == ["2013-11-28"])
        #expect(try values("Easter 2024", date: nil) == ["2024-03-31"])
        #expect(try values("the first Tuesday of November 2024", date: nil) == ["2024-11-05"])
        #expect(try values("the last day of February 2024", date: nil) == ["2024-02-29"])
        #expect(try values("the first Monday of next month") == ["2024-12-02"])
        #expect(try values("the upcoming two months") == ["2025-01"])
        // Without a year a holiday takes the nearest one in running text.
        #expect(try values("Shops were busy before Christmas, the owners said.", date: "2025-01-03") == ["2024-12-25"])
    }

    @Test func spelledYearsAndClockDayParts() throws {
        #expect(try values("It began in nineteen ninety-six, officials recalled.") == ["1996"])
        #expect(try values("nineteen people") .isEmpty)
        #expect(try values("3 in the afternoon", date: nil) == ["T15:00"])
        #expect(try values("tonight at 8") == ["2024-11-08T20:00"])
        #expect(try values("at 15h30", date: nil) == ["T15:30"])
    }

    @Test func countedShiftsAlonePointToADay() throws {
        // In running text TimeML keeps the unit's grain and "in two weeks" is a span.
        #expect(try values("The plant closed six weeks ago, the union said.") == ["2024-W39"])
        #expect(try tag("The company said it would decide in two weeks on the plan.").map(\.1) == ["DURATION"])
        // A phrase on its own is calendar input.
        #expect(try values("a week ago") == ["2024-11-01"])
        #expect(try values("in 2 minutes", date: "2013-02-12T04:30:00-02:00") == ["2013-02-12T04:32:00"])
    }

    @Test func fractionsAreNoDates() throws {
        #expect(try values("shares rose 5 1/2 points and 7/8 of a point").isEmpty)
    }

    @Test func ageIsNoDuration() throws {
        #expect(try values("the 6-year-old boy").isEmpty)
    }

    @Test func datelineAnchorsRelativeDates() throws {
        #expect(try values("TOKYO, Nov. 8, 2024 — Ishiba spoke yesterday.", date: nil) == ["2024-11-08", "2024-11-07"])
    }
}

@Suite struct JapaneseDateTests {
    @Test func calendarDates() throws {
        #expect(try values("11月5日に会談した。") == ["2024-11-05"])
        #expect(try values("2024年11月5日") == ["2024-11-05"])
        #expect(try values("十一月五日に会談した。") == ["2024-11-05"])
        // A phrase standing alone looks ahead, as calendar input does.
        #expect(try values("十一月五日") == ["2025-11-05"])
        #expect(try values("二〇二四年十一月") == ["2024-11"])
    }

    @Test func eras() throws {
        #expect(JapaneseEra.gregorianYear(era: "令和", year: 1) == 2019)
        #expect(JapaneseEra.gregorianYear(era: "平成", year: 31) == 2019)
        #expect(JapaneseEra.gregorianYear(era: "昭和", year: 64) == 1989)
        #expect(JapaneseEra.gregorianYear(era: "大正", year: 1) == 1912)
        #expect(JapaneseEra.gregorianYear(era: "明治", year: 1) == 1868)
        #expect(try values("令和元年") == ["2019"])
        #expect(try values("令和6年11月7日") == ["2024-11-07"])
        #expect(try values("平成31年") == ["2019"])
        #expect(try values("昭和64年") == ["1989"])
        #expect(try values("明治二十六年") == ["1893"])
    }

    @Test func fullWidthDigitsKeepOriginalSpans() throws {
        let found = try DateTagger().tag(Document(text: "会談は１１月７日だ"), documentDate: "2024-11-08")
        #expect(found.map(\.value) == ["2024-11-07"])
        #expect(found.first?.span == Span(start: 3, end: 8))
        #expect(found.first?.text == "１１月７日")
    }

    @Test func spansCountCodePointsAfterNonBMP() throws {
        let found = try DateTagger().tag(Document(text: "🇯🇵2024年"), documentDate: nil)
        #expect(found.first?.span == Span(start: 2, end: 7))
    }

    @Test func dayPartsAndClockTimes() throws {
        #expect(try values("2024年11月7日朝") == ["2024-11-07TMO"])
        #expect(try values("7日朝に電話した。") == ["2024-11-07TMO"])
        #expect(try values("午前9時半に", date: nil) == ["T09:30"])
        #expect(try values("午後三時二十分", date: nil) == ["T15:20"])
    }

    @Test func bareIchijiIsTheAdverbNotOneOClock() throws {
        #expect(try values("株価は一時3万円を下回った。", date: nil).isEmpty)
        #expect(try values("一時帰国した。", date: nil).isEmpty)
        #expect(try values("午前一時に", date: nil) == ["T01"])
        #expect(try values("一時半に", date: nil) == ["T01:30"])
        #expect(try values("1時に", date: nil) == ["T01"])
    }

    @Test func durations() throws {
        let found = try tag("約5分間、電話で会談した。")
        #expect(found.map(\.2) == ["PT5M"])
        #expect(found.first?.3 == "APPROX")
        #expect(try values("1年2ヶ月", date: nil) == ["P1Y2M"])
        #expect(try values("1時間半", date: nil) == ["PT1.5H"])
    }

    @Test func relativeWords() throws {
        #expect(try values("来週") == ["2024-W46"])
        #expect(try values("昨年") == ["2023"])
        #expect(try values("先月") == ["2024-10"])
        #expect(try values("3日前") == ["2024-11-05"])
        let bare = try tag("昨年", date: nil)
        #expect(bare.map(\.1) == ["DURATION"])
        #expect(bare.map(\.2) == ["P1Y"])
        #expect(bare.first?.3 == "BEFORE")
    }

    @Test func frequencies() throws {
        #expect(try tag("毎週").map(\.1) == ["SET"])
        #expect(try values("毎週") == ["P1W"])
        let weekly = try DateTagger().tag(Document(text: "週1回"), documentDate: nil)
        #expect(weekly.first?.type == .set)
        #expect(weekly.first?.freq == "1X")
        #expect(try values("毎日新聞によると").isEmpty)
        // A count per day is a rate, not the first of the month.
        #expect(try tag("1日平均で5万人").map { [$0.0, $0.1, $0.2] } == [["1日平均", "SET", "P1D"]])
        #expect(try tag("1日当たり3万人").map { [$0.0, $0.1, $0.2] } == [["1日当たり", "SET", "P1D"]])
        #expect(try values("11月1日に会談した。") == ["2024-11-01"])
    }

    @Test func partsOfAMonth() throws {
        #expect(try tag("11月末").first?.3 == "END")
        #expect(try tag("11月上旬").first?.3 == "START")
        #expect(try tag("11月中旬").first?.3 == "MID")
        #expect(try tag("11月下旬").first?.3 == "END")
    }

    @Test func dayRanges() throws {
        #expect(try values("11月18〜19日に出席する予定だ。") == ["2024-11-18/2024-11-19"])
        #expect(try values("11月18-19日") == ["2024-11-18/2024-11-19"])
    }

    @Test func kanaMonthsAndYearWordsBeforeDates() throws {
        #expect(try values("にがつ", date: "2013-02-12") == ["2013-02"])
        #expect(try values("去年8月19日に会った。", date: "2013-02-12") == ["2012", "2012-08-19"])
        #expect(try values("1週間後", date: "2013-02-12") == ["2013-02-19"])
    }

    @Test func ratiosAreNotTimes() throws {
        #expect(try values("1分に1年", date: nil).isEmpty)
    }
}

@Suite struct DateTaggerEdgeTests {
    @Test func emptyAndTinyInputs() throws {
        #expect(try values("").isEmpty)
        #expect(try values("年").isEmpty)
        #expect(try values("7").isEmpty)
    }

    @Test func invalidDocumentDateIsAnError() {
        #expect(throws: InvalidDocumentDate.self) { try DateTagger().tag(Document(text: "today"), documentDate: "tomorrow") }
    }

    @Test func longRunsFinish() throws {
        // Linear scanning: these must finish, however long; no timing is asserted.
        let digits = String(repeating: "1", count: 100_000)
        #expect(try values(digits).isEmpty)
        let counters = String(repeating: "年月日", count: 34_000)
        _ = try values(counters)
        let mixed = String(repeating: "1年1月1日", count: 20_000)
        #expect(try values(mixed).count > 0)
    }
}

@Suite struct CivilDateTests {
    @Test func arithmetic() {
        let day = CivilDate(year: 2024, month: 11, day: 8)
        #expect(day.weekday == 5)
        #expect(day.adding(days: -3).isoString == "2024-11-05")
        #expect(CivilDate(year: 2024, month: 1, day: 31).adding(months: 1).isoString == "2024-02-29")
        #expect(CivilDate(year: 2024, month: 11, day: 8).isoWeek == (2024, 45))
        #expect(CivilDate(year: 2021, month: 1, day: 1).isoWeek == (2020, 53))
        #expect(CivilDate(dayNumber: 0).isoString == "1970-01-01")
    }

    @Test func referenceParsing() {
        #expect(ReferenceTime(parsing: "2013-02-12T04:30:00-02:00")?.secondOfDay == 4 * 3600 + 30 * 60)
        #expect(ReferenceTime(parsing: "2024-11-08")?.date == CivilDate(year: 2024, month: 11, day: 8))
        #expect(ReferenceTime(parsing: "2024-02-30") == nil)
        #expect(ReferenceTime(parsing: "") == nil)
        #expect(ReferenceTime(parsing: "2013-02-12T04:30:00-02:00")?.utcOffsetMinutes == -120)
        #expect(ReferenceTime(parsing: "2024-11-08T09:00Z")?.utcOffsetMinutes == 0)
        #expect(ReferenceTime(parsing: "2024-11-08T09:00:00+05:30")?.utcOffsetMinutes == 330)
        #expect(ReferenceTime(parsing: "2024-11-08")?.utcOffsetMinutes == nil)
    }
}

/// Duckling's test context: Tuesday 2013-02-12 04:30 at UTC−2.
let phraseDate = "2013-02-12T04:30:00-02:00"

@Suite struct EnglishPhraseTests {
    @Test func clockTimesInWords() throws {
        #expect(try values("ten-thirty", date: phraseDate) == ["2013-02-12T10:30"])
        #expect(try values("twelve oh three", date: phraseDate) == ["2013-02-12T12:03"])
        #expect(try values("seven thirty p.m.", date: phraseDate) == ["2013-02-12T19:30"])
        #expect(try values("eight tonight", date: phraseDate) == ["2013-02-12T20:00"])
        #expect(try values("at three am", date: phraseDate) == ["2013-02-13T03:00"])
        // A number in words is no time where none is expected.
        #expect(try values("Pan Am flight one oh three", date: phraseDate).isEmpty)
    }

    @Test func clockShorthands() throws {
        #expect(try values("3ish pm", date: phraseDate) == ["2013-02-12T15:00"])
        #expect(try values("at 3p.", date: phraseDate) == ["2013-02-12T15:00"])
        #expect(try values("3:15p", date: phraseDate) == ["2013-02-12T15:15"])
        #expect(try values("3 oclock am", date: phraseDate) == ["2013-02-13T03:00"])
        #expect(try values("3 o'clock in the afternoon", date: phraseDate) == ["2013-02-12T15:00"])
        // The current hour is still today.
        #expect(try values("at 4:23", date: phraseDate) == ["2013-02-12T04:23"])
    }

    @Test func minutesPastAndTo() throws {
        #expect(try values("20 minutes past 3pm", date: phraseDate) == ["2013-02-12T15:20"])
        #expect(try values("a quarter past 1pm", date: phraseDate) == ["2013-02-12T13:15"])
        #expect(try values("a quarter to noon", date: phraseDate) == ["2013-02-12T11:45"])
        #expect(try values("20 past 3pm", date: phraseDate) == ["2013-02-12T15:20"])
        #expect(try values("4.30pm", date: phraseDate) == ["2013-02-12T16:30"])
        #expect(try values("10pm tonight", date: phraseDate) == ["2013-02-12T22:00"])
        // A range of numbers is no time.
        #expect(try values("prices rose 5 to 10 percent", date: phraseDate).isEmpty)
    }

    @Test func zonesConvertToTheDocumentZone() throws {
        #expect(try values("Thursday 8:00 GMT", date: phraseDate) == ["2013-02-14T06:00"])
        #expect(try values("Thu at 8 am PST", date: phraseDate) == ["2013-02-14T14:00"])
        #expect(try values("Thursday 9 am (BST)", date: phraseDate) == ["2013-02-14T06:00"])
        // Without a zone in the document date the written time stays.
        #expect(try values("at 8:00 GMT", date: "2013-02-12") == ["2013-02-12T08:00"])
    }

    @Test func momentsFromNow() throws {
        #expect(try values("now", date: phraseDate) == ["2013-02-12T04:30:00"])
        #expect(try values("now", date: "2013-02-12") == ["PRESENT_REF"])
        #expect(try values("in half an hour", date: phraseDate) == ["2013-02-12T05:00:00"])
        #expect(try values("in 2.5 hours", date: phraseDate) == ["2013-02-12T07:00:00"])
        #expect(try values("in a couple of hours", date: phraseDate) == ["2013-02-12T06:30:00"])
        #expect(try values("in 1/4 h", date: phraseDate) == ["2013-02-12T04:45:00"])
        #expect(try values("in 15'", date: phraseDate) == ["2013-02-12T04:45:00"])
        #expect(try values("a day from now", date: phraseDate) == ["2013-02-13T04:30:00"])
        #expect(try values("a fortnight ago", date: phraseDate) == ["2013-01-29T04:30:00"])
        #expect(try values("3 years from today", date: phraseDate) == ["2016-02-12"])
        #expect(try values("in an hour and a half", date: phraseDate) == ["2013-02-12T06:00:00"])
        // A named day stays a day.
        #expect(try values("the day after tomorrow", date: phraseDate) == ["2013-02-14"])
    }

    @Test func countedWeekdaysAndMonths() throws {
        #expect(try values("3 fridays from now", date: phraseDate) == ["2013-03-01"])
        #expect(try values("2 thursdays back", date: phraseDate) == ["2013-01-31"])
        #expect(try values("wednesday after next", date: phraseDate) == ["2013-02-20"])
        #expect(try values("fri", date: phraseDate) == ["2013-02-15"])
        #expect(try values("20th of the previous month", date: phraseDate) == ["2013-01-20"])
        #expect(try values("two upcoming months", date: phraseDate) == ["2013-04"])
    }

    @Test func eras() throws {
        #expect(try values("in 2014 B.C.", date: phraseDate) == ["-2014"])
        #expect(try values("in 14 a.d.", date: phraseDate) == ["0014"])
    }

    @Test func holidaysOfOtherCalendars() throws {
        #expect(try values("Eid al-Fitr 2024", date: nil) == ["2024-04-10"])
        #expect(try values("orthodox easter 2024", date: nil) == ["2024-05-05"])
        #expect(try values("Chinese New Year 2024", date: nil) == ["2024-02-10"])
        #expect(try values("Diwali 2023", date: nil) == ["2023-11-12"])
        #expect(try values("King's Day 2025", date: nil) == ["2025-04-26"])
        #expect(try values("boss's day 2021", date: nil) == ["2021-10-15"])
        #expect(try values("choti diwali two thousand nineteen", date: nil) == ["2019-10-26"])
        #expect(try values("last chinese new year", date: phraseDate) == ["2013-02-10"])
        #expect(try values("thanksgiving in 9 months", date: phraseDate) == ["2013-11-28"])
        #expect(try values("xmas at 6 pm", date: phraseDate) == ["2013-12-25T18:00"])
    }
}
