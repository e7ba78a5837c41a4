/// What the tokenizers ask of a code point's Unicode properties beyond its ``Script`` and
/// `isAlphabetic` (JPENText's): whether it is part of a word, and the kind of a token it
/// starts when it is not.
///
/// A property look-up costs more than the rest of a character's work, and the English tokenizer
/// asks about every character of a mixed paragraph (、。「」…, kana and kanji). So kana and kanji
/// letters are answered by a range check, and the blocks news text draws its non-ASCII marks
/// and letters from (Latin-1 and Latin Extended, general punctuation, CJK punctuation and kana,
/// full-width forms) from a table made from the properties once per process. Other code points
/// are looked up each time.
///
/// ```swift
/// CharacterTraits("。").isWordCharacter   // false
/// CharacterTraits("。").nonWordKind       // .punctuation
/// ```
///
/// Cost: O(1), a range check or a table read in those blocks.
struct CharacterTraits {
    private let bits: UInt8

    // The blocks in the table, in its order. (None holds a surrogate: every value is a scalar.)
    private static let latin: Range<UInt32> = 0..<0x250
    private static let generalPunctuation: Range<UInt32> = 0x2000..<0x2070
    private static let cjk: Range<UInt32> = 0x3000..<0x3100
    private static let fullWidth: Range<UInt32> = 0xFF00..<0xFFF0

    /// Built on first use: 1,200 property look-ups.
    private static let table: [CharacterTraits] = [latin, generalPunctuation, cjk, fullWidth].flatMap { block in
        block.map { CharacterTraits(properties: Unicode.Scalar($0)!) }
    }

    /// The traits of a letter: a word character that starts a word.
    private static let letter = CharacterTraits(bits: wordCharacter | word)

    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        let index: Int
        switch value {
        // Hiragana, katakana and CJK ideograph letters (tests check them against the properties).
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF:
            self = Self.letter
            return
        case Self.latin: index = Int(value)
        case Self.generalPunctuation: index = Self.latin.count + Int(value - Self.generalPunctuation.lowerBound)
        case Self.cjk: index = Self.latin.count + Self.generalPunctuation.count + Int(value - Self.cjk.lowerBound)
        case Self.fullWidth:
            index = Self.latin.count + Self.generalPunctuation.count + Self.cjk.count + Int(value - Self.fullWidth.lowerBound)
        default:
            self.init(properties: scalar)
            return
        }
        self = Self.table[index]
    }

    private init(bits: UInt8) {
        self.bits = bits
    }

    /// The traits as Unicode's properties give them.
    private init(properties scalar: Unicode.Scalar) {
        let properties = scalar.properties
        let category = properties.generalCategory
        var bits: UInt8 = 0
        if properties.isAlphabetic || category == .decimalNumber || category == .nonspacingMark { bits |= Self.wordCharacter }
        switch category {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: bits |= Self.symbol
        default: bits |= properties.isAlphabetic ? Self.word : Self.punctuation
        }
        self.bits = bits
    }

    private static let wordCharacter: UInt8 = 1, word: UInt8 = 2, punctuation: UInt8 = 4, symbol: UInt8 = 8

    /// Letters, decimal digits and non-spacing marks: what a word is made of.
    var isWordCharacter: Bool { bits & Self.wordCharacter != 0 }

    /// The kind of a token that is not a word or number and starts with this code point: a
    /// symbol (math, currency, modifier, other), a word when alphabetic, else punctuation.
    var nonWordKind: Token.Kind {
        bits & Self.symbol != 0 ? .symbol : bits & Self.word != 0 ? .word : .punctuation
    }
}
