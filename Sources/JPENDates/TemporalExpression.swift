import JPENText

/// A date, time, duration or frequency found in a text, normalized to TIMEX3.
///
/// ```swift
/// // "on November 5th" with document date 2024-11-08:
/// // span 3..<15, type .date, value "2024-11-05"
/// ```
public struct TemporalExpression: Hashable, Sendable {
    /// TIMEX3's four classes.
    public enum Kind: String, Hashable, Sendable, Codable {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    /// Where the expression is, in code points of the original text.
    public let span: Span
    /// The original text of the span.
    public let text: String
    public let type: Kind
    /// The TIMEX3 value: `2024-11-05`, `2024-11-18/2024-11-19`, `XXXX-07-18`, `T09:30`, `P1Y2M`,
    /// `PT5M`, `2024-W46`, `PRESENT_REF` …; unknown parts are `X`.
    public let value: String
    /// TIMEX3 `mod` (`BEFORE`, `AFTER`, `START`, `MID`, `END`, `APPROX`, `ON_OR_AFTER`, …), if any.
    public let mod: String?
    /// For SET: how often (`1X`, `PT1H`).
    public let freq: String?
    /// For SET: `EACH` or `EVERY`.
    public let quant: String?

    public init(span: Span, text: String, type: Kind, value: String, mod: String? = nil,
                freq: String? = nil, quant: String? = nil) {
        self.span = span
        self.text = text
        self.type = type
        self.value = value
        self.mod = mod
        self.freq = freq
        self.quant = quant
    }
}

extension TemporalExpression: JSONFieldsEncodable {
    public func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(text, forKey: "text")
        try fields.encode(type, forKey: "type")
        try fields.encode(value, forKey: "value")
        try fields.encodeIfPresent(mod, forKey: "mod")
        try fields.encodeIfPresent(freq, forKey: "freq")
        try fields.encodeIfPresent(quant, forKey: "quant")
    }
}
