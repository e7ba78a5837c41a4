// Japanese rules. Word lists are this project's own: era names, counters, deictic words.

extension DateScanner {
    static let eraNames = LiteralTable(Array(JapaneseEra.firstYears.keys))
    static let japaneseMonthCounters = ["ヶ月", "か月", "カ月", "ケ月", "ヵ月", "箇月", "ヶ月"]
    /// Marks between the two days of a range ("18〜19日").
    static func isRangeMark(_ mark: Unicode.Scalar) -> Bool {
        switch mark {
        case "〜", "~", "-", "−", "–", "ー": true
        default: false
        }
    }
    /// Weekdays in one kanji, Monday first.
    static let japaneseWeekdays: [Unicode.Scalar] = ["月", "火", "水", "木", "金", "土", "日"]
    /// Months and weekdays written in kana.
    static let japaneseMonthReadings: [(String, Int)] = [
        ("いちがつ", 1), ("にがつ", 2), ("さんがつ", 3), ("しがつ", 4), ("ごがつ", 5), ("ろくがつ", 6), ("しちがつ", 7),
        ("はちがつ", 8), ("くがつ", 9), ("じゅうがつ", 10), ("じゅういちがつ", 11), ("じゅうにがつ", 12),
    ]
    /// The words of ``japaneseMonthReadings``, made once rather than at every token.
    static let japaneseMonthReadingsKeys = LiteralTable(japaneseMonthReadings.map(\.0))
    static let japaneseWeekdayReadings: [(String, Int)] = [
        ("げつようび", 1), ("かようび", 2), ("すいようび", 3), ("もくようび", 4), ("きんようび", 5), ("どようび", 6), ("にちようび", 7),
    ]
    /// The words of ``japaneseWeekdayReadings``, made once rather than at every token.
    static let japaneseWeekdayReadingsKeys = LiteralTable(japaneseWeekdayReadings.map(\.0))

    /// Period-of-day words after a date, as TIMEX3 time suffixes.
    static let japaneseDayParts: [(String, String)] = [
        ("朝", "TMO"), ("午前", "TMO"), ("未明", "TNI"), ("早朝", "TMO"), ("昼", "TMI"), ("午後", "TAF"),
        ("夕方", "TEV"), ("夕", "TEV"), ("夜", "TNI"), ("晩", "TNI"), ("深夜", "TNI"),
    ]
    /// The words of ``japaneseDayParts``, made once rather than at every token.
    static let japaneseDayPartsKeys = LiteralTable(japaneseDayParts.map(\.0))

    /// Words after a date that qualify it, and the TIMEX3 mod each gives.
    static let japaneseModifiers: [(String, String)] = [
        ("末", "END"), ("下旬", "END"), ("暮れ", "END"), ("終わり", "END"), ("後半", "END"),
        ("上旬", "START"), ("初旬", "START"), ("初め", "START"), ("始め", "START"), ("初頭", "START"), ("前半", "START"),
        ("中旬", "MID"), ("半ば", "MID"), ("なかば", "MID"), ("中頃", "MID"), ("中ごろ", "MID"),
        ("頃", "APPROX"), ("ごろ", "APPROX"), ("前後", "APPROX"), ("近く", "APPROX"),
        ("以降", "ON_OR_AFTER"), ("以来", "ON_OR_AFTER"), ("以後", "ON_OR_AFTER"),
        ("以前", "ON_OR_BEFORE"),
    ]
    /// The words of ``japaneseModifiers``, made once rather than at every token.
    static let japaneseModifiersKeys = LiteralTable(japaneseModifiers.map(\.0))

    static let japaneseApproximations = ["くらい", "ぐらい", "ほど", "ばかり", "近く", "程", "程度", "余り", "あまり", "強", "弱"]

    /// Words that make "N年" a span of years rather than a year.
    static let yearDurationFollowers = LiteralTable(["間", "前", "後", "ぶり", "振り", "目", "もの", "来", "半", "余", "以上", "以内", "くらい", "ぐらい", "ほど", "ばかり", "経", "たっ"])

