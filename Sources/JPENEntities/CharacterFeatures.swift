import JPENText

/// Features of each character of a Japanese sentence, for the character-level tagger.
///
/// Each character gets ``templateCount`` hashed features: the characters around it (each of two on
/// either side, the pair and the three just after it, the three ending at it), the character
/// classes around it, and the run of same-class characters it sits in with the characters just
/// before and after that run (so 石破茂|首相, トランプ|氏, ウィルバー・ロス|元 are seen), and the longest match of each class
/// of a ``NameGazetteer`` covering it (surname, given name, place, ...), and the word of jpen's
/// segmentation it sits in (the word, where the character sits in it, the words before and after):
/// tags stay per character, so a mention may still start or end inside a word (米|国務省), but the
/// words tell the tagger where names and their suffixes (…党, …大学) begin and end; and the head
/// of the compound it sits in (the run of kanji, katakana, Latin letters and digits up to the next
/// kana or punctuation): its last characters, its last word and what follows it, so that the type
/// of a name is learned from its head (…社, …省, …大学, …駅 wherever the name starts).
/// Cost: O(n), 36 hashes per character plus up to 12 gazetteer probes, no allocation once the
/// buffers have grown.
public struct CharacterFeatures {
    /// The features each character gets; also recorded in the model file.
    public static let templateCount = 36
    /// The feature set's number in the model file header.
    public static let featureSet: UInt32 = 3

    private var characters: [UInt32] = []
    private var classes: [UInt32] = []
    /// Each character's run of same-class characters and the end of its compound (its own index
    /// when it is in none), in indices of `characters`.
    private var spans: [(runStart: Int, runEnd: Int, compoundEnd: Int)] = []
    private var matches = NameMatches()
    private var wordOf: [Int] = []
    private var wordHashes: [UInt32] = []

    public init() {}

    /// Character classes: the script, with Latin split by case and the katakana middle dot apart.
    enum Class: UInt32 {
        case hiragana = 1, katakana, kanji, upper, lower, digit, space, middleDot, punctuation, other, boundary
    }

    @inline(__always)
    static func characterClass(_ scalar: Unicode.Scalar) -> Class {
        switch Script(scalar) {
        case .hiragana: return .hiragana
        case .katakana: return .katakana
        case .kanji: return .kanji
        case .latin: return scalar.isUppercase ? .upper : .lower
        case .digit: return .digit
        case .space: return .space
        case .punctuation: return scalar.value == 0x30FB ? .middleDot : .punctuation
        case .other: return .other
        }
    }

    /// The class runs are cut by: Latin letters of either case together, ・ inside katakana names.
    private static func runClass(_ c: UInt32) -> UInt32 {
        switch c {
        case Class.lower.rawValue: Class.upper.rawValue
        case Class.middleDot.rawValue: Class.katakana.rawValue
        default: c
        }
    }

    /// Appends the features of every character of `scalars` to `features`,
    /// ``templateCount`` per character, each a row index under `mask`. `words` are the words of
    /// the text as ranges of its characters (0 is the first), in order; characters outside every
    /// word (and all of them when `words` is empty) read "no word".
    public mutating func extract(_ scalars: ArraySlice<Unicode.Scalar>, words: [Range<Int>] = [], names: NameGazetteer,
                                 mask: UInt32, into features: inout [UInt32]) {
        let n = scalars.count
        markWords(words, of: scalars)
        // Three boundary characters on each side, so every window reads in range.
        let pad = 3
        characters.removeAll(keepingCapacity: true)
        characters.append(contentsOf: repeatElement(0x11_0000, count: pad + n))
        characters.append(contentsOf: repeatElement(0x11_0001, count: pad))
        classes.removeAll(keepingCapacity: true)
        classes.append(contentsOf: repeatElement(Class.boundary.rawValue, count: n + 2 * pad))
        // Both filled in one pass, through pointers: lazily mapped appends cost ~80 instructions
        // a character each.
        characters.withUnsafeMutableBufferPointer { c in
            classes.withUnsafeMutableBufferPointer { k in
                scalars.withUnsafeBufferPointer { scalars in
                    for (offset, scalar) in scalars.enumerated() {
                        c[pad + offset] = scalar.value
                        k[pad + offset] = Self.characterClass(scalar).rawValue
                    }
                }
            }
        }
        markNames(count: n, names: names, pad: pad)
        markRuns(count: n, pad: pad)

        let first = features.count
        features.append(contentsOf: repeatElement(0, count: n * Self.templateCount))
        // Local references: the loop mutates `matches`, so it cannot borrow `self`'s arrays.
        let c = characters, k = classes
        features.withUnsafeMutableBufferPointer { features in
            c.withUnsafeBufferPointer { c in
                k.withUnsafeBufferPointer { k in
                    for position in 0..<n {
                        // Name codes are read one position ahead (a title after the character).
                        matches.markQueued(startingBefore: position + 2, in: names)
                        emitFeatures(of: position, c: c, k: k, words: words, pad: pad, mask: mask,
                                     into: features.baseAddress! + first + position * Self.templateCount)
                    }
                }
            }
        }
    }

