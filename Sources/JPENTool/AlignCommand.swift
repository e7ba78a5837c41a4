import ArgumentParser
import Foundation
import JPEN

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Pair each quotation in an article with its translation in another article.",
        discussion: """
        jpen align SOURCE_FILE TARGET_FILE shows the pairs side by side (--json for one JSON object). \
        With --jsonl each input line is {"id", "source": {"text", "lang"}, "target": {"text", "lang"}} \
        and each output line {"id", "pairs": [{"source", "target", "score", "sourceSpeaker", \
        "targetSpeaker", "marked"}], "unpaired": {"source": [...], "target": [...]}}; spans are \
        {"start", "end", "text"} in code points of each original text.
        """
    )

    @Option(help: "The least score a pair needs (0–1).")
    var threshold: Double = QuotationAligner.Options().threshold

    @Flag(help: "Pair a quotation whose translation has no quotation marks with the text that translates its sentence.")
    var unmarked = false

    @OptionGroup var stream: StreamOptions

    @OptionGroup var lexicon: LexiconCommand.Options

    func validate() throws {
        if !stream.jsonl && stream.files.count != 2 { throw ValidationError("give two files: the source article and its translation (or use --jsonl)") }
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let pipeline = try Pipeline(lexicon: Lexicon.load(lexicon.sources))
        var options = QuotationAligner.Options()
        options.threshold = threshold
        options.pairsUnmarkedQuotations = unmarked
        let aligner = QuotationAligner(glosses: try GlossIndex.load(lexicon.sources), options: options)
        var output = OutputWriter()
        defer { output.flush() }
        if !stream.jsonl {
            let texts = try stream.files.map { path in
                guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read") }
                return Document(text: String(decoding: data, as: UTF8.self))
            }
            let result = try pipeline.makeWorker().align(source: texts[0], target: texts[1], with: aligner,
                                                         names: pipeline.entities.lexicon.map(NameLinker.init), date: stream.date)
            let body = AlignOutput(alignment: result, source: texts[0], target: texts[1])
            if stream.json {
                output.write(line: LineEncoder().encode(OutputLine(id: .null, body: body)))
            } else {
                output.write(text: body.sideBySide())
            }
            return
        }
        let workers = try (0..<max(1, stream.jobs)).map { _ in
            let worker = try pipeline.makeWorker(), encoder = LineEncoder(), names = pipeline.entities.lexicon.map(NameLinker.init)
            let defaultDate = stream.date
            return { (input: AlignmentInput) throws -> [UInt8] in
                let source = Document(text: input.source), target = Document(text: input.target)
                let result = try worker.align(source: source, target: target, with: aligner, names: names,
                                              date: input.date ?? defaultDate)
                return encoder.encode(OutputLine(id: input.id, body: AlignOutput(alignment: result, source: source, target: target)))
            }
        }
        let errors = LineEncoder()
        let failures = try forEachInput(stream.files) { descriptor, name in
            var failures = 0
            var lines = LineReader(descriptor: descriptor)
            try DocumentBatches.run(&lines, source: name, parse: { bytes, number in
                try AlignmentInput(jsonLine: bytes, source: name, line: number)
            }, workers: workers) { batch, _ in
                failures += output.write(batch, errors: errors)
            }
            return failures
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The JSON body of one alignment, and its side-by-side rendering.
struct AlignOutput: JSONFieldsEncodable {
    let alignment: QuotationAlignment
    let source: Document
    let target: Document

    func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encode(alignment.pairs.map { PairBody(pair: $0, source: source, target: target) }, forKey: "pairs")
        try fields.encode(UnpairedBody(source: alignment.unpairedSource.map { SpanBody(span: $0.span, in: source) },
                                       target: alignment.unpairedTarget.map { SpanBody(span: $0.span, in: target) }),
                          forKey: "unpaired")
    }

    /// Each pair as two columns, source left and target right, wrapped to 38 columns each.
    func sideBySide() -> String {
        let width = 38
        var lines: [String] = []
        for pair in alignment.pairs {
            var left = wrap(source[pair.source], width: width), right = wrap(target[pair.target], width: width)
            if let speaker = pair.sourceSpeaker { left += wrap("— \(speaker.text) (\(speaker.id ?? "no id"))", width: width) }
            if let speaker = pair.targetSpeaker { right += wrap("— \(speaker.text) (\(speaker.id ?? "no id"))", width: width) }
            let score = String(format: "%.2f", pair.score) + (pair.isMarked ? " " : "*")
            for row in 0..<max(left.count, right.count) {
                let cell = row < left.count ? left[row] : ""
                let padding = String(repeating: " ", count: max(0, width - displayWidth(cell)))
                lines.append("\(row == 0 ? score : String(repeating: " ", count: score.count))  \(cell)\(padding) │ \(row < right.count ? right[row] : "")")
            }
            lines.append("")
        }
        if alignment.pairs.contains(where: { !$0.isMarked }) {
            lines.append("* one side has no quotation marks: it is the text that translates the quotation")
        }
        for quote in alignment.unpairedSource { lines.append("unpaired source: \(source[quote.span])") }
        for quote in alignment.unpairedTarget { lines.append("unpaired target: \(target[quote.span])") }
        if lines.isEmpty { lines.append("no quotations") }
        return lines.joined(separator: "\n")
    }

    /// Lines of at most `width` terminal columns (a wide character takes two), broken after a
    /// space where the row has one.
    private func wrap(_ text: String, width: Int) -> [String] {
        var rows: [String] = [], row = "", used = 0
        for character in text where character != "\n" {
            let columns = displayWidth(String(character))
            if used + columns > width {
                if let space = row.lastIndex(of: " "), space > row.startIndex {
                    rows.append(String(row[..<space]))
                    row = String(row[row.index(after: space)...])
                } else {
                    rows.append(row)
                    row = ""
                }
                used = displayWidth(row)
            }
            row.append(character)
            used += columns
        }
        if !row.isEmpty || rows.isEmpty { rows.append(row) }
        return rows
    }

    private func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (scalar.properties.generalCategory == .nonspacingMark ? 0 : wide ? 2 : 1)
        }
    }
}

private struct SpanBody: JSONFieldsEncodable {
    let span: Span
    let text: String

    init(span: Span, in document: Document) {
        self.span = span
        text = document[span]
    }

    func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encodeSpan(span)
        try fields.encode(text, forKey: "text")
    }
}

private struct PairBody: JSONFieldsEncodable {
    let source: SpanBody
    let target: SpanBody
    let score: Double
    let sourceSpeaker: QuoteSpeaker?
    let targetSpeaker: QuoteSpeaker?
    let marked: Bool

    init(pair: QuotationPair, source: Document, target: Document) {
        self.source = SpanBody(span: pair.source, in: source)
        self.target = SpanBody(span: pair.target, in: target)
        score = (pair.score * 10_000).rounded() / 10_000
        sourceSpeaker = pair.sourceSpeaker
        targetSpeaker = pair.targetSpeaker
        marked = pair.isMarked
    }

    // Speakers are written as null when absent, so every pair has the same fields.
    func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encode(source, forKey: "source")
        try fields.encode(target, forKey: "target")
        try fields.encode(score, forKey: "score")
        try fields.encode(sourceSpeaker, forKey: "sourceSpeaker")
        try fields.encode(targetSpeaker, forKey: "targetSpeaker")
        try fields.encode(marked, forKey: "marked")
    }
}

private struct UnpairedBody: JSONFieldsEncodable {
    let source: [SpanBody]
    let target: [SpanBody]

    func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encode(source, forKey: "source")
        try fields.encode(target, forKey: "target")
    }
}
