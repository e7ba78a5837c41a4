import Foundation
import JPENLearning
import JPENSegment
import JPENText
import Testing

@Suite struct SentenceTests {
    let worker = try! Segmenter().makeWorker()

    func sentences(_ text: String) -> [String] {
        let document = Document(text: text)
        return worker.segment(document).sentences.map { document[$0.span] }
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(sentences("Dr. Brown of St. Louis met Gen. Smith. They talked about J. R. R. Tolkien.") ==
                ["Dr. Brown of St. Louis met Gen. Smith.", "They talked about J. R. R. Tolkien."])
    }

    @Test func quotationsEndWithTheirMark() {
        #expect(sentences("He said, \"We will win.\" Then he left. Why? Nobody knows!") ==
                ["He said, \"We will win.\"", "Then he left.", "Why?", "Nobody knows!"])
    }

    @Test func urlsDoNotEndSentences() {
        #expect(sentences("Read http://example.com/search?q=a. It helps.") == ["Read http://example.com/search?q=a.", "It helps."])
    }

    @Test func englishAndJapaneseInOneParagraph() {
        #expect(sentences("Mr. Suga met U.S. officials. 石破首相は「はい。」と述べた。") ==
                ["Mr. Suga met U.S. officials.", "石破首相は「はい。」と述べた。"])
        #expect(sentences("石破首相は述べた。 Mr. Suga agreed. 会談は終わった。") ==
                ["石破首相は述べた。", "Mr. Suga agreed.", "会談は終わった。"])
    }

    @Test func englishSentencesThatStartWithoutALetterAreJudgedByICU() {
        // Without Japanese, ICU's breaks are read only before a sentence's first English letter.
        #expect(sentences("1. The first point. 2. The second point.") == ["1.", "The first point.", "2.", "The second point."])
        #expect(sentences("He left at 5 p.m. 2 more people came. “Yes,” she said. (It rained.) Then we went home.") ==
                ["He left at 5 p.m. 2 more people came.", "“Yes,” she said.", "(It rained.)", "Then we went home."])
    }

    @Test func aLineBreakEndsASentenceUnlessTheParagraphIsHardWrapped() {
        #expect(sentences("Thanks for the help\nJohn Smith") == ["Thanks for the help", "John Smith"])
        let wrapped = """
            The prime minister met the president of the
            United States on Monday and said the talks had
            been very friendly. He will travel to Rio de
            Janeiro later this month for the summit.
            """
        #expect(sentences(wrapped) == [
            "The prime minister met the president of the\nUnited States on Monday and said the talks had\nbeen very friendly.",
            "He will travel to Rio de\nJaneiro later this month for the summit.",
        ])
    }

    @Test func edgeSizes() {
        #expect(sentences("").isEmpty)
        #expect(sentences("a") == ["a"])
        #expect(sentences("。") == ["。"])
        #expect(sentences("𝐀.") == ["𝐀."])
    }

    @Test func aWeightsFileInAnotherFormatIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-not-a-model.bin").path
        try Data("not a model".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: LinearWeights.FormatError.self) { try SentenceBoundaryModel(path: path) }
    }
}
