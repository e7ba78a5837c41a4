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
    /// 1. each name resolved alone (``resolve(_:type:)``);
    /// 2. a short form takes the id of a longer name of the same type and script that contains it
    ///    as a word or a prefix ("Ishiba" and "Shigeru Ishiba", 石破 and 石破茂, "Holden" and
    ///    "Gloria Holden");
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
        var distinct: [NameMention] = [], numbers: [NameMention: Int] = [:]
        let numbered = mentions.map { mention in
            if let known = numbers[mention] { return known }
            numbers[mention] = distinct.count
            distinct.append(mention)
            return distinct.count - 1
        }
        let linked = linkDistinct(distinct, threshold: threshold)
        return numbered.map { linked[$0] }
    }

    /// ``link(_:threshold:)`` of mentions that are all different.
    private func linkDistinct(_ mentions: [NameMention], threshold: Double) -> [LinkedName] {
        var linked = mentions.map { resolve($0.name, type: $0.type) }
        let isLatin = mentions.map { mention in
            mention.name.unicodeScalars.first { Script($0) != .space && Script($0) != .punctuation }
                .map { Script($0) == .latin || Script($0) == .digit } ?? true
        }
        // Union-find over mentions; a group's representative carries the group's entity and
        // whether any member is written in Latin letters.
        var parent = Array(mentions.indices)
        var groupHasLatin = isLatin
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }
        func join(_ kept: Int, _ other: Int) {
            let (a, b) = (root(kept), root(other))
            if a != b { parent[b] = a; groupHasLatin[a] = groupHasLatin[a] || groupHasLatin[b] }
        }
        // Mentions that resolved to one id are one entity already.
        var firstWithID: [String: Int] = [:]
        for index in mentions.indices {
            if let first = firstWithID[linked[index].id] { join(first, index) } else { firstWithID[linked[index].id] = index }
        }
        // Short forms, within one script: a whole word of a Latin name, the start of a Japanese one.
        // The longer names are found through an index from each word (Latin) or prefix (Japanese)
        // to the mentions that have it, in mention order, so a document of n mentions costs
        // O(n · words per name), not O(n²).
        let keys = mentions.map { key(of: $0.name) }
        let keyLengths = keys.map(\.count)
        // Only a mention's key is looked up, so only words and prefixes that are one are indexed.
        let mentionKeys = Set(keys.map { Substring($0) })
        var containing: [Substring: [Int]] = [:]
        for index in mentions.indices {
            if isLatin[index] {
                let words = Set(mentions[index].name.split { $0 == " " || $0 == "-" }.map { key(of: String($0)) })
                for word in words where mentionKeys.contains(Substring(word)) { containing[Substring(word), default: []].append(index) }
            } else {
                // Prefixes of different lengths differ, so each is indexed once.
                for length in 1...max(1, keyLengths[index]) {
                    let prefix = keys[index].prefix(length)
                    if mentionKeys.contains(prefix) { containing[prefix, default: []].append(index) }
                }
            }
        }
        for short in mentions.indices where !keys[short].isEmpty {
            var best: Int?
            for long in containing[Substring(keys[short])] ?? [] where long != short && mentions[long].type == mentions[short].type
                && isLatin[long] == isLatin[short] && keyLengths[long] > keyLengths[short] {
                if best.map({ keyLengths[long] > keyLengths[$0] }) ?? true { best = long }
            }
            if let best, linked[short].entry?.isListed != true || linked[short].id == linked[best].id {
                join(best, short)
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
            if groupHasLatin[root(japanese)] { continue }
            let type = mentions[japanese].type, english = englishByType[type] ?? []
            let candidates = preparedEnglish[type] ?? english.map { prepared(english: mentions[$0].name) }
            preparedEnglish[type] = candidates
            let found = bestEnglishMatch(forJapanese: prepared(japanese: mentions[japanese].name), among: candidates,
                                         threshold: threshold).map { english[$0.index] }
            guard let target = found else { continue }
            // The listed entity's group is the one that survives.
            if linked[japanese].entry?.isListed == true, linked[target].entry?.isListed != true {
                join(japanese, target)
            } else {
                join(target, japanese)
            }
        }
        // Every mention takes its group's entity; names fill in from any member.
        var englishNames: [Int: String] = [:], japaneseNames: [Int: String] = [:]
        for index in mentions.indices {
            let group = root(index)
            if englishNames[group] == nil, let name = linked[group].englishName ?? linked[index].englishName {
                englishNames[group] = name
            }
            if japaneseNames[group] == nil, let name = linked[group].japaneseName ?? linked[index].japaneseName {
                japaneseNames[group] = name
            }
        }
        for index in mentions.indices {
            let group = root(index)
            linked[index] = LinkedName(id: linked[group].id, englishName: englishNames[group],
                                       japaneseName: japaneseNames[group], entry: linked[group].entry)
        }
        return linked
    }

    /// ``LexiconKey/make(_:)`` of `name`, remembered (a Japanese name's costs an ICU normalization).
    func key(of name: String) -> String {
        if let known = memo.keys[NameMemo.Name(text: name)] { return known }
        let key = LexiconKey.make(name)
        memo.makeRoom()
        memo.keys[NameMemo.Name(text: name)] = key
        return key
    }
}
