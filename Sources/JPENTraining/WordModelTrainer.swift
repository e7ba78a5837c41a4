import JPENICU
import JPENLearning
import JPENLexicon
import JPENNormalize
import JPENSegment
import JPENText

/// Trains the Japanese word model: an averaged perceptron (``AveragedPerceptron``) over
/// ``WordFeaturizer``'s features, one example per gap between two characters of a
/// word-segmented sentence, the gaps of a sentence shuffled together.
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
    /// Perceptrons trained in different orders whose mean is the model.
    public var seeds: Int
    /// The normalization segmentation reads through; training reads through the same one.
    public var normalizer: TextNormalizer

    public init(hashBits: Int = 20, epochs: Int = 20, nameVariants: Int = 3, seeds: Int = 1,
                normalizer: TextNormalizer = TextNormalizer()) {
        self.hashBits = hashBits
        self.epochs = epochs
        self.nameVariants = nameVariants
        self.seeds = seeds
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
    /// Cost: O(seeds × epochs × characters × 57 + dictionary entries).
    public func train(_ sentences: [TrainingSentence], dictionaries: [[UInt8]],
                      progress: (String) -> Void = { _ in }) throws -> [UInt8] {
        let words = try dictionaries.flatMap { try dictionaryWords(ofEDRDG: $0) }
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
        return WordModel.encode(weights: weights, slots: slots)
    }

    /// The words of an EDICT or ENAMDICT file (EUC-JP, read by ``EDRDGParser``), normalized, with
    /// the categories the tags of their first sense give; entries with no category used here
    /// are left out. Cost: O(n).
    func dictionaryWords(ofEDRDG bytes: [UInt8]) throws -> [(scalars: [Unicode.Scalar], categories: UInt32)] {
        let text = try Converter.decode(bytes, charset: "EUC-JP")
        var words: [(scalars: [Unicode.Scalar], categories: UInt32)] = []
        for line in text.split(separator: "\n") {
            guard let parsed = EDRDGParser.line(line), let tags = parsed.fields.first?.tags else { continue }
            let categories = tags.reduce(UInt32(0)) { bits, tag in
                bits | (WordDictionary.category(ofTag: tag).map { 1 << $0.rawValue } ?? 0)
            }
            guard categories != 0 else { continue }
            words.append((normalizer.normalize(Document(text: String(parsed.surface))).scalars, categories))
        }
        return words
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

    /// The mean of ``seeds`` averaged perceptrons' weights for `sentences`, read through `featurizer`.
    private func train(_ sentences: [[String]], featurizer: WordFeaturizer, using generator: inout SplitMix64,
                       progress: (String) -> Void) -> [Float] {
        var examples = TrainingExamples()
        for words in sentences {
            let (text, breaks) = Self.join(words)
            let normalized = normalizer.normalize(Document(text: text))
            featurizer.load(normalized.scalars[...])
            for k in 1..<max(normalized.count, 1) {
                // Whitespace always separates words; the model is not asked about it.
                if featurizer.isSpace(k - 1) || featurizer.isSpace(k) { continue }
                let source = normalized.originalStarts[k]
                featurizer.forEachFeature(beforeCharacter: k, bits: hashBits) { examples.addFeature($0) }
                // A character NFKC split from one source character never starts a word.
                let isBoundary = source != normalized.originalStarts[k - 1] && breaks.contains(source)
                examples.endExample(label: isBoundary ? 1 : 0)
            }
            examples.endGroup()
        }
        let perceptrons = (1...max(seeds, 1)).map { seed in
            var perceptron = AveragedPerceptron(bits: hashBits)
            var order = SplitMix64(seed: generator.next())
            perceptron.train(examples, epochs: epochs, using: &order) { epoch, mistakes in
                progress("seed \(seed) epoch \(epoch): \(mistakes) mistakes in \(examples.count) gaps")
            }
            return perceptron
        }
        return AveragedPerceptron.averagedWeights(of: perceptrons)
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
