import JPENLearning
import JPENText

/// The features of the Japanese word model at each gap between two characters; the one place
/// they are defined, so training (``WordModelTrainer``) and segmentation cannot disagree.
///
/// For the gap before character `k` the features are, KyTea-style, the character 1-, 2- and
/// 3-grams and the character-class 1-, 2- and 3-grams of the window `k-3 ..< k+3`; for each
/// ``WordDictionary/Category`` the lengths of the dictionary words that end at the gap, start at it
/// and straddle it, and the word categories ending and starting there together; whether a known
/// surname ends where a known given name starts; and a bias. Each is hashed over scalar values
/// into an index of the model's flat weight array. (ICU's word break as a feature added 0.001 F1
/// and cost a third of the segmenter's time, and would tie the weights to one ICU version.)
///
/// A featurizer owns reusable buffers: one per task, refilled per text.
/// Changing what it extracts changes what weights mean: bump ``WordModel/formatVersion``.
package final class WordFeaturizer {
    /// Characters of context on each side of a gap.
    static let reach = 3

    private let dictionary: WordDictionary
    /// Each code point's class and one-character dictionary entry, once met.
    private let characterFacts = CodePointMemo<CharacterFacts>()
    /// Scalar values of the loaded text, padded with `reach` sentinels on each side.
    private var codes: [UInt32] = []
    /// Character classes parallel to `codes`.
    private var classes: [UInt32] = []
    /// For each gap (before character `k`, 0 ... count), the dictionary words that end there,
    /// start there and straddle it: per category, 4 bits of lengths 1, 2, 3, 4 or more.
    private var wordsEnding: [UInt32] = []
    private var wordsStarting: [UInt32] = []
    private var wordsStraddling: [UInt32] = []
    /// The number of characters loaded.
    private(set) var count = 0

    package init(dictionary: WordDictionary) {
        self.dictionary = dictionary
    }

    /// Loads `scalars`. Cost: O(n) plus a dictionary look-up or two a character (one less for a
    /// code point met before); no allocation once buffers are large enough.
    package func load(_ scalars: ArraySlice<Unicode.Scalar>) {
        count = scalars.count
        // Filled as locals (moved out and back, keeping their storage): appending to a class's
        // array property pays an exclusivity check per element.
        var codes = self.codes, classes = self.classes
        self.codes = []
        self.classes = []
        codes.removeAll(keepingCapacity: true)
        classes.removeAll(keepingCapacity: true)
        codes.append(contentsOf: repeatElement(Self.padding, count: Self.reach))
        classes.append(contentsOf: repeatElement(CharacterClass.padding.rawValue, count: Self.reach))
        // The facts are asked for first: between texts, other stages push them out of the cache.
        for scalar in scalars { characterFacts.prefetch(scalar.value) }
        for scalar in scalars {
            codes.append(scalar.value)
            classes.append(facts(of: scalar.value).characterClass)
        }
        codes.append(contentsOf: repeatElement(Self.padding, count: Self.reach))
        classes.append(contentsOf: repeatElement(CharacterClass.padding.rawValue, count: Self.reach))
        self.codes = codes
        self.classes = classes
        findDictionaryWords()
    }

    /// The facts of the code point `code` of the loaded text (never the padding).
    @inline(__always)
    private func facts(of code: UInt32) -> CharacterFacts {
        characterFacts.record(of: code) { CharacterFacts(code: code, dictionary: dictionary) }
    }

    /// Fills `wordsEnding`, `wordsStarting` and `wordsStraddling`: at every start, the words
    /// of 1 to ``WordDictionary/maxLength`` characters without whitespace, tried ever longer
    /// until the dictionary says no longer word starts so.
    ///
    /// The dictionary is megabytes read at random: nearly every look-up misses the cache, and
    /// trying one start's lengths in turn waited for each miss before the next (whether to go
    /// on depends on it). So the starts are taken a batch at a time, one length for all of
    /// them at once, and a start's probe for the next length is prefetched as soon as the
    /// entry of this one says to go on: its miss is then in flight while the batch's other
    /// entries are resolved. A start's one-character word (four in ten look-ups) comes from
    /// ``CharacterFacts``, without a probe.
    private func findDictionaryWords() {
        func reset(_ gaps: inout [UInt32]) {
            gaps.removeAll(keepingCapacity: true)
            gaps.append(contentsOf: repeatElement(0, count: count + 1))
        }
        reset(&wordsEnding)
        reset(&wordsStarting)
        reset(&wordsStraddling)
        let characters = count
        let dictionary = dictionary
        let batch = Self.probeBatch
        // Raw buffers: array accesses on a class's properties pay bounds and exclusivity checks.
        codes.withUnsafeBufferPointer { codes in
        classes.withUnsafeBufferPointer { classes in
        wordsStarting.withUnsafeMutableBufferPointer { starting in
        wordsEnding.withUnsafeMutableBufferPointer { ending in
        wordsStraddling.withUnsafeMutableBufferPointer { straddling in
        withUnsafeTemporaryAllocation(of: Candidate.self, capacity: batch) { candidates in
            /// Marks the words `entry` (of `length` scalars from `start`) says are there; whether
            /// longer words may start so.
            @inline(__always) func add(_ entry: WordDictionary.Entry, of start: Int, length: Int) -> Bool {
                let categories = entry.categories
                if categories != 0 {
                    // Category bit c to bit 4c, the nibble of lengths of category c, by
                    // shifts and masks (a branch per category was mispredicted).
                    var bits = (categories | categories << 12) & 0x000F_000F
                    bits = (bits | bits << 6) & 0x0303_0303
                    bits = (bits | bits << 3) & 0x1111_1111
                    bits <<= UInt32(min(length, 4) - 1)
                    starting[start] |= bits
                    ending[start + length] |= bits
                    for inside in (start + 1)..<(start + length) { straddling[inside] |= bits }
                }
                return entry.isPrefix && length < WordDictionary.maxLength
            }
            var active = 0
            /// Adds the `length` characters from `start` (whose first `length - 1` have the
            /// running hash `running`) to the candidates to try, unless they run into whitespace
            /// or the end, and prefetches their probe.
            @inline(__always) func extend(from start: Int, running: UInt64, to length: Int) {
                let position = start + length - 1
                guard position < characters, classes[position + Self.reach] != CharacterClass.space.rawValue else { return }
                let running = WordDictionary.hash(running, codes[position + Self.reach])
                let probe = dictionary.probe(running: running, length: length)
                dictionary.prefetch(probe)
                candidates[active] = Candidate(start: start, running: running, probe: probe)
                active += 1
            }
            var batchStart = 0
            while batchStart < characters {
                let batchEnd = min(batchStart + batch, characters)
                // The starts still to try, each with the running hash of its scalars so far.
                active = 0
                for start in batchStart..<batchEnd where classes[start + Self.reach] != CharacterClass.space.rawValue {
                    let code = codes[start + Self.reach]
                    if add(facts(of: code).entry, of: start, length: 1) {
                        extend(from: start, running: WordDictionary.hash(WordDictionary.emptyHash, code), to: 2)
                    }
                }
                var length = 2
                while active > 0 {
                    let probed = active
                    active = 0
                    for index in 0..<probed {
                        let candidate = candidates[index]
                        if add(dictionary.entry(candidate.probe), of: candidate.start, length: length) {
                            extend(from: candidate.start, running: candidate.running, to: length + 1)
                        }
                    }
                    length += 1
                }
                batchStart = batchEnd
            }
        }
        }
        }
        }
        }
        }
    }

    /// A start of a dictionary word being tried (see ``findDictionaryWords()``).
    private struct Candidate {
        let start: Int
        let running: UInt64
        let probe: WordDictionary.Probe
    }

    /// How many starts ``findDictionaryWords()`` tries at once: enough misses to overlap, and
    /// few enough that the slots they read stay in the first-level cache until resolved.
    private static let probeBatch = 128

    /// Whether the character at `index` of the loaded text is whitespace.
    package func isSpace(_ index: Int) -> Bool {
        classes[index + Self.reach] == CharacterClass.space.rawValue
    }

    /// Calls `body` with the weight index of every feature of the gap before character `k`
    /// (`1 ..< count`), for a weight array of `1 << bits` entries. Cost: 57 hashes (``FeatureHash``).
    @inline(__always)
    package func forEachFeature(beforeCharacter k: Int, bits: Int, _ body: (Int) -> Void) {
        withWindow { $0.forEachFeature(beforeCharacter: k, bits: bits, body) }
    }

    /// Calls `body` with raw views of the loaded text's buffers, for loops over many gaps: reads
    /// through them pay no bounds, exclusivity or reference-count checks.
    @inline(__always)
    func withWindow<Result>(_ body: (FeatureWindow) -> Result) -> Result {
        codes.withUnsafeBufferPointer { codes in
        classes.withUnsafeBufferPointer { classes in
        wordsEnding.withUnsafeBufferPointer { ending in
        wordsStarting.withUnsafeBufferPointer { starting in
        wordsStraddling.withUnsafeBufferPointer { straddling in
            body(FeatureWindow(count: count, codes: codes.baseAddress!, classes: classes.baseAddress!,
                               ending: ending.baseAddress!, starting: starting.baseAddress!,
                               straddling: straddling.baseAddress!))
        }
        }
        }
        }
        }
    }

    /// Stands for the characters beyond either end of the text.
    static let padding: UInt32 = 0x11_0000
}

