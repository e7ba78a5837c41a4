/// Named days of the year: fixed dates, the n-th weekday of a month, days counted from Easter,
/// and the days of other calendars (`CalendarRules`).
enum Holiday: Hashable {
    case fixed(month: Int, day: Int)
    /// A fixed date kept on the nearest weekday when it falls on a weekend (Boss's Day).
    case nearestWeekday(month: Int, day: Int)
    /// A fixed date kept the day before when it falls on a Sunday (King's Day).
    case saturdayIfSunday(month: Int, day: Int)
    /// The `n`-th `weekday` (ISO) of `month`; `n` = -1 is the last; `offset` days added after.
    case nthWeekday(month: Int, weekday: Int, n: Int, offset: Int)
    /// Days after Western Easter Sunday.
    case easter(offset: Int)
    /// Days after Orthodox Easter Sunday.
    case orthodoxEaster(offset: Int)
    /// A day of the Islamic calendar.
    case islamic(month: Int, day: Int)
    /// The last Friday of Ramadan.
    case lastFridayOfRamadan
    /// Days after the Chinese new year.
    case chineseNewYear(offset: Int)
    /// A tithi of an Indian lunar month read at `observance`, `offset` days added after.
    case tithi(month: CalendarRules.HinduMonth, tithi: Int, offset: Int, at: CalendarRules.Observance = .sunset)
    /// Days after the sun enters a sidereal longitude (a sankranti).
    case sankranti(longitude: Double, offset: Int)
    case onam
    case parsiNewYear
    /// A day of the Hebrew calendar (months from Nisan; 12 is Adar II in a leap year).
    case jewish(month: Int, day: Int)

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
        case .nearestWeekday(let month, let day):
            let date = CivilDate(year: year, month: month, day: day)
            return date.adding(days: date.weekday == 6 ? -1 : (date.weekday == 7 ? 1 : 0))
        case .saturdayIfSunday(let month, let day):
            let date = CivilDate(year: year, month: month, day: day)
            return date.adding(days: date.weekday == 7 ? -1 : 0)
        case .easter(let offset):
            return Holiday.easterSunday(year).adding(days: offset)
        case .orthodoxEaster(let offset):
            return CalendarRules.orthodoxEaster(year).adding(days: offset)
        case .islamic(let month, let day):
            return CalendarRules.islamicHoliday(month: month, day: day, in: year)
        case .lastFridayOfRamadan:
            return CalendarRules.lastFridayOfRamadan(in: year)
        case .chineseNewYear(let offset):
            return CalendarRules.chineseNewYear(year).adding(days: offset)
        case .tithi(let month, let tithi, let offset, let observance):
            return CalendarRules.tithiDay(month: month, tithi: tithi, at: observance, in: year).adding(days: offset)
        case .sankranti(let longitude, let offset):
            return CalendarRules.sankranti(longitude, in: year).adding(days: offset)
        case .onam:
            return CalendarRules.onam(year)
        case .parsiNewYear:
            return CalendarRules.parsiNewYear(year)
        case .jewish(let month, let day):
            return CalendarRules.jewishHoliday(month: month, day: day, in: year)
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
        "holy saturday": .easter(offset: -1), "trinity sunday": .easter(offset: 56), "corpus christi": .easter(offset: 60),
        "boxing day": .fixed(month: 12, day: 26), "all saints day": .fixed(month: 11, day: 1),
        "all souls day": .fixed(month: 11, day: 2), "groundhog day": .fixed(month: 2, day: 2),
        "earth day": .fixed(month: 4, day: 22), "world vegan day": .fixed(month: 11, day: 1),
        "world aids day": .fixed(month: 12, day: 1), "world health day": .fixed(month: 4, day: 7),
        "world environment day": .fixed(month: 6, day: 5), "world water day": .fixed(month: 3, day: 22),
        "human rights day": .fixed(month: 12, day: 10), "flag day": .fixed(month: 6, day: 14),
        "ides of march": .fixed(month: 3, day: 15), "st george day": .fixed(month: 4, day: 23),
        "saint george day": .fixed(month: 4, day: 23), "st stephen day": .fixed(month: 12, day: 26),
        "saint stephen day": .fixed(month: 12, day: 26), "assumption day": .fixed(month: 8, day: 15),
        "assumption of mary": .fixed(month: 8, day: 15), "orthodox christmas": .fixed(month: 1, day: 7),
        "boss day": .nearestWeekday(month: 10, day: 16), "bosses day": .nearestWeekday(month: 10, day: 16),
        "national boss day": .nearestWeekday(month: 10, day: 16),
        "king day": .saturdayIfSunday(month: 4, day: 27), "kings day": .saturdayIfSunday(month: 4, day: 27),
        "koningsdag": .saturdayIfSunday(month: 4, day: 27),
        // Orthodox Easter and its movable feasts.
        "orthodox easter": .orthodoxEaster(offset: 0), "orthodox easter sunday": .orthodoxEaster(offset: 0),
        "orthodox easter monday": .orthodoxEaster(offset: 1), "orthodox good friday": .orthodoxEaster(offset: -2),
        "orthodox holy saturday": .orthodoxEaster(offset: -1), "orthodox palm sunday": .orthodoxEaster(offset: -7),
        "lazarus saturday": .orthodoxEaster(offset: -8), "clean monday": .orthodoxEaster(offset: -48),
        "orthodox shrove monday": .orthodoxEaster(offset: -48), "pure monday": .orthodoxEaster(offset: -48),
        "orthodox pentecost": .orthodoxEaster(offset: 49), "orthodox ascension day": .orthodoxEaster(offset: 39),
        // Islamic calendar.
        "eid al fitr": .islamic(month: 10, day: 1), "eid ul fitr": .islamic(month: 10, day: 1),
        "id ul fitr": .islamic(month: 10, day: 1), "eid el fitr": .islamic(month: 10, day: 1),
        "ramzan id": .islamic(month: 10, day: 1), "ramadan feast": .islamic(month: 10, day: 1),
        "eid al adha": .islamic(month: 12, day: 10), "eid ul adha": .islamic(month: 12, day: 10),
        "id ul adha": .islamic(month: 12, day: 10), "eid el adha": .islamic(month: 12, day: 10),
        "bakr id": .islamic(month: 12, day: 10), "bakrid": .islamic(month: 12, day: 10), "bakra id": .islamic(month: 12, day: 10),
        "sacrifice feast": .islamic(month: 12, day: 10), "feast of sacrifice": .islamic(month: 12, day: 10),
        "feast of the sacrifice": .islamic(month: 12, day: 10),
        "mawlid": .islamic(month: 3, day: 12), "mawlid al nabawi": .islamic(month: 3, day: 12),
        "mawlid an nabi": .islamic(month: 3, day: 12), "milad un nabi": .islamic(month: 3, day: 12),
        "eid e milad": .islamic(month: 3, day: 12), "prophet birthday": .islamic(month: 3, day: 12),
        "islamic new year": .islamic(month: 1, day: 1), "hijri new year": .islamic(month: 1, day: 1),
        "arabic new year": .islamic(month: 1, day: 1), "ashura": .islamic(month: 1, day: 10),
        "laylat al qadr": .islamic(month: 9, day: 27), "laylat al kadr": .islamic(month: 9, day: 27),
        "lailat al qadr": .islamic(month: 9, day: 27), "night of power": .islamic(month: 9, day: 27),
        "night of decree": .islamic(month: 9, day: 27),
        "isra and mi raj": .islamic(month: 7, day: 27), "isra and miraj": .islamic(month: 7, day: 27),
        "isra mi raj": .islamic(month: 7, day: 27), "lailat al miraj": .islamic(month: 7, day: 27),
        "ascension to heaven": .islamic(month: 7, day: 27), "the prophet ascension": .islamic(month: 7, day: 27),
        "mawlid al nabi": .islamic(month: 3, day: 12), "mawlid el nabi": .islamic(month: 3, day: 12),
        "mouloud": .islamic(month: 3, day: 12), "prophet muhammad birthday": .islamic(month: 3, day: 12),
        "al isra wal miraj": .islamic(month: 7, day: 27),
        "amun jadid": .islamic(month: 1, day: 1), "night of measures": .islamic(month: 9, day: 27),
        "lailat al kadr": .islamic(month: 9, day: 27), "kurban bayram": .islamic(month: 12, day: 10),
        "eid al kabir": .islamic(month: 12, day: 10), "eid ul azha": .islamic(month: 12, day: 10),
        "jumu atul wida": .lastFridayOfRamadan, "jamat ul vida": .lastFridayOfRamadan,
        "jumat ul wida": .lastFridayOfRamadan, "jummat ul wida": .lastFridayOfRamadan,
        // Chinese calendar.
        "chinese new year": .chineseNewYear(offset: 0), "chinese new years": .chineseNewYear(offset: 0),
        "chinese lunar new year": .chineseNewYear(offset: 0), "chinese lunar new year day": .chineseNewYear(offset: 0),
        "chinese new year day": .chineseNewYear(offset: 0), "lunar new year": .chineseNewYear(offset: 0),
        "lunar new year day": .chineseNewYear(offset: 0), "spring festival": .chineseNewYear(offset: 0),
        // Indian lunar calendar: month and tithi.
        "diwali": .tithi(month: .ashvin, tithi: 30, offset: 0), "deepavali": .tithi(month: .ashvin, tithi: 30, offset: 0),
        "deepawali": .tithi(month: .ashvin, tithi: 30, offset: 0), "divali": .tithi(month: .ashvin, tithi: 30, offset: 0),
        "choti diwali": .tithi(month: .ashvin, tithi: 29, offset: 0), "chhoti diwali": .tithi(month: .ashvin, tithi: 29, offset: 0),
        "naraka chaturdashi": .tithi(month: .ashvin, tithi: 29, offset: 0), "narak chaturdashi": .tithi(month: .ashvin, tithi: 29, offset: 0),
        "kali chaudas": .tithi(month: .ashvin, tithi: 29, offset: 0), "roop chaudas": .tithi(month: .ashvin, tithi: 29, offset: 0),
        "dhanteras": .tithi(month: .ashvin, tithi: 28, offset: 0), "dhanatrayodashi": .tithi(month: .ashvin, tithi: 28, offset: 0),
        "govardhan puja": .tithi(month: .kartika, tithi: 1, offset: 0), "bhai dooj": .tithi(month: .kartika, tithi: 2, offset: 0),
        "bhaiya dooj": .tithi(month: .kartika, tithi: 2, offset: 0), "bhai tika": .tithi(month: .kartika, tithi: 2, offset: 0),
        "chhath": .tithi(month: .kartika, tithi: 6, offset: 0), "chhath puja": .tithi(month: .kartika, tithi: 6, offset: 0),
        "surya shashthi": .tithi(month: .kartika, tithi: 6, offset: 0), "dala chhath": .tithi(month: .kartika, tithi: 6, offset: 0),
        "guru nanak jayanti": .tithi(month: .kartika, tithi: 15, offset: 0), "guru nanak gurpurab": .tithi(month: .kartika, tithi: 15, offset: 0),
        "dussehra": .tithi(month: .ashvin, tithi: 10, offset: 0, at: .afternoon), "dasara": .tithi(month: .ashvin, tithi: 10, offset: 0, at: .afternoon),
        "dussera": .tithi(month: .ashvin, tithi: 10, offset: 0, at: .afternoon), "vijayadashami": .tithi(month: .ashvin, tithi: 10, offset: 0, at: .afternoon),
        "vijaya dashami": .tithi(month: .ashvin, tithi: 10, offset: 0, at: .afternoon), "navratri": .tithi(month: .ashvin, tithi: 1, offset: 0),
        "navaratri": .tithi(month: .ashvin, tithi: 1, offset: 0), "karva chauth": .tithi(month: .ashvin, tithi: 19, offset: 0),
        "karwa chauth": .tithi(month: .ashvin, tithi: 19, offset: 0),
        "pargat diwas": .tithi(month: .ashvin, tithi: 15, offset: 0), "valmiki jayanti": .tithi(month: .ashvin, tithi: 15, offset: 0),
        "maharishi valmiki jayanti": .tithi(month: .ashvin, tithi: 15, offset: 0), "sharad purnima": .tithi(month: .ashvin, tithi: 15, offset: 0),
        "ratha yatra": .tithi(month: .ashadha, tithi: 2, offset: 0), "rath yatra": .tithi(month: .ashadha, tithi: 2, offset: 0),
        "ratha jatra": .tithi(month: .ashadha, tithi: 2, offset: 0),
        "dala puja": .tithi(month: .kartika, tithi: 6, offset: 0), "chhath parva": .tithi(month: .kartika, tithi: 6, offset: 0),
        "kamudu pyre": .tithi(month: .phalguna, tithi: 15, offset: 0), "dhulheti": .tithi(month: .phalguna, tithi: 15, offset: 1),
        "samvatsaradi": .tithi(month: .chaitra, tithi: 1, offset: 0), "chaitra sukhladi": .tithi(month: .chaitra, tithi: 1, offset: 0),
        "guru gobind singh birthday": .tithi(month: .pausha, tithi: 7, offset: 0),
        "ravidas jayanti": .tithi(month: .magha, tithi: 15, offset: 0), "ravidass jayanti": .tithi(month: .magha, tithi: 15, offset: 0),
        "dipawali": .tithi(month: .ashvin, tithi: 30, offset: 0), "dipavali": .tithi(month: .ashvin, tithi: 30, offset: 0),
        "rathayatra": .tithi(month: .ashadha, tithi: 2, offset: 0), "guru purnima": .tithi(month: .ashadha, tithi: 15, offset: 0),
        "ugadi": .tithi(month: .chaitra, tithi: 1, offset: 0), "yugadi": .tithi(month: .chaitra, tithi: 1, offset: 0),
        "gudi padwa": .tithi(month: .chaitra, tithi: 1, offset: 0), "chaitra sukladi": .tithi(month: .chaitra, tithi: 1, offset: 0),
        "rama navami": .tithi(month: .chaitra, tithi: 9, offset: 0, at: .midday), "ram navami": .tithi(month: .chaitra, tithi: 9, offset: 0, at: .midday),
        "mahavir jayanti": .tithi(month: .chaitra, tithi: 13, offset: 0), "mahaveer jayanti": .tithi(month: .chaitra, tithi: 13, offset: 0),
        "mahavir janma kalyanak": .tithi(month: .chaitra, tithi: 13, offset: 0),
        "mahaveer janma kalyanak": .tithi(month: .chaitra, tithi: 13, offset: 0),
        "hanuman jayanti": .tithi(month: .chaitra, tithi: 15, offset: 0),
        "akshaya tritiya": .tithi(month: .vaishakha, tithi: 3, offset: 0),
        "vesak": .tithi(month: .vaishakha, tithi: 15, offset: 0), "vaisakha": .tithi(month: .vaishakha, tithi: 15, offset: 0),
        "buddha day": .tithi(month: .vaishakha, tithi: 15, offset: 0), "buddha purnima": .tithi(month: .vaishakha, tithi: 15, offset: 0),
        "buddha jayanti": .tithi(month: .vaishakha, tithi: 15, offset: 0),
        "raksha bandhan": .tithi(month: .shravana, tithi: 15, offset: 0),
        "krishna janmashtami": .tithi(month: .shravana, tithi: 23, offset: 0), "janmashtami": .tithi(month: .shravana, tithi: 23, offset: 0),
        "gokulashtami": .tithi(month: .shravana, tithi: 23, offset: 0), "krishnashtami": .tithi(month: .shravana, tithi: 23, offset: 0),
        "ganesh chaturthi": .tithi(month: .bhadrapada, tithi: 4, offset: 0, at: .midday), "vinayaka chaturthi": .tithi(month: .bhadrapada, tithi: 4, offset: 0, at: .midday),
        "vinayaka chavithi": .tithi(month: .bhadrapada, tithi: 4, offset: 0, at: .midday),
        "guru gobind singh jayanti": .tithi(month: .pausha, tithi: 7, offset: 0),
        "vasant panchami": .tithi(month: .magha, tithi: 5, offset: 0), "basant panchami": .tithi(month: .magha, tithi: 5, offset: 0),
        "guru ravidas jayanti": .tithi(month: .magha, tithi: 15, offset: 0), "guru ravidass jayanti": .tithi(month: .magha, tithi: 15, offset: 0),
        "guru ravidas birthday": .tithi(month: .magha, tithi: 15, offset: 0), "guru ravidass birthday": .tithi(month: .magha, tithi: 15, offset: 0),
        "maha shivaratri": .tithi(month: .magha, tithi: 29, offset: 0), "maha shivratri": .tithi(month: .magha, tithi: 29, offset: 0),
        "mahashivratri": .tithi(month: .magha, tithi: 29, offset: 0),
        "holika dahan": .tithi(month: .phalguna, tithi: 15, offset: 0), "chhoti holi": .tithi(month: .phalguna, tithi: 15, offset: 0),
        "choti holi": .tithi(month: .phalguna, tithi: 15, offset: 0), "holi": .tithi(month: .phalguna, tithi: 15, offset: 1),
        "dhulandi": .tithi(month: .phalguna, tithi: 15, offset: 1), "dhuleti": .tithi(month: .phalguna, tithi: 15, offset: 1),
        "phagwah": .tithi(month: .phalguna, tithi: 15, offset: 1), "rangwali holi": .tithi(month: .phalguna, tithi: 15, offset: 1),
        // Indian solar calendar.
        "pongal": .sankranti(longitude: 270, offset: 0), "thai pongal": .sankranti(longitude: 270, offset: 0),
        "makar sankranti": .sankranti(longitude: 270, offset: 0), "makara sankranti": .sankranti(longitude: 270, offset: 0),
        "maghi": .sankranti(longitude: 270, offset: 0), "uttarayan": .sankranti(longitude: 270, offset: 0),
        "bogi": .sankranti(longitude: 270, offset: -1), "bhogi": .sankranti(longitude: 270, offset: -1),
        "boghi": .sankranti(longitude: 270, offset: -1), "bogi pandigai": .sankranti(longitude: 270, offset: -1),
        "bhogi pandigai": .sankranti(longitude: 270, offset: -1), "lohri": .sankranti(longitude: 270, offset: -1),
        "mattu pongal": .sankranti(longitude: 270, offset: 1), "maattu pongal": .sankranti(longitude: 270, offset: 1),
        "kaanum pongal": .sankranti(longitude: 270, offset: 2), "kanum pongal": .sankranti(longitude: 270, offset: 2),
        "kanni pongal": .sankranti(longitude: 270, offset: 2),
        "vaisakhi": .sankranti(longitude: 0, offset: 0), "baisakhi": .sankranti(longitude: 0, offset: 0),
        "vaishakhi": .sankranti(longitude: 0, offset: 0), "vasakhi": .sankranti(longitude: 0, offset: 0),
        "puthandu": .sankranti(longitude: 0, offset: 0), "tamil new year": .sankranti(longitude: 0, offset: 0),
        // 25 Boishakh of the Bengali solar year, which starts the day after the sun enters Aries.
        "makara sankranthi": .sankranti(longitude: 270, offset: 0), "rabindranath jayanti": .sankranti(longitude: 0, offset: 25),
        "rabindra jayanti": .sankranti(longitude: 0, offset: 25), "rabindranath tagore jayanti": .sankranti(longitude: 0, offset: 25),
        "onam": .onam, "thiru onam": .onam, "thiruvonam": .onam,
        // Hebrew calendar: the evening each begins.
        "rosh hashanah": .jewish(month: 7, day: 1), "rosh hashana": .jewish(month: 7, day: 1),
        "jewish new year": .jewish(month: 7, day: 1), "yom kippur": .jewish(month: 7, day: 10),
        "sukkot": .jewish(month: 7, day: 15), "succos": .jewish(month: 7, day: 15), "feast of tabernacles": .jewish(month: 7, day: 15),
        "shemini atzeret": .jewish(month: 7, day: 22), "simchat torah": .jewish(month: 7, day: 23),
        "hanukkah": .jewish(month: 9, day: 25), "chanukah": .jewish(month: 9, day: 25), "hanukah": .jewish(month: 9, day: 25),
        "tu bishvat": .jewish(month: 11, day: 15), "tu b shevat": .jewish(month: 11, day: 15),
        "purim": .jewish(month: 12, day: 14), "shushan purim": .jewish(month: 12, day: 15),
        "passover": .jewish(month: 1, day: 15), "pesach": .jewish(month: 1, day: 15),
        "lag baomer": .jewish(month: 2, day: 18), "lag b omer": .jewish(month: 2, day: 18),
        "shavuot": .jewish(month: 3, day: 6), "shavuos": .jewish(month: 3, day: 6),
        "tisha b av": .jewish(month: 5, day: 9), "tisha bav": .jewish(month: 5, day: 9),
        "parsi new year": .parsiNewYear, "shahenshahi navroz": .parsiNewYear,
    ]

    /// The longest name has this many words.
    static let longestName = 5
    /// The first word of every name in ``names``.
    static let firstWords = Set(names.keys.map { String($0.prefix { $0 != " " }) })

    /// What ``DateScanner/englishHoliday(_:)`` reads after `first` at the start of a name: the
    /// second words of the names it starts, and the marks between a name's words (a possessive,
    /// a hyphen) when it starts any. Cost: O(names).
    static func followers(of first: String) -> (words: [String], marks: [Unicode.Scalar]) {
        let names = names.keys.filter { $0.hasPrefix(first + " ") }
        guard !names.isEmpty else { return ([], []) }
        return (names.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }, ["'", "’", "-"])
    }
    /// The first words of every name in ``names`` ("new", "new year", "new year s"), so that a
    /// reading stops at the first word no name goes on with ("the" starts a name, "the committee"
    /// none); each with the holiday it names when it is a whole name. One look-up per word read.
    static let namePrefixes: WordTable<Holiday?> = {
        var prefixes: [String: Holiday?] = [:]
        for name in names.keys {
            var words: [Substring] = []
            for word in name.split(separator: " ") {
                words.append(word)
                let prefix = words.joined(separator: " ")
                prefixes[prefix] = .some(names[prefix])
            }
        }
        return WordTable(prefixes)
    }()
}

