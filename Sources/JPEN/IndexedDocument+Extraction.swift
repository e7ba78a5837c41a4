import JPENIndex
import JPENText

extension IndexedDocument {
    /// What the index stores of `document`, given what the pipeline found in it: every entity
    /// mention, every quotation with its speaker, every date, and the words for full-text search.
    /// Cost: O(n).
    public init(id: String, date: String?, document: Document, extraction: Extraction) {
        self.init(
            id: id,
            date: date,
            language: extraction.language.rawValue,
            text: document.text,
            searchText: Self.searchText(document, tokens: extraction.segmentation.tokens),
            mentions: extraction.entities.map {
                Mention(entityID: $0.id, type: $0.type.rawValue, span: $0.span, surface: $0.text,
                        englishName: $0.englishName, japaneseName: $0.japaneseName)
            },
            quotes: extraction.quotes.map {
                Quote(span: $0.span, text: $0.text, kind: $0.kind.rawValue, speakerID: $0.speaker?.id,
                      speakerText: $0.speaker?.text)
            },
            dates: extraction.dates.map {
                DateMention(span: $0.span, text: $0.text, type: $0.type.rawValue, value: $0.value)
            }
        )
    }

    /// The document's words and numbers separated by single spaces, as full-text search reads
    /// them (the same segmentation serves queries, so Japanese words match whole).
    public static func searchText(_ document: Document, tokens: [Token]) -> String {
        tokens.filter { $0.kind == .word || $0.kind == .number }.map { document[$0.span] }.joined(separator: " ")
    }
}
