import Foundation
import JPENNormalize
import JPENText

/// Measures `TextNormalizer` throughput: the texts of Corpora/ (or the files given) joined and
/// repeated to about 16 MB, cut into documents of about 20 KB (a long article), normalized with
/// the default options and with `.neologdn`; prints MB/s of UTF-8 input per second of this
/// thread's CPU time (steady on a shared machine, unlike wall time), the median of five runs.
/// Run with `swift run -c release NormalizeBenchmark`.
@main
struct NormalizeBenchmark {
    static func main() throws {
        var paths = Array(CommandLine.arguments.dropFirst())
        if paths.isEmpty {
            let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpora")
            paths = try FileManager.default.contentsOfDirectory(atPath: corpora.path).sorted()
                .filter { $0.hasSuffix(".txt") }.map { corpora.appendingPathComponent($0).path }
        }
        let sample = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n\n")
        let target = 16 << 20
        let article = String(repeating: sample + "\n\n", count: max(1, 20_000 / (sample.utf8.count + 2)))
        let documents = Array(repeating: Document(text: article), count: max(1, target / article.utf8.count))
        let megabytes = Double(article.utf8.count * documents.count) / 1_000_000
        // The first normalization builds the per-process code point table.
        let setUp = cpuSeconds()
        _ = TextNormalizer().normalize(Document(text: "ｱ"))
        print(String(format: "code point table built in %.1f ms", (cpuSeconds() - setUp) * 1000))
        print(String(format: "%.1f MB of text in %d documents of %d code points", megabytes, documents.count,
                     documents[0].count))
        for (name, options) in [("default", TextNormalizer.Options.default), ("neologdn", .neologdn)] {
            let normalizer = TextNormalizer(options: options)
            var seconds: [Double] = []
            var produced = 0
            for _ in 0..<5 {
                let start = cpuSeconds()
                produced = documents.reduce(0) { $0 + normalizer.normalize($1).count }
                seconds.append(cpuSeconds() - start)
            }
            let median = seconds.sorted()[2]
            print(String(format: "%@: %.0f MB/s (%.3f s, %d code points out)", name, megabytes / median, median, produced))
        }
    }
}

/// CPU time used by the calling thread, in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}