    /// The words each Japanese rule (or the piece it reads first) tests at its first token. At a
    /// mark, kana or kanji a rule matches only with one of its words there in full (a number starts
    /// the rest). A rule given a new first word must add it here.
    static let japaneseFirstWords: [(JapaneseRules, [String])] = [
        (.date, ["西暦", "紀元前"] + eraNames.words + japaneseMonthReadingsKeys.words),
        (.clock, ["正午"] + morningWords.words + afternoonWords.words),
        (.duration, ["直近の", "直近", "前の", "最後の", "約", "およそ", "ほぼ", "数", "四半世紀", "半世紀", "半年", "半月", "半日"]),
        (.set, ["毎", "週", "月", "年", "日"]),
        (.deictic, presentWords.words + japaneseDeicticWordsKeys.words),
        (.weekday, ["("] + japaneseWeekdayReadingsKeys.words + japaneseWeekdays.map { String($0) }),
    ]

    /// The Japanese rules that can start at each code point, for ``rulesStarting(at:)``: the first
    /// code points of ``japaneseFirstWords``.
    static let japaneseRuleStarts = ScalarFlags(japaneseFirstWords.flatMap { rule, words in
        words.map { ($0.unicodeScalars.first!, rule.rawValue) }
    })

    /// Every word of ``japaneseFirstWords``, for ``rulesStarting(at:)`` to pass over the marks,
    /// kana and kanji that only share a word's first code point: the は of a topic (はちがつ), the
    /// に of a particle (にがつ), the 本 of 日本 (本日).
    static let anyJapaneseFirstWord = LiteralTable(japaneseFirstWords.flatMap(\.1))

    /// The Japanese rules that can start at a number in digits or kanji numerals (computed, as
    /// ``englishNumberRules``).
    static var japaneseNumberRules: JapaneseRules { [.date, .clock, .duration, .set] }

    /// Whether a Japanese number rule can read the mark `next` after a number: a counter ("5日",
    /// "3ヶ月", "2時", "3がつ"), a date, range or clock separator ("2/15", "18〜19日", "9:30"), a
    /// thousands or decimal mark ``amount(_:)`` reads ("1,000年", "1.5時間"), or the 半 of
    /// "四半世紀". Most numbers of running text are followed by none ("145円", "一部"). A rule
    /// that reads another mark after a number must add it here. Cost: O(1).
    static func japaneseNumberRulesRead(_ next: Unicode.Scalar) -> Bool {
        japaneseNumberFollowers[next] != 0 || isRangeMark(next)
    }

    /// The marks of ``japaneseNumberRulesRead(_:)`` other than the range marks.
    static let japaneseNumberFollowers = ScalarFlags(
        (japaneseUnitsKeys.words.map { $0.unicodeScalars.first! } + ["月", "が", "時", "半", "/", ".", "-", ",", ":"]).map { ($0, 1) })

    // MARK: Dates