    /// Writes the ``templateCount`` features of the character at `position` to `out`. `c` and `k`
    /// are the padded characters and classes.
    @inline(__always)
    private func emitFeatures(of position: Int, c: UnsafeBufferPointer<UInt32>, k: UnsafeBufferPointer<UInt32>,
                              words: [Range<Int>], pad: Int, mask: UInt32, into out: UnsafeMutablePointer<UInt32>) {
        let n = c.count - 2 * pad
        let i = position + pad
        var row = FeatureRow(out: out, mask: mask)
        row.emit(row.next)
        row.emit(row.next.adding(c[i]))
        row.emit(row.next.adding(c[i - 1]))
        row.emit(row.next.adding(c[i + 1]))
        row.emit(row.next.adding(c[i - 2]))
        row.emit(row.next.adding(c[i + 2]))
        // Retired (their numbers kept): the pairs through the character and the one before it,
        // the triples centred on it and starting at it, the three before it, the two beside it and
        // the fours; the word features say what they said.
        row.retire(3)
        row.emit(row.next.adding(c[i + 1]).adding(c[i + 2]))
        row.retire()
        row.emit(row.next.adding(c[i - 2]).adding(c[i - 1]).adding(c[i]))
        row.retire(2)
        row.emit(row.next.adding(c[i + 1]).adding(c[i + 2]).adding(c[i + 3]))
        row.retire(3)
        row.emit(row.next.adding(k[i - 2]).adding(k[i - 1]).adding(k[i]).adding(k[i + 1]).adding(k[i + 2]))
        row.emit(row.next.adding(k[i - 1]).adding(k[i]).adding(k[i + 1]).adding(c[i]))
        // The run: its class, where the character sits in it, and its length.
        let span = spans[position]
        let runStart = span.runStart, runEnd = span.runEnd
        let runClass = Self.runClass(k[i])
        let length = UInt32(min(runEnd - runStart, 8))
        let fromStart = UInt32(min(i - runStart, 4)), toEnd = UInt32(min(runEnd - 1 - i, 4))
        row.emit(row.next.adding(runClass).adding(length).adding(fromStart == 0 ? 1 : 0).adding(toEnd == 0 ? 1 : 0))
        row.emit(row.next.adding(runClass).adding(fromStart).adding(toEnd))
        // What follows and precedes the run: titles, honorifics, particles.
        let after = min(runEnd, pad + n + 1), before = max(runStart - 1, 1)
        row.emit(row.next.adding(runClass).adding(c[after]))
        row.emit(row.next.adding(c[after]).adding(c[after + 1]))
        row.emit(row.next.adding(runClass).adding(c[before]))
        row.emit(row.next.adding(c[before - 1]).adding(c[before]))
        let marks = matches.marks(at: position)
        for k in 0..<NameClasses.count { row.emit(row.next.adding(marks[k])) }
        row.emit(row.next.adding(marks.packed))
        // A title or honorific right after the character (石破茂|首相, トランプ|氏) or before it.
        let title = NameClasses.titleIndex
        row.emit(row.next.adding(position + 1 < n ? matches.marks(at: position + 1)[title] : 0).adding(k[i]))
        row.emit(row.next.adding(position > 0 ? matches.marks(at: position - 1)[title] : 0).adding(k[i]))
        // The word: itself with the character's place in it, its length, its neighbours.
        let word = wordOf[position]
        let place: UInt32, wordLength: UInt32
        if word >= 0 {
            let range = words[word]
            place = range.count == 1 ? 4 : position == range.lowerBound ? 1 : position == range.upperBound - 1 ? 3 : 2
            wordLength = UInt32(min(range.count, 8))
        } else {
            place = 0
            wordLength = 0
        }
        let current = word >= 0 ? wordHashes[word] : 0
        let previous = word > 0 ? wordHashes[word - 1] : 1, next = word >= 0 && word + 1 < words.count ? wordHashes[word + 1] : 1
        row.emit(row.next.adding(current).adding(place))
        row.emit(row.next.adding(place).adding(wordLength).adding(k[i]))
        row.retire() // the previous word with the place
        row.emit(row.next.adding(next).adding(place))
        row.emit(row.next.adding(previous).adding(current))
        row.retire() // the word with the next
        // The compound's head: its last two characters, its last word, what follows it.
        let compoundEnd = span.compoundEnd
        if compoundEnd > i {
            let toHead = UInt32(min(compoundEnd - 1 - i, 6))
            let headWord = wordOf[compoundEnd - 1 - pad]
            row.emit(row.next.adding(c[compoundEnd - 1]).adding(c[compoundEnd - 2]))
            row.emit(row.next.adding(c[compoundEnd - 1]).adding(toHead))
            row.emit(row.next.adding(headWord >= 0 ? wordHashes[headWord] : 0).adding(toHead == 0 ? 1 : 0))
            row.emit(row.next.adding(c[compoundEnd - 1]).adding(c[compoundEnd]))
        } else {
            for _ in 0..<4 { row.emit(row.next) }
        }
    }

