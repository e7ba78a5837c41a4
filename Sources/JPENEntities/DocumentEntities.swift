import JPENLexicon
import JPENText

/// Turns a document's tagged mentions into entities: one id per entity within the document.
///
/// A person's full name lends its type and id to its short forms: "Ishiba" after "Shigeru
/// Ishiba", "トランプ" after "ドナルド・トランプ", "石破" after "石破茂". One name has one type in a
/// document: the one most of its mentions got. A person's name or short form that the taggers
/// missed elsewhere is added where it stands as a whole word. With a `linker`, the entities take the
/// ids it links them to (``NameLinker/link(_:threshold:)``); without one, provisional ids:
/// `person:` + the family name (the last word, or the part after the last ・), or for a kanji
/// name its fullest form; `org:` / `loc:` + the lowercased surface.
enum DocumentEntities {
    /// Verbs that open a yes-no question before its subject.
    static let questionVerbs: [[Unicode.Scalar]] = ["Will", "Can", "Could", "Would", "Should", "Shall", "May", "Might", "Must",
                                                    "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Has", "Have", "Had"]
        .map { Array($0.unicodeScalars) + [" "] }

    /// A person mention that is a question's verb and a name the document names otherwise as a
    /// place or an organization ("Will Japan and South Korea hold talks?" beside "Japan" elsewhere)
    /// becomes that name: the English tagger reads the verb as a first name, and the person would
    /// lend its type to every "Japan". "Will Smith" stays. Cost: O(mentions).
    static func trimQuestionVerbs(_ mentions: inout [(span: Span, type: EntityType)], in scalars: [Unicode.Scalar]) {
        var others: [ArraySlice<Unicode.Scalar>: EntityType]? = nil
        for index in mentions.indices where mentions[index].type == .person {
            let name = scalars[mentions[index].span.range]
            guard let verb = questionVerbs.first(where: { name.count > $0.count && name.starts(with: $0) }) else { continue }
            if others == nil {
                others = [:]
                for mention in mentions where mention.type != .person { others![scalars[mention.span.range]] = mention.type }
            }
            if let type = others![name.dropFirst(verb.count)] {
                mentions[index] = (Span(start: mentions[index].span.start + verb.count, end: mentions[index].span.end), type)
            }
        }
    }

    static func resolve(_ tagged: [(span: Span, type: EntityType)], in document: Document, linker: NameLinker? = nil) -> [Entity] {
        var mentions = tagged.sorted { $0.span < $1.span }
        let scalars = document.scalars
        trimQuestionVerbs(&mentions, in: scalars)
        // Each surface takes the type most of its mentions got (on a tie, the mention keeps its own
        // type when it is among the best, else the first best in EntityType order).
        // The votes of each distinct surface, a row of counts in EntityType order.
        var surfaces = NameNumbers(scalars: scalars, expecting: mentions.count)
        let types = EntityType.allCases
        let rows = mentions.map { surfaces.number($0.span) * types.count }
        var votes = [Int](repeating: 0, count: surfaces.count * types.count)
        for (mention, row) in zip(mentions, rows) { votes[row + types.firstIndex(of: mention.type)!] += 1 }
        for (index, row) in rows.enumerated() {
            let counts = votes[row..<(row + types.count)], best = counts.max()!
            if counts[row + types.firstIndex(of: mentions[index].type)!] < best {
                mentions[index].type = types[counts.firstIndex(of: best)! - row]
            }
        }
        // Names of people: the whole names in Latin or katakana, and the family names of full names.
        var personNames = NameNumbers(scalars: scalars)
        for mention in mentions where mention.type == .person {
            let surface = scalars[mention.span.range]
            let parts = nameParts(surface)
            if parts.count > 1, let last = parts.last, last.count >= 2 {
                _ = personNames.number(Span(start: last.startIndex, end: last.endIndex))
            }
            if surface.count >= 2, let first = surface.first, [.latin, .katakana].contains(Script(first)) {
                _ = personNames.number(mention.span)
            }
        }
        if personNames.count > 0 {
            for index in mentions.indices where personNames.existingNumber(mentions[index].span) != nil {
                mentions[index].type = .person
            }
            let names = personNames.spans.map { scalars[$0.range] }
            mentions = (mentions + missedShortForms(of: names, in: scalars, besides: mentions)).sorted { $0.span < $1.span }
        }
        // Each surface made a string once.
        let surfaceNumbers = mentions.map { surfaces.number($0.span) }
        var surfaceTexts = [String?](repeating: nil, count: surfaces.count)
        let texts = mentions.indices.map { index in
            if let known = surfaceTexts[surfaceNumbers[index]] { return known }
            let text = String(scalars: scalars[mentions[index].span.range])
            surfaceTexts[surfaceNumbers[index]] = text
            return text
        }
        if let linker {
            // The linker takes each name and type once, in order of first appearance
            // (``NameLinker/link(distinct:threshold:)``): the surfaces' numbers tell them apart.
            var distinctNumbers = [Int](repeating: -1, count: surfaces.count * types.count), distinct: [NameMention] = []
            let numbers = mentions.indices.map { index in
                let key = surfaceNumbers[index] * types.count + types.firstIndex(of: mentions[index].type)!
                if distinctNumbers[key] < 0 {
                    distinctNumbers[key] = distinct.count
                    distinct.append(NameMention(name: texts[index], type: mentions[index].type))
                }
                return distinctNumbers[key]
            }
            let linked = linker.link(distinct: distinct)
            return mentions.indices.map { index in
                let linked = linked[numbers[index]]
                // A listed entity's type wins over the tagger's, so that the type and the id's
                // prefix agree ("NAHA" tagged ORG is the city loc:naha).
                let listedType = linked.listedType
                return Entity(span: mentions[index].span, text: texts[index], type: listedType ?? mentions[index].type,
                              id: linked.id, englishName: linked.englishName, japaneseName: linked.japaneseName)
            }
        }
        // Each beginning of a kanji full name (石破 of 石破茂) stands for the shortest such name.
        var kanjiNames: [[Unicode.Scalar]: [Unicode.Scalar]] = [:]
        for mention in mentions where mention.type == .person && mention.span.count >= 3 {
            let name = Array(scalars[mention.span.range])
            guard name.allSatisfy({ Script($0) == .kanji }) else { continue }
            for length in 2..<name.count where (kanjiNames[Array(name[..<length])]?.count ?? .max) > name.count {
                kanjiNames[Array(name[..<length])] = name
            }
        }

        return mentions.indices.map { index in
            Entity(span: mentions[index].span, text: texts[index], type: mentions[index].type,
                   id: provisionalID(scalars[mentions[index].span.range], type: mentions[index].type, kanjiNames: kanjiNames))
        }
    }

