/// What a quotation-mark code point is: which side of a quotation it stands on, and whether it
/// is a Japanese bracket or a Western mark.
///
/// Normalization keeps every quotation mark as written (NFKC leaves “ ” ‘ ’ 「 」 alone and only
/// turns ＂ ＇ into " ' and ｢ ｣ into 「 」); stages that find quotations ask this type.
///
/// ```swift
/// QuotationMark("「")?.role          // .opening
/// QuotationMark("」")?.style         // .japanese
/// QuotationMark("\"")?.role         // .ambiguous: the same mark opens and closes
/// QuotationMark("「")!.closingMarks  // ["」", "｣"]
/// QuotationMark("a")                // nil
/// ```
///
/// Cost: O(1).
public struct QuotationMark: Hashable, Sendable {
    /// Which side of a quotation a mark stands on.
    public enum Role: String, Hashable, Sendable, Codable {
        /// Starts a quotation: 「 『 〝 “ ‘ „ ‚ ‟ ‛ « ‹.
        case opening
        /// Ends a quotation: 」 』 〟 〞 ” ’ » ›. ’ is also the apostrophe.
        case closing
        /// Opens or closes, by context: " ' and their full-width forms.
        case ambiguous
    }

    /// The typographic tradition a mark belongs to.
    public enum Style: String, Hashable, Sendable, Codable {
        /// Japanese brackets: 「」『』〝〟 and the half-width ｢｣.
        case japanese
        /// Western marks: “” ‘’ „ ‚ «» ‹› " '.
        case western
    }

    /// The code point classified.
    public let scalar: Unicode.Scalar
    public let role: Role
    public let style: Style
    /// For an opening or ambiguous mark, the marks that end its quotation (in the order they are
    /// usually met); empty for a closing mark.
    public let closingMarks: [Unicode.Scalar]

    /// The classification of `scalar`, or nil when it is not a quotation mark.
    public init?(_ scalar: Unicode.Scalar) {
        self.scalar = scalar
        switch scalar {
        case "「", "｢": (role, style, closingMarks) = (.opening, .japanese, ["」", "｣"])
        case "『": (role, style, closingMarks) = (.opening, .japanese, ["』"])
        case "〝": (role, style, closingMarks) = (.opening, .japanese, ["〟", "〞"])
        case "」", "｣", "』", "〟", "〞": (role, style, closingMarks) = (.closing, .japanese, [])
        case "“", "‟": (role, style, closingMarks) = (.opening, .western, ["”"])
        case "„": (role, style, closingMarks) = (.opening, .western, ["“", "”"])
        case "‘", "‛": (role, style, closingMarks) = (.opening, .western, ["’"])
        case "‚": (role, style, closingMarks) = (.opening, .western, ["‘", "’"])
        case "«": (role, style, closingMarks) = (.opening, .western, ["»"])
        case "‹": (role, style, closingMarks) = (.opening, .western, ["›"])
        case "”", "’", "»", "›": (role, style, closingMarks) = (.closing, .western, [])
        case "\"", "＂": (role, style, closingMarks) = (.ambiguous, .western, ["\"", "＂"])
        case "'", "＇": (role, style, closingMarks) = (.ambiguous, .western, ["'", "＇"])
        default: return nil
        }
    }

    /// Whether `scalar` ends a quotation this mark opens. Cost: O(1).
    public func isClosed(by scalar: Unicode.Scalar) -> Bool {
        closingMarks.contains(scalar)
    }
}
