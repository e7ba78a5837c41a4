import JPENSegment
import JPENText
import Testing

@Suite struct SegmenterTests {
    let worker = try! Segmenter().makeWorker()

    func sentences(_ text: String) -> [String] {
        let document = Document(text: text)
        return worker.segment(document).sentences.map { document[$0.span] }
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("Mr. Suga met U.S. officials on Nov. 7. They talked.") ==
                ["Mr. Suga met U.S. officials on Nov. 7.", "They talked."])
    }

    @Test func quotationKeepsItsFullStops() {
        #expect(sentences("石破首相は「はい。そうです。」と述べた。次の文。") ==
                ["石破首相は「はい。そうです。」と述べた。", "次の文。"])
    }

    @Test func blankLineAlwaysEndsASentence() {
        #expect(sentences("A heading\n\u{A0}\nThe body") == ["A heading", "The body"])
    }

    @Test func languagesOfSentencesAndRuns() {
        let document = Document(text: "Ishiba (石破茂) spoke.")
        let sentence = worker.segment(document).sentences[0]
        #expect(sentence.language == .english)
        #expect(sentence.runs.map(\.language) == [.english, .japanese, .english])
        #expect(document[sentence.runs[1].span] == "石破茂")
    }

    @Test func tokensPointIntoTheOriginalText() {
        let document = Document(text: "ＡＢＣ社")
        for token in worker.segment(document).tokens {
            #expect(token.span.end <= document.count)
        }
    }

    @Test func emptyAndSpaceOnlyDocuments() {
        #expect(worker.segment(Document(text: "")).sentences.isEmpty)
        #expect(worker.segment(Document(text: " \n\u{3000}\n")).tokens.isEmpty)
    }
}
