import JPENText

/// Katakana names written right before a title: トランプ次期大統領, バイデン大統領, ロス長官.
///
/// News writes a foreign person's name in katakana followed directly by a title or honorific, and a
/// katakana word there is a name even when it is also an ordinary word (トランプ: playing cards),
/// which the character tagger, reading the word, can miss. A run of katakana (・ inside) of at
/// least two characters that no mention or other name touches, that the name table does not know
/// as a place or organization, nor as an ordinary word only (サッカー選手), and that a title of the
/// table (``NameClasses/title``) directly follows, is a person. Cost: O(n) plus up to six name-table probes per katakana run.
enum TitledNames {
    /// The longest title tried, in code points (次期大統領).
    static let longestTitle = 6

    /// The people in `sentence` (normalized offsets into `scalars`) that `taken` spans do not touch.
    static func people(in scalars: [Unicode.Scalar], sentence: Span, taken: [Span], names: NameGazetteer) -> [Span] {
        KatakanaNames.runs(in: scalars, within: sentence).filter { run in
            !taken.contains(where: { $0.start < run.end && run.start < $0.end })
                && isPossibleName(names.classes(of: NameGazetteer.key(Array(scalars[run.range]))))
                && isTitle(after: run.end, in: scalars, before: sentence.end, names: names)
        }
    }

    /// Whether a katakana run the name table knows as `classes` may be a person: not a place or
    /// an organization, and not an ordinary word unless it is also a name (トランプ, but not the
    /// サッカー of サッカー選手).
    static func isPossibleName(_ classes: NameClasses) -> Bool {
        classes.isDisjoint(with: [.place, .organization]) && !classes.isOrdinaryWordOnly
    }

    /// Whether a title of `names` starts at `start`.
    static func isTitle(after start: Int, in scalars: [Unicode.Scalar], before end: Int, names: NameGazetteer) -> Bool {
        var key = NameGazetteer.keyStart
        for offset in start..<min(end, start + longestTitle) {
            key.add(scalars[offset].value)
            if names.classes(of: key.mixed).contains(.title) { return true }
        }
        return false
    }
}
