import JPENText

/// Opening and closing brackets and quotation marks that a sentence break must not fall inside.
package enum Brackets {
    /// +1 for an opening mark, -1 for a closing one, 0 otherwise. Symmetric marks (") count 0:
    /// whether they open or close is not known from the mark alone.
    package static func depthChange(_ scalar: Unicode.Scalar) -> Int {
        // Sentence splitting asks about every code point: ASCII and the kana and kanji blocks,
        // which hold no mark but ( and ), answer before the switch tests the marks one by one.
        let value = scalar.value
        if value < 0x80 { return value == 0x28 ? 1 : value == 0x29 ? -1 : 0 }
        if (0x3040...0x9FFF).contains(value) { return 0 }
        return switch scalar {
        case "「", "『", "（", "(", "【", "〔", "［", "〈", "《", "“", "‘", "«": 1
        case "」", "』", "）", ")", "】", "〕", "］", "〉", "》", "”", "’", "»": -1
        default: 0
        }
    }

    /// Whether a break at `offset` falls between a closing 」 or 』 and hiragana that goes on
    /// with the same sentence (と, って, という…).
    static func continuesAfterQuotation(at offset: Int, in paragraph: Span, of scalars: [Unicode.Scalar]) -> Bool {
        var before = offset - 1
        while before > paragraph.start, scalars[before] == " " { before -= 1 }
        guard before >= paragraph.start, scalars[before] == "」" || scalars[before] == "』" else { return false }
        var after = offset
        while after < paragraph.end, scalars[after] == " " { after += 1 }
        guard after < paragraph.end else { return false }
        return (0x3041...0x309F).contains(scalars[after].value)
    }
}
