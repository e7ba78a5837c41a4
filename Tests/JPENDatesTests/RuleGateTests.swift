@testable import JPENDates
import Foundation
import JPENText
import Testing

/// ``DateScanner/rulesStarting(at:)`` skips the rules that cannot start at a token; these tests run
/// every rule at every token it is skipped at and expect no match, so a rule given a new first word
/// without the gate learning it fails here.
@Suite struct RuleGateTests {
    /// Phrases of every rule family in both languages, and the repository's sample articles.
    static let texts: [String] = {
        let phrases = [
            "On Friday, Nov. 8, 2024 at 3pm EST, and the day after tomorrow; last Christmas Eve; next Thanksgiving day.",
            "three years ago, in two weeks, a quarter past 1pm, half past three, twice a week, every other day, daily.",
            "the first Monday of October, the third quarter, mid-1990s, the 24th, early this year, recently, now, Q3.",
            "about five minutes, several years, a 6-year-old, the past two months, 2014 B.C., nineteen ninety-six, noon.",
            "19980303 and 5 years, 2024 10 EUR, 12 Nov 3 ½",
            "令和元年5月1日(水)午前9時半、西暦2024年、紀元前3世紀、十一月五日、11月18〜19日、来週、昨年末、一昨日、今朝。",
            "約5分間、数年、半年前、四半世紀、週1回、毎週月曜日、3日に1回、直近1時間、現在、ただいま、正午、2021/7/18、23:59:59。",
            "にがつ、げつようび、(火)、金曜、1年2ヶ月、5年ぶり、8日目、夕方6時、深夜0時、今現在、前の1分、最後の1秒。",
            // The gates that read the token after a first word or a number.
            "the prophet ascension, the 1990s, the year-ago quarter, a week, a 10-day trip, an upcoming two months, a fridays back.",
            "in 2 minutes, in half an hour, on the 15th, at noon, around midnight, about 5 years, just two days ago, more than a year.",
            "30,000 years, 1.5 hours, 4.30pm, 10-day, 9:30, 3 (EST), 145円, 一部, 四半世紀, 1,000年, 1.5時間, 3がつ, 2/15, 18〜19日, 5%.",
        ]
        let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpora")
        let files = (try? FileManager.default.contentsOfDirectory(at: corpora, includingPropertiesForKeys: nil)) ?? []
        return phrases + files.filter { $0.pathExtension == "txt" }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    /// Token `i`'s lowercased word, or its code points.
    static func text(of i: Int, in scanner: DateScanner) -> String {
        let token = scanner.tokens[i]
        return scanner.word(i) ?? String(String.UnicodeScalarView(scanner.scalars[token.start..<token.end]))
    }

    @Test func skippedTokensStartNoMatch() {
        #expect(Self.texts.count > 7)
        for text in Self.texts {
            let normalized = DateTagger().normalizer.normalize(Document(text: text))
            let scanner = DateScanner(scalars: normalized.scalars, reference: ReferenceTime(parsing: "2024-11-08"))
            for i in scanner.tokens.indices {
                let (japanese, english) = scanner.rulesStarting(at: i)
                let what = "token \(i) \"\(Self.text(of: i, in: scanner))\" of \(text.prefix(30))"
                for (rule, match) in Self.japaneseRules where !japanese.contains(rule) {
                    #expect(match(scanner)(i) == nil, "\(what)")
                }
                for (rule, match) in Self.englishRules where !english.contains(rule) {
                    #expect(match(scanner)(i) == nil, "\(what)")
                }
            }
        }
    }

    typealias Rule = (DateScanner) -> (Int) -> (Candidate, Int)?

    static var japaneseRules: [(DateScanner.JapaneseRules, Rule)] { [
        (.date, DateScanner.japaneseDate), (.clock, DateScanner.japaneseClock), (.duration, DateScanner.japaneseDuration),
        (.set, DateScanner.japaneseSet), (.deictic, DateScanner.japaneseDeictic), (.weekday, DateScanner.japaneseWeekday),
    ] }

    static var englishRules: [(DateScanner.EnglishRules, Rule)] { [
        (.calendarDate, DateScanner.englishCalendarDate), (.year, DateScanner.englishYear),
        (.relative, DateScanner.englishRelative), (.ago, DateScanner.englishAgo), (.duration, DateScanner.englishDuration), (.clock, DateScanner.englishClock),
        (.set, DateScanner.englishSet), (.quarter, DateScanner.englishQuarter), (.dayPartOf, DateScanner.englishDayPartOf),
        (.holiday, DateScanner.englishHoliday), (.dayOfMonth, DateScanner.englishDayOfMonth),
        (.nthWeekday, DateScanner.englishNthWeekday), (.yearAgoPeriod, DateScanner.englishYearAgoPeriod),
        (.clockOffset, DateScanner.englishClockOffset), (.dayOfRelativeMonth, DateScanner.englishDayOfRelativeMonth),
    ] }

    @Test func mostTokensAreSkipped() {
        let text = "The committee discussed the proposal at length on the 15th and on Friday. 委員会、提案議論。"
        let normalized = DateTagger().normalizer.normalize(Document(text: text))
        let scanner = DateScanner(scalars: normalized.scalars, reference: nil)
        let open = scanner.tokens.indices.filter {
            let (japanese, english) = scanner.rulesStarting(at: $0)
            return !japanese.isEmpty || !english.isEmpty
        }
        // Only the words a date can start with, and of the commonest only those before a token
        // one of their rules reads ("on the", "the 15", not "the committee", "at length", "on
        // Friday"); none of the kanji. (Kana starting a reading such as しがつ stay open.)
        #expect(open.map { Self.text(of: $0, in: scanner) } == ["on", "the", "15", "friday"])
        // A frequent word opens only the rules that can start with it.
        #expect(open.first.map { scanner.rulesStarting(at: $0).english } == [.dayOfMonth])
    }
}