/// A read-only view of a ``WordFeaturizer``'s loaded text, valid inside
/// ``WordFeaturizer/withWindow(_:)``: where the features are defined.
struct FeatureWindow {
    /// The number of characters loaded.
    let count: Int
    /// Scalar values and character classes, padded with `WordFeaturizer.reach` sentinels on each side.
    let codes: UnsafePointer<UInt32>
    let classes: UnsafePointer<UInt32>
    /// Per gap `0 ... count`: the dictionary words ending, starting and straddling there.
    let ending: UnsafePointer<UInt32>
    let starting: UnsafePointer<UInt32>
    let straddling: UnsafePointer<UInt32>

    /// How many features ``forEachFeature(beforeCharacter:bits:_:)`` gives each gap.
    static let featureCount = 57
    /// How many of them are hashed; the others are ``TabledFeatures``.
    static let hashedFeatureCount = 16
    /// How many of the hashed ones are unigrams: the scalar at each window offset.
    static let unigramCount = 6

    /// The weight index of the unigram feature of the scalar value (or padding) `code` at
    /// window `offset` (0 ..< ``unigramCount``). Cost: one hash.
    @inline(__always)
    static func unigramIndex(offset: Int, code: UInt32, bits: Int) -> Int {
        // Templates 1, 3, ... 11, as ``forEachFeature(beforeCharacter:bits:hashed:tabled:)`` counts them.
        FeatureHash(template: UInt64(2 * offset + 1)).adding(UInt64(code)).index(bits: bits)
    }

