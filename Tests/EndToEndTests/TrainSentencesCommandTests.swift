import Foundation
import Testing

@Suite struct TrainSentencesCommandTests {
    @Test func writesASentenceModelFromCoNLLAndCommercialJSONLines() throws {
        let conll = try JPEN.temporaryFile("train.conllu", "# newdoc id = a\n# text = It rained. We stayed in.\n\n# text = Dr. Smith came.\n")
        let jsonl = try JPEN.temporaryFile("train.jsonl", """
            {"id": "GUM_news_a-1", "text": "Prices rose."}
            {"id": "GUM_news_a-2", "text": "Markets fell."}
            {"id": "GUM_reddit_b-1", "text": "Left out."}
            """)
        let documents = try JPEN.temporaryFile("docs.tsv", "doc_id\tnon_commercial\nGUM_news_a\tno\nGUM_reddit_b\tyes\n")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-\(UUID().uuidString).bin")
        defer { for url in [conll, jsonl, documents, output] { try? FileManager.default.removeItem(at: url) } }
        let result = try JPEN.run(["train-sentences", conll.path, jsonl.path, "--documents", documents.path,
                                   "--output", output.path, "--bits", "10", "--seeds", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 documents"))
        let model = try Data(contentsOf: output)
        #expect(Array(model.prefix(8)) == Array("JPLWENSB".utf8))
        #expect(model.count == 32 + 2 << 10)
    }

    @Test func aBadJSONLineIsAnErrorWithItsNumber() throws {
        let jsonl = try JPEN.temporaryFile("train.jsonl", "{\"id\": \"d-1\", \"text\": \"Fine.\"}\nnot json\n")
        defer { try? FileManager.default.removeItem(at: jsonl) }
        let result = try JPEN.run(["train-sentences", jsonl.path, "--output", "/dev/null"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(jsonl.path):2"))
    }
}
