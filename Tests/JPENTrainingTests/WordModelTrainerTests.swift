import Foundation
import JPENLearning
import JPENSegment
import JPENText
@testable import JPENTraining
import Testing

/// The word model's trainer: its training data, name variants and a model it trains.
@Suite struct WordModelTrainerTests {
    /// `text` in EUC-JP: ASCII as is, a JIS X 0208 character as two bytes of 0xA1 ... 0xFE.
    static func eucJP(_ text: String) -> [UInt8] {
        let table: [Character: [UInt8]] = [
            "会": [0xB2, 0xF1], "談": [0xC3, 0xCC], "か": [0xA4, 0xAB], "い": [0xA4, 0xA4], "だ": [0xA4, 0xC0],
            "ん": [0xA4, 0xF3], "Ａ": [0xA3, 0xC1], "Ｉ": [0xA3, 0xC9], "エ": [0xA5, 0xA8], "ー": [0xA1, 0xBC],
            "ア": [0xA5, 0xA2], "イ": [0xA5, 0xA4], "あ": [0xA4, 0xA2], "っ": [0xA4, 0xC3], "石": [0xC0, 0xD0],
            "破": [0xC7, 0xCB], "し": [0xA4, 0xB7], "ば": [0xA4, 0xD0], "な": [0xA4, 0xCA],
        ]
        return text.flatMap { table[$0] ?? Array($0.utf8) }
    }

    @Test func bioSentencesAndTheirText() {
        let sentences = WordModelTrainer.sentences(fromBIO: "Red\tB-ORG\nHat\tI-ORG\nの\tO\n\n\n石破\tB-PERSON\n")
        #expect(sentences == [TrainingSentence(words: ["Red", "Hat", "の"], tags: ["B-ORG", "I-ORG", "O"]),
                              TrainingSentence(words: ["石破"], tags: ["B-PERSON"])])
        let (text, breaks) = WordModelTrainer.join(["Red", "Hat", "の", "5", "分"])
        #expect(text == "Red Hatの5分")
        #expect(breaks == [0, 4, 7, 8, 9])
    }

    @Test func dictionaryWordsComeFromTheFirstSensesTags() throws {
        // EUC-JP, as EDRDG publishes it.
        let edict = "会談 [かいだん] /(n,vs) conference/(P)/\nＡＩ [エーアイ] /(n) artificial intelligence/\nあっ /(int) ah!/\n石破 [いしば] /(s) Ishiba/\nなし [なし] /(?) none/\n"
        let words = try WordModelTrainer().dictionaryWords(ofEDRDG: Self.eucJP(edict))
        func bit(_ category: WordDictionary.Category) -> UInt32 { 1 << category.rawValue }
        #expect(words.map { String(String.UnicodeScalarView($0.scalars)) } == ["会談", "AI", "あっ", "石破"])
        #expect(words.map(\.categories) == [bit(.noun), bit(.noun), bit(.function), bit(.surname)])
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
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-word-model-\(UUID().uuidString).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let worker = try Segmenter(wordModel: WordModel(path: path)).makeWorker()
        let document = Document(text: "犬が鳴いた。")
        #expect(worker.segment(document).tokens.map { document[$0.span] } == ["犬", "が", "鳴い", "た", "。"])
    }
}
