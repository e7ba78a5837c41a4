import ArgumentParser
import JPEN

struct DatesCommand: StageCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "Find dates, times, durations and frequencies (English and Japanese), normalized to TIMEX3.",
        discussion: """
        Relative expressions resolve against the document date: the input's "date", --date, else a
        dateline near the top of the text. Without any, they stay durations with a "mod".
        """
    )

    @OptionGroup var stream: StreamOptions

    struct Output: JSONFieldsEncodable {
        let dates: [TemporalExpression]

        func encodeFields(to fields: inout some JSONFieldWriter) throws {
            try fields.encode(dates, forKey: "dates")
        }
    }

    func makeAnalyzer() -> DateTagger { DateTagger() }

    func makeWorker(_ tagger: DateTagger) -> (InputDocument) throws -> Output {
        { Output(dates: try tagger.tag(Document(text: $0.text), documentDate: $0.date)) }
    }

    func render(_ output: Output, of input: InputDocument) -> String {
        output.dates.map { date in
            "\(date.span.start)-\(date.span.end)\t\(date.type.rawValue)\t\(date.value)"
                + (date.mod.map { "\t" + $0 } ?? "") + "\t" + date.text
        }.joined(separator: "\n")
    }
}
