import JPENLexicon
import JPENText

/// Entities of jpen's curated list (`Dictionaries/entities.tsv`, and a user's own lists) that the
/// taggers missed or typed otherwise: "Foreign Ministry", 外務省, "G7", シーメンス tagged a person.
///
/// The taggers learned from general text, where ministries, parties, companies and international
/// bodies are rare; the curated list names exactly the ones news mentions. A longest match of the
/// lexicon (``LexiconScanner/listedMatches(_:in:limit:)``) whose first entry is a listed entity, and
/// that touches no mention and no other name the taggers found (日本 inside 日本人, a nationality,
/// stays out), that cuts no word (see ``continuesWord(_:in:)``; an organization may be followed by a
/// title of the name table: 参議院|議員, 自民党|総裁, as news and both kinds of annotated data mark
/// the organization inside such a compound), and that is not a single word in Latin letters, becomes
/// a mention of the listed type. A mention whose span is exactly such a match takes the listed type
/// (the list was written for these names; the taggers guess them from their letters), and so does
/// another kind of name that the list knows as an organization (民主党, which GSD-NE files with
/// nationalities). A single word in Latin letters that the tagger took for a person and the list
/// names as a place (Kyoto, Kyushu) is the place, unless it ends a person's name in the text
/// (Takashi Nagasaki … Nagasaki).
/// A listed name is found after any key that starts before it ("South Korea" after edict's
/// "Japan and South Korea"), but not inside a longer key at its own start (日本人).
/// Cost: a test or two of the lexicon's listed prefixes per code point with the task's scanner,
/// and a search of its keys where a listed name may start.
enum ListedMentions {
    static func complete(_ mentions: inout [(span: Span, type: EntityType)], in scalars: [Unicode.Scalar],
                         besides otherNames: [Span], scanner: LexiconScanner, names: NameGazetteer) {
        var covered = [Bool](repeating: false, count: scalars.count)
        for span in mentions.map(\.span) + otherNames { for offset in span.range { covered[offset] = true } }
        var index = [Span: Int](minimumCapacity: mentions.count)
        for (i, mention) in mentions.enumerated() { index[mention.span] = i }
        let others = Set(otherNames)
        // The last words of the people's names in Latin letters ("Nagasaki" of "Takashi Nagasaki").
        var surnames: Set<ArraySlice<Unicode.Scalar>>? = nil
        for match in scanner.listedMatches(scalars) {
            if let i = index[match.span] {
                if isSingleLatinWord(scalars[match.span.range]), mentions[i].type == .person, match.type == .location {
                    if surnames == nil { surnames = lastWords(ofPeopleIn: mentions, scalars: scalars) }
                    if !surnames!.contains(scalars[match.span.range]) { mentions[i].type = .location }
                    continue
                }
                // A person directly before a title stays a person, though the list names a place so.
                if !isSingleLatinWord(scalars[match.span.range]),
                   mentions[i].type != .person || !TitledNames.isTitle(after: match.span.end, in: scalars, before: scalars.count, names: names) {
                    mentions[i].type = match.type
                }
                continue
            }
            if others.contains(match.span), match.type == .organization, !isSingleLatinWord(scalars[match.span.range]) {
                mentions.append(match)
                continue
            }
            guard !covered[match.span.range].contains(true), !isSingleLatinWord(scalars[match.span.range]) else { continue }
            if continuesWord(match.span, in: scalars) {
                guard match.type == .organization, !continuesWord(before: match.span, in: scalars),
                      TitledNames.isTitle(after: match.span.end, in: scalars, before: scalars.count, names: names) else { continue }
            }
            mentions.append(match)
        }
    }

    /// The last words of the person mentions of several words in Latin letters.
    static func lastWords(ofPeopleIn mentions: [(span: Span, type: EntityType)], scalars: [Unicode.Scalar]) -> Set<ArraySlice<Unicode.Scalar>> {
        var words: Set<ArraySlice<Unicode.Scalar>> = []
        for mention in mentions where mention.type == .person {
            let name = scalars[mention.span.range]
            if let space = name.lastIndex(of: " ") { words.insert(name[(space + 1)...]) }
        }
        return words
    }

    /// One word in Latin letters is left to the English tagger, which reads its context: listed
    /// abbreviations and short names are often ordinary words ("IS", "WHO", "Fed", "Sun"). A name
    /// that also has Japanese letters (JR北海道, LG電子) is no English word.
    static func isSingleLatinWord(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        name.contains { Script($0) == .latin } && !name.contains { [.space, .kanji, .katakana, .hiragana].contains(Script($0)) }
    }

    /// Whether a match cuts a run of kanji or katakana (東京 in 東京都庁 is not a mention of its own).
    static func continuesWord(_ span: Span, in scalars: [Unicode.Scalar]) -> Bool {
        continuesWord(before: span, in: scalars)
            || span.end < scalars.count && joins(scalars[span.end - 1], scalars[span.end])
    }

    /// Whether the run of kanji or katakana a match starts in began before it (国務省 in 米国務省).
    static func continuesWord(before span: Span, in scalars: [Unicode.Scalar]) -> Bool {
        span.start > 0 && joins(scalars[span.start - 1], scalars[span.start])
    }

    private static func joins(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let (x, y) = (Script(a), Script(b))
        return x == y && (x == .kanji || x == .katakana)
    }
}
