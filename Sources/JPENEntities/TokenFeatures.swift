import JPENText

/// Features of each token of an English sentence, for the token-level tagger.
///
/// Each token gets ``templateCount`` hashed features: its lowercase form and exact form, its
/// shape (`Xxxx` → `Xx`, `U.S.` → `X.X.`), prefixes and suffixes, the words and shapes around it
/// (titles such as "Mr.", "President", "Prime Minister" before a name, "Tower" after one), and
/// whether it starts the sentence, and the longest match of each class of a ``NameGazetteer``
/// covering it ("Delaware": a place; "Los Angeles"). Cost: O(characters), 36 hashes and
/// up to 4 gazetteer probes per token.
public struct TokenFeatures {
    /// The features each token gets; also recorded in the model file.
    public static let templateCount = 36
    /// The feature set's number in the model file header.
    public static let featureSet: UInt32 = 2

    // Per-token hashes the templates combine, kept between calls to reuse the storage.
    private var lower: [UInt32] = []
    private var exact: [UInt32] = []
    private var shape: [UInt32] = []
    private var prefix2: [UInt32] = []
    private var prefix3: [UInt32] = []
    private var suffix2: [UInt32] = []
    private var suffix3: [UInt32] = []
    private var suffix4: [UInt32] = []
    private var lengths: [UInt32] = []
    private var matches = NameMatches()

    public init() {}

    /// A 32-bit digest of a run of values.
    private static func digest(_ values: some Sequence<UInt32>) -> UInt32 {
        var hash = FeatureHash(template: -1)
        for value in values { hash.add(value) }
        return hash.bucket(mask: .max)
    }

    /// A word without its possessive ending: "Trump’s" reads as "Trump" (the length feature
    /// still tells the two apart).
    static func stem(_ word: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard word.count > 2, word.last == "s" || word.last == "S" else { return word }
        let mark = word[word.endIndex - 2]
        return mark == "'" || mark == "\u{2019}" ? word.dropLast(2) : word
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v >= 0x41 && v <= 0x5A { return v + 0x20 }
        if v < 0xC0 || !scalar.properties.isUppercase { return v }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }

    /// The shape code of a character: X, x, d, or the character itself for anything else.
    static func shapeCode(_ scalar: Unicode.Scalar) -> UInt32 {
        switch Script(scalar) {
        case .latin: scalar.isUppercase ? 0x58 : 0x78
        case .digit: 0x64
        case .hiragana, .katakana, .kanji: 0x4A
        default: scalar.value
        }
    }

