import Foundation
import Testing

/// `jpen lexicon` over a tiny EDRDG folder and a compiled file in a temporary folder, so the tests
/// neither read the system dictionaries nor write the user's cache.
@Suite final class LexiconCommandTests {
    let directory = NSTemporaryDirectory() + "jpen-lexicon-cli-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // "石破茂 [いしばしげる] /(h) Ishiba Shigeru (1957.2.4-)/" in EUC-JP.
        let enamdict: [UInt8] = [
            0xc0, 0xd0, 0xc7, 0xcb, 0xcc, 0xd0, 0x20, 0x5b, 0xa4, 0xa4, 0xa4, 0xb7, 0xa4, 0xd0, 0xa4, 0xb7,
            0xa4, 0xb2, 0xa4, 0xeb, 0x5d, 0x20, 0x2f, 0x28, 0x68, 0x29, 0x20, 0x49, 0x73, 0x68, 0x69, 0x62,
            0x61, 0x20, 0x53, 0x68, 0x69, 0x67, 0x65, 0x72, 0x75, 0x20, 0x28, 0x31, 0x39, 0x35, 0x37, 0x2e,
            0x32, 0x2e, 0x34, 0x2d, 0x29, 0x2f, 0x0a,
        ]
        _ = FileManager.default.createFile(atPath: directory + "/enamdict", contents: Data(enamdict))
        let list = "id\ttype\tenglish\tjapanese\treading\tenglish_aliases\tjapanese_aliases\n"
            + "org:acme\tORG\tAcme Widgets\tアクメ\t\tAcme\t\n"
        _ = FileManager.default.createFile(atPath: directory + "/mine.tsv", contents: Data(list.utf8))
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var options: [String] { ["--edrdg", directory, "--lexicon", directory + "/lexicon.bin"] }

    @Test func buildsThenLooksUpInBothLanguages() throws {
        let build = try JPEN.run(["lexicon", "build"] + options)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/lexicon.bin"))
        let japanese = try JPEN.run(["lexicon", "lookup", "石破茂"] + options)
        #expect(japanese.stdout.contains("id: person:ishiba-shigeru"), "\(japanese.stdout)")
        let batch = try JPEN.run(["lexicon", "lookup"] + options, input: Data("Shigeru Ishiba\nShigeru  ISHIBA\n".utf8))
        #expect(batch.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
            == ["person:ishiba-shigeru", "person:ishiba-shigeru"])
    }

    @Test func userListWithoutRebuilding() throws {
        let result = try JPEN.run(["lexicon", "lookup", "--type", "ORG", "acme", "--dictionary", directory + "/mine.tsv"] + options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("id: org:acme"))
    }

    @Test func badTypeIsACommandLineError() throws {
        let result = try JPEN.run(["lexicon", "lookup", "--type", "PLANET", "x"] + options)
        #expect(result.status == 64)
    }
}
