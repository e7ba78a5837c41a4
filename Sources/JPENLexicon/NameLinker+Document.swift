import JPENText

/// A name found in a document, as the entities stage hands it to ``NameLinker/link(_:)``.
public struct NameMention: Hashable, Sendable {
    /// The name as written, without titles the recognizer already cut off: "Shigeru Ishiba", 石破.
    public let name: String
    public let type: EntityType

    public init(name: String, type: EntityType) {
        self.name = name
        self.type = type
    }
}

extension NameLinker {
    /// The entities the mentions of one document name, in mention order, so that one entity has
    /// one id in both languages:
    /// 1. each name resolved alone (``resolve(_:type:)``); names of one link key (either word
    ///    order) are one entity, with the id of the first;
    /// 2. a short form takes the id of a longer name of the same type and script that contains it
    ///    as a word or a prefix ("Ishiba" and "Shigeru Ishiba", 石破 and 石破茂, "Holden" and
    ///    "Gloria Holden"); a person's even when the short form alone names a listed person, if
    ///    the longer name comes first, the listed person is not named otherwise and the longer
    ///    name is not a son's: "Tamaki" after "Denny Tamaki" is Denny Tamaki, but Yuichiro Tamaki
    ///    next to 玉木雄一郎; "Trump" before "Melania Trump", or next to "Donald Trump Jr.", is the
    ///    president;
    /// 3. a Japanese name whose entity no English mention shares takes the entity of the English
    ///    mention of the same type it matches best (``similarity(japanese:english:)`` at least
    ///    `threshold`): an id from a list wins, else the English mention's.
    /// Cost: a hash of each mention, then linear in the distinct mentions (and the words of each
    /// name), plus one similarity comparison per distinct pair of a Japanese and an English name
    /// of one type.
    ///
    /// ```swift
    /// linker.link([NameMention(name: "Kenseth", type: .person), NameMention(name: "ケンゼス", type: .person)])
    /// // both person:kenseth
    /// ```
    public func link(_ mentions: [NameMention], threshold: Double = 0.6) -> [LinkedName] {
        // A name repeated as the same type resolves to one id, so it joins its first mention's
        // group and adds nothing to it: the groups are worked out once per distinct mention.
        var distinct: [NameMention] = [], numbers = [NameMemo.TypedName: Int](minimumCapacity: mentions.count)
        let numbered = mentions.map { mention in
            let name = NameMemo.TypedName(name: NameMemo.Name(text: mention.name), type: mention.type)
            if let known = numbers[name] { return known }
            numbers[name] = distinct.count
            distinct.append(mention)
            return distinct.count - 1
        }
        let linked = link(distinct: distinct, threshold: threshold)
        return numbered.map { linked[$0] }
    }

