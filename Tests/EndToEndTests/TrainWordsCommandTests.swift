import Foundation
import Testing

@Suite struct TrainWordsCommandTests {
    @Test func writesAModelFileWithItsHeader() throws {
        let bio = try JPEN.temporaryFile("train.bio", "石破\tB-PERSON\n茂\tI-PERSON\nは\tO\n述べ\tO\nた\tO\n\n猫\tO\nが\tO\n鳴い\tO\nた\tO\n")
        // ASCII is valid EUC-JP: a one-entry EDICT file.
        let edict = try JPEN.temporaryFile("edict", "AI [エーアイ] /(n) artificial intelligence/\n")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("jpen-\(UUID().uuidString).bin")
        defer { for url in [bio, edict, output] { try? FileManager.default.removeItem(at: url) } }
        let result = try JPEN.run(["train-words", "--bio", bio.path, "--output", output.path,
                                   "--dictionary", edict.path, "--bits", "10", "--epochs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 sentences"))
        let model = try Data(contentsOf: output)
        #expect(Array(model.prefix(8)) == Array("JPLWJAWB".utf8))
        #expect(model.count == 32 + 2 << 10 + 4 * 16)
    }

    @Test func missingTrainingFileIsAnError() throws {
        let result = try JPEN.run(["train-words", "--bio", "/nonexistent/train.bio", "--output", "/dev/null"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/train.bio"))
    }
}
