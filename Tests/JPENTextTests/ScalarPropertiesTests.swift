import JPENText
import Testing

/// The table-free answers equal Unicode's: `Script` for ASCII and punctuation, and the case and
/// alphabetic properties of `Unicode.Scalar`.
@Suite struct ScalarPropertiesTests {
    /// What `Script` answers from Unicode's properties for a code point its table does not name.
    static func scriptFromProperties(_ scalar: Unicode.Scalar) -> Script {
        scalar.properties.isAlphabetic ? .other : (scalar.properties.generalCategory == .decimalNumber ? .digit : .punctuation)
    }

    @Test func punctuationWithoutTablesIsWhatThePropertiesSay() {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3004, 0x3008...0x3020, 0xFF01...0xFF0F,
                                             0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65]
        for value in ranges.joined() {
            let scalar = Unicode.Scalar(value)!
            let script = Script(scalar)
            if [.punctuation, .other].contains(script) {
                #expect(script == Self.scriptFromProperties(scalar), "U+\(String(value, radix: 16))")
            }
        }
        #expect(Script("、") == .punctuation && Script("「") == .punctuation && Script("—") == .punctuation)
        #expect(Script("々") == .kanji && Script("〆") == .other && Script("a") == .latin && Script("7") == .digit)
    }

    @Test func caseAndLettersWithoutTablesAreWhatThePropertiesSay() {
        for value in UInt32(0)...0x2FF {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.isUppercase == scalar.properties.isUppercase, "U+\(String(value, radix: 16))")
            #expect(scalar.isLowercase == scalar.properties.isLowercase, "U+\(String(value, radix: 16))")
            #expect(scalar.isAlphabetic == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
        #expect(("😀" as Unicode.Scalar).isAlphabetic == false && ("É" as Unicode.Scalar).isUppercase)
    }

    /// A common Japanese letter is what `Script` calls hiragana, katakana or kanji, over the BMP.
    @Test func commonJapaneseLettersAreKanaOrKanji() {
        let letters = (UInt32(0)...0xFFFF).filter(Script.isCommonJapaneseLetter)
        #expect(letters.count == 0x5F + 0x5A + 0x4 + 0x5200)
        for value in letters {
            #expect([.hiragana, .katakana, .kanji].contains(Script(Unicode.Scalar(value)!)), "U+\(String(value, radix: 16))")
        }
        #expect(!Script.isCommonJapaneseLetter(0x30FB) && !Script.isCommonJapaneseLetter(0x30A0) && !Script.isCommonJapaneseLetter(0x3001))
    }

    /// The premise of the CJK fast path: nothing in U+3000–U+9FFF has case.
    @Test func cjkAndKanaBlocksHaveNoCase() {
        for value in UInt32(0x3000)...0x9FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(!scalar.properties.isUppercase && !scalar.properties.isLowercase, "U+\(String(value, radix: 16))")
            #expect(!scalar.isUppercase && !scalar.isLowercase, "U+\(String(value, radix: 16))")
        }
    }
}
