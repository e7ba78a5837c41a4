import JPENLexicon
import JPENText

/// Entities of jpen's curated list (`Dictionaries/entities.tsv`, and a user's own lists) that the
/// taggers missed: "Foreign Ministry", 外務省, "G7".
///
/// The taggers learned from general text, where ministries, parties and international bodies are
/// rare; the curated list names exactly the ones news mentions. A longest match of the lexicon
/// (``LexiconScanner/listedMatches(_:in:limit:)``) whose first entry is a listed entity, and that
/// touches no mention and no other name the taggers found (日本 inside 日本人, a nationality, stays
/// out), and that is not a single word in Latin letters, becomes a mention of the listed type.
/// Cost: one lexicon scan of the text with the task's scanner, O(n) table probes once it is warm.
enum ListedMentions {
    static func missed(in scalars: [Unicode.Scalar], besides taken: [Span], scanner: LexiconScanner) -> [(span: Span, type: EntityType)] {
        var covered = [Bool](repeating: false, count: scalars.count)
        for span in taken { for offset in span.range { covered[offset] = true } }
        var found: [(span: Span, type: EntityType)] = []
        for match in scanner.listedMatches(scalars) {
            guard !covered[match.span.range].contains(true), !continuesWord(match.span, in: scalars),
                  !isSingleLatinWord(scalars[match.span.range]) else { continue }
            found.append(match)
        }
        return found
    }

    /// One word in Latin letters is left to the English tagger, which reads its context: listed
    /// abbreviations and short names are often ordinary words ("IS", "WHO", "Fed", "Sun").
    static func isSingleLatinWord(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        name.contains { Script($0) == .latin } && !name.contains { Script($0) == .space }
    }

    /// Whether a match cuts a run of kanji or katakana (東京 in 東京都庁 is not a mention of its own).
    static func continuesWord(_ span: Span, in scalars: [Unicode.Scalar]) -> Bool {
        func joins(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
            let (x, y) = (Script(a), Script(b))
            return x == y && (x == .kanji || x == .katakana)
        }
        if span.start > 0, joins(scalars[span.start - 1], scalars[span.start]) { return true }
        if span.end < scalars.count, joins(scalars[span.end - 1], scalars[span.end]) { return true }
        return false
    }
}
