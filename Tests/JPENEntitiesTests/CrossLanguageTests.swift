import Foundation
import JPENLexicon
import JPENText
import Testing
@testable import JPENEntities

/// A recognizer whose lexicon holds only a small curated list (no EDRDG dictionary): names the
/// list lacks are linked by sound alone.
final class CuratedRecognizer {
    let directory = NSTemporaryDirectory() + "jpen-entities-\(UUID().uuidString)"
    let worker: EntityWorker

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let list = """
            \(EntityTable.columns.joined(separator: "\t"))
            org:mofa\tORG\tMinistry of Foreign Affairs\t外務省\tがいむしょう\tForeign Ministry|WHO\t
            person:donald-trump\tPERSON\tDonald Trump\tドナルド・トランプ\t\tTrump\tトランプ

            """
        _ = FileManager.default.createFile(atPath: directory + "/list.tsv", contents: Data(list.utf8))
        let sources = LexiconSources(dictionaries: [], entityLists: [directory + "/list.tsv"], userLists: [],
                                     compiledPath: directory + "/lexicon.bin", cacheDirectory: directory)
        worker = try EntityRecognizer(lexicon: Lexicon.load(sources)).makeWorker()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func entities(_ text: String) -> [Entity] { worker.recognize(Document(text: text)).entities }
}

@Suite struct CrossLanguageTests {
    let recognizer: CuratedRecognizer
    init() throws { recognizer = try CuratedRecognizer() }

    @Test func katakanaCounterpartOfAnEnglishNameIsFoundAndLinked() {
        let found = recognizer.entities("Buzz Aldrin walked on the Moon with Armstrong.\nアルドリンは月面を歩いた。")
        let english = found.first { $0.text == "Buzz Aldrin" || $0.text == "Aldrin" }
        let japanese = found.first { $0.text == "アルドリン" }
        #expect(english != nil && japanese != nil)
        #expect(english?.id == japanese?.id)
        #expect(japanese?.type == .person)
    }

    @Test func sharedNormalizationAndSegmentationFindTheSameEntities() throws {
        let recognizer = recognizer.worker.recognizer
        let segmenter = try recognizer.segmenter.makeWorker()
        for text in ["Buzz Aldrin walked on the Moon.\nアルドリンは月面を歩いた。外務省とForeign Ministry。", "", "ト", "𠮷田茂首相"] {
            let document = Document(text: text)
            let normalized = recognizer.segmenter.normalizer.normalize(document)
            let shared = self.recognizer.worker.recognize(document, normalized: normalized, segmentation: segmenter.segment(normalized))
            #expect(shared.entities == self.recognizer.worker.recognize(document).entities, "\(text)")
        }
    }

    @Test func equalNamesShareANumberWhereverTheyStand() {
        let linker = NameLinker(lexicon: recognizer.worker.recognizer.lexicon!)
        // Past the table's room for one name, so that it grows while names are numbered.
        let words = ["トランプ", "Trump", "𠮷田", "ト", "", "Trump", "トランプ", "Trum", "𠮷田", "ランプ"]
        var scalars: [Unicode.Scalar] = [], spans: [Span] = []
        for word in words {
            spans.append(Span(start: scalars.count, end: scalars.count + word.unicodeScalars.count))
            scalars += word.unicodeScalars + [" "]
        }
        var comparisons = CrossLanguageMentions.NameComparisons(scalars: scalars, linker: linker, expecting: 1)
        let numbers = spans.map { comparisons.number($0) }
        #expect(numbers == [0, 1, 2, 3, 4, 1, 0, 5, 2, 6])
        #expect(comparisons.names == ["トランプ", "Trump", "𠮷田", "ト", "", "Trum", "ランプ"])
        #expect(spans.map { comparisons.number($0) } == numbers, "numbered again after growing")
        #expect(comparisons.similarity(japanese: 0, english: 1) == 1)
    }

    @Test func aListedEntityGivesItsTypeWithItsID() {
        let linker = NameLinker(lexicon: recognizer.worker.recognizer.lexicon!)
        let document = Document(text: "外務省とアルドリン")
        let entities = DocumentEntities.resolve([(Span(start: 0, end: 3), .location), (Span(start: 4, end: 9), .location)],
                                                in: document, linker: linker)
        #expect(entities.map(\.id) == ["org:mofa", "loc:arudorin"])
        #expect(entities.map(\.type) == [.organization, .location])
        #expect(DocumentEntities.resolve([], in: Document(text: ""), linker: linker).isEmpty)
    }