    /// Whether the character at `index` is whitespace.
    @inline(__always)
    func isSpace(_ index: Int) -> Bool {
        classes[index + WordFeaturizer.reach] == CharacterClass.space.rawValue
    }

    /// Calls `body` with the weight index of each of the ``featureCount`` features of the gap
    /// before character `k` (`1 ..< count`), for a weight array of `1 << bits` entries.
    /// Cost: 57 hashes (``FeatureHash``).
    @inline(__always)
    func forEachFeature(beforeCharacter k: Int, bits: Int, _ body: (Int) -> Void) {
        forEachFeature(beforeCharacter: k, bits: bits, hashed: body) { body(TabledFeatures.hash(ofSlot: $0).index(bits: bits)) }
    }

    /// The features of the gap before character `k`, in the order of
    /// ``forEachFeature(beforeCharacter:bits:_:)``: calls `hashed` with the weight index of
    /// each feature over scalar values (``hashedFeatureCount`` of them, or without the
    /// ``unigramCount`` unigrams when `hashingUnigrams` is false: a scorer that keeps their
    /// weights per code point) and `tabled` with the ``TabledFeatures`` slot of each feature
    /// over a small domain. Cost: 16 hashes.
    @inline(__always)
    func forEachFeature(beforeCharacter k: Int, bits: Int, hashingUnigrams: Bool = true,
                        hashed: (Int) -> Void, tabled: (Int) -> Void) {
        let ending = ending[k], starting = starting[k], straddling = straddling[k]
        // Padded position of the first character of the window.
        let p = k
        // The three values (at most 21 bits each, as scalar values are) are packed into
        // one: a feature costs two multiplications, and there are 16 a character.
        @inline(__always) func emit(_ template: UInt64, _ a: UInt32, _ b: UInt32, _ c: UInt32) {
            hashed(FeatureHash(template: template).adding(UInt64(a) | UInt64(b) << 21 | UInt64(c) << 42).index(bits: bits))
        }
        var template: UInt64 = 0
        for i in 0..<Self.unigramCount {
            if hashingUnigrams { hashed(Self.unigramIndex(offset: i, code: codes[p + i], bits: bits)) }
            template &+= 2; tabled(TabledFeatures.classUnigram(at: i, classes[p + i]))
        }
        for i in 0..<5 {
            template &+= 1; emit(template, codes[p + i], codes[p + i + 1], 0)
            template &+= 1; tabled(TabledFeatures.classBigram(at: i, classes[p + i], classes[p + i + 1]))
        }
        for i in 0..<4 {
            template &+= 1; emit(template, codes[p + i], codes[p + i + 1], codes[p + i + 2])
            template &+= 1; tabled(TabledFeatures.classTrigram(at: i, classes[p + i], classes[p + i + 1], classes[p + i + 2]))
        }
        for category in 0..<WordDictionary.Category.allCases.count {
            let shift = UInt32(4 * category)
            template &+= 3
            tabled(TabledFeatures.wordLength(category: category, .ending, (ending >> shift) & 15))
            tabled(TabledFeatures.wordLength(category: category, .starting, (starting >> shift) & 15))
            tabled(TabledFeatures.wordLength(category: category, .straddling, (straddling >> shift) & 15))
        }
        // A known surname ending where a known given name starts, inside a known full
        // name or not: 石破|茂, 安倍|晋三.
        let surname = UInt32(4 * WordDictionary.Category.surname.rawValue)
        let givenName = UInt32(4 * WordDictionary.Category.givenName.rawValue)
        let fullName = UInt32(4 * WordDictionary.Category.fullName.rawValue)
        template &+= 1
        tabled(TabledFeatures.name((ending >> surname) & 15, (starting >> givenName) & 15, (straddling >> fullName) & 15))
        // The word categories (not names) ending and starting here, together.
        template &+= 1; emit(template, ending & 0xF_FFFF, starting & 0xF_FFFF, 0)
        template &+= 1; tabled(TabledFeatures.bias)
    }
    /// The sum of the weights of the gap's ``TabledFeatures`` (before character `k`), read
    /// from `folded` (``TabledFeatures/fold(_:)``): 13 reads where the features are 41.
    @inline(__always)
    func tabledScore(beforeCharacter k: Int, folded: UnsafePointer<Int32>) -> Int32 {
        let ending = ending[k], starting = starting[k], straddling = straddling[k]
        let p = k
        var score: Int32 = 0
        for i in 0..<4 {
            score &+= folded[TabledFeatures.classWindow(at: i, classes[p + i], classes[p + i + 1], classes[p + i + 2])]
        }
        for category in 0..<WordDictionary.Category.allCases.count {
            let shift = UInt32(4 * category)
            score &+= folded[TabledFeatures.foldedWordLengths(category: category, (ending >> shift) & 15,
                                                              (starting >> shift) & 15, (straddling >> shift) & 15)]
        }
        let surname = UInt32(4 * WordDictionary.Category.surname.rawValue)
        let givenName = UInt32(4 * WordDictionary.Category.givenName.rawValue)
        let fullName = UInt32(4 * WordDictionary.Category.fullName.rawValue)
        score &+= folded[TabledFeatures.foldedName((ending >> surname) & 15, (starting >> givenName) & 15,
                                                   (straddling >> fullName) & 15)]
        return score
    }
}

