/// Japanese era names and the Gregorian year each one's first year falls in.
///
/// ```swift
/// JapaneseEra.gregorianYear(era: "令和", year: 1)   // 2019
/// JapaneseEra.gregorianYear(era: "平成", year: 31)  // 2019
/// ```
public enum JapaneseEra {
    /// Era name → Gregorian year of its year 1 (元年). Modern eras only: news rarely reaches further.
    public static let firstYears: [String: Int] = [
        "令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "明治": 1868,
    ]

    /// The Gregorian year of `year` of `era`, or nil for an unknown era. Cost: O(1).
    public static func gregorianYear(era: String, year: Int) -> Int? {
        firstYears[era].map { $0 + year - 1 }
    }
}
