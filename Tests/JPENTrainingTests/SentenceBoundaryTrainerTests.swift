import Foundation
import JPENSegment
import JPENTraining
import Testing

@Suite struct SentenceBoundaryTrainerTests {
    @Test func sentencesAreJoinedIntoDocumentsWithTheirStarts() {
        let conll = "# newdoc id = a\n# text = One.\n1\tOne\n\n# text = Two.\n# newdoc id = b\n# text = Three.\n"
        let sentences = SentenceBoundaryTrainer.sentences(fromCoNLL: conll)
        #expect(sentences.map(\.text) == ["One.", "Two.", "Three."])
        let documents = SentenceBoundaryTrainer.documents(fromSentences: sentences, sentencesPerDocument: 30)
        #expect(documents.map { String(String.UnicodeScalarView($0.scalars)) } == ["One. Two.", "Three."])
        #expect(documents.map(\.sentenceStarts) == [[5], []])
        let capped = SentenceBoundaryTrainer.documents(fromSentences: sentences, sentencesPerDocument: 1)
        #expect(capped.count == 3)
    }

    @Test func trainedWeightsRoundTripThroughTheFile() throws {
        let sentences: [(document: Int, text: Substring)] = (0..<40).map { (0, $0 % 2 == 0 ? "It rained." : "We stayed in") }
        let documents = SentenceBoundaryTrainer.documents(fromSentences: sentences, sentencesPerDocument: 40)
        let bytes = SentenceBoundaryTrainer.train(documents, bits: 10, epochs: 3)
        #expect(bytes.count == 32 + 2 * 1024)
        #expect(bytes.dropFirst(32).contains { $0 != 0 })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-test-model-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: Never.self) { try SentenceBoundaryModel(path: path) }
    }
}
