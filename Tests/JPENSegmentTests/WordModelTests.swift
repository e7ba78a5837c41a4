import Foundation
@testable import JPENSegment
import JPENText
import Testing

/// The word model file format, its dictionary table and its trainer.
@Suite struct WordModelTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("jpen-word-model-\(UUID().uuidString).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func encodedModelReadsBack() throws {
        var weights = [Int16](repeating: 0, count: 256)
        weights[3] = -7
        weights[255] = 300
        let slots = WordDictionary.build([(Array("会談".unicodeScalars), 1)])
        let path = try temporaryFile(WordModel.encode(weights: weights, scale: 0.5, slots: slots))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try WordModel(path: path)
        #expect(model.hashBits == 8)
        #expect(model.scale == 0.5)
        #expect(model.weights[3] == -7 && model.weights[255] == 300)
        #expect(Array(model.dictionary.slots) == slots)
    }

    @Test func badFilesAreRejectedWithAReason() throws {
        let good = WordModel.encode(weights: [Int16](repeating: 1, count: 256), scale: 1, slots: [0])
        var wrongVersion = good
        wrongVersion[4] = 99
        let cases: [([UInt8], String)] = [
            ([], "is not a jpen word model"),
            (Array("not a model at all, just text".utf8), "is not a jpen word model"),
            (wrongVersion, "is word model format 99"),
            (Array(good.dropLast()), "truncated"),
        ]
        for (bytes, reason) in cases {
            let path = try temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect {
                try WordModel(path: path)
            } throws: { error in
                (error as? WordModel.Error)?.description.contains(reason) == true
            }
        }
        #expect(throws: WordModel.Error.self) { try WordModel(path: "/nonexistent/ja-words.bin") }
    }

    @Test func dictionaryFindsWordsAndPrefixes() {
        let noun = UInt32(1) << WordDictionary.Category.noun.rawValue
        let surname = UInt32(1) << WordDictionary.Category.surname.rawValue
        let slots = WordDictionary.build([(Array("石破".unicodeScalars), surname), (Array("石".unicodeScalars), noun),
                                          (Array("𠮷野家".unicodeScalars), noun)])
        slots.withUnsafeBufferPointer { slots in
            let dictionary = WordDictionary(slots: slots)
            func entry(_ word: String) -> WordDictionary.Entry {
                let values = word.unicodeScalars.map(\.value)
                return dictionary.entry(running: values.reduce(WordDictionary.emptyHash, WordDictionary.hash),
                                        length: values.count)
            }
            #expect(entry("石").categories == noun && entry("石").isPrefix)
            #expect(entry("石破").categories == surname && !entry("石破").isPrefix)
            #expect(entry("𠮷野").categories == 0 && entry("𠮷野").isPrefix)
            #expect(entry("𠮷野家").categories == noun)
            #expect(entry("破").bits == 0)
        }
    }

    @Test func bioSentencesAndTheirText() {
        let sentences = WordModelTrainer.sentences(fromBIO: "Red\tB-ORG\nHat\tI-ORG\nの\tO\n\n\n石破\tB-PERSON\n")
        #expect(sentences == [TrainingSentence(words: ["Red", "Hat", "の"], tags: ["B-ORG", "I-ORG", "O"]),
                              TrainingSentence(words: ["石破"], tags: ["B-PERSON"])])
        let (text, breaks) = WordModelTrainer.join(["Red", "Hat", "の", "5", "分"])
        #expect(text == "Red Hatの5分")
        #expect(breaks == [0, 4, 7, 8, 9])
    }

    @Test func dictionaryNamesReplaceTaggedNames() {
        let surname = UInt32(1) << WordDictionary.Category.surname.rawValue
        let givenName = UInt32(1) << WordDictionary.Category.givenName.rawValue
        let fullName = UInt32(1) << WordDictionary.Category.fullName.rawValue
        let words: [(scalars: [Unicode.Scalar], categories: UInt32)] = [
            ("石破", surname), ("茂", givenName), ("石破茂", fullName),
            ("安倍", surname), ("晋三", givenName), ("安倍晋", surname), ("三", givenName), ("安倍晋三", fullName),
        ].map { (Array($0.0.unicodeScalars), $0.1) }
        let names = WordModelTrainer.splitFullNames(words)
        // 安倍晋三 splits two ways, so it teaches nothing sure.
        #expect(names.map { [$0.0, $0.1] } == [["石破", "茂"]])
        var generator = SplitMix64(seed: 1)
        let sentence = TrainingSentence(words: ["岸田", "文雄", "首相", "は"], tags: ["B-PERSON", "I-PERSON", "O", "O"])
        let unnamed = TrainingSentence(words: ["首相", "は"], tags: ["O", "O"])
        #expect(WordModelTrainer.withOtherNames([sentence, unnamed], names: names, count: 2, using: &generator)
                == [["石破", "茂", "首相", "は"], ["石破", "茂", "首相", "は"]])
    }

    @Test func trainedModelSegmentsLikeItsTrainingData() throws {
        let tags = ["O", "O", "O", "O", "O"]
        let sentences = Array(repeating: [TrainingSentence(words: ["猫", "が", "鳴い", "た", "。"], tags: tags),
                                          TrainingSentence(words: ["犬", "が", "走っ", "た", "。"], tags: tags)],
                              count: 20).flatMap { $0 }
        let bytes = try WordModelTrainer(hashBits: 12, epochs: 3).train(sentences, dictionaries: [])
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let worker = try Segmenter(wordModel: WordModel(path: path)).makeWorker()
        let document = Document(text: "犬が鳴いた。")
        #expect(worker.segment(document).tokens.map { document[$0.span] } == ["犬", "が", "鳴い", "た", "。"])
    }
}
