import JPENText

/// A word, number or punctuation mark: a view into a document.
public struct Token: Hashable, Sendable {
    /// What the token is, coarsely.
    public enum Kind: String, Hashable, Sendable, Codable {
        case word, number, punctuation, symbol
    }

    /// Where the token is, in code points of the original text.
    public let span: Span
    public let kind: Kind

    public init(span: Span, kind: Kind) {
        self.span = span
        self.kind = kind
    }
}

/// A maximal stretch of one language inside a sentence.
public struct LanguageRun: Hashable, Sendable {
    /// Where the run is, in code points of the original text.
    public let span: Span
    public let language: Language

    public init(span: Span, language: Language) {
        self.span = span
        self.language = language
    }
}

/// A sentence: its span, its main language, and the language runs inside it.
public struct Sentence: Hashable, Sendable {
    /// Where the sentence is, in code points of the original text; no leading or trailing space.
    public let span: Span
    /// The language most of the sentence's letters are written in.
    public let language: Language
    /// The runs of each language, in order, covering the sentence's letters.
    public let runs: [LanguageRun]

    public init(span: Span, language: Language, runs: [LanguageRun]) {
        self.span = span
        self.language = language
        self.runs = runs
    }
}

/// A document's sentences, tokens and paragraphs, all in code points of the original text.
public struct Segmentation: Sendable {
    /// Paragraphs: text between blank lines (a line holding only spaces counts as blank).
    public let paragraphs: [Span]
    public let sentences: [Sentence]
    /// Every token, in order; whitespace is never a token.
    public let tokens: [Token]

    public init(paragraphs: [Span], sentences: [Sentence], tokens: [Token]) {
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.tokens = tokens
    }
}