    /// 2024年11月5日, 令和元年, 十一月五日, 11月18〜19日, 7日朝, 2021年7月中旬, 2021/7/18 …
    func japaneseDate(_ i: Int) -> (Candidate, Int)? {
        var j = i
        var year: Int? = nil, month: Int? = nil, day: Int? = nil, endDay: Int? = nil
        var bc = false, marked = false
        var value: String? = nil
        if let m = literal(j, ["西暦"]) { j = m.next; marked = true }
        else if let m = literal(j, ["紀元前"]) { j = m.next; bc = true }
        if bc {
            guard let (n, next) = integer(j) else { return nil }
            if let m = literal(next, ["年"]) { value = "BC" + pad4(n); j = m.next }
            else if let m = literal(next, ["世紀"]) { value = "BC" + pad2(n - 1) + "XX"; j = m.next }
            else { return nil }
        } else if !marked, let era = literal(j, Self.eraNames) {
            var k = era.next
            var n: Int? = nil
            if let m = literal(k, ["元"]) { n = 1; k = m.next } else if let (v, next) = integer(k) { n = v; k = next }
            guard let n, n >= 1, let m = literal(k, ["年"]) else { return nil }
            year = JapaneseEra.gregorianYear(era: era.word, year: n)
            j = m.next
        } else if let (n, next) = integer(j), let m = literal(next, ["年"]), literal(m.next, ["度"]) == nil {
            let monthFollows = integer(m.next).map { literal($0.next, ["月"]) != nil } ?? false
            let spanFollows = literal(m.next, Self.yearDurationFollowers) != nil && literal(m.next, ["半ば"]) == nil
            if marked || monthFollows || (n > 100 && !spanFollows) {
                year = n
                j = m.next
            } else if !marked {
                return nil
            }
        } else if let (n, next) = integer(j), let m = literal(next, ["年度"]) {
            return (Candidate(start: tokens[i].start, end: tokens[m.next - 1].end, type: .date,
                              value: .fixed("FY" + pad4(n)), statedYear: n), m.next)
        } else if let (n, next) = integer(j), let m = literal(next, ["世紀"]),
                  literal(m.next, ["前", "後", "間", "近く", "くらい", "ぐらい", "ほど", "ばかり", "目"]) == nil {
            var end = m.next
            var mod: String? = nil
            if let q = literal(end, ["頃", "ごろ", "前半", "後半", "末", "初め", "初頭", "半ば", "中頃"]) {
                mod = Self.japaneseModifiers.first { $0.0 == q.word }?.1
                end = q.next
            }
            return (Candidate(start: tokens[i].start, end: tokens[end - 1].end, type: .date,
                              value: .fixed(pad2(n - 1) + "XX"), mod: mod), end)
        } else if let numeric = numericDateTime(i) {
            return numeric
        }
        if value == nil {
            if let (n, next) = integer(j), (1...12).contains(n), let m = literal(next, ["月", "がつ"]),
               literal(m.next, ["間"]) == nil {
                month = n
                j = m.next
            } else if year == nil, !marked, let m = literal(j, Self.japaneseMonthReadingsKeys) {
                month = Self.japaneseMonthReadings.first { $0.0 == m.word }!.1
                j = m.next
            }
            if year != nil || month != nil || !marked {
                if let (n, next) = integer(j), (1...31).contains(n) {
                    if let m = literal(next, ["日"]), literal(m.next, ["間", "前", "後"]) == nil || month != nil {
                        day = n
                        j = m.next
                    } else if let dash = mark(next), Self.isRangeMark(dash),
                              let (e, after) = integer(next + 1), e > n, e <= 31, let m = literal(after, ["日"]) {
                        day = n
                        endDay = e
                        j = m.next
                    }
                }
            }
            if year == nil, month == nil, day == nil { return nil }
        }
        // A weekday in brackets after the day belongs to it: 11月5日(火).
        if day != nil, char(j, ["("]), weekdayKanji(at: j + 1) != nil {
            var k = j + 2
            if let m = literal(k, ["曜日", "曜"]) { k = m.next }
            if char(k, [")"]) { j = k + 1 }
        }
        var suffix = ""
        if day != nil {
            if let clock = japaneseClockPart(j) {
                suffix = "T" + clockText(hour: clock.hour, minute: clock.minute, second: clock.second)
                j = clock.next
            } else if let m = literal(j, Self.japaneseDayPartsKeys) {
                suffix = Self.japaneseDayParts.first { $0.0 == m.word }!.1
                j = m.next
            }
        }
        var mod: String? = nil
        if suffix.isEmpty, let m = literal(j, Self.japaneseModifiersKeys) {
            mod = Self.japaneseModifiers.first { $0.0 == m.word }!.1
            j = m.next
        }
        if value == nil, year != nil, month == nil, let m = literal(j, ["春", "夏", "秋", "冬"]) {
            let seasons = ["春": "SP", "夏": "SU", "秋": "FA", "冬": "WI"]
            value = pad4(year!) + "-" + seasons[m.word]!
            j = m.next
        }
        let pending: PendingValue
        if let value {
            pending = .fixed(value)
        } else if let year {
            pending = .fixed(dateText(year: year, month: month, day: day, endDay: endDay) + suffix)
        } else {
            pending = .yearless(month: month, day: day, endDay: endDay, suffix: suffix)
        }
        let type: TemporalExpression.Kind = suffix.count > 3 ? .time : .date
        return (Candidate(start: tokens[i].start, end: tokens[j - 1].end, type: type, value: pending, mod: mod,
                          statedYear: month == nil ? nil : year), j)
    }

