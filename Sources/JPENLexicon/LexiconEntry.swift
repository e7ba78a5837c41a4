/// What the lexicon knows about one name: a headword of a dictionary or an entity of a list.
public struct LexiconEntry: Hashable, Sendable {
    /// The Japanese headword (石破茂, トランプ); for a listed entity, its canonical Japanese name.
    public let surface: String
    /// The reading in hiragana; empty when the headword is kana or the list gives none.
    public let reading: String
    /// Romanized names or English glosses ("Ishiba Shigeru"); for a listed entity, its canonical
    /// English name alone.
    public let glosses: [String]
    /// The dictionary's name types (empty for a listed entity).
    public let kinds: NameKinds
    /// The dictionary or list the entry comes from.
    public let source: LexiconSource
    /// The entity id a list gives; nil for dictionary headwords, whose ids are derived.
    public let listedID: String?
    /// The entity type a list gives.
    public let listedType: EntityType?

    public init(surface: String, reading: String, glosses: [String], kinds: NameKinds, source: LexiconSource,
                listedID: String? = nil, listedType: EntityType? = nil) {
        self.surface = surface
        self.reading = reading
        self.glosses = glosses
        self.kinds = kinds
        self.source = source
        self.listedID = listedID
        self.listedType = listedType
    }

    /// The entity types the entry can name, most specific first.
    public var types: [EntityType] { listedType.map { [$0] } ?? kinds.entityTypes }

    /// Whether the entry comes from an entity list (curated or the user's) rather than a dictionary.
    public var isListed: Bool { listedID != nil }

    /// The entry's romanized or English name: the first gloss, else the headword.
    public var englishName: String { glosses.first ?? surface }

    /// Whether the glosses romanize a Japanese name (a name dictionary's sense of a headword not
    /// in katakana, not an edict word's translation nor a foreign name's spelling), so that their
    /// Hepburn long vowels (Youichi) read short in ids.
    public var isRomanization: Bool {
        Self.isRomanization(isListed: isListed, kinds: kinds, surfaceIsKatakana: NameLinker.isKatakana(surface))
    }

    /// ``isRomanization`` of an entry with these fields; the headword is read only when the rest
    /// leaves it open.
    @inline(__always)
    static func isRomanization(isListed: Bool, kinds: NameKinds, surfaceIsKatakana: @autoclosure () -> Bool) -> Bool {
        !isListed && !kinds.isEmpty && !kinds.contains(.word) && !surfaceIsKatakana()
    }

    /// The entity id this entry gives a mention of type `type`: the listed id, else the type's
    /// prefix and the slug of the first gloss (`person:ishiba-shigeru`), which an English mention
    /// of the same name derives too. Cost: O(gloss length).
    public func id(as type: EntityType) -> String {
        if let listedID { return listedID }
        return NameLinker.derivedID(type: type, slug: LexiconKey.slug(englishName, shorteningLongVowels: isRomanization))
    }
}
