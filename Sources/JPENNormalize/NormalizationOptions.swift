extension TextNormalizer {
    /// Which unifications a ``TextNormalizer`` applies. Each can be turned off on its own.
    ///
    /// ``default`` is what the segmenter and every later stage read through, so it only makes
    /// changes that lose nothing those stages need: it unifies forms (width, dashes, tildes,
    /// spaces, line breaks) but deletes no visible character. The two deleting rules that
    /// neologdn applies, removing spaces between Japanese characters and removing tildes, are
    /// opt-in (``neologdn`` turns them on): a space inside Japanese often separates a family
    /// name from a given name (石破 茂) or a headline's phrases, and a tilde is the range mark of
    /// dates and numbers (3〜5日).
    ///
    /// ```swift
    /// let normalizer = TextNormalizer(options: TextNormalizer.Options.default.subtracting(.hyphens))
    /// let matching = TextNormalizer(options: .neologdn)
    /// ```
    public struct Options: OptionSet, Hashable, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Unicode NFKC: full-width ASCII to ASCII, half-width katakana to full width (ｶﾞ → ガ),
        /// ㍿ → 株式会社, ㍻ → 平成, ① → 1, U+00A0 and U+3000 to a space. A spacing sound mark
        /// (゛ ゜) after kana joins it (か゛ → が) instead of becoming a space and a combining mark.
        public static let compatibility = Options(rawValue: 1 << 0)
        /// CR LF, CR, U+0085 and U+2028 become one "\n"; U+2029 (paragraph separator) becomes
        /// "\n\n", the blank line the paragraph splitter reads.
        public static let lineBreaks = Options(rawValue: 1 << 1)
        /// Every Unicode space separator (U+00A0, U+3000, U+2000–U+200A, U+202F, U+205F,
        /// U+1680) becomes " ". Tabs stay.
        public static let spaces = Options(rawValue: 1 << 2)
        /// Invisible characters are removed: U+200B, U+2060, U+FEFF, U+00AD (soft hyphen),
        /// U+180E, U+200E and U+200F. Zero-width joiners (U+200C, U+200D) stay: emoji sequences
        /// and some scripts need them.
        public static let zeroWidth = Options(rawValue: 1 << 3)
        /// Hyphen-like characters become "-": ˗ ֊ ‐ ‑ ‒ – ⁃ ⁻ ₋ − ﹣ －.
        public static let hyphens = Options(rawValue: 1 << 4)
        /// Dash-like characters become ー (U+30FC) where they stand for a long vowel: after
        /// katakana (or after hiragana when kana follows), as in ス－パ－ → スーパー or ウェ―イ →
        /// ウェーイ. The set is ‐ ‑ ‒ – — ― − ─ ━ ﹣ － ｰ. A doubled dash ("――", the Japanese
        /// dash) after katakana stays a dash unless kana follows. Unlike neologdn, — ― ─ ━
        /// elsewhere stay as they are: in English text they are dashes.
        public static let longVowels = Options(rawValue: 1 << 5)
        /// A run of ー becomes one ー that maps back to the whole run (ウェーーーイ → ウェーイ).
        public static let repeatedLongVowels = Options(rawValue: 1 << 6)
        /// Tilde and wave-dash variants (∼ ∾ 〜 〰 ～ ⁓) become "~", the form NFKC gives ～.
        public static let tildes = Options(rawValue: 1 << 7)
        /// Opt-in: spaces (not line breaks) between two Japanese characters (kana, kanji, CJK
        /// punctuation) are removed, as neologdn does; spaces next to Latin letters or digits stay.
        public static let japaneseSpaces = Options(rawValue: 1 << 8)
        /// Opt-in: the non-ASCII tilde variants (∼ ∾ 〜 〰 ～ ⁓) are removed, as neologdn does. An
        /// ASCII "~" stays, since it is what URLs and English text use.
        public static let removeTildes = Options(rawValue: 1 << 9)

        /// Everything but the two deleting rules: ``compatibility``, ``lineBreaks``, ``spaces``,
        /// ``zeroWidth``, ``hyphens``, ``longVowels``, ``repeatedLongVowels`` and ``tildes``.
        public static let `default`: Options = [
            .compatibility, .lineBreaks, .spaces, .zeroWidth, .hyphens, .longVowels, .repeatedLongVowels, .tildes,
        ]
        /// ``default`` plus ``japaneseSpaces`` and ``removeTildes``: close to what neologdn does,
        /// for dictionary keys and matching rather than for reading.
        public static let neologdn: Options = Options.default.union([.japaneseSpaces, .removeTildes])
    }
}
