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

    /// The per-token hashes the templates combine.
    struct Digests {
        var lower, exact, shape, prefix2, prefix3, suffix2, suffix3, suffix4: UInt32
        /// The length (at most 8), plus 16 for a possessive.
        var length: UInt32

        /// A boundary token's: `value` everywhere but the length, 0.
        init(boundary value: UInt32) {
            (lower, exact, shape, prefix2, prefix3, suffix2, suffix3, suffix4) = (value, value, value, value, value, value, value, value)
            length = 0
        }

        /// The digests of `word`, stemmed from a token of `tokenLength` code points.
        init(of word: Slice<UnsafeBufferPointer<Unicode.Scalar>>, tokenLength: Int) {
            // The last four lowercase values, the latest last, for the suffixes.
            var latest: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
            var lowerHash = FeatureHash(template: -1), exactHash = lowerHash, shapeHash = lowerHash
            var prefix2Hash = lowerHash, prefix3Hash = lowerHash
            // Shape codes: a run of one code is cut at two, "Xxxxx" and "Xxx" share the shape "Xxx",
            // and the shape stops at six codes.
            var shapeCount = 0, lastCode: UInt32 = 0, codeBefore: UInt32 = 0
            for (offset, scalar) in word.enumerated() {
                let lowerValue = TokenFeatures.lowercase(scalar)
                latest = (latest.1, latest.2, latest.3, lowerValue)
                lowerHash.add(lowerValue)
                exactHash.add(scalar.value)
                if offset < 2 { prefix2Hash = lowerHash }
                if offset < 3 { prefix3Hash = lowerHash }
                let code = TokenFeatures.shapeCode(scalar)
                if shapeCount < 6, shapeCount < 2 || code != lastCode || code != codeBefore {
                    shapeHash.add(code)
                    shapeCount += 1
                    codeBefore = lastCode
                    lastCode = code
                }
            }
            // The hash of the last `length` values (all of a shorter word), oldest first.
            let count = word.count
            @inline(__always) func suffixDigest(_ length: Int) -> UInt32 {
                var hash = FeatureHash(template: -1)
                let kept = min(length, count)
                if kept >= 4 { hash.add(latest.0) }
                if kept >= 3 { hash.add(latest.1) }
                if kept >= 2 { hash.add(latest.2) }
                if kept >= 1 { hash.add(latest.3) }
                return hash.bucket(mask: .max)
            }
            lower = lowerHash.bucket(mask: .max)
            exact = exactHash.bucket(mask: .max)
            shape = shapeHash.bucket(mask: .max)
            prefix2 = prefix2Hash.bucket(mask: .max)
            prefix3 = prefix3Hash.bucket(mask: .max)
            suffix2 = suffixDigest(2)
            suffix3 = suffixDigest(3)
            suffix4 = suffixDigest(4)
            length = UInt32(min(count, 8)) | (count < tokenLength ? 16 : 0)
        }
    }

    /// The tokens' digests after two boundary tokens, then two more; kept to reuse the storage.
    private var digests: [Digests] = []
    private(set) var matches = NameMatches()

    public init() {}

    /// A word without its possessive ending: "Trump’s" reads as "Trump" (the length feature
    /// still tells the two apart).
    static func stem<Word: BidirectionalCollection<Unicode.Scalar>>(_ word: Word) -> Word.SubSequence {
        guard word.count > 2, word.last == "s" || word.last == "S" else { return word[...] }
        let mark = word[word.index(word.endIndex, offsetBy: -2)]
        return mark == "'" || mark == "\u{2019}" ? word.dropLast(2) : word[...]
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
        digests.removeAll(keepingCapacity: true)
        // Two boundary tokens on each side.
        for k: UInt32 in 0..<2 { digests.append(Digests(boundary: 0xFFFF_0001 &+ k)) }
        scalars.withUnsafeBufferPointer { scalars in
            for token in tokens {
                digests.append(Digests(of: Self.stem(scalars[token.range]), tokenLength: token.count))
            }
        }
        for k: UInt32 in 0..<2 { digests.append(Digests(boundary: 0xFFFF_0002 &+ k &+ 2)) }

        let first = features.count
        features.append(contentsOf: repeatElement(0, count: tokens.count * Self.templateCount))
        let d = digests
        features.withUnsafeMutableBufferPointer { features in
            d.withUnsafeBufferPointer { d in
                for position in 0..<tokens.count {
                    // Name codes are read one token ahead.
                    matches.markQueued(startingBefore: position + 2, in: names)
                    emitFeatures(of: position, d: d, scalars: scalars, tokens: tokens, mask: mask,
                                 into: features.baseAddress! + first + position * Self.templateCount)
                }
            }
        }
    }

    /// Writes the ``templateCount`` features of the token at `position` to `out`; `d` holds the
    /// digests of the tokens after two boundary tokens.
    @inline(__always)
    private func emitFeatures(of position: Int, d: UnsafeBufferPointer<Digests>, scalars: [Unicode.Scalar],
                              tokens: ArraySlice<Span>, mask: UInt32, into out: UnsafeMutablePointer<UInt32>) {
        let i = position + 2
        var row = FeatureRow(out: out, mask: mask)
        row.emit(row.next)
        row.emit(row.next.adding(d[i].lower))
        row.emit(row.next.adding(d[i].exact))
        row.emit(row.next.adding(d[i].shape))
        row.emit(row.next.adding(d[i].prefix2))
        row.emit(row.next.adding(d[i].prefix3))
        row.emit(row.next.adding(d[i].suffix2))
        row.emit(row.next.adding(d[i].suffix3))
        row.emit(row.next.adding(d[i].suffix4))
        row.emit(row.next.adding(d[i - 1].lower))
        row.emit(row.next.adding(d[i + 1].lower))
        row.emit(row.next.adding(d[i - 2].lower))
        row.emit(row.next.adding(d[i + 2].lower))
        row.emit(row.next.adding(d[i - 1].shape))
        row.emit(row.next.adding(d[i + 1].shape))
        row.emit(row.next.adding(d[i - 1].lower).adding(d[i].lower))
        row.emit(row.next.adding(d[i].lower).adding(d[i + 1].lower))
        row.emit(row.next.adding(d[i - 1].shape).adding(d[i].shape).adding(d[i + 1].shape))
        row.emit(row.next.adding(startsSentence(position, scalars, tokens) ? 1 : 0).adding(d[i].shape))
        row.emit(row.next.adding(d[i - 1].lower).adding(d[i].shape))
        row.emit(row.next.adding(d[i].shape).adding(d[i + 1].lower))
        row.emit(row.next.adding(d[i].length).adding(d[i].shape))
        row.emit(row.next.adding(d[i - 2].lower).adding(d[i - 1].lower))
        let marks = matches.marks(at: position)
        let marksBefore = position > 0 ? matches.marks(at: position - 1) : NameMatches.Marks(bytes: 0)
        for k in 0..<NameClasses.count { row.emit(row.next.adding(marks[k])) }
        row.emit(row.next.adding(marks.packed))
        // The dictionary's word on the neighbours: "New|York", "Trump|Tower".
        row.emit(row.next.adding(marksBefore.packed).adding(d[i].shape))
        row.emit(row.next.adding(position + 1 < tokens.count ? matches.marks(at: position + 1).packed : 0).adding(d[i].shape))
        // A title just before the token ("Prime Minister|Ishiba", "Mr|.|Ishiba").
        let title = NameClasses.titleIndex
        let before1 = marksBefore[title]
        let before2 = position > 1 ? matches.marks(at: position - 2)[title] : 0
        row.emit(row.next.adding(before1).adding(d[i].shape))
        row.emit(row.next.adding(before1).adding(before2).adding(d[i - 1].shape).adding(d[i].shape))
    }

    /// Queues a lookup of every run of up to ``NameGazetteer/longestLatinKey`` tokens, lowercased
    /// and joined by single spaces, that starts with a letter (``extract`` makes them as it goes).
    ///
    /// The runs that reach a token are hashed together, a code point at a time (``RunHashes``):
    /// a hash step waits on the one before, and four independent ones take hardly longer than
    /// one. A start's lookups are queued once its longest run is hashed, so by ascending start
    /// as ``NameMatches`` requires.
    private mutating func markNames(_ scalars: [Unicode.Scalar], tokens: ArraySlice<Span>, names: NameGazetteer) {
        matches.reset(count: tokens.count)
        guard names.keyCount > 0 else { return }
        scalars.withUnsafeBufferPointer { scalars in
        tokens.withUnsafeBufferPointer { tokens in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: RunHashes.width * RunHashes.width) { keys in
            let width = RunHashes.width
            // The key of the run of `length` tokens from `start`: keys[width * (start % width) + length - 1].
            // A start's runs in one batch: its capacity and uniqueness checks once, not per run.
            // (One batch for the whole sentence measured slower.)
            func queueRuns(from start: Int) {
                matches.queue(atMost: width) { queue in
                    for end in (start + 1)...min(tokens.count, start + width) {
                        queue(keys[width * (start % width) + end - start - 1], covering: start..<end)
                    }
                }
            }
            var runs = RunHashes()
            // Bit `width - 1 - slot`: the run in `slot` starts with a letter.
            var letterStarts = 0
            for last in 0..<tokens.count {
                let token = tokens[last]
                // The runs from earlier tokens go on after a space; the earliest one ended a token ago.
                runs.add(0x20)
                runs.shift()
                letterStarts = (letterStarts << 1) & (1 << width - 1) | (!token.isEmpty && scalars[token.start].isAlphabetic ? 1 : 0)
                for scalar in Self.stem(scalars[token.range]) { runs.add(Self.lowercase(scalar)) }
                // Slot `slot` holds the run from token `last + 1 - width + slot` to this one.
                for slot in 0..<width where letterStarts >> (width - 1 - slot) & 1 != 0 {
                    let start = last + 1 - width + slot
                    keys[width * (start % width) + width - 1 - slot] = runs[slot].mixed
                }
                if last >= width - 1 && letterStarts >> (width - 1) & 1 != 0 { queueRuns(from: last + 1 - width) }
            }
            for start in max(0, tokens.count + 1 - width)..<tokens.count where letterStarts >> (tokens.count - 1 - start) & 1 != 0 {
                queueRuns(from: start)
            }
        }
        }
        }
        matches.markQueued(startingBefore: 0, in: names)
    }

    /// The hashes of the runs of tokens that end at the current token, one for each token of the
    /// longest key, the earliest start first.
    private struct RunHashes {
        static var width: Int { 4 }
        private var runs = (NameGazetteer.keyStart, NameGazetteer.keyStart, NameGazetteer.keyStart, NameGazetteer.keyStart)

        init() {
            precondition(NameGazetteer.longestLatinKey == Self.width, "one run for each token of the longest key")
        }

        /// Extends every run with `value`.
        @inline(__always)
        mutating func add(_ value: UInt32) {
            runs.0.add(value)
            runs.1.add(value)
            runs.2.add(value)
            runs.3.add(value)
        }

        /// Drops the earliest run and starts an empty one.
        @inline(__always)
        mutating func shift() {
            runs = (runs.1, runs.2, runs.3, NameGazetteer.keyStart)
        }

        subscript(slot: Int) -> FeatureHash {
            switch slot {
            case 0: runs.0
            case 1: runs.1
            case 2: runs.2
            default: runs.3
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
}
