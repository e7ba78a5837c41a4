@testable import JPENSegment
import Testing

@Suite struct CharacterTraitsTests {
    /// What the traits must equal: Unicode's properties, asked directly.
    static func expected(_ scalar: Unicode.Scalar) -> (word: Bool, kind: Token.Kind) {
        let properties = scalar.properties
        let category = properties.generalCategory
        let kind: Token.Kind = switch category {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: .symbol
        default: properties.isAlphabetic ? .word : .punctuation
        }
        return (properties.isAlphabetic || category == .decimalNumber || category == .nonspacingMark, kind)
    }

    @Test func tableAndLookUpAgreeWithTheProperties() {
        // The table's blocks, the kana and kanji ranges, their edges, what lies between them, and
        // the astral planes.
        let values = Array(0..<0x3200) + Array(0x4DF0..<0xA010) + Array(0xFEF0..<0x1_0000)
            + [0xD7FF, 0xE000, 0x1_0000, 0x1_F600, 0x2_0000, 0x10_FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let traits = CharacterTraits(scalar)
            let properties = Self.expected(scalar)
            #expect(traits.isWordCharacter == properties.word, "U+\(String(value, radix: 16))")
            #expect(traits.nonWordKind == properties.kind, "U+\(String(value, radix: 16))")
        }
    }

    @Test func commonMarks() {
        #expect(!CharacterTraits("。").isWordCharacter && CharacterTraits("。").nonWordKind == .punctuation)
        #expect(CharacterTraits("$").nonWordKind == .symbol && CharacterTraits("é").isWordCharacter)
        #expect(CharacterTraits("\u{301}").isWordCharacter && CharacterTraits("\u{301}").nonWordKind == .punctuation)
        #expect(CharacterTraits("石").isWordCharacter && CharacterTraits("の").nonWordKind == .word)
        #expect(CharacterTraits("😀").nonWordKind == .symbol && !CharacterTraits("😀").isWordCharacter)
    }
}

@Suite struct BracketsTests {
    @Test func marksOpenAndCloseAndNothingElseDoes() {
        let opening = Array("「『（(【〔［〈《“‘«".unicodeScalars), closing = Array("」』）)】〕］〉》”’»".unicodeScalars)
        for mark in opening { #expect(Brackets.depthChange(mark) == 1, "\(mark)") }
        for mark in closing { #expect(Brackets.depthChange(mark) == -1, "\(mark)") }
        // Every other code point of ASCII, the kana and kanji blocks (answered before the marks
        // are tested) and their neighbours.
        for value in Array(0..<0x3100) + Array(0x4DF0..<0x4E10) + Array(0x9FF0..<0xA010) + [0xFF08, 0xFF09, 0x1_F600] {
            guard let scalar = Unicode.Scalar(UInt32(value)), !opening.contains(scalar), !closing.contains(scalar) else { continue }
            #expect(Brackets.depthChange(scalar) == 0, "U+\(String(value, radix: 16))")
        }
    }
}
