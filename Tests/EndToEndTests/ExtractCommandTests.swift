import Foundation
import Testing

@Suite struct ExtractCommandTests {
    @Test func japaneseArticleLinksSpeakersToEntities() throws {
        let file = JPEN.corpora.appendingPathComponent("ja-ishiba-trump-call.txt")
        let result = try JPEN.run(["extract", "--json", "--date", "2024-11-08", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JPEN.jsonLines(result.stdout)[0]
        #expect(output["language"] as? String == "ja")
        let entities = output["entities"] as! [[String: Any]]
        let ishiba = entities.first { $0["text"] as? String == "石破茂" }
        #expect(ishiba?["type"] as? String == "PERSON")
        let quotes = output["quotes"] as! [[String: Any]]
        let friendly = quotes.first { ($0["text"] as? String)?.contains("フレンドリー") == true }
        let speaker = friendly?["speaker"] as? [String: Any]
        #expect(speaker?["id"] as? String == ishiba?["id"] as? String)
        let dates = output["dates"] as! [[String: Any]]
        #expect(dates.contains { $0["value"] as? String == "2024-11-07" && $0["text"] as? String == "令和6年11月7日" })
        #expect(output["tokens"] == nil)
    }

    @Test func jsonlStreamsWithTokensOnRequest() throws {
        let input = """
        {"id": "a", "text": "Prime Minister Ishiba said the call was “very friendly.”", "date": "2024-11-08"}
        {"id": "b", "text": "", "date": "not a date"}
        {"id": "c", "text": "石破茂首相は11月7日に述べた。"}

        """
        let result = try JPEN.run(["extract", "--jsonl", "--tokens"], input: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:2"))
        let lines = try JPEN.jsonLines(result.stdout)
        #expect(lines.map { $0["id"] as? String } == ["a", nil, "c"])
        let first = lines[0]
        #expect((first["tokens"] as? [Any])?.isEmpty == false)
        let quote = (first["quotes"] as! [[String: Any]])[0]
        #expect(quote["kind"] as? String == "speech")
        #expect((quote["speaker"] as? [String: Any])?["text"] as? String == "Prime Minister Ishiba" ||
                (quote["speaker"] as? [String: Any])?["text"] as? String == "Ishiba")
    }
}
