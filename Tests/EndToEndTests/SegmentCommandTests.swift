import Foundation
import Testing

/// Runs the built `jpen` binary as a user would.
struct JPEN {
    static let executable: URL = {
        // The test bundle sits beside the executable in the build products folder.
        var url = Bundle.main.bundleURL
        for candidate in [url, url.deletingLastPathComponent()] {
            let binary = candidate.appendingPathComponent("jpen")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return url.appendingPathComponent("jpen")
    }()

    static let corpora = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpora")

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `executable` (the built `jpen` unless told) with `input` as its standard input.
    ///
    /// Input and output go through files, not pipes: no writer thread, no SIGPIPE when a command
    /// exits before reading all of its input, and no read interrupted (EINTR) by another test's
    /// child process ending, which Foundation's pipe reads turn into a crash of the test process.
    static func run(_ arguments: [String], input: Data = Data(), executable: URL = JPEN.executable) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdin = folder.appendingPathComponent("stdin")
        let stdout = folder.appendingPathComponent("stdout")
        let stderr = folder.appendingPathComponent("stderr")
        try input.write(to: stdin)
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: stdout), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: stderr), as: UTF8.self))
    }

    /// A new file in the temporary folder holding `contents`; the caller removes it.
    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-\(UUID().uuidString)-\(name)")
        try Data(contents.utf8).write(to: url)
        return url
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}

@Suite struct SegmentCommandTests {
    @Test func invalidUTF8NamesTheLineAndFails() throws {
        let result = try JPEN.run(["segment"], input: Data([0x6F, 0x6B, 0x0A, 0xFF, 0x0A]))
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:2"))
    }

    @Test func jsonlKeepsIdsOrderAndGoesOnAfterABadLine() throws {
        let input = """
        {"id": 1, "text": "Mr. Suga met U.S. officials. They talked."}
        {"id": "two", "text": 
        {"id": [3], "text": "石破茂首相は述べた。"}

        """
        let result = try JPEN.run(["segment", "--jsonl"], input: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdin:2"))
        let lines = try JPEN.jsonLines(result.stdout)
        #expect(lines.count == 3)
        #expect(lines[0]["id"] as? Int == 1)
        #expect((lines[0]["sentences"] as? [Any])?.count == 2)
        #expect(lines[1]["error"] != nil)
        #expect((lines[2]["id"] as? [Int]) == [3])
    }

    @Test func corporaSegmentWithSpansInsideTheirText() throws {
        let files = try FileManager.default.contentsOfDirectory(at: JPEN.corpora, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        #expect(!files.isEmpty)
        for file in files {
            let result = try JPEN.run(["segment", "--json", file.path])
            #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
            let object = try JPEN.jsonLines(result.stdout)[0]
            let length = try String(contentsOf: file, encoding: .utf8).unicodeScalars.count
            for token in object["tokens"] as! [[String: Any]] {
                #expect((token["end"] as! Int) <= length)
            }
        }
    }
}

@Suite struct ParallelStreamTests {
    @Test(arguments: [1, 2, 3])
    func outputKeepsInputOrderWithAnyNumberOfJobs(jobs: Int) throws {
        let count = 500
        let input = (0..<count).map { "{\"id\": \($0), \"text\": \"Line \($0). 第\($0)文。\"}" }.joined(separator: "\n")
        let result = try JPEN.run(["segment", "--jsonl", "--jobs", "\(jobs)"], input: Data(input.utf8))
        #expect(result.status == 0)
        let ids = try JPEN.jsonLines(result.stdout).map { $0["id"] as? Int }
        #expect(ids == (0..<count).map { $0 })
    }
}

@Suite struct WholeFileTests {
    @Test func crlfStaysInTheOffsets() throws {
        let result = try JPEN.run(["segment", "--json"], input: Data("One.\r\n\r\nTwo.".utf8))
        #expect(result.status == 0)
        let sentences = try JPEN.jsonLines(result.stdout)[0]["sentences"] as! [[String: Any]]
        #expect(sentences.map { $0["start"] as! Int } == [0, 8])
    }
}
