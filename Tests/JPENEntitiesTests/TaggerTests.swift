import Foundation
@testable import JPENEntities
import JPENLexicon
import JPENText
import Testing

@Suite struct TagTests {
    @Test func bilouRoundTrip() {
        let mentions: [(range: Range<Int>, kind: MentionKind)] = [(0..<3, .entity(.person)), (3..<4, .entity(.location)),
                                                                  (4..<5, .other), (6..<8, .entity(.organization))]
        let tags = Tag.encode(mentions, count: 9)
        #expect(tags.count == 9)
        let decoded = Tag.decode(tags)
        #expect(decoded.map(\.range) == mentions.map(\.range))
        #expect(decoded.map(\.kind) == mentions.map(\.kind))
    }

    @Test func insideOnlyContinuesItsOwnType() {
        let beginPerson = Tag.encode([(0..<2, .entity(.person))], count: 2)
        #expect(Tag.allows(beginPerson[1], after: beginPerson[0]))
        let lastPlace = Tag.encode([(0..<2, .entity(.location))], count: 2)[1]
        #expect(!Tag.allows(lastPlace, after: beginPerson[0]))
        #expect(!Tag.allows(lastPlace, after: nil))
        #expect(!Tag.canEnd(beginPerson[0]))
    }
}

@Suite struct FeatureTests {
    @Test func characterFeaturesHaveAFixedCountPerCharacter() {
        var extractor = CharacterFeatures()
        var features: [UInt32] = []
        let text = Array("石破茂首相𠮷".unicodeScalars)
        extractor.extract(text[...], names: NameGazetteer(), mask: 0xFFFF, into: &features)
        #expect(features.count == text.count * CharacterFeatures.templateCount)
        #expect(features.allSatisfy { $0 <= 0xFFFF })
        features.removeAll()
        extractor.extract(text[0..<0], names: NameGazetteer(), mask: 0xFFFF, into: &features)
        #expect(features.isEmpty)
    }

