import ArgumentParser
import JPEN

struct ExtractCommand: StageCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Run every stage: sentences, entities (with ids), dates and quotations (with speakers).",
        discussion: """
        One normalization and one segmentation serve every stage. Output fields: "language",
        "sentences", "entities", "dates", "quotes", and "tokens" with --tokens. Quotation speakers
        carry the id of the entity they name.
        """
    )

    @OptionGroup var stream: StreamOptions
    @OptionGroup var lexicon: LexiconCommand.Options

    @Flag(help: "Also write every token.")
    var tokens = false

    struct Output: JSONFieldsEncodable {
        let extraction: Extraction
        let includeTokens: Bool

        func encodeFields(to fields: inout some JSONFieldWriter) throws {
            try fields.encode(extraction.language, forKey: "language")
            try fields.encode(extraction.segmentation.sentences, forKey: "sentences")
            if includeTokens { try fields.encode(extraction.segmentation.tokens, forKey: "tokens") }
            try fields.encode(extraction.entities, forKey: "entities")
            try fields.encode(extraction.dates, forKey: "dates")
            try fields.encode(extraction.quotes, forKey: "quotes")
        }
    }

    /// Loads the models and the lexicon, compiling the lexicon on first use.
    func makeAnalyzer() throws -> Pipeline {
        try Pipeline(lexicon: Lexicon.load(lexicon.sources))
    }

    func makeWorker(_ pipeline: Pipeline) throws -> (InputDocument) throws -> Output {
        let worker = try pipeline.makeWorker()
        let includeTokens = tokens
        return { Output(extraction: try worker.extract(Document(text: $0.text), date: $0.date), includeTokens: includeTokens) }
    }

    func render(_ output: Output, of input: InputDocument) -> String {
        let document = Document(text: input.text)
        let result = output.extraction
        var lines = ["language: \(result.language.rawValue), \(result.segmentation.sentences.count) sentences"]
        lines += result.entities.map { "entity  \($0.type.rawValue)\t\($0.text)\t\($0.id)" }
        lines += result.dates.map { "date    \($0.type.rawValue)\t\($0.text)\t\($0.value)" }
        lines += result.quotes.map { quote in
            let speaker = quote.speaker.map { " — \($0.text) (\($0.id ?? "no id"))" } ?? ""
            return "quote   \(quote.kind.rawValue)\t\(document[quote.span])\(speaker)"
        }
        return lines.joined(separator: "\n")
    }
}