    /// `entities` with the ids `candidates` (a dictionary's) give: a candidate whose span and type
    /// an entity has lends it its id, and every entity that had the same id takes it too.
    static func applying(_ candidates: [EntityCandidate], to entities: [Entity]) -> [Entity] {
        guard !candidates.isEmpty else { return entities }
        var linked: [String: String] = [:]
        // By index, the spans read in place: enumerating the entities would copy each, retaining its strings.
        let entityAt = Dictionary(entities.indices.map { (entities[$0].span, $0) }, uniquingKeysWith: { first, _ in first })
        for candidate in candidates {
            if let index = entityAt[candidate.span], entities[index].type == candidate.type {
                linked[entities[index].id] = candidate.id
            }
        }
        guard !linked.isEmpty else { return entities }
        return entities.map { entity in
            linked[entity.id].map { entity.linked(id: $0, englishName: entity.englishName, japaneseName: entity.japaneseName) } ?? entity
        }
    }

    /// The parts of a name, split at spaces and at ・.
    static func nameParts(_ name: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        name.split { $0 == " " || $0 == "\u{30FB}" || $0 == "\u{00A0}" }
    }

    static func provisionalID(_ surface: ArraySlice<Unicode.Scalar>, type: EntityType,
                              kanjiNames: [[Unicode.Scalar]: [Unicode.Scalar]]) -> String {
        var key: [Unicode.Scalar]
        switch type {
        case .person:
            key = Array(nameParts(surface).last ?? surface)
            if key.count >= 2, key.last == "s", key[key.count - 2] == "'" { key.removeLast(2) }
            // A kanji short form takes the id of the full name it begins.
            if let full = kanjiNames[Array(surface)] { key = full }
        case .organization, .location:
            key = surface.map { Script($0) == .space ? "_" : $0 }
        }
        let lowered = String(scalars: key).lowercased()
        return type.idPrefix + ":" + lowered
    }

    /// Whole-word occurrences of `names` (distinct) that no mention covers. Cost: O(n + candidates' lengths).
    static func missedShortForms(of names: [ArraySlice<Unicode.Scalar>], in scalars: [Unicode.Scalar],
                                 besides mentions: [(span: Span, type: EntityType)]) -> [(span: Span, type: EntityType)] {
        var covered = [Bool](repeating: false, count: scalars.count)
        for mention in mentions { for offset in mention.span.range { covered[offset] = true } }
        // The names by first code point, longest first.
        let byFirst = Dictionary(grouping: names.filter { !$0.isEmpty }, by: { $0.first! }).mapValues {
            $0.sorted { $0.count > $1.count }
        }
        // A bit per first code point, hashed to 1024 so that most positions are ruled out without a
        // dictionary look-up. Multiplied, not cut to its last bits: hiragana and ASCII letters,
        // which all documents are full of, are a multiple of 1024 apart (ご and T).
        func slot(_ scalar: Unicode.Scalar) -> UInt32 { (scalar.value &* 0x9E37_79B1) >> 22 }
        var firstBits = [UInt64](repeating: 0, count: 16)
        for first in byFirst.keys { firstBits[Int(slot(first) >> 6)] |= 1 << (slot(first) & 63) }
        var found: [(span: Span, type: EntityType)] = []
        // The positions whose bit is set, in one pass over the text without bounds checks.
        let starts = scalars.withUnsafeBufferPointer { text in
            firstBits.withUnsafeBufferPointer { bits in
                text.indices.filter { bits[Int(slot(text[$0]) >> 6)] & 1 << (slot(text[$0]) & 63) != 0 }
            }
        }
        for offset in starts where !covered[offset] {
            guard let candidates = byFirst[scalars[offset]] else { continue }
            // The longest name that stands here as a whole word.
            for name in candidates {
                let end = offset + name.count
                guard end <= scalars.count, scalars[offset..<end].elementsEqual(name),
                      !covered[offset..<end].contains(true) else { continue }
                let script = Script(name.first!)
                // A whole word: the neighbours are not letters of the name's script.
                if offset > 0, continuesWord(scalars[offset - 1], script: script) { continue }
                if end < scalars.count, continuesWord(scalars[end], script: script) { continue }
                found.append((Span(start: offset, end: end), .person))
                for position in offset..<end { covered[position] = true }
                break
            }
        }
        return found
    }

    private static func continuesWord(_ neighbour: Unicode.Scalar, script: Script) -> Bool {
        let other = Script(neighbour)
        switch script {
        case .latin: return other == .latin || other == .digit
        case .katakana: return other == .katakana || neighbour == "\u{30FB}"
        default: return true
        }
    }
}