    /// `YYYY[-MM[-DD]]`, or a range of days `YYYY-MM-DD/YYYY-MM-DD`.
    func dateText(year: Int, month: Int?, day: Int?, endDay: Int?) -> String {
        var text = pad4(year)
        guard let month else { return text }
        text += "-" + pad2(month)
        guard let day else { return text }
        if let endDay { return text + "-" + pad2(day) + "/" + text + "-" + pad2(endDay) }
        return text + "-" + pad2(day)
    }


    // MARK: Times of day

    /// Words before a clock time that put it before or after noon.
    static let morningWords = LiteralTable(["午前", "朝", "今朝", "未明", "早朝"])
    static let afternoonWords = LiteralTable(["午後", "夜", "今夜", "今晩", "晩", "夕方", "夕", "深夜"])

    /// 午前9時半, 午後三時二十分, 15時20分, 23:59:59, 朝9時; returns the 24-hour time.
    func japaneseClockPart(_ i: Int) -> (hour: Int, minute: Int?, second: Int?, next: Int)? {
        var j = i
        var afternoon: Bool? = nil
        if let m = literal(j, Self.morningWords) { afternoon = false; j = m.next }
        else if let m = literal(j, Self.afternoonWords) { afternoon = true; j = m.next }
        if let m = literal(j, ["正午"]) { return (12, 0, nil, m.next) }
        guard let (h, next) = integer(j) else { return nil }
        var hour = h
        var minute: Int? = nil, second: Int? = nil
        var k = next
        if let m = literal(k, ["時"]), literal(m.next, ["間"]) == nil {
            k = m.next
            if let half = literal(k, ["半"]) {
                minute = 30
                k = half.next
            } else if let (mi, n2) = integer(k), mi < 60, let m2 = literal(n2, ["分"]), literal(m2.next, ["間"]) == nil {
                minute = mi
                k = m2.next
                if let (s, n3) = integer(k), s < 60, let m3 = literal(n3, ["秒"]), literal(m3.next, ["間"]) == nil {
                    second = s
                    k = m3.next
                }
            }
        } else if tokens[j].kind == .number, char(k, [":"]), attached(k), let (mi, n2) = digits(k + 1, count: 2...2),
                  attached(k + 1), mi < 60 {
            minute = mi
            k = n2
            if char(k, [":"]), attached(k), let (s, n3) = digits(k + 1, count: 2...2), attached(k + 1), s < 60 {
                second = s
                k = n3
            }
        } else {
            return nil
        }
        guard hour <= 29 else { return nil }
        // A bare 一時 is the adverb "for a while, at one point" (株価は一時下落, 一時帰国), far more
        // common in news than one o'clock, which is written 1時, 午前一時 or 一時半.
        if hour == 1, afternoon == nil, minute == nil, tokens[j].kind == .kanjiNumber { return nil }
        if let afternoon {
            guard hour <= 12 else { return nil }
            if afternoon, hour < 12 { hour += 12 }
        }
        return (hour, minute, second, k)
    }

