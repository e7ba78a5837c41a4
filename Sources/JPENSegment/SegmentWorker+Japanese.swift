import JPENText

extension SegmentWorker {
    /// Japanese word tokens of `span` (normalized offsets), appended to `tokens`: UD Japanese
    /// short-unit words (石破|茂, 11|月|5|日, 述べ|た) as the word model finds them; whitespace
    /// always separates words and is dropped. Cost: O(n), 10 hashed weight look-ups, reads of
    /// tables kept per code point and a dictionary look-up or two a character.
    func japaneseTokens(in span: Span, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        guard !span.isEmpty else { return }
        wordFeaturizer.load(scalars[span.range])
        wordModel.findBoundaries(in: wordFeaturizer, into: &wordBoundaries, scratch: &boundaryScratch)
        // Read through buffers: indexing the class's array property paid an exclusivity check
        // per character.
        wordFeaturizer.withWindow { window in
            wordBoundaries.withUnsafeBufferPointer { boundaries in
                var start = 0
                for k in 1...span.count where boundaries[k] {
                    if !window.isSpace(start) {
                        tokens.append(Token(span: Span(start: span.start + start, end: span.start + k),
                                            kind: window.wordKind(start, k)))
                    }
                    start = k
                }
            }
        }
    }
}

extension FeatureWindow {
    /// The kind of the word of characters `start ..< end` that the word model found, from the
    /// classes the featurizer keeps: digits (with inner separators, 1,000 and 3.5) are a number,
    /// a word that starts with a mark is punctuation or a symbol.
    func wordKind(_ start: Int, _ end: Int) -> Token.Kind {
        func characterClass(_ index: Int) -> UInt32 { classes[index + WordFeaturizer.reach] }
        switch characterClass(start) {
        case CharacterClass.digit.rawValue:
            guard characterClass(end - 1) == CharacterClass.digit.rawValue else { return .word }
            for index in start..<end where characterClass(index) != CharacterClass.digit.rawValue {
                let code = codes[index + WordFeaturizer.reach]
                if code != 0x2C && code != 0x2E { return .word }   // , .
            }
            return .number
        case CharacterClass.punctuation.rawValue:
            return Token.Kind(nonWord: Unicode.Scalar(codes[start + WordFeaturizer.reach])!)
        default:
            return .word
        }
    }
}
