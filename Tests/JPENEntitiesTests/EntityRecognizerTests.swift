import JPENEntities
import JPENLexicon
import JPENText
import Testing

@Suite struct EntityRecognizerTests {
    let worker = try! EntityRecognizer().makeWorker()

    func entities(_ text: String) -> [(String, EntityType, String)] {
        worker.recognize(Document(text: text)).entities.map { ($0.text, $0.type, $0.id) }
    }

    @Test func japaneseNameBeforeTitle() {
        let found = entities("石破茂首相はトランプ次期大統領と電話で会談した。")
        #expect(found.contains { $0.0 == "石破茂" && $0.1 == .person })
        #expect(!found.contains { $0.0.contains("首相") })
    }

    @Test func englishNameAfterTitle() {
        let found = entities("Prime Minister Ishiba spoke with Mr. Trump on Wednesday.")
        #expect(found.contains { $0.0 == "Ishiba" && $0.1 == .person })
        #expect(found.contains { $0.0 == "Trump" && $0.1 == .person })
    }

    @Test func trumpTowerIsAPlace() {
        let found = entities("Abe visited Trump Tower in New York in 2016.")
        #expect(found.contains { $0.0 == "Trump Tower" && $0.1 == .location })
        #expect(!found.contains { $0.0 == "Trump" })
    }

    @Test func shortFormsShareTheFullNamesId() {
        let found = entities("Shigeru Ishiba won the vote. Later, Ishiba's cabinet met.")
        let ids = Set(found.filter { $0.0.hasSuffix("Ishiba") }.map(\.2))
        #expect(found.filter { $0.0.hasSuffix("Ishiba") }.count == 2)
        #expect(ids == ["person:ishiba"])
    }

    @Test func kanjiShortFormTakesTheFullNamesId() {
        let found = entities("石破茂首相は述べた。石破首相はまた述べた。")
        let ishiba = found.filter { $0.0.hasPrefix("石破") }
        #expect(ishiba.count == 2)
        #expect(Set(ishiba.map(\.2)) == ["person:石破茂"])
    }

    @Test func spansPointIntoTheOriginalText() {
        // Full-width letters normalize to ASCII inside; spans still count the original code points.
        let text = "🇯🇵 ＩＳＨＩＢＡ met Trump."
        let document = Document(text: text)
        for entity in worker.recognize(document).entities {
            #expect(document[entity.span] == entity.text)
        }
    }

    @Test func candidateLendsItsIdToEveryMention() {
        let document = Document(text: "Shigeru Ishiba met Trump. Ishiba smiled.")
        let first = worker.recognize(document).entities.first { $0.text == "Shigeru Ishiba" }!
        let linked = worker.recognize(document, candidates: [
            EntityCandidate(span: first.span, type: .person, id: "person:ishiba-shigeru"),
        ])
        #expect(linked.entities.filter { $0.text.contains("Ishiba") }.allSatisfy { $0.id == "person:ishiba-shigeru" })
    }

    @Test func emptyAndTinyInputs() {
        #expect(entities("").isEmpty)
        #expect(entities(" ").isEmpty)
        #expect(entities("。").isEmpty)
        _ = entities("a")
        _ = entities("𠮷")
    }
}
