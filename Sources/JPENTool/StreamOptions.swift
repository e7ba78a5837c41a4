import ArgumentParser
import JPEN

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The input and output options every stage shares.
struct StreamOptions: ParsableArguments {
    @Flag(help: "Read JSON Lines {\"id\", \"text\", \"date\"} and write one JSON object a line.")
    var jsonl = false

    @Flag(help: "Write JSON instead of the readable rendering.")
    var json = false

    @Option(help: "The document date (YYYY-MM-DD) for documents that give none.")
    var date: String?

    @Argument(help: "Files to read; none or '-' reads standard input. Without --jsonl each file is one document.")
    var files: [String] = []
}

/// A subcommand that runs one stage over each document of its input.
protocol StageCommand: ParsableCommand {
    associatedtype Output: Encodable
    var stream: StreamOptions { get }
    /// Makes the function that analyzes one document; called once per task.
    func makeAnalyzer() throws -> (InputDocument) throws -> Output
    /// The readable rendering of one document's result.
    func render(_ output: Output, of document: InputDocument) -> String
}

extension StageCommand {
    func run() throws {
        let analyze = try makeAnalyzer()
        var output = OutputWriter()
        var failures = 0
        let sources = stream.files.isEmpty ? ["-"] : stream.files
        for source in sources {
            let name = source == "-" ? "stdin" : source
            let descriptor = source == "-" ? STDIN_FILENO : open(source, O_RDONLY)
            guard descriptor >= 0 else {
                report("\(name): cannot open: \(String(cString: strerror(errno)))")
                failures += 1
                continue
            }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            if stream.jsonl {
                failures += runLines(LineReader(descriptor: descriptor), name: name, analyze: analyze, output: &output)
            } else {
                failures += runWhole(LineReader(descriptor: descriptor), name: name, analyze: analyze, output: &output)
            }
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    /// One document a line; a bad line is reported, answered with an error object so lines stay
    /// paired, and skipped.
    private func runLines(_ lines: LineReader, name: String, analyze: (InputDocument) throws -> Output,
                          output: inout OutputWriter) -> Int {
        var failures = 0
        var lines = lines
        while let line = lines.next() {
            let number = lines.lineNumber
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                if let offset = firstInvalidUTF8Offset(in: line) {
                    throw InputError(source: name, line: number, problem: "invalid UTF-8 at byte \(offset + 1)")
                }
                var document = try InputDocument(jsonLine: line, source: name, line: number)
                if document.date == nil { document.date = stream.date }
                let result = try analyze(document)
                output.write(json: OutputLine(id: document.id, body: result))
            } catch {
                let message = error is InputError ? "\(error)" : "\(name):\(number): \(error)"
                report(message)
                output.write(json: OutputLine(id: .null, body: ErrorBody(error: message)))
                failures += 1
            }
        }
        return failures
    }

    /// The whole input as one document. Invalid UTF-8 is reported with its line, replaced by
    /// U+FFFD, and the rest still analyzed.
    private func runWhole(_ lines: LineReader, name: String, analyze: (InputDocument) throws -> Output,
                          output: inout OutputWriter) -> Int {
        var failures = 0
        var bytes: [UInt8] = []
        var lines = lines
        while let line = lines.next() {
            if let offset = firstInvalidUTF8Offset(in: line) {
                report("\(name):\(lines.lineNumber): invalid UTF-8 at byte \(offset + 1); replaced with U+FFFD")
                failures += 1
            }
            if lines.lineNumber > 1 { bytes.append(0x0A) }
            bytes.append(contentsOf: line)
        }
        let document = InputDocument(id: .string(name), text: String(decoding: bytes, as: UTF8.self), date: stream.date)
        do {
            let result = try analyze(document)
            if stream.json {
                output.write(json: OutputLine(id: document.id, body: result))
            } else {
                output.write(text: render(result, of: document))
            }
        } catch {
            report("\(name): \(error)")
            failures += 1
        }
        return failures
    }
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

struct ErrorBody: Encodable {
    let error: String
}
