import ArgumentParser
import JPEN

struct QuotesCommand: StageCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Find quotations, whether they are speech or terms, their speakers and cue verbs."
    )

    @OptionGroup var stream: StreamOptions

    /// The JSON body: `{"quotes": [...]}`.
    struct Output: JSONFieldsEncodable {
        let quotes: [Quotation]

        func encodeFields(to fields: inout some JSONFieldWriter) throws {
            try fields.encode(quotes, forKey: "quotes")
        }
    }

    func makeAnalyzer() -> QuoteFinder { QuoteFinder() }

    func makeWorker(_ finder: QuoteFinder) throws -> (InputDocument) throws -> Output {
        let worker = try finder.makeWorker()
        return { Output(quotes: worker.quotations(in: Document(text: $0.text))) }
    }

    func render(_ output: Output, of input: InputDocument) -> String {
        output.quotes.map { quote in
            var line = "[\(quote.kind.rawValue)] \(quote.text)"
            if let speaker = quote.speaker { line += "\n    speaker: \(speaker.text) (\(speaker.id ?? "no id"))" }
            if let cue = quote.cue { line += "\n    cue: \(cue.text)" }
            return line
        }.joined(separator: "\n")
    }
}