    @Test func aQuestionsVerbIsNoFirstName() {
        // "Will Japan" read as a person would make every "Japan" of the document a person.
        let text = "Will Japan and Korea meet? Japan said no. Will Smith came? Smith did. Will Japan"
        let japan = text.unicodeScalars.count - 10
        let tagged: [(span: Span, type: EntityType)] = [(Span(start: 0, end: 10), .person), (Span(start: 27, end: 32), .location),
                                                        (Span(start: 42, end: 52), .person), (Span(start: 59, end: 64), .person),
                                                        (Span(start: japan, end: japan + 10), .person)]
        let entities = DocumentEntities.resolve(tagged, in: Document(text: text))
        #expect(entities.map(\.text) == ["Japan", "Japan", "Will Smith", "Smith", "Japan"])
        #expect(entities.map(\.type) == [.location, .location, .person, .person, .location])
        // Nothing else in the document names the rest: the mention is left as tagged.
        #expect(DocumentEntities.resolve([(Span(start: 0, end: 10), .person)], in: Document(text: "Will Japan")).map(\.text) == ["Will Japan"])
    }

    @Test func oneLanguageAloneIsLeftAsTagged() {
        let scalars = Array("アルドリンは月面を歩いた。".unicodeScalars)
        let mentions: [CrossLanguageMentions.Mention] = [(Span(start: 0, end: 5), .person)]
        let linker = NameLinker(lexicon: recognizer.worker.recognizer.lexicon!)
        let completed = CrossLanguageMentions.complete(mentions, in: scalars, japanese: [Span(start: 0, end: scalars.count)],
                                                       englishTokens: [], linker: linker)
        #expect(completed.map(\.span) == mentions.map(\.span))
        #expect(CrossLanguageMentions.complete([], in: [], japanese: [], englishTokens: [], linker: linker).isEmpty)
    }

    /// Found by jpen-fuzz: Ŀ normalizes to L·, so two tokens of the English sentence share one
    /// original character and their spans overlap.
    @Test func tokensSharingOneOriginalCharacter() {
        for text in ["石破茂首相は述べた。 Prime Minister AbĿCd Ef said.", "石破茂首相は述べた。 Ŀ Ŀ ĿĿ Tokyo"] {
            let found = recognizer.entities(text)
            let count = text.unicodeScalars.count
            #expect(found.allSatisfy { $0.span.start >= 0 && $0.span.start <= $0.span.end && $0.span.end <= count }, "\(text)")
        }
    }

    @Test func counterpartsAreLookedForNearby() {
        let linker = NameLinker(lexicon: recognizer.worker.recognizer.lexicon!)
        func completed(gap: Int) -> [CrossLanguageMentions.Mention] {
            let text = Array(("Aldrin" + String(repeating: " ", count: gap) + "アルドリン").unicodeScalars)
            let japanese = Span(start: 6 + gap, end: text.count)
            return CrossLanguageMentions.complete([(Span(start: 0, end: 6), .person)], in: text, japanese: [japanese],
                                                  englishTokens: [Span(start: 0, end: 6)], linker: linker, window: 600)
        }
        #expect(completed(gap: 10).map(\.span) == [Span(start: 0, end: 6), Span(start: 16, end: 21)])
        #expect(completed(gap: 1000).count == 1)
    }

    @Test func typesAgreeAcrossTheLanguages() {
        let scalars = Array("Rennes\nレンヌ".unicodeScalars)
        let linker = NameLinker(lexicon: recognizer.worker.recognizer.lexicon!)
        let completed = CrossLanguageMentions.complete([(Span(start: 0, end: 6), .location), (Span(start: 7, end: 10), .person)],
                                                       in: scalars, japanese: [Span(start: 7, end: 10)],
                                                       englishTokens: [Span(start: 0, end: 6)], linker: linker)
        #expect(completed.count == 2)
        #expect(Set(completed.map(\.type)).count == 1)
    }