/// The word features whose values come from small domains — character classes, dictionary
/// word lengths, the bias: 41 of a gap's 57. Each (template, values) pair has a slot, so a
/// model reads their weights from a table of a few KB (``WordModel``) instead of hashing
/// them and reading the weights at random; the slot's ``hash(ofSlot:)`` is the feature's
/// hash, so the table holds exactly the weights the hashed features would read.
enum TabledFeatures {
    /// The values of a character class.
    static let classCount = CharacterClass.allCases.count
    /// Where each group of slots starts: class unigrams at 6 window offsets, bigrams at 5,
    /// trigrams at 4; per dictionary category, the lengths ending, starting and straddling
    /// (16 values each); surname ending × given name starting × full name straddling; the bias.
    static let classUnigrams = 0
    static let classBigrams = classUnigrams + 6 * classCount
    static let classTrigrams = classBigrams + 5 * classCount * classCount
    static let wordLengths = classTrigrams + 4 * classCount * classCount * classCount
    static let names = wordLengths + 48 * WordDictionary.Category.allCases.count
    static let bias = names + 16 * 16 * 16
    /// The number of slots.
    static let count = bias + 1

    /// The slot of the class of the character at `offset` (0 ..< 6) of the window.
    @inline(__always)
    static func classUnigram(at offset: Int, _ a: UInt32) -> Int {
        classUnigrams + offset * classCount + Int(a)
    }

