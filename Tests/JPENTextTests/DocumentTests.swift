#if canImport(Glibc)
import Glibc
#endif
import JPENText
import Testing

@Suite struct DocumentTests {
    @Test func stringFromScalars() {
        #expect(String(scalars: [Unicode.Scalar]()) == "")
        #expect(String(scalars: ["a"] as [Unicode.Scalar]) == "a")
        let text = "石破😀e\u{301}"
        #expect(String(scalars: text.unicodeScalars) == text)
        #expect(String(scalars: Array(text.unicodeScalars)[1...2]) == "破😀")
    }

    @Test func stringLowercasingASCII() {
        #expect(String(lowercasingASCII: [Unicode.Scalar]()) == "")
        #expect(String(lowercasingASCII: ["Q"] as [Unicode.Scalar]) == "q")
        // Only A-Z change: "@" (0x40) and "[" (0x5B) border them, digits and marks stay.
        #expect(String(lowercasingASCII: "@AZ[az09.-".unicodeScalars) == "@az[az09.-")
        let long = String(repeating: "TimeX", count: 10)
        #expect(String(lowercasingASCII: Array(long.unicodeScalars)[5...]) == String(repeating: "timex", count: 9))
    }

    @Test func codePointsAreTheUnit() {
        let document = Document(text: "石破茂首相は🇯🇵")
        #expect(document.count == 8)
        #expect(document[Span(start: 0, end: 3)] == "石破茂")
        #expect(document.utf16Offset(ofCodePoint: 8) == 10)
        #expect(document.utf8Offset(ofCodePoint: 3) == 9)
    }

    @Test func utf16RoundTripsOutsideTheBMP() {
        let document = Document(text: "a😀b")
        #expect(document.utf16Offset(ofCodePoint: 2) == 3)
        #expect(document.codePointOffset(ofUTF16: 3) == 2)
        #expect(document.codePointOffset(ofUTF16: 2) == 1)  // a trailing surrogate maps to its pair
        #expect(document.utf16Range(of: Span(start: 1, end: 2)) == 1..<3)
        #expect(document.utf8Range(of: Span(start: 1, end: 3)) == 1..<6)
    }

    /// The document decodes UTF-8 and encodes UTF-16 itself, and `String(scalars:)` encodes UTF-8:
    /// one, two, three and four byte sequences, at every size, agree with the standard library.
    @Test(arguments: ["", "a", "é", "日", "𠮷", "a\u{0}é日𠮷🇯🇵\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"])
    func unitsAgreeWithTheStandardLibrary(text: String) {
        let document = Document(text: text)
        #expect(document.scalars == Array(text.unicodeScalars))
        #expect(document.utf16 == Array(text.utf16))
        #expect(String(scalars: document.scalars[...]) == text)
        #expect(document[document.fullSpan] == text)
    }

    @Test func emptyDocument() {
        let document = Document(text: "")
        #expect(document.count == 0)
        #expect(document.fullSpan.isEmpty)
        #expect(document.utf16Offset(ofCodePoint: 0) == 0)
    }

    @Test(arguments: ["", "a", "é", "e\u{301}", "😀", "日本", "\u{0}"])
    func offsetsAgreeAtEverySize(text: String) {
        let document = Document(text: text)
        for offset in 0...document.count {
            let utf16 = document.utf16Offset(ofCodePoint: offset)
            #expect(document.codePointOffset(ofUTF16: utf16) == offset)
        }
    }
}

@Suite struct SpanTests {
    @Test func relations() {
        let span = Span(start: 2, end: 5)
        #expect(span.count == 3)
        #expect(span.contains(2) && !span.contains(5))
        #expect(span.contains(Span(start: 3, end: 5)))
        #expect(span.overlaps(Span(start: 4, end: 9)) && !span.overlaps(Span(start: 5, end: 9)))
        #expect(Span(start: 1, end: 9) < span)
    }

    @Test func scriptsOfCodePoints() {
        #expect(Script("石") == .kanji && Script("は") == .hiragana && Script("ト") == .katakana)
        #expect(Script("ー") == .katakana && Script("・") == .punctuation)
        #expect(Script("Ａ") == .latin && Script("１") == .digit && Script("\u{3000}") == .space)
        #expect(Script("𠮷") == .kanji && Script("😀") == .punctuation && Script("\u{0}") == .punctuation)
    }
}

@Suite struct MappedFileTests {
    @Test func mapsAndReadsLittleEndianIntegers() throws {
        let path = "/tmp/jpen-mapped-\(UInt32.random(in: 0...UInt32.max)).bin"
        let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0xFF]
        #expect(bytes.withUnsafeBytes { raw in
            let file = fopen(path, "wb")
            defer { fclose(file) }
            return fwrite(raw.baseAddress, 1, raw.count, file)
        } == 5)
        defer { remove(path) }
        let file = try MappedFile(path: path)
        #expect(file.bytes.count == 5)
        #expect(file.load(UInt32.self, at: 0) == 0x04030201)
        #expect(file.load(UInt8.self, at: 4) == 0xFF)
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: MappedFile.Error.self) { try MappedFile(path: "/nonexistent/jpen.bin") }
    }
}
