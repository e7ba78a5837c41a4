import JPEN
import JPENText

#if canImport(Glibc)
import Glibc
#endif

/// A libFuzzer target: each input is read as a JSON Lines record and as raw text, run through
/// every stage, and the results encoded and parsed back. It traps when a span leaves its text, the
/// encoder writes JSON the parser refuses, or anything crashes. Built with `-sanitize=fuzzer
/// -DFUZZING` it runs libFuzzer (README.md, "Fuzzing"); built plainly it is a replayer:
/// `jpen-fuzz FILE...` checks the files given (the kept corpus in Tests/FuzzCorpus).
enum FuzzCheck {
    /// Links through the lexicon (`JPEN_LEXICON` or the user's cache) when one loads, so that
    /// name linking is fuzzed too; else provisional ids.
    nonisolated(unsafe) static let worker: PipelineWorker = {
        do { return try Pipeline(lexicon: try? Lexicon.load()).makeWorker() } catch { fatalError("cannot load the models: \(error)") }
    }()
    nonisolated(unsafe) static let encoder = StreamingJSONEncoder()

    static func check(_ bytes: [UInt8]) {
        if let document = try? InputDocument(jsonLine: bytes, source: "fuzz", line: 1) {
            analyze(document.text, date: document.date)
            _ = try? JSONValue(parsing: encoder.encode(document.id))
        }
        analyze(String(decoding: bytes, as: UTF8.self), date: nil)
    }

    static func analyze(_ text: String, date: String?) {
        let document = Document(text: text)
        // An invalid date is a reported input error, not a finding.
        guard let extraction = try? worker.extract(document, date: date) else { return }
        for span in extraction.spans where !(0 <= span.start && span.start <= span.end && span.end <= document.count) {
            fatalError("span \(span.start)..<\(span.end) outside a text of \(document.count) code points")
        }
        do {
            _ = try JSONValue(parsing: encoder.encode(extraction.segmentation))
            _ = try JSONValue(parsing: encoder.encode(extraction.entities))
            _ = try JSONValue(parsing: encoder.encode(extraction.dates))
            _ = try JSONValue(parsing: encoder.encode(extraction.quotes))
        } catch {
            fatalError("the encoder wrote JSON its parser refuses: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzCheck.check(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

#if FUZZING
/// libFuzzer's own driver, which reads its usual command line (`-max_total_time=600 CORPUS`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        #else
        var passed = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { print("cannot open \(path)"); exit(1) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while case let n = fread(&chunk, 1, chunk.count, file), n > 0 { bytes += chunk[..<n] }
            fclose(file)
            FuzzCheck.check(bytes)
            passed += 1
        }
        print("\(passed) inputs passed")
        #endif
    }
}
