import Foundation
import JPENLearning
@testable import JPENSegment
import JPENText
import Testing

/// The word model file format and its dictionary table.
@Suite struct WordModelTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("jpen-word-model-\(UUID().uuidString).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func encodedModelReadsBack() throws {
        var weights = [Float](repeating: 0, count: 256)
        weights[3] = -7
        weights[255] = 300
        let slots = WordDictionary.build([(Array("会談".unicodeScalars), 1)])
        let path = try temporaryFile(WordModel.encode(weights: weights, slots: slots))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try WordModel(path: path)
        #expect(model.hashBits == 8)
        #expect(model.weights[255] == Int16.max && abs(Float(model.weights[3]) * model.weights.scale + 7) < 0.01)
        #expect(Array(model.dictionary.slots) == slots)
    }

    @Test func badFilesAreRejectedWithAReason() throws {
        let good = WordModel.encode(weights: [Float](repeating: 1, count: 256), slots: [0])
        var wrongVersion = good
        wrongVersion[8] = 99
        let sentenceModel = LinearWeights.encode(kind: "ENSB", version: WordModel.formatVersion, classCount: 1,
                                                 weights: [Float](repeating: 1, count: 256))
        let cases: [([UInt8], String)] = [
            ([], "is not a jpen weights file"),
            (Array("not a model at all, just text".utf8), "is not a jpen weights file"),
            (wrongVersion, "is JAWB format 99"),
            (sentenceModel, "holds ENSB weights, not JAWB"),
            (Array(good.dropLast()), "truncated"),
            (Array(good.dropLast(4)), "truncated"),
        ]
        for (bytes, reason) in cases {
            let path = try temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect {
                try WordModel(path: path)
            } throws: { error in
                (error as? LinearWeights.FormatError)?.description.contains(reason) == true
            }
        }
        #expect(throws: LinearWeights.FormatError.self) { try WordModel(path: "/nonexistent/ja-words.bin") }
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

    /// The featurizer tries many starts at once (``WordFeaturizer/findDictionaryWords()``); it
    /// must find the words of looking up every start's lengths one after another, across batch
    /// edges, next to spaces, and for empty, one-character and non-BMP texts.
    @Test func batchedDictionaryLookUpsMatchOneByOne() throws {
        let model = try WordModel.bundled.get()
        let featurizer = WordFeaturizer(dictionary: model.dictionary)
        // Longer than two batches of starts.
        let long = String(repeating: "石破茂首相は11月7日、トランプ氏と電話で 会談した。", count: 12)
        for text in ["", "石", "𠮷野家の牛丼", " 会談 ", long] {
            let values = text.unicodeScalars.map(\.value)
            var ending = [UInt32](repeating: 0, count: values.count + 1)
            var starting = ending, straddling = ending
            for start in values.indices {
                var running = WordDictionary.emptyHash
                for length in 1...min(WordDictionary.maxLength, values.count - start) {
                    guard values[start + length - 1] != 0x20 else { break }
                    running = WordDictionary.hash(running, values[start + length - 1])
                    let entry = model.dictionary.entry(running: running, length: length)
                    for category in 0..<8 where entry.categories & (1 << category) != 0 {
                        let bit = UInt32(1) << UInt32(4 * category + min(length, 4) - 1)
                        starting[start] |= bit
                        ending[start + length] |= bit
                        for inside in (start + 1)..<(start + length) { straddling[inside] |= bit }
                    }
                    if !entry.isPrefix { break }
                }
            }
            featurizer.load(Array(text.unicodeScalars)[...])
            featurizer.withWindow { window in
                for gap in 0...values.count {
                    #expect(window.ending[gap] == ending[gap] && window.starting[gap] == starting[gap]
                            && window.straddling[gap] == straddling[gap], "gap \(gap) of \(text)")
                }
            }
        }
    }

    /// The batched scorer must give the answers of summing each gap's features one by one,
    /// across batch edges, next to spaces, and for empty, one-character and non-BMP texts.
    @Test func batchedBoundariesMatchGapByGapScores() throws {
        let model = try WordModel.bundled.get()
        let featurizer = WordFeaturizer(dictionary: model.dictionary)
        let long = String(repeating: "石破茂首相は11月7日、トランプ氏と電話で 会談した。", count: 5)
        var boundaries: [Bool] = []
        var scratch = model.makeScratch()
        for text in ["", "石", "𠮷野家の牛丼", " 会談 ", long] {
            let scalars = Array(text.unicodeScalars)
            featurizer.load(scalars[...])
            model.findBoundaries(in: featurizer, into: &boundaries, scratch: &scratch)
            #expect(boundaries.count == scalars.count + 1)
            for k in 1..<max(scalars.count, 1) {
                var score: Int32 = 0, features = 0
                featurizer.forEachFeature(beforeCharacter: k, bits: model.hashBits) {
                    score &+= Int32(model.weights.weights[$0])
                    features += 1
                }
                #expect(features == FeatureWindow.featureCount)
                let expected = featurizer.isSpace(k - 1) || featurizer.isSpace(k) || score > 0
                #expect(boundaries[k] == expected, "gap \(k) of \(text)")
            }
        }
    }

    /// The folded table must give each gap exactly the sum of its tabled features' weights, for
    /// empty, one-character, non-BMP and spaced texts; every slot must be a distinct feature.
    @Test func foldedTableSumsTheTabledWeights() throws {
        let model = try WordModel.bundled.get()
        let hashes = Set((0..<TabledFeatures.count).map { TabledFeatures.hash(ofSlot: $0) })
        #expect(hashes.count == TabledFeatures.count)
        let featurizer = WordFeaturizer(dictionary: model.dictionary)
        for text in ["", "石", "𠮷野家の牛丼", " 会談 ", "石破茂首相は11月7日、トランプ氏と電話で会談した。"] {
            let scalars = Array(text.unicodeScalars)
            featurizer.load(scalars[...])
            featurizer.withWindow { window in
                model.tabledWeights.withUnsafeBufferPointer { folded in
                    for k in 1..<max(scalars.count, 1) {
                        var expected: Int32 = 0, tabledCount = 0
                        window.forEachFeature(beforeCharacter: k, bits: model.hashBits, hashed: { _ in }) {
                            expected &+= Int32(model.weights[TabledFeatures.hash(ofSlot: $0).index(bits: model.hashBits)])
                            tabledCount += 1
                        }
                        #expect(tabledCount == FeatureWindow.featureCount - FeatureWindow.hashedFeatureCount)
                        #expect(window.tabledScore(beforeCharacter: k, folded: folded.baseAddress!) == expected, "gap \(k) of \(text)")
                    }
                }
            }
        }
    }
}
