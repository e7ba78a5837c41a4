import ArgumentParser
import Foundation
import JPEN

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where documents come from and how: files or standard input, whole or as JSON Lines, with a
/// default date and the threads that analyze them. Shared by every command that reads documents.
struct InputOptions: ParsableArguments {
    @Flag(help: "Read JSON Lines: one input a line, {\"id\", \"text\", \"date\"} unless the description says otherwise.")
    var jsonl = false

    @Option(help: "The document date (YYYY-MM-DD) for documents that give none.")
    var date: String?

    @Option(help: "Threads for --jsonl; output order is kept.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Argument(help: "Files to read; none or '-' reads standard input. Without --jsonl each file is one document.")
    var files: [String] = []
}

/// The input and output options every stage shares: with --jsonl, one JSON object is written a
/// line; otherwise a readable rendering, or with --json one JSON object a file.
struct StreamOptions: ParsableArguments {
    @OptionGroup var input: InputOptions

    @Flag(help: "Write JSON instead of the readable rendering.")
    var json = false

    var jsonl: Bool { input.jsonl }
    var date: String? { input.date }
    var jobs: Int { input.jobs }
    var files: [String] { input.files }
}

/// A subcommand that runs one stage over each document of its input.
protocol StageCommand: ParsableCommand {
    associatedtype Output: Encodable
    /// What all threads share: models, dictionaries, configuration.
    associatedtype Analyzer
    var stream: StreamOptions { get }
    /// Loads the shared analyzer; called once per run.
    func makeAnalyzer() throws -> Analyzer
    /// Makes the function that analyzes one document; called once per thread.
    func makeWorker(_ analyzer: Analyzer) throws -> (InputDocument) throws -> Output
    /// The readable rendering of one document's result.
    func render(_ output: Output, of document: InputDocument) -> String
}

extension StageCommand {
    func run() throws {
        // A closed output pipe then shows up as EPIPE, on which writeAll ends the run quietly.
        signal(SIGPIPE, SIG_IGN)
        var output = OutputWriter()
        // Analyzers are made lazily: one per worker thread in --jsonl mode, one otherwise.
        let shared = try makeAnalyzer()
        var made: [Worker<Output>] = []
        func analyzers(_ count: Int) throws -> [Worker<Output>] {
            while made.count < count { made.append(Worker(analyze: try makeWorker(shared))) }
            return Array(made.prefix(count))
        }
        let failures = try forEachInput(stream.files) { descriptor, name in
            if stream.jsonl {
                return try runLines(LineReader(descriptor: descriptor), name: name,
                                    analyzers: analyzers(max(1, stream.jobs)), output: &output)
            }
            return try runWhole(descriptor, name: name, analyze: analyzers(1)[0].analyze, output: &output)
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    /// One document a line, analyzed by `analyzers.count` threads and written in input order. A
    /// bad line is reported, answered with an error object so lines stay paired, and skipped.
    private func runLines(_ lines: LineReader, name: String, analyzers: [Worker<Output>],
                          output: inout OutputWriter) throws -> Int {
        var failures = 0
        var lines = lines
        let encoders = analyzers.map { worker in
            let encoder = LineEncoder()
            return { (document: InputDocument) throws -> [UInt8] in
                encoder.encode(OutputLine(id: document.id, body: try worker.analyze(document)))
            }
        }
        let errors = LineEncoder()
        try DocumentBatches.run(&lines, source: name, defaultDate: stream.date, workers: encoders) { batch, _ in
            failures += output.write(batch, errors: errors)
        }
        return failures
    }

    /// The whole input as one document, byte for byte (CR LF stays two characters, so spans
    /// match the file). Invalid UTF-8 is reported with its line, replaced by U+FFFD, and the rest
    /// still analyzed. An input over ``DocumentPieces/defaultMaximumBytes`` is analyzed and written
    /// piece by piece (one JSON line each, spans in the whole input's code points), in bounded memory.
    private func runWhole(_ descriptor: Int32, name: String, analyze: (InputDocument) throws -> Output,
                          output: inout OutputWriter) throws -> Int {
        var failures = 0
        var lineNumber = 1
        var codePoints = 0
        let encoder = LineEncoder()
        for bytes in DocumentPieces(descriptor: descriptor) {
            for (offset, line) in invalidUTF8Lines(in: bytes, firstLine: lineNumber) {
                report("\(name):\(line): invalid UTF-8 at byte \(offset + 1); replaced with U+FFFD")
                failures += 1
            }
            lineNumber += bytes.lazy.filter { $0 == 0x0A }.count
            let document = InputDocument(id: .string(name), text: String(decoding: bytes, as: UTF8.self), date: stream.date)
            do {
                let result = try analyze(document)
                if stream.json {
                    output.write(line: encoder.encode(OutputLine(id: document.id, body: result), spanOffset: codePoints))
                } else {
                    output.write(text: render(result, of: document))
                }
            } catch {
                report("\(name): \(error)")
                failures += 1
            }
            codePoints += document.text.unicodeScalars.count
        }
        return failures
    }

    /// The first invalid UTF-8 byte of each line of `bytes` that has one: its offset in the line
    /// and the line's number, lines counted from `firstLine`.
    private func invalidUTF8Lines(in bytes: [UInt8], firstLine: Int) -> [(offset: Int, line: Int)] {
        guard firstInvalidUTF8Offset(in: bytes) != nil else { return [] }
        var found: [(offset: Int, line: Int)] = []
        var lineStart = 0
        var line = firstLine
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            if let offset = firstInvalidUTF8Offset(in: Array(bytes[lineStart..<lineEnd])) { found.append((offset, line)) }
            lineStart = lineEnd + 1
            line += 1
        }
        return found
    }
}

/// One thread's analysis function. Each worker thread uses only its own.
struct Worker<Output> {
    let analyze: (InputDocument) throws -> Output
}

/// Writes `message` to standard error, prefixed with the program's name.
func report(_ message: String) {
    writeAll(Array("jpen: \(message)\n".utf8), to: STDERR_FILENO)
}

/// One output line: the document's id, then the stage's fields.
struct OutputLine<Body: Encodable>: Encodable {
    let id: JSONValue
    let body: Body

    private enum Key: String, CodingKey { case id }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try body.encode(to: encoder)
    }
}

extension OutputLine: JSONFieldsEncodable where Body: JSONFieldsEncodable {
    func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encode(id, forKey: "id")
        try body.encodeFields(to: &fields)
    }
}

struct ErrorBody: JSONFieldsEncodable {
    let error: String

    func encodeFields(to fields: inout some JSONFieldWriter) throws {
        try fields.encode(error, forKey: "error")
    }
}
