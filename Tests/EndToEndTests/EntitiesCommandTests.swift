import Foundation
import Testing

@Suite struct EntitiesCommandTests {
    @Test func jsonlGivesSpansTypesAndIds() throws {
        let input = """
        {"id": 1, "text": "Prime Minister Ishiba called Trump. 石破首相は述べた。"}
        {"id": 2, "text": ""}

        """
        let result = try JPEN.run(["entities", "--jsonl"], input: Data(input.utf8))
        #expect(result.status == 0)
        let lines = try JPEN.jsonLines(result.stdout)
        #expect(lines.count == 2)
        let entities = lines[0]["entities"] as? [[String: Any]] ?? []
        let ishiba = entities.first { $0["text"] as? String == "Ishiba" }
        #expect(ishiba?["start"] as? Int == 15)
        #expect(ishiba?["end"] as? Int == 21)
        #expect(ishiba?["type"] as? String == "PERSON")
        // The lexicon links the English and the Japanese name to one entity.
        let japanese = entities.first { $0["text"] as? String == "石破" }
        #expect(ishiba?["id"] as? String == "person:ishiba-shigeru")
        #expect(japanese?["id"] as? String == ishiba?["id"] as? String)
        #expect(ishiba?["japanese"] as? String == "石破茂")
        #expect((lines[1]["entities"] as? [Any])?.isEmpty == true)
    }
}
