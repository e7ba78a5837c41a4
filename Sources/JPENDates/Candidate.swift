/// A match before context is applied: its place in the normalized text and a value that may
/// still need a year (from the sentence or the document date) or a direction (from tense).
struct Candidate {
    var start: Int
    var end: Int
    var type: TemporalExpression.Kind
    var value: PendingValue
    var mod: String? = nil
    var freq: String? = nil
    var quant: String? = nil
    /// An explicit year the candidate states, which year-less dates nearby may borrow.
    var statedYear: Int? = nil
    /// A direction the words force ("last Friday"), overriding the sentence's tense.
    var tense: Tense? = nil
    /// A match that claims its words only to keep other rules off them ("1分に1年" is a ratio).
    var suppressed = false
    /// "a year ago" / "a year earlier": in a sentence about a quarter it means that quarter a year back.
    var comparesPeriods = false
    /// How a counted shift ("2ヶ月後", "a week ago", "in 2 minutes") lands.
    var counted: CountedShift? = nil
}

/// Time units, with their TIMEX3 duration letters.
enum TimeUnit: Int, Comparable {
    case second, minute, hour, day, week, month, quarter, year, decade, century

    var isClock: Bool { self <= .hour }

    /// `PnU` or `PTnU` for `amount` of this unit.
    func duration(_ amount: String) -> String {
        switch self {
        case .second: return "PT\(amount)S"
        case .minute: return "PT\(amount)M"
        case .hour: return "PT\(amount)H"
        case .day: return "P\(amount)D"
        case .week: return "P\(amount)W"
        case .month: return "P\(amount)M"
        case .quarter: return "P\(amount)Q"
        case .year: return "P\(amount)Y"
        case .decade: return "P\(amount)DE"
        case .century: return "P\(amount)CE"
        }
    }

    static func < (lhs: TimeUnit, rhs: TimeUnit) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a counted shift lands. TimeML keeps an English shift at its unit's grain ("six weeks
/// ago" is a week) and reads "in two weeks" in running text as a span; a phrase on its own is
/// read as calendar input, counted to the day. Japanese 後/前 shifts always land on a day.
enum CountedShift {
    case toTheDay
    case toTheDayWhenIsolated
    /// "in 2 minutes": a span in running text, a moment ahead when isolated.
    case spanUnlessIsolated
}

/// Which way an expression without a stated year or direction points. `unknown` in running text
/// takes the nearest date; `isolated` (a phrase with no sentence around it) looks ahead, as
/// calendar input does.
enum Tense { case past, future, unknown, isolated }

/// Indirect (boxed): every rule tried at a token hands back an optional candidate, copied whole
/// even when empty, and the box halves a candidate's size (those copies were a tenth of the stage).
indirect enum PendingValue {
    /// Final.
    case fixed(String)
    /// A month and/or day (and range end day) without a year (or without a month); `suffix` is appended (`TMO`, `T09:00`).
    case yearless(month: Int?, day: Int?, endDay: Int?, suffix: String)
    /// A weekday (ISO, Monday 1) without a date.
    case weekday(Int, suffix: String)
    /// `amount` `unit`s before (negative) or after the reference; `approximate` amounts such as
    /// 0.5 resolve only without a reference.
    case shift(unit: TimeUnit, amount: Int, text: String, suffix: String)
    /// A named day without a year; `suffix` is a time of day (`T18:00`) or empty.
    case holiday(Holiday, suffix: String)
    /// A time of day (local to the document: a written zone is read past, not converted),
    /// resolved onto the reference day when there is one.
    case clock(hour: Int, minute: Int?, second: Int?)
}

/// Formats a decimal amount the way TIMEX3 writes it: `1`, `1.5`, `0.1`.
func formatAmount(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = String(value)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

/// `HH[:MM[:SS]]`, unknown parts as `XX`.
func clockText(hour: Int?, minute: Int?, second: Int?) -> String {
    var text = hour.map(pad2) ?? "XX"
    if let minute { text += ":" + pad2(minute) } else if second != nil { text += ":XX" }
    if let second { text += ":" + pad2(second) }
    return text
}