    /// Whether a character of this class belongs in a compound: kanji, katakana, Latin, digits.
    static func isCompound(_ c: UInt32) -> Bool {
        switch c {
        case Class.kanji.rawValue, Class.katakana.rawValue, Class.middleDot.rawValue,
             Class.upper.rawValue, Class.lower.rawValue, Class.digit.rawValue: true
        default: false
        }
    }

    /// Records each character's run and compound end (``spans``); `classes` already holds the
    /// `n` characters' classes after `pad` boundary entries.
    private mutating func markRuns(count n: Int, pad: Int) {
        spans.removeAll(keepingCapacity: true)
        spans.append(contentsOf: repeatElement((runStart: 0, runEnd: 0, compoundEnd: 0), count: n))
        // A local reference: the loop writes `spans`, so it cannot borrow `self.classes`.
        let k = classes
        k.withUnsafeBufferPointer { k in
            spans.withUnsafeMutableBufferPointer { spans in
                // Each character is compared with the one before (after) it, kept from the step
                // before; the sentence's ends compare with a class no character has.
                var start = pad, previous = UInt32.max
                for i in pad..<(pad + n) {
                    let runClass = Self.runClass(k[i])
                    if runClass != previous { start = i }
                    previous = runClass
                    spans[i - pad].runStart = start
                }
                var end = pad + n, compoundEnd = pad + n
                var next = UInt32.max, nextIsCompound = false
                for i in stride(from: pad + n - 1, through: pad, by: -1) {
                    let runClass = Self.runClass(k[i]), isCompound = Self.isCompound(k[i])
                    if runClass != next { end = i + 1 }
                    if !isCompound {
                        compoundEnd = i
                    } else if !nextIsCompound {
                        compoundEnd = i + 1
                    }
                    next = runClass
                    nextIsCompound = isCompound
                    spans[i - pad].runEnd = end
                    spans[i - pad].compoundEnd = compoundEnd
                }
            }
        }
    }

    /// Records each character's word and each word's digest.
    private mutating func markWords(_ words: [Range<Int>], of scalars: ArraySlice<Unicode.Scalar>) {
        wordOf.removeAll(keepingCapacity: true)
        wordOf.append(contentsOf: repeatElement(-1, count: scalars.count))
        wordHashes.removeAll(keepingCapacity: true)
        wordHashes.reserveCapacity(words.count)
        // Through pointers: a store through `self.wordOf` checks the array's uniqueness every time.
        // A local array (the storage moved out and back) keeps the closure off `self`.
        var wordOf = self.wordOf
        self.wordOf = []
        wordOf.withUnsafeMutableBufferPointer { wordOf in
            scalars.withUnsafeBufferPointer { scalars in
                for (index, word) in words.enumerated() {
                    precondition(word.lowerBound >= 0 && word.upperBound <= scalars.count, "\(word) outside the text")
                    var hash = FeatureHash(template: -3)
                    for position in word {
                        wordOf[position] = index
                        hash.add(scalars[position].value)
                    }
                    wordHashes.append(hash.bucket(mask: .max) | 2)
                }
            }
        }
        self.wordOf = wordOf
    }

    /// Queues a lookup of every stretch of up to ``NameGazetteer/longestJapaneseKey`` characters
    /// that starts and stays off spaces and punctuation (``extract`` makes them as it goes).
    /// `characters` and `classes` already hold the `n` characters and their classes after `pad`
    /// boundary entries.
    private mutating func markNames(count n: Int, names: NameGazetteer, pad: Int) {
        matches.reset(count: n)
        guard names.keyCount > 0 else { return }
        let longest = NameGazetteer.longestJapaneseKey
        // Local references: queueing mutates `matches`, so it cannot borrow `self`'s arrays.
        let c = characters, k = classes
        c.withUnsafeBufferPointer { c in
            k.withUnsafeBufferPointer { k in
                matches.queue(atMost: n * longest) { queue in
                    // The first space or punctuation at or after `start` (n when none).
                    var stop = 0
                    for start in 0..<n {
                        if stop < start { stop = start }
                        while stop < n, k[pad + stop] != Class.space.rawValue, k[pad + stop] != Class.punctuation.rawValue {
                            stop += 1
                        }
                        var key = NameGazetteer.keyStart
                        for end in (start + 1)..<(min(stop, start + longest) + 1) {
                            key.add(c[pad + end - 1])
                            queue(key.mixed, covering: start..<end)
                        }
                    }
                }
            }
        }
        matches.markQueued(startingBefore: 0, in: names)
    }
}
