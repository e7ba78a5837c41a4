import Foundation
import Testing

@Suite struct AlignCommandTests {
    private let english = "Prime Minister Shigeru Ishiba spoke with Donald Trump. “In one word, I felt he was very friendly,” Ishiba told reporters."
    private let japanese = "石破茂首相はトランプ氏と電話で会談した。石破首相は記者団に「一言で言えば、非常にフレンドリーな感じがした」と述べた。"

    private func line(id: Int, _ source: String, _ target: String) throws -> String {
        let object: [String: Any] = ["id": id, "source": ["text": source, "lang": "en"], "target": ["text": target, "lang": "ja"]]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func jsonLinesPairsAndReportsBadLines() throws {
        let input = try line(id: 1, english, japanese) + "\n{\"id\": 2, \"source\": {\"text\": \"x\"}}\n" + line(id: 3, "", "") + "\n"
        let result = try JPEN.run(["align", "--jsonl"], input: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:2: missing object \"target\""))
        let lines = try JPEN.jsonLines(result.stdout)
        #expect(lines.count == 3)
        let pairs = try #require(lines[0]["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        let source = try #require(pairs.first?["source"] as? [String: Any])
        let target = try #require(pairs.first?["target"] as? [String: Any])
        #expect(source["text"] as? String == "In one word, I felt he was very friendly,")
        #expect(source["start"] as? Int == 56)
        #expect(target["text"] as? String == "一言で言えば、非常にフレンドリーな感じがした")
        #expect((pairs.first?["score"] as? Double ?? 0) > 0.5)
        #expect(lines[1]["id"] is NSNull && lines[1]["error"] != nil)
        #expect(lines[2]["id"] as? Int == 3)
        #expect((lines[2]["pairs"] as? [Any])?.isEmpty == true)
    }

    @Test func twoFilesSideBySide() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-align-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let en = folder.appendingPathComponent("en.txt"), ja = folder.appendingPathComponent("ja.txt")
        try english.write(to: en, atomically: true, encoding: .utf8)
        try japanese.write(to: ja, atomically: true, encoding: .utf8)
        let result = try JPEN.run(["align", en.path, ja.path])
        #expect(result.status == 0)
        let first = try #require(result.stdout.split(separator: "\n").first)
        #expect(first.contains("In one word") && first.contains("│ 一言で言えば"))
        let missing = try JPEN.run(["align", en.path])
        #expect(missing.status == 64)
    }
}
