import ArgumentParser
import Foundation
import JPEN
import JPENTraining

/// Retrains the Japanese word model from word-segmented sentences (see README, "Retraining").
struct TrainWordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-words",
        abstract: "Train the Japanese word model from a token<TAB>tag file (blank line between sentences)."
    )

    @Option(help: "The training file, e.g. UD_Japanese-GSD-NE/train.bio.")
    var bio: String

    @Option(help: "Where to write the model, e.g. Sources/JPENSegment/Resources/ja-words.bin.")
    var output: String

    @Option(help: "An EDICT or ENAMDICT file (EUC-JP) whose words the model may consult; repeatable.")
    var dictionary: [String] = ["/usr/share/edict/edict", "/usr/share/edict/enamdict"]

    @Option(help: "Passes over the training data.")
    var epochs = 20

    @OptionGroup var linearModel: LinearModelOptions

    @Option(help: "Copies of each sentence naming a person, with dictionary names in its place.")
    var nameVariants = 5

    func run() throws {
        guard let text = try? String(contentsOfFile: bio, encoding: .utf8) else {
            throw ValidationError("cannot read \(bio) as UTF-8")
        }
        let sentences = WordModelTrainer.sentences(fromBIO: text)
        let trainer = WordModelTrainer(hashBits: linearModel.bits, epochs: epochs, nameVariants: nameVariants, seeds: linearModel.seeds)
        let dictionaries = try dictionary.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            return [UInt8](data)
        }
        let model = try trainer.train(sentences, dictionaries: dictionaries) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        try Data(model).write(to: URL(fileURLWithPath: output))
        FileHandle.standardError.write(Data("wrote \(output): \(sentences.count) sentences, \(model.count) bytes\n".utf8))
    }
}