    @Test func candidateRuns() {
        let text = Array("ウィルバー・ロス元長官と会った。".unicodeScalars)
        let covered = [Bool](repeating: false, count: text.count)
        #expect(CrossLanguageMentions.katakanaNames(in: text, japanese: [Span(start: 0, end: text.count)], covered: covered)
            == [Span(start: 0, end: 8)])
        let english = Array("He met Henry I of France's envoy.".unicodeScalars)
        let tokens = [Span(start: 0, end: 2), Span(start: 3, end: 6), Span(start: 7, end: 12), Span(start: 13, end: 14),
                      Span(start: 15, end: 17), Span(start: 18, end: 26), Span(start: 27, end: 32)]
        let runs = CrossLanguageMentions.capitalizedNames(in: english, tokens: tokens,
                                                         covered: [Bool](repeating: false, count: english.count))
        #expect(runs.contains(Span(start: 7, end: 14)))       // Henry I
        #expect(runs.contains(Span(start: 18, end: 24)))      // France, without 's
        #expect(!runs.contains { $0.start == 3 })             // "met" is not capitalized
    }

    @Test func listedEntityTheTaggerMissedIsAdded() {
        let found = recognizer.entities("Suga dismissed concerns from Foreign Ministry officials.")
        let ministry = found.first { $0.text == "Foreign Ministry" }
        #expect(ministry?.type == .organization)
        #expect(ministry?.id == "org:mofa")
        #expect(ListedMentions.isSingleLatinWord(Array("WHO".unicodeScalars)[...]))
        #expect(!ListedMentions.isSingleLatinWord(Array("Foreign Ministry".unicodeScalars)[...]))
        #expect(!ListedMentions.isSingleLatinWord(Array("外務省".unicodeScalars)[...]))
        #expect(!ListedMentions.isSingleLatinWord(Array("JR北海道".unicodeScalars)[...]))
    }

    @Test func listedNameInsideAWordIsNot() {
        let text = Array("東京都庁".unicodeScalars)
        #expect(ListedMentions.continuesWord(Span(start: 0, end: 2), in: text))
        #expect(!ListedMentions.continuesWord(Span(start: 0, end: 4), in: text))
        #expect(!ListedMentions.continuesWord(before: Span(start: 0, end: 2), in: text))
        #expect(ListedMentions.continuesWord(before: Span(start: 2, end: 4), in: text))
        #expect(!ListedMentions.continuesWord(Span(start: 0, end: 1), in: Array("東".unicodeScalars)))
    }
}

@Suite struct TitledNameTests {
    @Test func katakanaNameBeforeATitleIsAPerson() {
        let worker = try! EntityRecognizer().makeWorker()
        let found = worker.recognize(Document(text: "石破茂首相は、トランプ次期大統領と電話で会談した。")).entities
        #expect(found.contains { $0.text == "トランプ" && $0.type == .person })
    }

    @Test func titleLookups() throws {
        var builder = NameGazetteerBuilder()
        builder.add(Array("大統領".unicodeScalars), .title)
        builder.add(Array("ロンドン".unicodeScalars), .place)
        let path = NSTemporaryDirectory() + "jpen-titles-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(builder.tableBytes()).write(to: URL(fileURLWithPath: path))
        let names = try NameGazetteer(path: path)
        let text = Array("バイデン大統領とロンドン大統領、ア大統領".unicodeScalars)
        let sentence = Span(start: 0, end: text.count)
        // ロンドン is a place; ア is a single character.
        #expect(TitledNames.people(in: text, sentence: sentence, taken: [], names: names) == [Span(start: 0, end: 4)])
        #expect(TitledNames.people(in: text, sentence: sentence, taken: [Span(start: 2, end: 3)], names: names).isEmpty)
        #expect(TitledNames.people(in: [], sentence: Span(start: 0, end: 0), taken: [], names: names).isEmpty)
    }

    @Test func ordinaryWordsAreNoTitledPeople() {
        #expect(TitledNames.isPossibleName([]))
        #expect(TitledNames.isPossibleName([.word, .surname]))     // トランプ
        #expect(!TitledNames.isPossibleName([.word]))              // サッカー
        #expect(!TitledNames.isPossibleName([.place]))
        #expect(NameClasses.word.isOrdinaryWordOnly && !NameClasses([.word, .givenName]).isOrdinaryWordOnly)
        #expect(!NameClasses([.word, .organization]).isOrdinaryWordOnly && !NameClasses().isOrdinaryWordOnly)
    }
}