    /// ``link(_:threshold:)`` of mentions that are all different (no two of one name and type),
    /// each in the place of its first appearance in the document: for a caller that tells its
    /// names apart already, without a hash of each. Cost: as ``link(_:threshold:)`` without the
    /// hashes.
    package func link(distinct mentions: [NameMention], threshold: Double = 0.6) -> [LinkedName] {
        assert(Set(mentions).count == mentions.count, "link(distinct:) given a name and type twice")
        // The records and the keys' numbers below come from one numbering: the memo starts over,
        // if it must, here.
        memo.makeRoom()
        let records = mentions.map { memo.record($0.name) }
        let linked = mentions.indices.map { resolve(mentions[$0].name, type: mentions[$0].type, in: records[$0]) }
        let keys = mentions.indices.map { linkKeys(of: mentions[$0].name, in: records[$0]) }
        let isLatin = keys.map(\.isLatin)
        // A group's representative carries the group's entity.
        var groups = MentionGroups(isLatin: isLatin)
        // Mentions that resolved to one link key are one entity already.
        var firstWithKey = [String: Int](minimumCapacity: mentions.count)
        // Whether another name of the document has the mention's key.
        var isNamedOtherwise = [Bool](repeating: false, count: mentions.count)
        for index in mentions.indices {
            if let first = firstWithKey[linked[index].linkKey] {
                groups.join(first, index)
                (isNamedOtherwise[first], isNamedOtherwise[index]) = (true, true)
            } else {
                firstWithKey[linked[index].linkKey] = index
            }
        }
        // Short forms, within one script: a whole word of a Latin name, the start of a Japanese one.
        // The longer names are found through an index from each word (Latin) or prefix (Japanese)
        // to the mentions that have it, in mention order, so a document of n mentions costs
        // O(n · words per name), not O(n²).
        // Only a mention's key is looked up, so only words and prefixes that are one are indexed.
        let mentionKeys = Set(keys.map(\.key))
        // Keys of plain text (``LexiconKey/isKnownNFKC(_:)``) are equal only when their UTF-8 is:
        // when every Japanese key is such text, beginnings are compared with the keys as long.
        let japaneseKeys = keys.filter { !$0.isLatin }
        var keysByLength: [[KeyBytes]]?
        if japaneseKeys.allSatisfy({ LexiconKey.isKnownNFKC($0.text) }) {
            keysByLength = Array(repeating: [], count: (japaneseKeys.map(\.text.utf8.count).max() ?? 0) + 1)
            for key in japaneseKeys where !keysByLength![key.text.utf8.count].contains(where: { $0.number == key.key }) {
                keysByLength![key.text.utf8.count].append(KeyBytes(bytes: Array(key.text.utf8), number: key.key))
            }
        }
        var containing = [Int32: [Int]](minimumCapacity: mentionKeys.count)
        for index in mentions.indices {
            let parts = keys[index].isLatin ? keys[index].parts : beginnings(of: keys[index], amongKeysByLength: keysByLength)
            for part in parts where mentionKeys.contains(part) {
                containing[part, default: []].append(index)
            }
        }
        // What the loop reads of each mention, in plain arrays: reading it through the mentions,
        // keys and linked names would retain and release each.
        let types = mentions.map(\.type), lengths = keys.map(\.length)
        for short in mentions.indices where lengths[short] > 0 {
            var best: Int?
            for long in containing[keys[short].key] ?? [] where long != short && types[long] == types[short]
                && isLatin[long] == isLatin[short] && lengths[long] > lengths[short] {
                if best.map({ lengths[long] > lengths[$0] }) ?? true { best = long }
            }
            guard let best else { continue }
            // A listed person that the short form alone names gives way to the longer name of the
            // document when that name comes first (news introduces a person in full, then by the
            // family name; "President Trump … Melania Trump … Trump" is still the president),
            // unless another of their names is there too (it was joined to the short form above)
            // or the longer name is a son's. Mentions are distinct in order of first appearance.
            // A place or an organization keeps its own entity: "Okinawa" is not "Okinawa City",
            // nor 東京 東京都内.
            if !linked[short].isListed || linked[short].id == linked[best].id
                || (types[short] == .person && best < short && !isNamedOtherwise[short]
                    && !Self.endsInGeneration(mentions[best].name)) {
                groups.join(best, short)
            }
        }
        // Japanese mentions to English ones; each pair of names is compared once.
        var englishByType: [EntityType: [Int]] = [:]
        for index in mentions.indices where isLatin[index] {
            englishByType[mentions[index].type, default: []].append(index)
        }
        // Prepared once per type, the first time a Japanese mention of it is compared.
        var preparedEnglish: [EntityType: [PreparedEnglishName]] = [:]
        for japanese in mentions.indices where !isLatin[japanese] {
            if groups.hasLatin[groups.root(japanese)] { continue }
            let type = mentions[japanese].type, english = englishByType[type] ?? []
            // No English name to compare with: preparing the Japanese side would romanize it for
            // nothing (the first romanization builds ICU's transliterator, ~10 ms of start-up).
            if english.isEmpty { continue }
            let candidates = preparedEnglish[type] ?? english.map { prepared(english: mentions[$0].name) }
            preparedEnglish[type] = candidates
            let found = bestEnglishMatch(forJapanese: prepared(japanese: mentions[japanese].name), among: candidates,
                                         threshold: threshold).map { english[$0.index] }
            guard let target = found else { continue }
            // The listed entity's group is the one that survives.
            if linked[japanese].isListed, !linked[target].isListed {
                groups.join(japanese, target)
            } else {
                groups.join(target, japanese)
            }
        }
        // Every mention takes its group's entity; names fill in from any member.
        let roots = mentions.indices.map { groups.root($0) }
        var englishNames = [String?](repeating: nil, count: mentions.count), japaneseNames = englishNames
        for (index, group) in roots.enumerated() {
            if englishNames[group] == nil { englishNames[group] = linked[group].englishName ?? linked[index].englishName }
            if japaneseNames[group] == nil { japaneseNames[group] = linked[group].japaneseName ?? linked[index].japaneseName }
        }
        // One entity per group, which its members share: the representative's own when no
        // member filled in a name (most groups), which builds nothing.
        var entities = [LinkedName?](repeating: nil, count: mentions.count)
        for group in roots where entities[group] == nil {
            let own = linked[group]
            entities[group] = englishNames[group] == own.englishName && japaneseNames[group] == own.japaneseName ? own
                : LinkedName(id: own.id, englishName: englishNames[group], japaneseName: japaneseNames[group], entry: own.entry,
                             linkKey: own.linkKey)
        }
        return roots.map { entities[$0]! }
    }