    func japaneseClock(_ i: Int) -> (Candidate, Int)? {
        if let (m, s, next) = minutesAndSeconds(i) {
            return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .time,
                              value: .fixed("TXX:" + pad2(m) + ":" + pad2(s))), next)
        }
        guard case (let hour, let minute, let second, var j)? = japaneseClockPart(i) else { return nil }
        _ = literal(j, ["ちょうど", "きっかり", "ぴったり"]).map { j = $0.next }
        var mod: String? = nil
        if let m = literal(j, ["頃", "ごろ", "過ぎ", "すぎ", "前"]) {
            mod = m.word == "前" ? "BEFORE" : (m.word == "過ぎ" || m.word == "すぎ" ? "AFTER" : "APPROX")
            j = m.next
        }
        return (Candidate(start: tokens[i].start, end: tokens[j - 1].end, type: .time,
                          value: .clock(hour: hour, minute: minute, second: second), mod: mod), j)
    }

    /// 59:59 read as minutes and seconds when the first number cannot be an hour.
    func minutesAndSeconds(_ i: Int) -> (Int, Int, Int)? {
        guard let (m, next) = digits(i, count: 2...2), m > 29, m < 60, char(next, [":"]), attached(next),
              let (s, after) = digits(next + 1, count: 2...2), attached(next + 1), s < 60,
              !char(after, [":"]) else { return nil }
        return (m, s, after)
    }

    // MARK: Durations and relative spans

    /// Japanese counters of time and their units, the commonest first.
    static let japaneseUnits: [(String, TimeUnit)] = [("日", .day), ("年", .year)] + japaneseMonthCounters.map { ($0, .month) }
        + [("週間", .week), ("週", .week), ("時間", .hour), ("分", .minute), ("秒", .second), ("世紀", .century)]
    /// The words of ``japaneseUnits``: no two counters of different units share a first code
    /// point, so the longest match is the counter.
    static let japaneseUnitsKeys = LiteralTable(japaneseUnits.map(\.0))

    /// The unit of a Japanese counter at token `i` ("年度" is no year counter).
    func japaneseUnit(_ i: Int) -> (unit: TimeUnit, next: Int)? {
        guard let m = literal(i, Self.japaneseUnitsKeys) else { return nil }
        if m.word == "年", literal(m.next, ["度"]) != nil { return nil }
        return (Self.japaneseUnits.first { $0.0 == m.word }!.1, m.next)
    }

    /// 5分間, 1年2ヶ月, 1時間半, 約5分, 3日前, 2年半ほど前, 5年ぶり, 8日目, 半年前, 四半世紀.
    func japaneseDuration(_ i: Int) -> (Candidate, Int)? {
        var j = i
        var approx = false
        // 直近1時間, 前の1分, 最後の1秒: the span that ends now, anchored where it starts.
        var endsNow = false
        if let m = literal(j, ["直近の", "直近", "前の", "最後の"]) {
            endsNow = true
            j = m.next
        }
        if let m = literal(j, ["約", "およそ", "ほぼ", "数"]) {
            if m.word == "数" {
                guard let (unit, next) = japaneseUnit(m.next) else { return nil }
                let value = unit.duration("X")
                return (Candidate(start: tokens[i].start, end: tokens[next - 1].end, type: .duration, value: .fixed(value)), next)
            }
            approx = true
            j = m.next
        }
        var parts: [(TimeUnit, Double)] = []
        if let m = literal(j, ["四半世紀"]) { parts = [(.year, 25)]; j = m.next }
        else if let m = literal(j, ["半世紀"]) { parts = [(.year, 50)]; j = m.next }
        else if let m = literal(j, ["半年"]) { parts = [(.year, 0.5)]; j = m.next }
        else if let m = literal(j, ["半月"]) { parts = [(.month, 0.5)]; j = m.next }
        else if let m = literal(j, ["半日"]) { parts = [(.day, 0.5)]; j = m.next }
        else {
            while let (count, next) = amount(j), let (unit, after) = japaneseUnit(next) {
                if let last = parts.last, last.0 <= unit { break }
                parts.append((unit, count))
                j = after
                if unit == .month, literal(j, ["間"]) != nil { break }
            }
            guard !parts.isEmpty else { return nil }
            if let m = literal(j, ["半"]) {
                parts[parts.count - 1].1 += 0.5
                j = m.next
            }
        }
        if let m = literal(j, ["間"]) { j = m.next }
        var mod: String? = approx ? "APPROX" : nil
        var direction = endsNow ? -1 : 0
        var approxWord = false
        if let m = literal(j, Self.japaneseApproximations) { approxWord = true; j = m.next }
        if let m = literal(j, ["前後"]) {
            mod = "APPROX"
            j = m.next
        } else if endsNow {
            guard parts.count == 1 else { return nil }
        } else if let m = literal(j, ["前", "まえ"]) {
            direction = -1
            j = m.next
        } else if let m = literal(j, ["後", "あと", "先", "経ったら", "経ってから", "経過後", "経過してから", "経過したら", "過ぎ"]) {
            direction = 1
            j = m.next
        } else if let m = literal(j, ["目"]) {
            guard parts.count == 1, !parts[0].0.isClock else { return nil }
            if parts[0].0 == .century {
                return (Candidate(start: tokens[i].start, end: tokens[m.next - 1].end, type: .date,
                                  value: .fixed(pad2(Int(parts[0].1) - 1) + "XX")), m.next)
            }
            j = m.next
        } else if let m = literal(j, ["もの間", "ぶり", "振り"]) {
            j = m.next
        } else if approxWord {
            mod = "APPROX"
        }
        // A lone N日 or N月 is a date; other rules take it.
        if parts.count == 1, direction == 0, parts[0].0 == .day, char(j - 1, ["日"]), !approx { return nil }
        if parts.count == 1, parts[0].0 == .century, direction == 0, mod == nil { return nil }
        let value = durationText(parts)
        var candidate = Candidate(start: tokens[i].start, end: tokens[j - 1].end, type: .duration, value: .fixed(value), mod: mod)
        if direction != 0 {
            candidate.mod = direction < 0 ? "BEFORE" : "AFTER"
            if parts.count == 1, parts[0].1 == parts[0].1.rounded() {
                let amount = Int(parts[0].1) * direction
                candidate.value = .shift(unit: parts[0].0, amount: amount, text: formatAmount(parts[0].1), suffix: "")
                candidate.counted = .toTheDay
            }
        }
        return (candidate, j)
    }

    /// `P1Y2M10D`, `PT1H30M`, `P1DT2H`.
    func durationText(_ parts: [(TimeUnit, Double)]) -> String {
        var date = "", time = ""
        for (unit, amount) in parts {
            var amountText = formatAmount(amount)
            var unitValue = unit
            if unit == .century { amountText = formatAmount(amount * 100); unitValue = .year }
            if unit == .decade { amountText = formatAmount(amount * 10); unitValue = .year }
            let one = unitValue.duration(amountText)
            if unitValue.isClock { time += one.dropFirst(2) } else { date += one.dropFirst(1) }
        }
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }

    // MARK: Frequencies

    /// 毎週, 毎日, 週1回, 3日に1回, 1日おき, 1日1時間, 1日あたり.
    func japaneseSet(_ i: Int) -> (Candidate, Int)? {
        let start = tokens[i].start
        if let m = literal(i, ["毎"]) {
            var j = m.next
            let units: [(String, String)] = [("日", "P1D"), ("週", "P1W"), ("月", "P1M"), ("年", "P1Y"), ("朝", "XXXX-XX-XXTMO"),
                                             ("晩", "XXXX-XX-XXTNI"), ("夜", "XXXX-XX-XXTNI"), ("時", "PT1H"), ("分", "PT1M"), ("秒", "PT1S")]
            guard let u = literal(j, units.map(\.0)), literal(u.next, ["新聞"]) == nil else { return nil }
            var value = units.first { $0.0 == u.word }!.1
            j = u.next
            if u.word == "週", let day = weekdayKanji(at: j), let m2 = literal(j + 1, ["曜日", "曜"]) {
                value = "XXXX-WXX-\(day)"
                j = m2.next
            }
            return (Candidate(start: start, end: tokens[j - 1].end, type: .set, value: .fixed(value), quant: "EACH"), j)
        }
        // 週1回, 月2度, 年に1回
        if let u = literal(i, ["週", "月", "年", "日"]) {
            var j = u.next
            if let m = literal(j, ["に"]) { j = m.next }
            guard let (n, next) = integer(j), let times = literal(next, ["回", "度"]) else { return nil }
            let value = ["週": "P1W", "月": "P1M", "年": "P1Y", "日": "P1D"][u.word]!
            return (Candidate(start: start, end: tokens[times.next - 1].end, type: .set, value: .fixed(value), freq: "\(n)X"), times.next)
        }
        guard let (count, next) = amount(i), let (unit, after) = japaneseUnit(next) else { return nil }
        var j = after
        if let m = literal(j, ["間"]) { j = m.next }
        let value = unit.duration(formatAmount(count))
        // A span per span ("1分に1年", "4年に1年") is a ratio, not a time: claim it, report nothing.
        if let m = literal(j, ["に"]), let (_, n2) = amount(m.next), let (_, n3) = japaneseUnit(n2) {
            var ratio = Candidate(start: start, end: tokens[n3 - 1].end, type: .duration, value: .fixed(""))
            ratio.suppressed = true
            return (ratio, n3)
        }
        if let m = literal(j, ["おき", "ごと", "毎"]) {
            return (Candidate(start: start, end: tokens[m.next - 1].end, type: .set, value: .fixed(value), quant: "EVERY"), m.next)
        }
        // 1日あたり, 1日当たり, 1日平均: a rate per span, not the first of the month.
        if let m = literal(j, ["あたり", "当たり", "平均"]) {
            return (Candidate(start: start, end: tokens[m.next - 1].end, type: .set, value: .fixed(value)), m.next)
        }
        if let m = literal(j, ["に"]), let (n, after2) = integer(m.next), let times = literal(after2, ["回", "度"]) {
            return (Candidate(start: start, end: tokens[times.next - 1].end, type: .set, value: .fixed(value), freq: "\(n)X"), times.next)
        }
        if unit == .day, literal(after, ["間"]) == nil, let (hours, n2) = amount(j), let (inner, n3) = japaneseUnit(n2), inner.isClock {
            let freq = inner.duration(formatAmount(hours))
            return (Candidate(start: start, end: tokens[n3 - 1].end, type: .set, value: .fixed(value), freq: freq), n3)
        }
        return nil
    }

    // MARK: Words relative to the document date

    static let japaneseDeicticWords: [(String, TimeUnit, Int, String)] = [
        ("今日", .day, 0, ""), ("本日", .day, 0, ""), ("きょう", .day, 0, ""), ("ほんじつ", .day, 0, ""),
        ("昨日", .day, -1, ""), ("きのう", .day, -1, ""), ("さくじつ", .day, -1, ""), ("前日", .day, -1, ""),
        ("明日", .day, 1, ""), ("あす", .day, 1, ""), ("あした", .day, 1, ""), ("みょうにち", .day, 1, ""), ("翌日", .day, 1, ""),
        ("一昨日", .day, -2, ""), ("おととい", .day, -2, ""), ("明後日", .day, 2, ""), ("あさって", .day, 2, ""),
        ("一昨昨日", .day, -3, ""), ("一昨々日", .day, -3, ""), ("明々後日", .day, 3, ""), ("明明後日", .day, 3, ""), ("しあさって", .day, 3, ""),
        ("今朝", .day, 0, "TMO"), ("今夜", .day, 0, "TNI"), ("今晩", .day, 0, "TNI"), ("昨夜", .day, -1, "TNI"), ("昨晩", .day, -1, "TNI"),
        ("今年", .year, 0, ""), ("本年", .year, 0, ""), ("当年", .year, 0, ""), ("ことし", .year, 0, ""),
        ("昨年", .year, -1, ""), ("去年", .year, -1, ""), ("先年", .year, -1, ""), ("前年", .year, -1, ""),
        ("来年", .year, 1, ""), ("翌年", .year, 1, ""), ("一昨年", .year, -2, ""), ("おととし", .year, -2, ""), ("再来年", .year, 2, ""),
        ("今月", .month, 0, ""), ("当月", .month, 0, ""), ("本月", .month, 0, ""), ("こんげつ", .month, 0, ""),
        ("先月", .month, -1, ""), ("前月", .month, -1, ""), ("昨月", .month, -1, ""), ("来月", .month, 1, ""), ("翌月", .month, 1, ""),
        ("先々月", .month, -2, ""), ("再来月", .month, 2, ""),
        ("今週", .week, 0, ""), ("本週", .week, 0, ""), ("先週", .week, -1, ""), ("前週", .week, -1, ""), ("来週", .week, 1, ""),
        ("翌週", .week, 1, ""), ("先々週", .week, -2, ""), ("再来週", .week, 2, ""),
    ]
    /// Words for the present moment.
    static let presentWords = LiteralTable(["現在", "今現在", "ただいま", "ただ今"])
    /// The words of ``japaneseDeicticWords``, made once rather than at every token.
    static let japaneseDeicticWordsKeys = LiteralTable(japaneseDeicticWords.map(\.0))

    /// 来週, 昨年, 先月, 今日, 一昨日, 今月末.
    func japaneseDeictic(_ i: Int) -> (Candidate, Int)? {
        if let m = literal(i, Self.presentWords) {
            return (Candidate(start: tokens[i].start, end: tokens[m.next - 1].end, type: .date, value: .fixed("PRESENT_REF")), m.next)
        }
        guard let m = literal(i, Self.japaneseDeicticWordsKeys) else { return nil }
        let (_, unit, offset, suffix) = Self.japaneseDeicticWords.first { $0.0 == m.word }!
        var j = m.next
        var mod: String? = nil
        if unit != .day, let q = literal(j, Self.japaneseModifiersKeys) {
            // "来年近く" is not "about next year"; every other qualifier applies.
            if q.word != "近く" {
                mod = Self.japaneseModifiers.first { $0.0 == q.word }!.1
                j = q.next
            }
        }
        var candidate = Candidate(start: tokens[i].start, end: tokens[j - 1].end, type: .date,
                                  value: .shift(unit: unit, amount: offset, text: String(abs(offset)), suffix: suffix))
        candidate.mod = mod
        // 去年8月19日: the year a following date borrows.
        if unit == .year, let reference { candidate.statedYear = reference.date.year + offset }
        return (candidate, j)
    }

    /// The weekday (Monday 1) token `i` names in one kanji.
    func weekdayKanji(at i: Int) -> Int? {
        guard let mark = mark(i), let index = Self.japaneseWeekdays.firstIndex(of: mark) else { return nil }
        return index + 1
    }

    /// 月曜日, 火曜, (水) standing alone.
    func japaneseWeekday(_ i: Int) -> (Candidate, Int)? {
        if let m = literal(i, Self.japaneseWeekdayReadingsKeys) {
            let day = Self.japaneseWeekdayReadings.first { $0.0 == m.word }!.1
            return (Candidate(start: tokens[i].start, end: tokens[m.next - 1].end, type: .date, value: .weekday(day, suffix: "")), m.next)
        }
        var j = i
        var bracketed = false
        if char(i, ["("]) { bracketed = true; j += 1 }
        guard let day = weekdayKanji(at: j) else { return nil }
        j += 1
        if let m = literal(j, ["曜日", "曜"]) {
            j = m.next
        } else if !bracketed {
            return nil
        }
        if bracketed {
            guard char(j, [")"]) else { return nil }
            j += 1
        }
        return (Candidate(start: tokens[i].start, end: tokens[j - 1].end, type: .date, value: .weekday(day, suffix: "")), j)
    }
}
