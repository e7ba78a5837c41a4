import ArgumentParser
import JPEN

struct NormalizeCommand: StageCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize text (NFKC and the variants Japanese users expect unified), with an offset map."
    )

    @OptionGroup var stream: StreamOptions

    struct Output: Encodable {
        let text: String
    }

    func makeAnalyzer() throws -> (InputDocument) throws -> Output {
        let normalizer = TextNormalizer()
        return { Output(text: normalizer.normalize(Document(text: $0.text)).string) }
    }

    func render(_ output: Output, of document: InputDocument) -> String { output.text }
}
