/// The language of a sentence or a run of text, as a BCP 47 code.
public enum Language: String, Sendable, Codable, CaseIterable {
    /// Japanese: kana, kanji, and Japanese punctuation.
    case japanese = "ja"
    /// English, and Latin-script text in general.
    case english = "en"
    /// Digits, punctuation and symbols alone.
    case undetermined = "und"
}

/// The writing system of a code point, as jpen's stages distinguish them.
public enum Script: String, Sendable, Codable, CaseIterable {
    case hiragana, katakana, kanji, latin, digit, space, punctuation, other

    /// The script of `scalar`. Full-width Latin letters and digits count as Latin and digits.
    /// Cost: O(1): ASCII and the common kana and kanji blocks are answered inline, the rest in a
    /// few comparisons.
    @inlinable
    public init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        guard v >= 0x80 else {
            switch v {
            case 0x41...0x5A, 0x61...0x7A: self = .latin
            case 0x20, 0x09...0x0D: self = .space
            case 0x30...0x39: self = .digit
            default: self = .punctuation
            }
            return
        }
        // Most code points of Japanese text, by the blocks' order (hiragana, katakana, kanji):
        // hot loops then skip the call of the switch below.
        if Self.isCommonJapaneseLetter(v) {
            self = v >= 0x4E00 ? .kanji : v >= 0x30A1 ? .katakana : .hiragana
            return
        }
        self.init(nonASCII: scalar)
    }

    /// The script of a code point from U+0080 on. The cases are tested in order: the common
    /// ones of Japanese text come first.
    @usableFromInline
    init(nonASCII scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x3041...0x309F: self = .hiragana
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x3005, 0x3007, 0x303B: self = .kanji
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = v == 0x30FB || v == 0x30A0 ? .punctuation : .katakana
        case 0xFF10...0xFF19: self = .digit
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
        case 0xA0, 0x3000, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0xFEFF: self = .space
        // The punctuation news text is full of (CJK 、。「」, general ‘’“”…, full-width ！（）)
        // is answered here, without the two Unicode property look-ups below, which cost more
        // than the rest of the switch (ScalarPropertiesTests checks these ranges against them).
        case 0x3001...0x3004, 0x3008...0x3020, 0x2010...0x2027, 0x2030...0x205E,
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: self = .punctuation
        default:
            self = scalar.properties.isAlphabetic ? .other
                : (scalar.properties.generalCategory == .decimalNumber ? .digit : .punctuation)
        }
    }

    /// Whether `value` is a letter of the common blocks of Japanese text: hiragana, katakana but
    /// ゠ and ・, or a CJK unified ideograph of U+4E00–U+9FFF. Hot loops that only need to know
    /// that a code point is such a letter (no space, punctuation or Latin) ask this first: a range
    /// check inline, where ``init(_:)`` calls its switch for every code point from U+0080 on.
    @inlinable
    public static func isCommonJapaneseLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x3041...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x4E00...0x9FFF: true
        default: false
        }
    }

    /// The language this script writes, where the script alone decides it.
    public var language: Language {
        switch self {
        case .hiragana, .katakana, .kanji: .japanese
        case .latin: .english
        default: .undetermined
        }
    }
}