    /// The slot of the classes of the characters at `offset` (0 ..< 5) and after.
    @inline(__always)
    static func classBigram(at offset: Int, _ a: UInt32, _ b: UInt32) -> Int {
        classBigrams + (offset * classCount + Int(a)) * classCount + Int(b)
    }

    /// The slot of the classes of the characters at `offset` (0 ..< 4) and the two after.
    @inline(__always)
    static func classTrigram(at offset: Int, _ a: UInt32, _ b: UInt32, _ c: UInt32) -> Int {
        classTrigrams + ((offset * classCount + Int(a)) * classCount + Int(b)) * classCount + Int(c)
    }

    /// How a dictionary word lies at a gap.
    enum Placement: Int { case ending, starting, straddling }

    /// The slot of the lengths (4 bits) of the words of `category` placed so at the gap.
    @inline(__always)
    static func wordLength(category: Int, _ placement: Placement, _ lengths: UInt32) -> Int {
        wordLengths + 48 * category + 16 * placement.rawValue + Int(lengths)
    }

    /// The slot of the lengths of surnames ending, given names starting and full names
    /// straddling the gap.
    @inline(__always)
    static func name(_ surnames: UInt32, _ givenNames: UInt32, _ fullNames: UInt32) -> Int {
        names + Int(surnames) << 8 + Int(givenNames) << 4 + Int(fullNames)
    }

    // The folded table (``fold(_:)``): per window offset 0 ..< 4, the class triples; per
    // category, the (ending, starting, straddling) lengths; the names.
    private static let foldedCategoryBase = 4 * classCount * classCount * classCount
    private static let foldedNames = foldedCategoryBase + 4096 * WordDictionary.Category.allCases.count
    private static let foldedCount = foldedNames + 4096

    /// The folded slot of the classes at window `offset` (0 ..< 4) and the two after.
    @inline(__always)
    static func classWindow(at offset: Int, _ a: UInt32, _ b: UInt32, _ c: UInt32) -> Int {
        ((offset * classCount + Int(a)) * classCount + Int(b)) * classCount + Int(c)
    }

    /// The folded slot of the lengths of the words of `category` ending, starting and
    /// straddling the gap.
    @inline(__always)
    static func foldedWordLengths(category: Int, _ ending: UInt32, _ starting: UInt32, _ straddling: UInt32) -> Int {
        foldedCategoryBase + category << 12 + Int(ending) << 8 + Int(starting) << 4 + Int(straddling)
    }

    /// The folded slot of the name lengths (as ``name(_:_:_:)``).
    @inline(__always)
    static func foldedName(_ surnames: UInt32, _ givenNames: UInt32, _ fullNames: UInt32) -> Int {
        foldedNames + name(surnames, givenNames, fullNames) - names
    }

    /// The table ``FeatureWindow/tabledScore(beforeCharacter:folded:)`` reads, from the
    /// weight of each slot: each class triple's entry adds the unigrams and bigrams it starts
    /// (the last window also those of its last two characters; the first, the bias), each
    /// category's entry its three lengths. Sums wrap as the scorer's do, so a gap's folded
    /// sum is exactly the sum of its 41 weights. Cost: about 53,000 additions; the table is 160 KB.
    static func fold(_ weights: [Int16]) -> [Int32] {
        precondition(weights.count == count, "\(weights.count) weights for \(count) tabled features")
        func weight(_ slot: Int) -> Int32 { Int32(weights[slot]) }
        var folded = [Int32](repeating: 0, count: foldedCount)
        let c = UInt32(classCount)
        for offset in 0..<4 {
            for a in 0..<c { for b in 0..<c { for third in 0..<c {
                var sum = weight(classTrigram(at: offset, a, b, third)) &+ weight(classBigram(at: offset, a, b))
                    &+ weight(classUnigram(at: offset, a))
                if offset == 0 { sum &+= weight(bias) }
                if offset == 3 {
                    sum &+= weight(classBigram(at: 4, b, third)) &+ weight(classUnigram(at: 4, b))
                        &+ weight(classUnigram(at: 5, third))
                }
                folded[classWindow(at: offset, a, b, third)] = sum
            } } }
        }
        for category in 0..<WordDictionary.Category.allCases.count {
            for ending in 0..<UInt32(16) { for starting in 0..<UInt32(16) { for straddling in 0..<UInt32(16) {
                folded[foldedWordLengths(category: category, ending, starting, straddling)] =
                    weight(wordLength(category: category, .ending, ending))
                    &+ weight(wordLength(category: category, .starting, starting))
                    &+ weight(wordLength(category: category, .straddling, straddling))
            } } }
        }
        for slot in names..<(names + 4096) { folded[foldedNames + slot - names] = weight(slot) }
        return folded
    }

