import JPENNormalize
import JPENText

/// Trains the Japanese word model: an averaged perceptron over ``WordFeaturizer``'s features,
/// one example per gap between two characters of a word-segmented sentence.
///
/// ```swift
/// let sentences = WordModelTrainer.sentences(fromBIO: "石破\tB-PERSON\n茂\tI-PERSON\nは\tO\n")
/// let edict = try MappedFile(path: "/usr/share/edict/edict")
/// let bytes = try WordModelTrainer(hashBits: 20, epochs: 10).train(sentences, dictionaries: [Array(edict.bytes)])
/// ```
public struct WordModelTrainer: Sendable {
    /// The weight array has `1 << hashBits` entries.
    public var hashBits: Int
    /// Passes over the training sentences.
    public var epochs: Int
    /// Copies of each sentence with a person's name, other dictionary names in its place.
    public var nameVariants: Int
    /// The normalization segmentation reads through; training reads through the same one.
    public var normalizer: TextNormalizer

    public init(hashBits: Int = 20, epochs: Int = 20, nameVariants: Int = 3,
                normalizer: TextNormalizer = TextNormalizer()) {
        self.hashBits = hashBits
        self.epochs = epochs
        self.nameVariants = nameVariants
        self.normalizer = normalizer
    }

    /// The sentences of a `token<TAB>tag` file with blank lines between sentences. Cost: O(n).
    public static func sentences(fromBIO text: String) -> [TrainingSentence] {
        var sentences: [TrainingSentence] = []
        var sentence = TrainingSentence(words: [], tags: [])
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: "\t", maxSplits: 1)
            if let word = fields.first, !word.isEmpty {
                sentence.words.append(String(word))
                sentence.tags.append(fields.count > 1 ? String(fields[1]) : "O")
            } else if !sentence.words.isEmpty {
                sentences.append(sentence)
                sentence = TrainingSentence(words: [], tags: [])
            }
        }
        if !sentence.words.isEmpty { sentences.append(sentence) }
        return sentences
    }

    /// The model file for `sentences` and `dictionaries` (the bytes of EDICT or ENAMDICT files,
    /// EUC-JP), in ``WordModel``'s format. `progress` hears one line per epoch.
    /// Cost: O(epochs × characters × 57 + dictionary entries).
    public func train(_ sentences: [TrainingSentence], dictionaries: [[UInt8]],
                      progress: (String) -> Void = { _ in }) throws -> [UInt8] {
        let words = try dictionaries.flatMap { try WordDictionary.entries(ofEDRDG: $0, normalizer: normalizer) }
        let slots = WordDictionary.build(words)
        progress("dictionary: \(words.count) entries in \(slots.count) slots")
        var generator = SplitMix64(seed: 20_260_529)
        let names = Self.splitFullNames(words)
        let variants = nameVariants > 0 && !names.isEmpty
            ? Self.withOtherNames(sentences, names: names, count: nameVariants, using: &generator) : []
        progress("\(names.count) dictionary full names; \(variants.count) sentences with them in place of others")
        let examples = sentences.map(\.words) + variants
        let weights = slots.withUnsafeBufferPointer { slots in
            train(examples, featurizer: WordFeaturizer(dictionary: WordDictionary(slots: slots)),
                      using: &generator, progress: progress)
        }
        let largest = weights.map(abs).max() ?? 0
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        return WordModel.encode(weights: weights.map { Int16(($0 / scale).rounded()) }, scale: scale, slots: slots)
    }

    /// The dictionary's full names in kanji that split one way only into a dictionary surname
    /// and a dictionary given name: 石破茂 → (石破, 茂).
    static func splitFullNames(_ words: [(scalars: [Unicode.Scalar], categories: UInt32)]) -> [(String, String)] {
        func bit(_ category: WordDictionary.Category) -> UInt32 { 1 << category.rawValue }
        func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(scalars)) }
        var surnames: Set<[Unicode.Scalar]> = []
        var givenNames: Set<[Unicode.Scalar]> = []
        for word in words {
            if word.categories & bit(.surname) != 0 { surnames.insert(word.scalars) }
            if word.categories & bit(.givenName) != 0 { givenNames.insert(word.scalars) }
        }
        var names: [(String, String)] = []
        for word in words where word.categories & bit(.fullName) != 0 && (2...6).contains(word.scalars.count)
            && word.scalars.allSatisfy({ Script($0) == .kanji }) {
            let splits = (1..<word.scalars.count).filter {
                surnames.contains(Array(word.scalars[..<$0])) && givenNames.contains(Array(word.scalars[$0...]))
            }
            if splits.count == 1 {
                names.append((string(word.scalars[..<splits[0]]), string(word.scalars[splits[0]...])))
            }
        }
        return names
    }

    /// For every sentence naming a person as a kanji surname and given name (two words tagged
    /// B-PERSON, I-PERSON), `count` copies with random dictionary `names` in their place: the
    /// training data has few names, and news many.
    static func withOtherNames(_ sentences: [TrainingSentence], names: [(String, String)], count: Int,
                               using generator: inout SplitMix64) -> [[String]] {
        var variants: [[String]] = []
        for sentence in sentences where sentence.tags.count == sentence.words.count {
            let slots = sentence.words.indices.dropLast().filter { index in
                sentence.tags[index] == "B-PERSON" && sentence.tags[index + 1] == "I-PERSON"
                    && (index + 2 == sentence.words.count || sentence.tags[index + 2] != "I-PERSON")
                    && sentence.words[index...index + 1].allSatisfy { $0.unicodeScalars.allSatisfy { Script($0) == .kanji } }
            }
            guard !slots.isEmpty else { continue }
            for _ in 0..<count {
                var words = sentence.words
                for index in slots {
                    let name = names.randomElement(using: &generator)!
                    words[index] = name.0
                    words[index + 1] = name.1
                }
                variants.append(words)
            }
        }
        return variants
    }

    /// Averaged perceptron weights for `sentences`, read through `featurizer`.
    private func train(_ sentences: [[String]], featurizer: WordFeaturizer, using generator: inout SplitMix64,
                       progress: (String) -> Void) -> [Float] {
        // Every gap's feature indices, flat, and whether a word ends there.
        var features: [Int32] = []
        var labels: [Bool] = []
        var sentenceStarts: [Int] = [0]
        for words in sentences {
            let (text, breaks) = Self.join(words)
            let normalized = normalizer.normalize(Document(text: text))
            featurizer.load(normalized.scalars[...])
            for k in 1..<max(normalized.count, 1) {
                // Whitespace always separates words; the model is not asked about it.
                if featurizer.isSpace(k - 1) || featurizer.isSpace(k) { continue }
                let source = normalized.originalStarts[k]
                // A character NFKC split from one source character never starts a word.
                labels.append(source != normalized.originalStarts[k - 1] && breaks.contains(source))
                featurizer.forEachFeature(beforeCharacter: k, bits: hashBits) { features.append(Int32($0)) }
            }
            sentenceStarts.append(labels.count)
        }
        let perGap = features.count / max(labels.count, 1)

        // Averaged perceptron with the usual lazy average: average = weights - sums / steps.
        var weights = [Float](repeating: 0, count: 1 << hashBits)
        var sums = [Float](repeating: 0, count: 1 << hashBits)
        var steps: Float = 1
        var order = Array(0..<sentences.count)
        for epoch in 1...max(epochs, 1) {
            order.shuffle(using: &generator)
            var mistakes = 0
            for sentence in order {
                for gap in sentenceStarts[sentence]..<sentenceStarts[sentence + 1] {
                    let indices = features[(gap * perGap)..<((gap + 1) * perGap)]
                    var score: Float = 0
                    for index in indices { score += weights[Int(index)] }
                    let truth: Float = labels[gap] ? 1 : -1
                    if score * truth <= 0 {
                        mistakes += 1
                        for index in indices {
                            weights[Int(index)] += truth
                            sums[Int(index)] += truth * steps
                        }
                    }
                    steps += 1
                }
            }
            progress("epoch \(epoch): \(mistakes) mistakes in \(labels.count) gaps")
        }
        return zip(weights, sums).map { $0 - $1 / steps }
    }

    /// The text of a sentence's words and the offsets where words start. Words are written
    /// together, as Japanese is, except that two Latin words get a space between them.
    static func join(_ words: [String]) -> (text: String, breaks: Set<Int>) {
        var text = ""
        var breaks: Set<Int> = []
        var count = 0
        var last: Unicode.Scalar?
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            if let last, Script(last) == .latin, Script(first) == .latin {
                text.append(" ")
                count += 1
            }
            breaks.insert(count)
            text.append(word)
            count += word.unicodeScalars.count
            last = word.unicodeScalars.last
        }
        return (text, breaks)
    }
}

/// A word-segmented training sentence, with a BIO entity tag per word (`O` outside entities).
public struct TrainingSentence: Hashable, Sendable {
    public var words: [String]
    public var tags: [String]

    public init(words: [String], tags: [String]) {
        precondition(words.count == tags.count, "one tag per word")
        self.words = words
        self.tags = tags
    }
}
