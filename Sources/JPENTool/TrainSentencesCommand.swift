import ArgumentParser
import Foundation
import JPENTraining

/// Retrains the English sentence-break model (see README, "Models and their data").
struct TrainSentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-sentences",
        abstract: "Train the English sentence-break model from sentences in their documents.",
        discussion: """
        Each FILE is CoNLL-U-like text with `# newdoc` and `# text = …` lines (UD English-EWT \
        train), or JSON Lines with one sentence a line, {"id": "DOCUMENT-N", "text": …} (GUM). \
        With --documents, JSON Lines sentences count only when their document's row in DOCS.tsv \
        (GUM's docs.tsv) says non_commercial "no", so that nothing under a non-commercial licence \
        goes into the weights.
        """
    )

    @Argument(help: "Training files (.jsonl: JSON Lines; otherwise CoNLL-U).")
    var files: [String]

    @Option(help: "Where to write the model, e.g. Sources/JPENSegment/Resources/en-sentence-boundaries.bin.")
    var output: String

    @Option(help: "A TSV with doc_id and non_commercial columns (GUM's docs.tsv).")
    var documents: String?

    @Option(help: "Passes over the training data.")
    var epochs = 10

    @OptionGroup var linearModel: LinearModelOptions

    func run() throws {
        let allowed = try documents.map(Self.commercialDocuments)
        var training: [SentenceBoundaryTrainer.Document] = []
        for path in files {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read \(path) as UTF-8") }
            if path.hasSuffix(".jsonl") {
                var sentences: [(document: Substring, text: Substring)] = []
                for (number, line) in text.split(separator: "\n").enumerated() {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                          let id = object["id"] as? String, let sentence = object["text"] as? String else {
                        throw ValidationError("\(path):\(number + 1): not an object with \"id\" and \"text\"")
                    }
                    let document = id[..<(id.lastIndex(of: "-") ?? id.endIndex)]
                    if allowed?.contains(document) ?? true { sentences.append((document, Substring(sentence))) }
                }
                training += SentenceBoundaryTrainer.documents(fromSentences: sentences, sentencesPerDocument: 30)
            } else {
                let sentences = SentenceBoundaryTrainer.sentences(fromCoNLL: text)
                training += SentenceBoundaryTrainer.documents(fromSentences: sentences, sentencesPerDocument: 30)
            }
        }
        let model = SentenceBoundaryTrainer.train(training, bits: linearModel.bits, epochs: epochs, seeds: linearModel.seeds)
        try Data(model).write(to: URL(fileURLWithPath: output))
        FileHandle.standardError.write(Data("wrote \(output): \(training.count) documents, \(model.count) bytes\n".utf8))
    }

    /// The documents of a GUM-style docs.tsv whose non_commercial column says "no".
    static func commercialDocuments(_ path: String) throws -> Set<Substring> {
        guard let table = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read \(path)") }
        let rows = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = rows.first, let name = header.firstIndex(of: "doc_id"),
              let nonCommercial = header.firstIndex(of: "non_commercial") else {
            throw ValidationError("\(path) has no doc_id and non_commercial columns")
        }
        return Set(rows.dropFirst().filter { $0.count > max(name, nonCommercial) && $0[nonCommercial] == "no" }.map { $0[name] })
    }
}
