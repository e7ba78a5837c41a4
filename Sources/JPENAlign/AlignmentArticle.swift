import JPENQuotes
import JPENText

/// One side of an alignment: an article with what the stages found in it.
///
/// The aligner reads only spans and ids, so any source of quotations and anchors will do; the
/// umbrella module's `PipelineWorker.alignmentArticle(_:date:)` fills one from every stage.
///
/// ```swift
/// let article = AlignmentArticle(document: Document(text: text), language: .english, sentences: sentenceSpans,
///                                quotations: quotes, anchors: [Anchor(span: entitySpan, key: "entity:person:ishiba-shigeru")])
/// ```
public struct AlignmentArticle: Sendable {
    public let document: Document
    /// The language most of the article is written in: the gloss index reads English against Japanese.
    public let language: Language
    /// The sentences in text order: the backbone's units unless both articles have several lines.
    public let sentences: [Span]
    public let quotations: [Quotation]
    /// What is aligned: the quotations, each one that runs over several lines cut into its lines
    /// (a translation keeps each paragraph's words in its own paragraph, not the quotation whole).
    public let candidates: [Quotation]
    /// Things both languages write alike: entity ids, date values, numbers. Any order.
    public let anchors: [Anchor]

    /// `anchors` are completed with the numbers written in digits. Cost: O(n).
    public init(document: Document, language: Language, sentences: [Span], quotations: [Quotation], anchors: [Anchor]) {
        self.document = document
        self.language = language
        self.sentences = sentences
        self.quotations = quotations
        candidates = quotations.flatMap { Self.lines(of: $0, in: document) }
        self.anchors = anchors + NumberAnchors.find(in: document.scalars)
    }

    /// `quotation` whole when it lies on one line, else one quotation a line, each without the
    /// space and quotation marks around it.
    private static func lines(of quotation: Quotation, in document: Document) -> [Quotation] {
        let scalars = document.scalars
        guard scalars[quotation.span.range].contains("\n") else { return [quotation] }
        var parts: [Quotation] = []
        var start = quotation.span.start
        for index in quotation.span.start...quotation.span.end where index == quotation.span.end || scalars[index] == "\n" {
            var lower = start, upper = index
            while lower < upper, scalars[lower].properties.isWhitespace || isQuotationMark(scalars[lower]) { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace || isQuotationMark(scalars[upper - 1]) { upper -= 1 }
            if lower < upper {
                let span = Span(start: lower, end: upper)
                parts.append(Quotation(span: span, text: document[span], kind: quotation.kind, speaker: quotation.speaker, cue: quotation.cue))
            }
            start = index + 1
        }
        return parts
    }

    private static func isQuotationMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .initialPunctuation || scalar.properties.generalCategory == .finalPunctuation
            || "\"「」『』".unicodeScalars.contains(scalar)
    }

    /// The article's lines that hold more than space, trimmed: the units a translation most often
    /// keeps (one paragraph a line in news copy).
    var lines: [Span] {
        var result: [Span] = []
        var start = 0
        let scalars = document.scalars
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            var lower = start, upper = index
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper { result.append(Span(start: lower, end: upper)) }
            start = index + 1
        }
        return result
    }
}

/// Something an article and its translation write alike, at a place in the text: `key` is
/// compared across languages (`entity:person:ishiba-shigeru`, `date:2024-11-08`, `number:1200`).
public struct Anchor: Hashable, Sendable {
    public let span: Span
    public let key: String

    public init(span: Span, key: String) {
        self.span = span
        self.key = key
    }
}

/// Numbers written with digits, scaled by the word after them (3.5 million, 10万, 2億), as anchors.
/// One-digit numbers are left out: translations spell them as words too often to be evidence.
enum NumberAnchors {
    /// Cost: O(n).
    static func find(in scalars: [Unicode.Scalar]) -> [Anchor] {
        var anchors: [Anchor] = []
        var index = 0
        while index < scalars.count {
            guard digit(scalars[index]) != nil, index == 0 || digit(scalars[index - 1]) == nil else { index += 1; continue }
            let start = index
            var integer = 0.0, fraction = 0.0, scale = 1.0, inFraction = false, digits = 0
            while index < scalars.count {
                if let value = digit(scalars[index]) {
                    digits += 1
                    if inFraction { scale /= 10; fraction += Double(value) * scale } else { integer = integer * 10 + Double(value) }
                } else if isSeparator(scalars[index]), index + 1 < scalars.count, digit(scalars[index + 1]) != nil, !inFraction {
                    // "1,200" and "1，200" group thousands; "3.5" has a fraction.
                    if scalars[index] == "." || scalars[index] == "．" { inFraction = true }
                } else {
                    break
                }
                index += 1
            }
            var value = integer + fraction
            if let (multiplier, length) = multiplier(after: index, in: scalars) {
                value *= multiplier
                index += length
            }
            if digits >= 2 || value >= 10 {
                anchors.append(Anchor(span: Span(start: start, end: index), key: "number:\(canonical(value))"))
            }
        }
        return anchors
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map { Int($0) } : nil
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "," || scalar == "." || scalar == "，" || scalar == "．"
    }

    private static let japaneseMultipliers: [Unicode.Scalar: Double] = ["万": 1e4, "億": 1e8, "兆": 1e12]
    private static let englishMultipliers: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]

    /// The scale word right after a number, and how many code points it takes (with the space).
    private static func multiplier(after index: Int, in scalars: [Unicode.Scalar]) -> (Double, Int)? {
        guard index < scalars.count else { return nil }
        if let value = japaneseMultipliers[scalars[index]] { return (value, 1) }
        guard scalars[index] == " " else { return nil }
        var end = index + 1
        while end < scalars.count, scalars[end].properties.isAlphabetic, end - index < 10 { end += 1 }
        let word = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).lowercased()
        return englishMultipliers[word].map { ($0, end - index) }
    }

    private static func canonical(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
