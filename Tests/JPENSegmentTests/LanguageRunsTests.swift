@testable import JPENSegment
import JPENText
import Testing

@Suite struct LanguageRunsTests {
    func runs(_ text: String) -> [LanguageRun] {
        let scalars = Array(text.unicodeScalars)
        var runs = LanguageRuns()
        for (index, scalar) in scalars.enumerated() { runs.add(Script(scalar).language, at: index) }
        return runs.finished()
    }

    @Test func runsReachFromFirstToLastLetter() {
        #expect(runs("Trump 氏は 2 回 said.") == [
            LanguageRun(span: Span(start: 0, end: 5), language: .english),
            LanguageRun(span: Span(start: 6, end: 12), language: .japanese),
            LanguageRun(span: Span(start: 13, end: 17), language: .english),
        ])
    }

    /// The range checks give what Script gives, over the BMP and a little beyond.
    @Test func languageOfAScalarIsItsScriptsLanguage() {
        let differing = (0..<UInt32(0x2_0100)).compactMap(Unicode.Scalar.init).filter { scalar in
            LanguageRuns.language(of: scalar) != Script(scalar).language
                || EnglishTokenizer.isSpace(scalar) != (Script(scalar) == .space)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }

    @Test func edgeSizes() {
        #expect(runs("").isEmpty)
        #expect(runs(" 1. ").isEmpty)
        #expect(runs("a") == [LanguageRun(span: Span(start: 0, end: 1), language: .english)])
        #expect(runs("𠮷") == [LanguageRun(span: Span(start: 0, end: 1), language: .japanese)])
    }

    @Test func finishingEmptiesTheBuilder() {
        var runs = LanguageRuns()
        runs.add(.english, at: 0)
        #expect(runs.finished().count == 1)
        runs.add(.japanese, at: 3)
        #expect(runs.finished() == [LanguageRun(span: Span(start: 3, end: 4), language: .japanese)])
        #expect(runs.finished().isEmpty)
    }
}
