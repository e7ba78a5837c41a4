import ArgumentParser
import JPEN

struct SegmentCommand: StageCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split text into paragraphs, sentences (with their languages) and tokens."
    )

    @OptionGroup var stream: StreamOptions

    func makeAnalyzer() -> Segmenter { Segmenter() }

    func makeWorker(_ segmenter: Segmenter) throws -> (InputDocument) throws -> Segmentation {
        let worker = try segmenter.makeWorker()
        return { worker.segment(Document(text: $0.text)) }
    }

    func render(_ output: Segmentation, of input: InputDocument) -> String {
        let document = Document(text: input.text)
        var tokens = output.tokens[...]
        return output.sentences.map { sentence in
            let inside = tokens.prefix { $0.span.start < sentence.span.end }
            tokens = tokens.dropFirst(inside.count)
            return "[\(sentence.language.rawValue)] " + inside.map { document[$0.span] }.joined(separator: " | ")
        }.joined(separator: "\n")
    }
}
