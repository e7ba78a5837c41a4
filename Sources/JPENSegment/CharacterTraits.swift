/// What the tokenizers ask of a code point's Unicode properties: whether it is alphabetic,
/// whether it is part of a word, and the kind of a token it starts when it is not.
///
/// Code points below U+3100 (Latin, Greek, Cyrillic, general punctuation and symbols, CJK
/// punctuation, kana) are read from a table made from the properties once per process: a
/// property look-up costs more than the rest of a character's work, and the English tokenizer
/// asks about every mark of a mixed paragraph (、。「」…). Others are looked up each time.
///
/// ```swift
/// CharacterTraits("。").isWordCharacter   // false
/// CharacterTraits("。").nonWordKind       // .punctuation
/// ```
///
/// Cost: O(1), a table read below U+3100.
struct CharacterTraits {
    private let bits: UInt8

    /// Code points from here on are looked up each time.
    private static let tableEnd: UInt32 = 0x3100

    /// Built on first use: about 12,500 property look-ups, a millisecond or two. (No surrogate
    /// lies below the end, so every value is a scalar.)
    private static let table: [CharacterTraits] = (0..<tableEnd).map { CharacterTraits(properties: Unicode.Scalar($0)!) }

    init(_ scalar: Unicode.Scalar) {
        self = scalar.value < Self.tableEnd ? Self.table[Int(scalar.value)] : CharacterTraits(properties: scalar)
    }

    /// The traits as Unicode's properties give them.
    private init(properties scalar: Unicode.Scalar) {
        let properties = scalar.properties
        let category = properties.generalCategory
        var bits: UInt8 = 0
        if properties.isAlphabetic { bits |= Self.alphabetic }
        if properties.isAlphabetic || category == .decimalNumber || category == .nonspacingMark { bits |= Self.wordCharacter }
        switch category {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: bits |= Self.symbol
        default: bits |= properties.isAlphabetic ? Self.word : Self.punctuation
        }
        self.bits = bits
    }

    private static let alphabetic: UInt8 = 1, wordCharacter: UInt8 = 2
    private static let word: UInt8 = 4, punctuation: UInt8 = 8, symbol: UInt8 = 16

    /// `properties.isAlphabetic`.
    var isAlphabetic: Bool { bits & Self.alphabetic != 0 }

    /// Letters, decimal digits and non-spacing marks: what a word is made of.
    var isWordCharacter: Bool { bits & Self.wordCharacter != 0 }

    /// The kind of a token that is not a word or number and starts with this code point: a
    /// symbol (math, currency, modifier, other), a word when alphabetic, else punctuation.
    var nonWordKind: Token.Kind {
        bits & Self.symbol != 0 ? .symbol : bits & Self.word != 0 ? .word : .punctuation
    }
}
