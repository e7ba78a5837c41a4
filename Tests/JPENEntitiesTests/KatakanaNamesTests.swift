import JPENText
import Testing
@testable import JPENEntities

@Suite struct KatakanaNamesTests {
    func runs(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return KatakanaNames.runs(in: scalars, within: Span(start: 0, end: scalars.count))
            .map { String(scalars: scalars[$0.range]) }
    }

    @Test func middleDotJoinsPartsOnlyBetweenKatakana() {
        #expect(runs("米国のドナルド・トランプ氏") == ["ドナルド・トランプ"])
        #expect(runs("トランプ・") == ["トランプ"])
        #expect(runs("・トランプ") == ["トランプ"])
        #expect(runs("ア・イ") == ["ア・イ"])
    }

    @Test func edgeSizes() {
        #expect(runs("").isEmpty)
        #expect(runs("ア").isEmpty)
        #expect(runs("アイ") == ["アイ"])
        #expect(runs("ア😀イ").isEmpty)
        #expect(runs("ロス長官とバイデン") == ["ロス", "バイデン"])
    }

    @Test func runsStayInsideTheSpan() {
        let scalars = Array("バイデン大統領".unicodeScalars)
        #expect(KatakanaNames.runs(in: scalars, within: Span(start: 1, end: 3)) == [Span(start: 1, end: 3)])
        #expect(KatakanaNames.runs(in: scalars, within: Span(start: 3, end: 3)).isEmpty)
    }
}