extension DateScanner {
    /// Thanksgiving, Christmas Eve, valentine's day 2014, last Easter, next Thanksgiving day.
    func englishHoliday(_ i: Int) -> (Candidate, Int)? {
        var j = i
        var direction = 0
        if let w = word(j), ["last", "next", "this"].contains(w) {
            direction = Self.direction(of: w)!
            j += 1
        }
        // Read up to five words while they start a name, dropping possessive 's; the longest
        // whole name read wins. Most words start none and cost one look-up.
        var name = ""
        var count = 0
        var match: (Holiday, Int)? = nil
        var k = j
        while count < Holiday.longestName, let w = word(k) {
            let read = count == 0 ? w : name + " " + w
            guard let prefix = Holiday.namePrefixes[read] else { break }
            name = read
            count += 1
            k += 1
            if char(k, ["'", "’"]), attached(k) {
                k += 1
                if word(k) == "s", attached(k) { k += 1 }
            }
            if let holiday = prefix { match = (holiday, k) }
            // "Eid al-Fitr", "ratha-yatra": a hyphen joins the words of a name.
            if char(k, ["-"]), attached(k), word(k + 1) != nil, attached(k + 1) { k += 1 }
        }
        guard let (holiday, afterName) = match else { return nil }
        var next = afterName
        var year: Int? = nil
        var yearAt = next
        if let w = word(yearAt), w == "in" || w == "of", englishYearNumber(yearAt + 1) != nil || spelledYear(yearAt + 1) != nil { yearAt += 1 }
        if let (y, after) = englishYearNumber(yearAt) ?? spelledYear(yearAt) { year = y; next = after }
        else if word(next) == "of", let w = word(next + 1), ["last", "next", "this"].contains(w), word(next + 2) == "year" {
            direction = 0
            next += 3
            year = (reference?.date.year ?? 0) + Self.direction(of: w)!
            if reference == nil { year = nil }
        } else if let today = reference?.date, let (shifted, after) = holidayShift(next, from: today) {
            // "thanksgiving in 9 months", "thanksgiving 3 months ago": the first holiday on or
            // after the moment named.
            let sameYear = holiday.date(in: shifted.year)
            let date = sameYear >= shifted ? sameYear : holiday.date(in: shifted.year + 1)
            return (Candidate(start: tokens[i].start, end: tokens[after - 1].end, type: .date, value: .fixed(date.isoString)), after)
        }
        var suffix = ""
        if let time = englishTimeSuffix(next), time.suffix.count > 3, word(next) == "at" {
            suffix = time.suffix
            next = time.next
        }
        let start = tokens[i].start
        let end = tokens[next - 1].end
        let type: TemporalExpression.Kind = suffix.isEmpty ? .date : .time
        if let year {
            return (Candidate(start: start, end: end, type: type, value: .fixed(holiday.date(in: year).isoString + suffix), statedYear: year), next)
        }
        var candidate = Candidate(start: start, end: end, type: type, value: .holiday(holiday, suffix: suffix))
        candidate.tense = direction < 0 ? .past : (direction > 0 ? .future : nil)
        return (candidate, next)
    }

    /// "in 9 months", "9 months from now", "3 months ago" after a holiday: the day that far from `today`.
    func holidayShift(_ i: Int, from today: CivilDate) -> (CivilDate, Int)? {
        var j = i
        let ahead = word(j) == "in"
        if ahead { j += 1 }
        guard let (value, _, afterAmount) = englishAmount(j), value == value.rounded(), let u = word(afterAmount),
              let unit = Self.englishUnits[u], unit >= .day, unit <= .year else { return nil }
        var next = afterAmount + 1
        var sign = 1
        if !ahead {
            if word(next) == "ago" { sign = -1; next += 1 }
            else if word(next) == "from", word(next + 1) == "now" { next += 2 }
            else { return nil }
        }
        let n = Int(value) * sign
        switch unit {
        case .day: return (today.adding(days: n), next)
        case .week: return (today.adding(days: 7 * n), next)
        case .month: return (today.adding(months: n), next)
        case .quarter: return (today.adding(months: 3 * n), next)
        default: return (today.adding(months: 12 * n), next)
        }
    }
}
