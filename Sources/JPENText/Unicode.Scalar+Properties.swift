extension Unicode.Scalar {
    // Unicode's properties cost a table search per call; ASCII, most of the Latin text the stages
    // read, is answered by a range check, and so is case in the CJK and kana blocks
    // (U+3000–U+9FFF), where nothing has case and Japanese text asks of every character. Each
    // answer equals the `properties` one.

    /// Whether the code point is upper case, as `properties.isUppercase`. Cost: O(1) for ASCII
    /// and the CJK and kana blocks.
    @inlinable
    public var isUppercase: Bool {
        isASCII ? (0x41...0x5A).contains(value) : !isCaselessCJK && properties.isUppercase
    }

    /// Whether the code point is lower case, as `properties.isLowercase`. Cost: O(1) for ASCII
    /// and the CJK and kana blocks.
    @inlinable
    public var isLowercase: Bool {
        isASCII ? (0x61...0x7A).contains(value) : !isCaselessCJK && properties.isLowercase
    }

    /// In the CJK punctuation, kana and ideograph blocks (U+3000–U+9FFF), none of which has case.
    @inlinable
    var isCaselessCJK: Bool { (0x3000...0x9FFF).contains(value) }

    /// Whether the code point is a letter or other alphabetic character, as
    /// `properties.isAlphabetic`. Cost: O(1) for ASCII.
    @inlinable
    public var isAlphabetic: Bool {
        isASCII ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic
    }
}