    /// The hash of the feature in `slot` (`0 ..< count`): its template number as
    /// ``FeatureWindow/forEachFeature(beforeCharacter:bits:hashed:tabled:)`` counts them, and
    /// its values packed as there. Cost: O(1).
    static func hash(ofSlot slot: Int) -> FeatureHash {
        precondition((0..<count).contains(slot), "no tabled feature slot \(slot)")
        let template: Int, values: (Int, Int, Int)
        let c = classCount
        switch slot {
        case ..<classBigrams:
            let offset = slot - classUnigrams
            template = 2 * (offset / c) + 2
            values = (offset % c, 0, 0)
        case ..<classTrigrams:
            let offset = slot - classBigrams
            template = 12 + 2 * (offset / (c * c)) + 2
            values = (offset / c % c, offset % c, 0)
        case ..<wordLengths:
            let offset = slot - classTrigrams
            template = 22 + 2 * (offset / (c * c * c)) + 2
            values = (offset / (c * c) % c, offset / c % c, offset % c)
        case ..<names:
            // Per category, templates for ending, starting and straddling lengths.
            let offset = slot - wordLengths
            template = 30 + offset / 16 + 1
            values = (offset % 16, 0, 0)
        case ..<bias:
            let offset = slot - names
            template = 55
            values = (offset >> 8, offset >> 4 & 15, offset & 15)
        default:
            // The bias is the last template.
            template = FeatureWindow.featureCount
            values = (0, 0, 0)
        }
        return FeatureHash(template: UInt64(template)).adding(UInt64(values.0) | UInt64(values.1) << 21 | UInt64(values.2) << 42)
    }
}

/// What the featurizer needs of a character alone, kept per code point (``CodePointMemo``): its
/// ``CharacterClass`` and the dictionary's entry of it as a one-character word.
struct CharacterFacts: CodePointRecord {
    /// Bit 15 set; the class in bits 9 ... 12; the entry's bits in bits 0 ... 8.
    private let bits: UInt16

    /// The facts of the code point with scalar value `code`. Cost: a dictionary look-up.
    init(code: UInt32, dictionary: WordDictionary) {
        let characterClass = CharacterClass(Unicode.Scalar(code)!)
        let entry = dictionary.entry(running: WordDictionary.hash(WordDictionary.emptyHash, code), length: 1)
        bits = 0x8000 | UInt16(characterClass.rawValue) << 9 | UInt16(entry.bits)
    }

    var isKnown: Bool { bits != 0 }
    /// The raw value of the ``CharacterClass``.
    var characterClass: UInt32 { UInt32(bits >> 9 & 0xF) }
    var entry: WordDictionary.Entry { WordDictionary.Entry(bits: UInt32(bits & 0x1FF)) }
}

/// The character classes the word model sees: scripts, with kanji numerals apart from other kanji
/// (they behave like digits before counters: 十一月, 五分).
enum CharacterClass: UInt32, CaseIterable {
    case padding, hiragana, katakana, kanji, kanjiNumeral, latin, digit, space, punctuation, other

    init(_ scalar: Unicode.Scalar) {
        switch Script(scalar) {
        case .hiragana: self = .hiragana
        case .katakana: self = .katakana
        case .kanji:
            switch scalar {
            case "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "億", "兆":
                self = .kanjiNumeral
            default: self = .kanji
            }
        case .latin: self = .latin
        case .digit: self = .digit
        case .space: self = .space
        case .punctuation: self = .punctuation
        case .other: self = .other
        }
    }
}