    /// A retired template writes nothing and keeps its number, so the hashes after it stay those
    /// the weights were trained with.
    @Test func retiredTemplatesKeepTheNumbersAfterThem() {
        var out = [UInt32](repeating: 0, count: 3)
        out.withUnsafeMutableBufferPointer { out in
            var row = FeatureRow(out: out.baseAddress!, mask: 0xFFFF)
            row.emit(row.next.adding(7))
            row.retire(2)
            row.emit(row.next.adding(7))
            row.retire()
            #expect(row.written == 2 && row.template == 5)
        }
        #expect(out == [FeatureHash(template: 0).adding(7).bucket(mask: 0xFFFF),
                        FeatureHash(template: 3).adding(7).bucket(mask: 0xFFFF), 0])
    }

    @Test func characterFeaturesReadTheContext() {
        var extractor = CharacterFeatures()
        var first: [UInt32] = [], second: [UInt32] = []
        extractor.extract(Array("石破首相".unicodeScalars)[...], names: NameGazetteer(), mask: .max, into: &first)
        extractor.extract(Array("石破氏は".unicodeScalars)[...], names: NameGazetteer(), mask: .max, into: &second)
        let count = CharacterFeatures.templateCount
        // The same character (石) with different characters after it.
        #expect(first[1] == second[1])
        #expect(first[0..<count] != second[0..<count])
    }

    @Test func characterFeaturesReadTheWords() {
        var extractor = CharacterFeatures()
        var alone: [UInt32] = [], split: [UInt32] = [], joined: [UInt32] = []
        let text = Array("米国務省".unicodeScalars)[...]
        extractor.extract(text, names: NameGazetteer(), mask: .max, into: &alone)
        extractor.extract(text, words: [0..<1, 1..<3, 3..<4], names: NameGazetteer(), mask: .max, into: &split)
        extractor.extract(text, words: [0..<2, 2..<4], names: NameGazetteer(), mask: .max, into: &joined)
        #expect(split.count == alone.count && joined.count == alone.count)
        let count = CharacterFeatures.templateCount
        // Character features agree; the word features of 国 differ.
        #expect(split[count..<(count + 2)] == joined[count..<(count + 2)])
        #expect(split[count..<(2 * count)] != joined[count..<(2 * count)])
        #expect(split[count..<(2 * count)] != alone[count..<(2 * count)])
    }

    @Test func adjacentPlaceAndOrganizationJoin() {
        typealias Mentions = [(range: Range<Int>, kind: MentionKind)]
        let mentions: Mentions = [(0..<3, .entity(.location)), (3..<6, .entity(.location)), (6..<9, .entity(.organization)),
                                  (10..<12, .entity(.person)), (12..<14, .entity(.organization)), (14..<16, .other)]
        let joined = EntityWorker.joiningAdjacentNames(mentions)
        #expect(joined.map(\.range) == [0..<9, 10..<12, 12..<14, 14..<16])
        #expect(joined[0].kind == .entity(.organization))
        #expect(EntityWorker.joiningAdjacentNames([]).isEmpty)
    }

    @Test func organizationHeadsEndOrganizations() {
        func ends(_ name: String, _ heads: [[Unicode.Scalar]] = EntityWorker.organizationHeads) -> Bool {
            EntityWorker.endsWith(heads, Array(name.unicodeScalars)[...])
        }
        #expect(ends("浅野木材工業") && ends("ハプスブルク家") && ends("江ノ島電鉄"))
        #expect(!ends("家") && !ends("工業") && !ends("東京") && !ends(""))
        #expect(!ends("明治神宮") && !ends("東京駅"))
        #expect(ends("自由民主党", EntityWorker.partyHeads) && !ends("党", EntityWorker.partyHeads) && !ends("", EntityWorker.partyHeads))
    }

    @Test func mentionsCutNoKatakanaName() {
        let sentence = Array("ゴールデンステート・ウォリアーズのシカゴ・ブルズ戦".unicodeScalars)[...]
        let widened = EntityWorker.wholeKatakanaNames([(10..<16, .entity(.person)), (17..<20, .entity(.location)),
                                                       (21..<24, .entity(.organization))], in: sentence)
        #expect(widened.map(\.range) == [0..<16, 17..<24])
        #expect(widened.map(\.kind) == [.entity(.person), .entity(.organization)])
        #expect(EntityWorker.wholeKatakanaNames([(0..<1, .other)], in: Array("ア".unicodeScalars)[...]).map(\.range) == [0..<1])
    }

    @Test func katakanaNamesTakeTheirLatinInitials() {
        // ラッセル・T・デイヴィス: the tagger's T・デイヴィス grows to the whole name; BMW is no initial.
        let sentence = Array("ラッセル・T・デイヴィスとJ.L.ボニエとBMW・ジャパン".unicodeScalars)[...]
        let widened = EntityWorker.wholeKatakanaNames([(5..<12, .entity(.person)), (17..<20, .entity(.person)),
                                                       (25..<29, .entity(.organization))], in: sentence)
        #expect(widened.map(\.range) == [0..<12, 13..<20, 25..<29])
    }

    @Test func mentionsWidenToTheirCompoundWhenTheScoresAllow() {
        // パリ交通公団が: the tagger stops after パリ (LOC); the compound runs to 団.
        let sentence = Array("パリ交通公団が".unicodeScalars)[...]
        let loc = Tag.make(.entity(.location), .begin), locLast = Tag.make(.entity(.location), .last)
        let decoded: [UInt8] = [loc, locLast, 0, 0, 0, 0, 0]
        let transitions = [Float](repeating: 0, count: (Tag.count + 1) * Tag.count)
        // Emissions that favour the decoded path by 1 at each character the widening would add.
        var emissions = [Float](repeating: 0, count: sentence.count * Tag.count)
        for position in 0..<sentence.count { emissions[position * Tag.count + Int(decoded[position])] = 1 }
        var tags = decoded
        CompoundMentions.widen(&tags, in: sentence, emissions: emissions, transitions: Viterbi.constrained(transitions), margin: 0.5)
        #expect(tags == decoded)
        CompoundMentions.widen(&tags, in: sentence, emissions: emissions, transitions: Viterbi.constrained(transitions), margin: 2)
        #expect(Tag.decode(tags).map(\.range) == [0..<6])
        // Its own type keeps the B it was decoded with, so it outscores ORG here.
        #expect(Tag.decode(tags).map(\.kind) == [.entity(.location)])
        var empty: [UInt8] = []
        CompoundMentions.widen(&empty, in: sentence[0..<0], emissions: [], transitions: transitions, margin: 2)
        #expect(empty.isEmpty)
    }

    @Test func possessiveReadsAsTheName() {
        #expect(String(String.UnicodeScalarView(TokenFeatures.stem(Array("Trump’s".unicodeScalars)[...]))) == "Trump")
        #expect(TokenFeatures.stem(Array("is".unicodeScalars)[...]).count == 2)
        var extractor = TokenFeatures()
        var features: [UInt32] = []
        let text = Array("Trump Trump’s".unicodeScalars)
        let tokens = [Span(start: 0, end: 5), Span(start: 6, end: 13)]
        extractor.extract(text, tokens: tokens[...], names: NameGazetteer(), mask: .max, into: &features)
        #expect(features.count == 2 * TokenFeatures.templateCount)
        // Template 1 is the lowercase word.
        #expect(features[1] == features[TokenFeatures.templateCount + 1])
    }
}