    /// Whether a Latin name ends with a generation (Jr., Sr., II, III, IV): "Donald Trump Jr."
    /// is not who "Trump" alone is. Cost: O(n).
    static func endsInGeneration(_ name: String) -> Bool {
        guard let last = split(name, at: [" ", ","]).last else { return false }
        return ["jr", "sr", "ii", "iii", "iv"].contains(LexiconKey.make(String(last)))
    }

    /// The numbers of the beginnings (in characters) of a Japanese name's key that have one,
    /// each once: a beginning that is another mention's key was numbered with it. Only those
    /// shorter than the key, as a short form joins only a longer name. With `keysByLength` (the
    /// document's Japanese keys by UTF-8 length, all plain text), the beginnings are compared
    /// with those keys' bytes; without, looked up in the memo (only looked up, as numbering every
    /// beginning of every name would fill it with strings that are no name's key).
    /// Cost: O(n) byte comparisons per key as long as a beginning, else O(n²) in the key's
    /// characters, a hash of each beginning.
    func beginnings(of keys: NameMemo.LinkKeys, amongKeysByLength keysByLength: [[KeyBytes]]?) -> [Int32] {
        var numbers: [Int32] = []
        let text = keys.text
        if let keysByLength {
            // Its characters are code points (``split(_:at:)``): the beginnings end at each code
            // point.
            let bytes = Array(text.utf8)
            var length = 0
            for scalar in text.unicodeScalars.dropLast() {
                length += UTF8.width(scalar)
                guard length < keysByLength.count else { break }
                for other in keysByLength[length] where !numbers.contains(other.number) && other.bytes.elementsEqual(bytes[..<length]) {
                    numbers.append(other.number)
                }
            }
            return numbers
        }
        func add(_ prefix: String) {
            if let number = memo.existingRecord(NameMemo.canonical(prefix))?.number, !numbers.contains(number) {
                numbers.append(number)
            }
        }
        if LexiconKey.isKnownNFKC(text) {
            // Cut from the UTF-8 as it is rather than built up a Character at a time.
            var length = 0
            for scalar in text.unicodeScalars.dropLast() {
                length += UTF8.width(scalar)
                add(String(Substring(text.utf8.prefix(length))))
            }
        } else {
            var prefix = ""
            for character in text.dropLast() {
                prefix.append(character)
                add(prefix)
            }
        }
        return numbers
    }

    /// The groups of a document's mentions that name one entity (union-find over their indices),
    /// each representative with whether any member is written in Latin letters.
    // A value rather than variables that nested functions capture: captured variables are boxed,
    // and each access to them is checked at run time.
    struct MentionGroups {
        private var parent: [Int]
        private(set) var hasLatin: [Bool]

        init(isLatin: [Bool]) {
            parent = Array(isLatin.indices)
            hasLatin = isLatin
        }

        /// The representative of `index`'s group. Cost: O(α(n)) amortized.
        mutating func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }

        /// One group of `kept`'s and `other`'s, whose representative is `kept`'s.
        mutating func join(_ kept: Int, _ other: Int) {
            let (a, b) = (root(kept), root(other))
            if a != b { parent[b] = a; hasLatin[a] = hasLatin[a] || hasLatin[b] }
        }
    }

    /// A key's UTF-8 and number, for comparing beginnings of other keys with it.
    struct KeyBytes {
        let bytes: [UInt8]
        let number: Int32
    }

    /// What linking reads of `name` to find its short forms, remembered; numbered in the memo's
    /// current numbering, so read it only after the operation's ``NameMemo/makeRoom()``.
    /// Cost: the name's key (``lookedUp(_:)``) and, for a Latin name, its words' keys the first
    /// time; nothing after (`record`, the name's, holds them).
    func linkKeys(of name: String, in record: NameMemo.Record) -> NameMemo.LinkKeys {
        if let known = record.linkKeys { return known }
        let key = lookedUp(name, in: record).key
        let isLatin = Self.isLatin(name.unicodeScalars)
        // A Latin name holds its words.
        let parts = isLatin ? Self.split(name, at: [" ", "-"]).map { LexiconKey.make(String($0)) } : []
        var numbers: [Int32] = []
        for part in parts.map({ memo.number($0) }) where !numbers.contains(part) { numbers.append(part) }
        // Characters of such text are code points, which are much cheaper to count.
        let length = LexiconKey.isKnownNFKC(key) ? key.unicodeScalars.count : key.count
        let keys = NameMemo.LinkKeys(text: key, key: memo.number(key), length: length, isLatin: isLatin, parts: numbers)
        record.linkKeys = keys
        return keys
    }
}
