@testable import JPENSegment
import Testing

/// The per-code-point tables of the word model: a record is made once per BMP code point and
/// equals what making it again gives.
@Suite struct CodePointMemoTests {
    struct Counted: CodePointRecord {
        let value: UInt32
        var isKnown: Bool { value != 0 }
    }

    @Test func makesEachBMPRecordOnceAndOthersEachTime() {
        let memo = CodePointMemo<Counted>()
        var made = 0
        func look(_ code: UInt32) -> UInt32 {
            memo.record(of: code) {
                made += 1
                return Counted(value: code + 1)
            }.value
        }
        // The edges of the table: 0, the last BMP code point, the first beyond it, the padding.
        for code: UInt32 in [0, 0xFFFF, 0x10000, 0x11_0000] {
            #expect(look(code) == code + 1)
            #expect(look(code) == code + 1)
        }
        #expect(made == 2 + 2 * 2)
    }

    /// Facts kept for a code point are those made fresh: the class, and the dictionary entry of
    /// the code point alone.
    @Test func characterFactsMatchTheirSources() throws {
        let model = try WordModel.bundled.get()
        for scalar in "石破茂は 11月、トランプ氏と𠮷野家。Aa".unicodeScalars {
            let facts = CharacterFacts(code: scalar.value, dictionary: model.dictionary)
            #expect(facts.isKnown)
            #expect(facts.characterClass == CharacterClass(scalar).rawValue)
            let entry = model.dictionary.entry(running: WordDictionary.hash(WordDictionary.emptyHash, scalar.value), length: 1)
            #expect(facts.entry.bits == entry.bits, "\(scalar)")
        }
    }

    /// A featurizer and scratch reused across texts (their tables filled by earlier texts) find
    /// what fresh ones find.
    @Test func reusedTablesGiveWhatFreshOnesGive() throws {
        let model = try WordModel.bundled.get()
        let reused = WordFeaturizer(dictionary: model.dictionary)
        var reusedScratch = model.makeScratch()
        var boundaries: [Bool] = []
        for text in ["石破茂首相は会談した。", "", "石", "会談で石破氏は𠮷野家に", "トランプ氏と電話で 会談した"] {
            let scalars = Array(text.unicodeScalars)
            reused.load(scalars[...])
            model.findBoundaries(in: reused, into: &boundaries, scratch: &reusedScratch)
            let fresh = WordFeaturizer(dictionary: model.dictionary)
            var freshScratch = model.makeScratch()
            var expected: [Bool] = []
            fresh.load(scalars[...])
            model.findBoundaries(in: fresh, into: &expected, scratch: &freshScratch)
            #expect(boundaries == expected, "\(text)")
            reused.withWindow { window in
                fresh.withWindow { freshWindow in
                    for gap in 0...scalars.count {
                        #expect(window.ending[gap] == freshWindow.ending[gap] && window.starting[gap] == freshWindow.starting[gap])
                    }
                    for index in 0..<(scalars.count + 2 * WordFeaturizer.reach) {
                        #expect(window.classes[index] == freshWindow.classes[index])
                    }
                }
            }
        }
    }

    /// A code point's kept unigram weights are the weights its hashed unigram features read.
    @Test func unigramWeightsMatchTheHashedFeatures() throws {
        let model = try WordModel.bundled.get()
        for code in "石の、A𠮷 ".unicodeScalars.map(\.value) + [WordFeaturizer.padding] {
            let kept = UnigramWeights(code: code, weights: model.weights.weights, bits: model.hashBits)
            #expect(kept.isKnown)
            for offset in 0..<FeatureWindow.unigramCount {
                let index = FeatureWindow.unigramIndex(offset: offset, code: code, bits: model.hashBits)
                #expect(kept.weight(at: offset) == Int32(model.weights[index]))
            }
        }
    }
}