@Suite struct ModelFileTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jpen-\(UUID().uuidString)-\(name)").path
    }

    @Test func trainedModelRoundTripsThroughItsFile() throws {
        // Rows 1 and 5 mark a person, 2 and 6 a place, 0 and 4 nothing.
        let templates = 2
        func sequence(_ kinds: [Int]) -> PerceptronTrainer.Sequence {
            let features = kinds.flatMap { [UInt32($0), UInt32($0 + 4)] }
            let mentions = kinds.enumerated().compactMap { index, kind -> (range: Range<Int>, kind: MentionKind)? in
                kind == 0 ? nil : (index..<(index + 1), .entity(kind == 1 ? .person : .location))
            }
            return PerceptronTrainer.Sequence(features: features, tags: Tag.encode(mentions, count: kinds.count))
        }
        let sequences = [sequence([0, 1, 0, 2]), sequence([2, 0, 0]), sequence([1])]
        let trainer = PerceptronTrainer(featureSet: 9, templateCount: templates, rowBits: 4)
        trainer.train(sequences, passes: 10)
        let path = temporaryPath("model.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(trainer.modelBytes()).write(to: URL(fileURLWithPath: path))

        let model = try TaggerModel(path: path, featureSet: 9, templateCount: templates)
        var scratch = TaggerModel.Scratch()
        for sequence in sequences {
            #expect(model.tag(sequence.features, count: sequence.tags.count, scratch: &scratch) == sequence.tags)
        }
        #expect(model.tag([], count: 0, scratch: &scratch).isEmpty)
        #expect(throws: TaggerModel.FormatError.self) { try TaggerModel(path: path, featureSet: 1, templateCount: templates) }
    }

    /// Vector scoring gives the floats of a scalar sum of the rows, the table's last row included.
    @Test func scoresAreTheScaledSumsOfTheRows() throws {
        let model = try EntityRecognizer().japanese
        let tags = Tag.count, templates = model.templateCount
        var generator = SystemRandomNumberGenerator()
        var emissions: [Float] = [1]
        for count in [0, 1, 5] {
            var features = (0..<(count * templates)).map { _ in UInt32.random(in: 0...model.rowMask, using: &generator) }
            if count > 0 { features[0] = model.rowMask; features[features.count - 1] = 0 }
            model.score(features, count: count, into: &emissions)
            #expect(emissions.count == count * tags)
            for position in 0..<count {
                for t in 0..<tags {
                    let sum = features[(position * templates)..<((position + 1) * templates)].reduce(Int32(0)) { sum, row in
                        sum + Int32(model.file.load(Int16.self, at: model.weightsOffset + 2 * (Int(row) * tags + t)))
                    }
                    #expect(emissions[position * tags + t] == Float(sum) * model.scale)
                }
            }
        }
    }

    @Test func foreignFileIsRejected() throws {
        let path = temporaryPath("junk.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("not a model".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TaggerModel.FormatError.self) { try TaggerModel(path: path, featureSet: 1, templateCount: 1) }
        #expect(throws: NameGazetteer.FormatError.self) { try NameGazetteer(path: path) }
    }

    @Test func nameTableRoundTrip() throws {
        var builder = NameGazetteerBuilder()
        builder.add(Array("渋谷".unicodeScalars), .place)
        builder.add(Array("渋谷".unicodeScalars), .surname)
        builder.add(Array("delaware".unicodeScalars), .place)
        let path = temporaryPath("names.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(builder.tableBytes()).write(to: URL(fileURLWithPath: path))
        let names = try NameGazetteer(path: path)
        #expect(names.keyCount == 2)
        #expect(names.classes(of: NameGazetteer.key(Array("渋谷".unicodeScalars))) == [.place, .surname])
        #expect(names.classes(of: NameGazetteer.key(Array("delaware".unicodeScalars))) == .place)
        #expect(names.classes(of: NameGazetteer.key(Array("渋".unicodeScalars))).isEmpty)
    }

    /// Runs of one to four tokens are looked up wherever they sit in a sentence of any length (the
    /// runs that reach a token are hashed together); longer runs are not.
    @Test func tokenRunsOfUpToFourAreLookedUp() throws {
        var builder = NameGazetteerBuilder()
        builder.add(Array("new york city hall".unicodeScalars), .place)
        builder.add(Array("york".unicodeScalars), .surname)
        builder.add(Array("a b c d e".unicodeScalars), .place)
        let path = temporaryPath("token-names.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(builder.tableBytes()).write(to: URL(fileURLWithPath: path))
        let names = try NameGazetteer(path: path)
        var extractor = TokenFeatures()
        func codes(_ sentence: String, _ classes: NameClasses) -> [UInt8] {
            let text = Array(sentence.unicodeScalars)
            var tokens: [Span] = [], start = 0
            for (offset, scalar) in (text + [" "]).enumerated() where scalar == " " {
                if offset > start { tokens.append(Span(start: start, end: offset)) }
                start = offset + 1
            }
            var features: [UInt32] = []
            extractor.extract(text, tokens: tokens[...], names: names, mask: .max, into: &features)
            let k = classes.rawValue.trailingZeroBitCount
            return tokens.indices.map { extractor.matches.codes[$0 * NameClasses.count + k] }
        }
        #expect(codes("", .place) == [])
        #expect(codes("York", .surname) == [4])
        #expect(codes("York’s", .surname) == [4])
        #expect(codes(", York", .surname) == [0, 4])
        #expect(codes("New York City Hall", .place) == [1, 2, 2, 3])
        #expect(codes("New York City Hall", .surname) == [0, 4, 0, 0])
        #expect(codes("in New York City Hall today", .place) == [0, 1, 2, 2, 3, 0])
        #expect(codes("New York City", .place) == [0, 0, 0])
        #expect(codes("a b c d e", .place) == [0, 0, 0, 0, 0])
    }

    /// The fingerprint bits answer as the table itself: keys stored, absent, and absent with a
    /// stored key's fingerprint (the bit is set, so the probe runs) all read what a plain probe reads.
    @Test func fingerprintBitsAnswerAsTheTable() throws {
        var builder = NameGazetteerBuilder()
        for number in 0..<900 { builder.add(Array("名\(number)".unicodeScalars), NameClasses(rawValue: UInt8(number % 255 + 1))) }
        let bytes = builder.tableBytes()
        let path = temporaryPath("fingerprints.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let names = try NameGazetteer(path: path)
        let bits = bytes.withUnsafeBytes { $0.load(fromByteOffset: 12, as: UInt32.self) }
        let slots = (0..<(1 << Int(bits))).map { slot in
            bytes.withUnsafeBytes { $0.load(fromByteOffset: NameGazetteer.headerSize + 4 * slot, as: UInt32.self) }
        }
        func probe(_ key: UInt64) -> NameClasses {
            var slot = Int(key & UInt64(slots.count - 1))
            while slots[slot] != 0 {
                if slots[slot] >> 8 == NameGazetteer.fingerprint(key) { return NameClasses(rawValue: UInt8(slots[slot] & 0xFF)) }
                slot = (slot + 1) % slots.count
            }
            return []
        }
        var generator = SystemRandomNumberGenerator()
        let stored = (0..<900).map { NameGazetteer.key(Array("名\($0)".unicodeScalars)) }
        let sameFingerprint = stored.map { $0 & ~0xFF_FFFF | UInt64.random(in: 0...0xFF_FFFF, using: &generator) }
        let random = (0..<20_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let disagreeing = (stored + sameFingerprint + random).filter { names.classes(of: $0) != probe($0) }
        #expect(disagreeing.isEmpty)
        #expect(stored.allSatisfy { !names.classes(of: $0).isEmpty })
    }
}
