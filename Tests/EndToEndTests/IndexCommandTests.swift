import Foundation
import Testing

@Suite struct IndexCommandTests {
    let db = NSTemporaryDirectory() + "jpen-index-e2e-\(UUID().uuidString).sqlite"

    func documents(_ count: Int) -> Data {
        let lines = (0..<count).map { k in
            k % 2 == 0
                ? #"{"id": "en-\#(k)", "date": "2024-11-\#(String(format: "%02d", k % 28 + 1))", "text": "Prime Minister Shigeru Ishiba met Donald Trump in Tokyo. \"We agreed,\" Ishiba said."}"#
                : #"{"id": "ja-\#(k)", "date": "2024-10-\#(String(format: "%02d", k % 28 + 1))", "text": "石破茂首相は東京でトランプ大統領と会談した。石破首相は「合意した」と述べた。"}"#
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    func stats() throws -> [String: Int] {
        let result = try JPEN.run(["index", "stats", "--db", db, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Int]
    }

    @Test func readdingChangesNothingAndNamesWorkInBothLanguages() throws {
        defer { try? FileManager.default.removeItem(atPath: db) }
        let input = documents(6)
        #expect(try JPEN.run(["index", "add", "--db", db, "--jsonl"], input: input).status == 0)
        let first = try stats()
        #expect(first["documents"] == 6)
        #expect(try JPEN.run(["index", "add", "--db", db, "--jsonl"], input: input).status == 0)
        #expect(try stats() == first)

        for name in ["Shigeru Ishiba", "石破", "Ishiba"] {
            let result = try JPEN.run(["index", "search", "--db", db, name, "--json"])
            let found = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            let ids = (found["documents"] as! [[String: Any]]).map { $0["documentID"] as! String }
            #expect(ids.contains("ja-1") && ids.contains("en-0"), "\(name): \(ids)")
            #expect(ids.first?.hasPrefix("en-") == true, "newest first: \(ids)")
        }
        let quotes = try JPEN.run(["index", "quotes", "--db", db, "--speaker", "石破茂", "--json"])
        #expect(quotes.stdout.contains("合意した") && quotes.stdout.contains("We agreed"))
    }

    @Test func killedAddFinishesWhenRunAgain() throws {
        defer { try? FileManager.default.removeItem(atPath: db) }
        let input = documents(400)
        let inputFile = db + ".jsonl"
        try input.write(to: URL(fileURLWithPath: inputFile))
        defer { try? FileManager.default.removeItem(atPath: inputFile) }
        let process = Process()
        process.executableURL = JPEN.executable
        process.arguments = ["index", "add", "--db", db, "--jsonl", inputFile]
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try JPEN.run(["index", "add", "--db", db, "--jsonl", inputFile]).status == 0)
        let after = try stats()
        #expect(after["documents"] == 400)
        #expect(after["quotes"] == 400)
    }

    /// WAL lets readers run beside a writer: every read during an add answers, sees only whole
    /// batches (quotes never run ahead of their documents), and never goes backwards.
    @Test func readersSeeWholeBatchesWhileAddRuns() throws {
        defer { try? FileManager.default.removeItem(atPath: db) }
        let inputFile = db + ".jsonl"
        try documents(600).write(to: URL(fileURLWithPath: inputFile))
        defer { try? FileManager.default.removeItem(atPath: inputFile) }
        #expect(try JPEN.run(["index", "add", "--db", db, "--jsonl"], input: documents(2)).status == 0)
        let writer = Process()
        writer.executableURL = JPEN.executable
        writer.arguments = ["index", "add", "--db", db, "--jsonl", inputFile]
        try writer.run()
        var seen: [Int] = []
        while writer.isRunning || seen.isEmpty {
            let counts = try stats()
            #expect(counts["quotes"] == counts["documents"], "\(counts)")
            seen.append(counts["documents"] ?? -1)
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(seen == seen.sorted(), "\(seen)")
        #expect(try stats()["documents"] == 600)
    }

    @Test func foreignFileIsAClearError() throws {
        defer { try? FileManager.default.removeItem(atPath: db) }
        try Data("plain text, not an index".utf8).write(to: URL(fileURLWithPath: db))
        let result = try JPEN.run(["index", "stats", "--db", db])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a jpen index"))
    }
}
