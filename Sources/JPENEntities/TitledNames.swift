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

/// A Japanese name that the character tagger ran into the title after it: 赤沢亮正経|済再生相 →
/// 赤沢亮正, Thompson准|教授 → Thompson, and 林芳正官房長官 (the name and its whole title, read as
/// one compound) → 林芳正.
///
/// News writes a title directly after a name, in the same run of kanji, so where the name ends
/// is a guess of the tagger's (one character on each side of it carries the title feature). The
/// segmenter's words cannot settle it: it splits unknown names wrongly (赤沢|亮|正経済), and
/// the scorers lose more than they gain from cutting at its word edges. The title can: a mention
/// that stops inside a compound of kanji and katakana whose rest is no title, but becomes one
/// when it starts one or two characters earlier (経済再生相, 准教授), ends there; a mention that
/// holds a whole title at the end of its compound (官房長官, 国防長官) ends before it, a title of
/// the name table first. A title is a title of the name table, one with a prefix (准教授, 副社長, 元外相), or
/// a portfolio before an office head (経済再生相, 国土交通大臣).
enum NamesBeforeTitles {
    /// Prefixes a title of the name table takes (准教授, 副知事, 元首相).
    static let titlePrefixes: Set<Unicode.Scalar> = ["准", "副", "元", "前", "故", "新", "現"]
    /// Countries written with one character before a title (トランプ米大統領).
    static let countries: Set<Unicode.Scalar> = ["米", "英", "仏", "独", "露", "中", "韓", "朝", "豪", "伊", "印", "加"]
    /// Heads of offices written after their portfolio (経済再生相, 防衛大臣, 国務長官).
    static let officeHeads: [[Unicode.Scalar]] = ["相", "大臣", "長官", "担当相", "責任者"].map { Array($0.unicodeScalars) }
    /// The longest title tried, in code points (農林水産大臣, 最高財務責任者).
    static let longestTitle = 8
    /// How far before a mention's end inside a compound a title may start.
    static let reach = 2

    /// Where the name `span` (normalized offsets into `scalars`) ends before a title, if it runs
    /// into one; nil when it does not. Cost: O(reach + compound) name-table probes.
    static func end(of span: Span, in scalars: [Unicode.Scalar], names: NameGazetteer) -> Int? {
        var compoundEnd = span.end
        while compoundEnd < scalars.count, compoundEnd - span.end < longestTitle, isCompound(scalars[compoundEnd]) { compoundEnd += 1 }
        let shortest = span.start + 2
        guard span.end > shortest, isCompound(scalars[span.end - 1]) else { return nil }
        if compoundEnd < scalars.count, isCompound(scalars[compoundEnd]) { return nil }
        if compoundEnd > span.end {
            if titlePrefixes.contains(scalars[span.end - 1]), isListedTitle(scalars[span.end..<compoundEnd], names: names) {
                return span.end - 1
            }
            guard !isTitle(scalars[span.end..<compoundEnd], names: names) else { return nil }
            for start in stride(from: span.end - 1, through: max(shortest, span.end - reach), by: -1) {
                guard isCompound(scalars[start]) else { break }
                if isTitle(scalars[start..<compoundEnd], names: names) { return start }
            }
            return nil
        }
        let starts = max(shortest, span.end - longestTitle)..<span.end
        // Where the kanji start after a name in other letters, an office with its portfolio
        // (ヘグセス|国防長官); else the first listed title (林芳正|官房長官, トランプ|米大統領); else an
        // office whose portfolio starts with an ordinary word (後藤芳光|最高財務責任者).
        if let start = starts.first(where: { start in
            Script(scalars[start]) == .kanji && Script(scalars[start - 1]) != .kanji && isTitle(scalars[start..<span.end], names: names, portfolio: true)
        }) {
            return start
        }
        return starts.first { start in
            isListedTitle(scalars[start..<span.end], names: names)
                || countries.contains(scalars[start]) && isListedTitle(scalars[(start + 1)..<span.end], names: names)
        } ?? starts.first { isTitle(scalars[$0..<span.end], names: names) }
    }

    /// Whether a name the tagger typed otherwise is a person's, now that a title follows it: a
    /// name in Latin letters (not capitals only: NHK), a katakana name (``TitledNames/isPossibleName(_:)``),
    /// or a surname and a given name of the name table. Cost: up to 2 · count name-table probes.
    static func mayBePerson(_ name: ArraySlice<Unicode.Scalar>, names: NameGazetteer) -> Bool {
        guard let first = name.first else { return false }
        if name.allSatisfy({ Script($0) == .latin || $0 == " " || $0 == "." }) {
            return first.properties.isUppercase && name.contains { $0.properties.isLowercase }
        }
        let letters = Array(name)
        let classes = names.classes(of: NameGazetteer.key(letters))
        if name.allSatisfy({ Script($0) == .katakana || $0 == "\u{30FB}" }) { return TitledNames.isPossibleName(classes) }
        // A full name in kanji has three characters at least; two are more often a place (日本代表).
        guard letters.count >= 3, classes.isDisjoint(with: [.place, .organization, .word, .title]) else { return false }
        return (1..<max(1, letters.count)).contains { split in
            // Surnames are often place names too (平野, 林): the whole name being none is enough.
            return names.classes(of: NameGazetteer.key(Array(letters[..<split]))).contains(.surname)
                && names.classes(of: NameGazetteer.key(Array(letters[split...]))).contains(.givenName)
        }
    }

    static func isCompound(_ scalar: Unicode.Scalar) -> Bool {
        let script = Script(scalar)
        return script == .kanji || script == .katakana
    }

    /// A title of the name table, with or without a prefix.
    static func isListedTitle(_ words: ArraySlice<Unicode.Scalar>, names: NameGazetteer) -> Bool {
        guard !words.isEmpty else { return false }
        if names.classes(of: NameGazetteer.key(Array(words))).contains(.title) { return true }
        return words.count > 1 && titlePrefixes.contains(words.first!)
            && names.classes(of: NameGazetteer.key(Array(words.dropFirst()))).contains(.title)
    }

    /// A listed title or a portfolio in kanji before an office head, the portfolio starting with an
    /// ordinary word of two characters (経済|再生相, not 済再|生相) or making an ordinary word with
    /// the head (法相); either with a prefix (元商務長官).
    /// With `portfolio`, any portfolio in kanji is taken (the caller knows where the title starts).
    static func isTitle(_ words: ArraySlice<Unicode.Scalar>, names: NameGazetteer, portfolio: Bool = false) -> Bool {
        if isListedTitle(words, names: names) { return true }
        guard let first = words.first, Script(first) == .kanji else { return false }
        if titlePrefixes.contains(first), isTitle(words.dropFirst(), names: names, portfolio: portfolio) { return true }
        guard EntityWorker.endsWith(officeHeads, words) else { return false }
        return portfolio || names.classes(of: NameGazetteer.key(Array(words.prefix(2)))).contains(.word)
            || names.classes(of: NameGazetteer.key(Array(words))).contains(.word)
    }
}
