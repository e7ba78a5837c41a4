import ArgumentParser
import JPEN

struct NormalizeCommand: StageCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize text (NFKC and the variants Japanese users expect unified), with an offset map.",
        discussion: """
            Prints the normalized text. With --json or --jsonl each document becomes
            {"id", "text": normalized text, "map": [edits]}, where each edit
            {"start", "end", "normalizedStart", "normalizedEnd"} says that the original code points
            start..<end became normalizedStart..<normalizedEnd of "text"; outside the edits the two
            texts agree code point for code point. A removed stretch has normalizedStart == normalizedEnd.
            """
    )

    @OptionGroup var stream: StreamOptions

    @Flag(help: "Skip NFKC (full-width ASCII, half-width katakana, ㍿ and other compatibility forms).")
    var noNfkc = false
    @Flag(help: "Keep CR LF, CR, U+0085, U+2028 and U+2029 as written instead of \"\\n\".")
    var noLineBreaks = false
    @Flag(help: "Keep U+00A0, U+3000 and other space separators instead of \" \" (NFKC still maps most).")
    var noSpaces = false
    @Flag(help: "Keep zero-width and invisible characters (U+200B, U+FEFF, soft hyphen...).")
    var noZeroWidth = false
    @Flag(help: "Keep hyphen variants (‐ ‑ ‒ – − ...) instead of \"-\".")
    var noHyphens = false
    @Flag(help: "Keep dashes that stand for ー after kana (ス－パ－) as written.")
    var noLongVowels = false
    @Flag(help: "Keep runs of ー instead of collapsing them to one.")
    var noRepeatedLongVowels = false
    @Flag(help: "Keep tilde variants (〜 ～ ∼ ...) instead of \"~\".")
    var noTildes = false
    @Flag(help: "Also remove spaces between two Japanese characters (opt-in, as neologdn does).")
    var removeJapaneseSpaces = false
    @Flag(help: "Also remove the non-ASCII tilde variants (opt-in, as neologdn does).")
    var removeTildes = false

    var options: TextNormalizer.Options {
        var options = TextNormalizer.Options.default
        let switches: [(Bool, TextNormalizer.Options)] = [
            (noNfkc, .compatibility), (noLineBreaks, .lineBreaks), (noSpaces, .spaces), (noZeroWidth, .zeroWidth),
            (noHyphens, .hyphens), (noLongVowels, .longVowels), (noRepeatedLongVowels, .repeatedLongVowels),
            (noTildes, .tildes),
        ]
        for (off, option) in switches where off { options.remove(option) }
        if removeJapaneseSpaces { options.insert(.japaneseSpaces) }
        if removeTildes { options.insert(.removeTildes) }
        return options
    }

    struct Output: JSONFieldsEncodable {
        let text: String
        let map: [NormalizedText.Edit]

        func encodeFields(to fields: inout some JSONFieldWriter) throws {
            try fields.encode(text, forKey: "text")
            try fields.encode(map, forKey: "map")
        }
    }

    func makeAnalyzer() -> TextNormalizer { TextNormalizer(options: options) }

    func makeWorker(_ normalizer: TextNormalizer) -> (InputDocument) throws -> Output {
        { input in
            let document = Document(text: input.text)
            let normalized = normalizer.normalize(document)
            return Output(text: normalized.string, map: normalized.edits(from: document))
        }
    }

    func render(_ output: Output, of document: InputDocument) -> String { output.text }
}