    /// Appends the features of each token of a sentence to `features`, ``templateCount`` per
    /// token, each a row index under `mask`; `tokens` are spans of `scalars`.
    public mutating func extract(_ scalars: [Unicode.Scalar], tokens: ArraySlice<Span>, names: NameGazetteer,
                                 mask: UInt32, into features: inout [UInt32]) {
        markNames(scalars, tokens: tokens, names: names)
        for storage in [\Self.lower, \.exact, \.shape, \.prefix2, \.prefix3, \.suffix2, \.suffix3, \.suffix4, \.lengths] {
            self[keyPath: storage].removeAll(keepingCapacity: true)
        }
        let boundary: [UInt32] = [0xFFFF_0001, 0xFFFF_0002]
        // Two boundary tokens on each side.
        for k in 0..<2 { appendBoundary(boundary[0] &+ UInt32(k)) }
        for token in tokens {
            let word = Self.stem(scalars[token.range])
            let lowered = word.map(Self.lowercase)
            lower.append(Self.digest(lowered))
            exact.append(Self.digest(word.lazy.map(\.value)))
            var shapeCodes: [UInt32] = []
            for scalar in word {
                let code = Self.shapeCode(scalar)
                // A run of one code is cut at two: "Xxxxx" and "Xxx" share the shape "Xxx".
                if shapeCodes.count >= 2, shapeCodes[shapeCodes.count - 1] == code, shapeCodes[shapeCodes.count - 2] == code { continue }
                shapeCodes.append(code)
                if shapeCodes.count >= 6 { break }
            }
            shape.append(Self.digest(shapeCodes))
            prefix2.append(Self.digest(lowered.prefix(2)))
            prefix3.append(Self.digest(lowered.prefix(3)))
            suffix2.append(Self.digest(lowered.suffix(2)))
            suffix3.append(Self.digest(lowered.suffix(3)))
            suffix4.append(Self.digest(lowered.suffix(4)))
            lengths.append(UInt32(min(word.count, 8)) | (word.count < token.count ? 16 : 0))
        }
        for k in 0..<2 { appendBoundary(boundary[1] &+ UInt32(k) &+ 2) }

        features.reserveCapacity(features.count + tokens.count * Self.templateCount)
        for position in 0..<tokens.count {
            let i = position + 2
            var t = 0
            func emit(_ hash: FeatureHash) {
                features.append(hash.bucket(mask: mask))
                t += 1
            }
            func h() -> FeatureHash { FeatureHash(template: t) }
            emit(h())
            emit(h().adding(lower[i]))
            emit(h().adding(exact[i]))
            emit(h().adding(shape[i]))
            emit(h().adding(prefix2[i]))
            emit(h().adding(prefix3[i]))
            emit(h().adding(suffix2[i]))
            emit(h().adding(suffix3[i]))
            emit(h().adding(suffix4[i]))
            emit(h().adding(lower[i - 1]))
            emit(h().adding(lower[i + 1]))
            emit(h().adding(lower[i - 2]))
            emit(h().adding(lower[i + 2]))
            emit(h().adding(shape[i - 1]))
            emit(h().adding(shape[i + 1]))
            emit(h().adding(lower[i - 1]).adding(lower[i]))
            emit(h().adding(lower[i]).adding(lower[i + 1]))
            emit(h().adding(shape[i - 1]).adding(shape[i]).adding(shape[i + 1]))
            emit(h().adding(startsSentence(position, scalars, tokens) ? 1 : 0).adding(shape[i]))
            emit(h().adding(lower[i - 1]).adding(shape[i]))
            emit(h().adding(shape[i]).adding(lower[i + 1]))
            emit(h().adding(lengths[i]).adding(shape[i]))
            emit(h().adding(lower[i - 2]).adding(lower[i - 1]))
            for k in 0..<NameClasses.all.count { emit(h().adding(matches.code(position, k))) }
            emit(h().adding(matches.packed(position)))
            // The dictionary's word on the neighbours: "New|York", "Trump|Tower".
            emit(h().adding(position > 0 ? matches.packed(position - 1) : 0).adding(shape[i]))
            emit(h().adding(position + 1 < tokens.count ? matches.packed(position + 1) : 0).adding(shape[i]))
            // A title just before the token ("Prime Minister|Ishiba", "Mr|.|Ishiba").
            let title = NameClasses.titleIndex
            let before1 = position > 0 ? matches.code(position - 1, title) : 0
            let before2 = position > 1 ? matches.code(position - 2, title) : 0
            emit(h().adding(before1).adding(shape[i]))
            emit(h().adding(before1).adding(before2).adding(shape[i - 1]).adding(shape[i]))
        }
    }

    /// Looks up every run of up to ``NameGazetteer/longestLatinKey`` tokens, lowercased and
    /// joined by single spaces, that starts with a letter.
    private mutating func markNames(_ scalars: [Unicode.Scalar], tokens: ArraySlice<Span>, names: NameGazetteer) {
        matches.reset(count: tokens.count)
        guard names.keyCount > 0 else { return }
        let base = tokens.startIndex
        for start in 0..<tokens.count {
            guard let first = scalars[tokens[base + start].range].first, first.isAlphabetic else { continue }
            var key = NameGazetteer.keyStart
            for end in (start + 1)...min(tokens.count, start + NameGazetteer.longestLatinKey) {
                if end > start + 1 { key.add(0x20) }
                for scalar in Self.stem(scalars[tokens[base + end - 1].range]) { key.add(Self.lowercase(scalar)) }
                let classes = names.classes(of: key.mixed)
                if !classes.isEmpty { matches.mark(start..<end, classes) }
            }
        }
    }

    /// Whether the token at `position` opens a sentence: the first, or after . ! ? or a colon.
    private func startsSentence(_ position: Int, _ scalars: [Unicode.Scalar], _ tokens: ArraySlice<Span>) -> Bool {
        guard position > 0 else { return true }
        let previous = tokens[tokens.startIndex + position - 1]
        guard previous.count == 1 else { return false }
        switch scalars[previous.start] {
        case ".", "!", "?", ":": return true
        default: return false
        }
    }

    private mutating func appendBoundary(_ value: UInt32) {
        for storage in [\Self.lower, \.exact, \.shape, \.prefix2, \.prefix3, \.suffix2, \.suffix3, \.suffix4] {
            self[keyPath: storage].append(value)
        }
        lengths.append(0)
    }
}
