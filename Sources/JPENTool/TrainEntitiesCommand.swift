import ArgumentParser
import Foundation
import JPEN
import JPENICU
import JPENLearning

/// Trains the entity taggers shipped in Sources/JPENEntities/Resources. Hidden: a developer's tool.
struct TrainEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-entities",
        abstract: "Train the entity taggers from annotated data and build their name table.",
        discussion: """
        Each --data file is one of: token<TAB>BIO lines with blank lines between sentences (.bio,
        tokens joined without spaces); CoNLL-U-like "# text = " sentences with id<TAB>token<TAB>IOB2
        lines (.iob2); JSON Lines {"id", "text", "entities": [{"start", "end", "type"}]} (.jsonl).
        Japanese sentences train the character tagger, the others the token tagger. The name
        table (names.bin) is built first from the EDRDG dictionaries and the taggers are trained
        reading it: ship the three files together.
        """,
        shouldDisplay: false
    )

    @Option(help: "Annotated data (repeatable).")
    var data: [String]

    @Option(help: "A TSV with doc_id and non_commercial columns: .jsonl sentences of documents marked 'yes' are left out.")
    var excludeDocuments: String?

    @Option(help: "EDRDG name dictionaries (ENAMDICT, EUC-JP): surfaces and romanized names with their kinds (repeatable).")
    var names: [String] = []

    @Option(help: "EDRDG word dictionaries (EDICT, EUC-JP): headwords and one-word glosses mark ordinary words (repeatable).")
    var words: [String] = []

    @Option(help: "Titles and honorifics written next to names, one a line (Dictionaries/person-titles.txt).")
    var titles: String?

    @Option(help: "Directory to write ner-ja.bin, ner-en.bin and names.bin to.")
    var output: String

    @Option(help: "Passes over the data.")
    var passes = 10

    @Option(help: "Score added to entering a mention, Japanese model: above 0 favours recall.")
    var japaneseBias: Float = 0

    @Option(help: "Score added to entering a mention, English model.")
    var englishBias: Float = 0

    @Option(help: "Models trained in different orders and averaged into each shipped one.")
    var seeds = 1

    @Option(help: "log2 of the number of weight rows of each model.")
    var rowBits = 19

    @Option(help: "Extra copies of each Japanese (.bio) sentence with its names swapped for other names of the same kind from the data (Japanese model only).")
    var swappedCopies = 0

    @Flag(help: "Draw half of the swapped-in organizations from the dictionaries' organizations (ENAMDICT (c)/(o), EDICT names by their gloss) rather than from the data.")
    var dictionarySwaps = false

    func run() throws {
        let excluded = try excludeDocuments.map(Self.nonCommercialDocuments) ?? []
        let rowMask = UInt32((1 << rowBits) - 1)
        var table = NameGazetteerBuilder()
        var organizations: [[Unicode.Scalar]] = []
        for path in names { try EDRDG.addEntries(of: path, isNameDictionary: true, to: &table, organizations: &organizations) }
        for path in words { try EDRDG.addEntries(of: path, isNameDictionary: false, to: &table, organizations: &organizations) }
        let dictionaryNames: [MentionKind: [[Unicode.Scalar]]] = dictionarySwaps ? [.entity(.organization): organizations] : [:]
        if let titles {
            for line in try String(contentsOfFile: titles, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
                table.add(Array(line.trimmingCharacters(in: .whitespaces).unicodeScalars), .title)
            }
        }
        let tablePath = URL(fileURLWithPath: output).appendingPathComponent("names.bin").path
        try Data(table.tableBytes()).write(to: URL(fileURLWithPath: tablePath))
        print("names.bin: \(table.count) keys")
        let nameTable = try NameGazetteer(path: tablePath)
        let set = try EntityTrainingSet(japaneseMask: rowMask, englishMask: rowMask, names: nameTable)
        var swapSources: [AnnotatedSentence] = []
        for path in data {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let examples: [AnnotatedSentence]
            if path.hasSuffix(".bio") {
                examples = AnnotatedSentence.bio(text)
            } else if path.hasSuffix(".iob2") {
                examples = AnnotatedSentence.iob2(text)
            } else {
                examples = try AnnotatedSentence.jsonLines(text, excluding: excluded)
            }
            for example in examples { set.add(Document(text: example.text), mentions: example.mentions) }
            print("\(path): \(examples.count) sentences, \(examples.reduce(0) { $0 + $1.mentions.count }) mentions")
            if path.hasSuffix(".bio") { swapSources += examples }
        }
        // Each seed draws its own swapped names, so the averaged model has seen more of them.
        func japaneseSequences(seed: Int) throws -> [PerceptronTrainer.Sequence] {
            guard swappedCopies > 0 else { return set.japanese }
            let copies = try EntityTrainingSet(japaneseMask: rowMask, englishMask: rowMask, names: nameTable)
            let swapped = AnnotatedSentence.withSwappedNames(swapSources, copies: swappedCopies,
                                                             dictionaryNames: dictionaryNames, seed: UInt64(seed))
            for example in swapped { copies.add(Document(text: example.text), mentions: example.mentions, japaneseOnly: true) }
            print("  seed \(seed): \(swapped.count) sentences with swapped names")
            return set.japanese + copies.japanese
        }
        let models: [(String, UInt32, Int, (Int) throws -> [PerceptronTrainer.Sequence], Float)] = [
            ("ner-ja.bin", CharacterFeatures.featureSet, CharacterFeatures.templateCount, japaneseSequences, japaneseBias),
            ("ner-en.bin", TokenFeatures.featureSet, TokenFeatures.templateCount, { _ in set.english }, englishBias),
        ]
        for (name, featureSet, templateCount, sequencesOfSeed, bias) in models {
            print(name)
            let trainers = try (1...max(seeds, 1)).map { seed in
                let sequences = try sequencesOfSeed(seed)
                let trainer = PerceptronTrainer(featureSet: featureSet, templateCount: templateCount, rowBits: rowBits)
                trainer.train(sequences, passes: passes, seed: UInt64(seed)) { pass, accuracy in
                    print("  seed \(seed) pass \(pass): \(String(format: "%.4f", accuracy)) of positions right")
                }
                return trainer
            }
            let url = URL(fileURLWithPath: output).appendingPathComponent(name)
            try Data(PerceptronTrainer.modelBytes(averaging: trainers, entityBias: bias)).write(to: url)
        }
    }

    static func nonCommercialDocuments(_ path: String) throws -> Set<String> {
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = rows.first, let id = header.firstIndex(of: "doc_id"), let flag = header.firstIndex(of: "non_commercial") else {
            throw ValidationError("\(path) has no doc_id and non_commercial columns")
        }
        return Set(rows.dropFirst().filter { $0.count > max(id, flag) && $0[flag] == "yes" }.map { String($0[id]) })
    }
}

/// A training sentence: its text and its mentions, in code points.
struct AnnotatedSentence {
    var text: String
    var mentions: [(span: Span, kind: MentionKind)]

    /// Mentions from BIO labels of consecutive tokens with the given code-point ranges.
    static func mentions(labels: [Substring], ranges: [Range<Int>]) -> [(span: Span, kind: MentionKind)] {
        var result: [(span: Span, kind: MentionKind)] = []
        var open: (start: Int, end: Int, label: Substring)? = nil
        func close() {
            if let current = open, let kind = MentionKind(label: String(current.label)) {
                result.append((Span(start: current.start, end: current.end), kind))
            }
            open = nil
        }
        for (label, range) in zip(labels, ranges) {
            let parts = label.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, parts[0] == "B" || parts[0] == "I" else { close(); continue }
            if parts[0] == "B" || open?.label != parts[1] { close(); open = (range.lowerBound, range.upperBound, parts[1]) }
            open?.end = range.upperBound
        }
        close()
        return result
    }

    /// `copies` variants of each sentence with names, each name replaced by a name of the same
    /// kind drawn from all the sentences' names (mention replacement): the tagger then sees each
    /// context with names it does not know, and leans on the context rather than on memorized
    /// names. Where `dictionaryNames` holds names of a kind, half of that kind's draws come from
    /// them: heads the data never shows (…汽車, …公団) then meet the data's contexts.
    /// Repeatable: the draws follow `seed`.
    static func withSwappedNames(_ sentences: [AnnotatedSentence], copies: Int,
                                 dictionaryNames: [MentionKind: [[Unicode.Scalar]]] = [:], seed: UInt64 = 1) -> [AnnotatedSentence] {
        var pool: [MentionKind: [[Unicode.Scalar]]] = [:]
        let texts = sentences.map { Array($0.text.unicodeScalars) }
        for (sentence, text) in zip(sentences, texts) {
            for mention in sentence.mentions { pool[mention.kind, default: []].append(Array(text[mention.span.range])) }
        }
        var generator = SplitMix64(seed: 6 &+ seed)
        var result: [AnnotatedSentence] = []
        for (sentence, text) in zip(sentences, texts) where !sentence.mentions.isEmpty {
            for _ in 0..<copies {
                var swapped: [Unicode.Scalar] = []
                var mentions: [(span: Span, kind: MentionKind)] = []
                var offset = 0
                for mention in sentence.mentions.sorted(by: { $0.span < $1.span }) where mention.span.start >= offset {
                    swapped += text[offset..<mention.span.start]
                    let fromDictionary = dictionaryNames[mention.kind].flatMap { Bool.random(using: &generator) ? $0 : nil }
                    let name = (fromDictionary ?? pool[mention.kind]!).randomElement(using: &generator)!
                    mentions.append((Span(start: swapped.count, end: swapped.count + name.count), mention.kind))
                    swapped += name
                    offset = mention.span.end
                }
                swapped += text[offset...]
                result.append(AnnotatedSentence(text: String(String.UnicodeScalarView(swapped)), mentions: mentions))
            }
        }
        return result
    }

    /// token<TAB>label lines; Japanese tokens join without spaces, except between two ASCII letters or digits.
    static func bio(_ file: String) -> [AnnotatedSentence] {
        file.components(separatedBy: "\n\n").compactMap { block in
            var text = String.UnicodeScalarView()
            var labels: [Substring] = [], ranges: [Range<Int>] = []
            var count = 0
            for line in block.split(separator: "\n") {
                let columns = line.split(separator: "\t")
                guard columns.count >= 2 else { continue }
                let token = columns[0].unicodeScalars
                if let last = text.last, let first = token.first, isASCIIWord(last), isASCIIWord(first) {
                    text.append(" ")
                    count += 1
                }
                text.append(contentsOf: token)
                ranges.append(count..<(count + token.count))
                count += token.count
                labels.append(columns[1])
            }
            return labels.isEmpty ? nil : AnnotatedSentence(text: String(text), mentions: mentions(labels: labels, ranges: ranges))
        }
    }

    private static func isASCIIWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    /// "# text = " sentences with idx<TAB>token<TAB>label lines; tokens found in the text in order.
    static func iob2(_ file: String) -> [AnnotatedSentence] {
        file.components(separatedBy: "\n\n").compactMap { block in
            var text: [Unicode.Scalar] = []
            var labels: [Substring] = [], ranges: [Range<Int>] = []
            var position = 0
            for line in block.split(separator: "\n") {
                if line.hasPrefix("# text = ") { text = Array(line.dropFirst(9).unicodeScalars); continue }
                let columns = line.split(separator: "\t")
                guard !line.hasPrefix("#"), columns.count >= 3, !columns[0].contains("-"), !columns[0].contains(".") else { continue }
                let token = Array(columns[1].unicodeScalars)
                guard let start = find(token, in: text, from: position) else { return nil }
                ranges.append(start..<(start + token.count))
                position = start + token.count
                labels.append(columns[2])
            }
            return labels.isEmpty ? nil : AnnotatedSentence(text: String(String.UnicodeScalarView(text)), mentions: mentions(labels: labels, ranges: ranges))
        }
    }

    private static func find(_ token: [Unicode.Scalar], in text: [Unicode.Scalar], from position: Int) -> Int? {
        var start = position
        while start + token.count <= text.count {
            if text[start..<(start + token.count)].elementsEqual(token) { return start }
            guard Script(text[start]) == .space else { return nil }
            start += 1
        }
        return nil
    }

    /// JSON Lines {"id", "text", "entities"}; sentences whose document (the id before its last
    /// '-') is in `excluded` are skipped.
    static func jsonLines(_ file: String, excluding excluded: Set<String>) throws -> [AnnotatedSentence] {
        try file.split(separator: "\n").compactMap { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else { return nil }
            if let id = object["id"] as? String, let dash = id.lastIndex(of: "-"), excluded.contains(String(id[..<dash])) {
                return nil
            }
            let entities = object["entities"] as? [[String: Any]] ?? []
            let mentions = entities.compactMap { entity -> (span: Span, kind: MentionKind)? in
                guard let start = entity["start"] as? Int, let end = entity["end"] as? Int,
                      let kind = MentionKind(label: entity["type"] as? String ?? "") else { return nil }
                return (Span(start: start, end: end), kind)
            }
            return AnnotatedSentence(text: text, mentions: mentions)
        }
    }
}

/// Reads EDRDG dictionary lines, `HEADWORD [READING] /(tags) gloss/gloss/(tags) gloss/`, into a
/// name table: headwords as written (NFKC), glosses lowercased.
enum EDRDG {
    /// Also collects the surfaces of organizations (and nothing else) into `organizations`.
    static func addEntries(of path: String, isNameDictionary: Bool, to table: inout NameGazetteerBuilder,
                           organizations: inout [[Unicode.Scalar]]) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let text = try Converter.decode(bytes, charset: "EUC-JP")
        let normalizer = TextNormalizer()
        for line in text.split(separator: "\n") {
            guard let slash = line.firstRange(of: " /") else { continue }
            let head = line[..<slash.lowerBound]
            let surface = head.split(separator: " [").first.map(String.init) ?? ""
            guard !surface.isEmpty, !surface.hasPrefix("？") else { continue }
            var classes: NameClasses = isNameDictionary ? [] : .word
            var surfaceClasses = classes
            var isFirstGloss = true
            for field in line[slash.upperBound...].split(separator: "/") {
                var gloss = field.drop { $0 == " " }
                while gloss.first == "(", let close = gloss.firstIndex(of: ")") {
                    if isNameDictionary {
                        let tags = gloss[gloss.index(after: gloss.startIndex)..<close].split(separator: ",")
                        let tagged = tags.reduce(into: NameClasses()) { $0.formUnion(nameClasses(tag: $1)) }
                        if !tagged.isEmpty { classes = tagged }
                    }
                    gloss = gloss[gloss.index(after: close)...].drop { $0 == " " }
                }
                // Trailing notes: "Los Angeles (abbr)", "Ishiba Shigeru (1957.2.4-)".
                if let note = gloss.firstRange(of: " (") { gloss = gloss[..<note.lowerBound] }
                guard !gloss.isEmpty, gloss != "P" else { continue }
                if !isNameDictionary, isFirstGloss {
                    // EDICT also lists proper names ("Baath Party", "Gansu Province"): its first gloss tells.
                    isFirstGloss = false
                    if let named = properNameClasses(gloss) { classes = named; surfaceClasses = named }
                }
                surfaceClasses.formUnion(classes)
                if isNameDictionary {
                    let lowered = gloss.lowercased()
                    table.add(Array(lowered.unicodeScalars), classes)
                    // Full names are romanized family name first; English writes them given name first.
                    let parts = lowered.split(separator: " ")
                    if classes.contains(.fullName), parts.count == 2 { table.add(Array("\(parts[1]) \(parts[0])".unicodeScalars), classes) }
                } else if let first = gloss.first, first.isLowercase, !gloss.contains(" ") {
                    table.add(Array(gloss.unicodeScalars), .word)
                }
            }
            if !surfaceClasses.isEmpty {
                let scalars = normalizer.normalize(Document(text: surface)).scalars
                table.add(scalars, surfaceClasses)
                if surfaceClasses == .organization { organizations.append(scalars) }
            }
        }
    }

    /// The classes of an EDICT headword whose first gloss is a proper name, every word capitalized
    /// but for particles ("Ministry of Foreign Affairs", "Seto Inland Sea"): an organization or a
    /// place when its head word says so, else a name of unknown kind; nil for an ordinary word.
    static func properNameClasses(_ gloss: Substring) -> NameClasses? {
        let words = gloss.split(separator: " ")
        guard gloss.count >= 3, let first = words.first?.first, first.isUppercase,
              words.allSatisfy({ $0.first!.isUppercase || !$0.first!.isLetter || lowercaseNameWords.contains($0) }) else { return nil }
        if words.contains(where: { organizationWords.contains($0) }) { return .organization }
        if words.contains(where: { placeWords.contains($0) }) { return .place }
        return .name
    }

    static let lowercaseNameWords: Set<Substring> = ["of", "the", "and", "for", "de", "in", "on", "&"]

    /// Head words of English organization names.
    static let organizationWords: Set<Substring> = [
        "Party", "Company", "Corporation", "Corp.", "Inc.", "Ltd.", "Ministry", "University", "College", "Bank",
        "Association", "Agency", "Council", "Committee", "League", "Union", "Army", "Navy", "Society", "Federation",
        "Institute", "Foundation", "Organization", "Group", "Bureau", "Office", "Department", "Board", "Commission",
        "Court", "Police", "Church", "Club", "Team", "School", "Academy", "Railway", "Airlines", "Airways",
        "Broadcasting", "Newspaper", "Cabinet", "Parliament", "Diet", "Assembly", "Government", "Shogunate",
        "Network", "Press", "Studio", "Studios", "Records", "Motors", "Industries", "Holdings", "Alliance",
        "Coalition", "Front", "Corps", "Guard", "Fund", "Center", "Centre",
    ]

    /// Head words of English place names.
    static let placeWords: Set<Substring> = [
        "River", "Mountain", "Mount", "Island", "Islands", "Prefecture", "City", "Town", "Village", "Station",
        "Temple", "Shrine", "Park", "Bridge", "Airport", "Lake", "Bay", "Sea", "Ocean", "Peninsula", "Strait",
        "Province", "State", "Kingdom", "Republic", "Empire", "Castle", "Palace", "Tower", "Port", "Harbor",
        "Valley", "Desert", "Plain", "Cape", "Gulf", "Street", "Avenue", "Hall", "Stadium", "Region", "District",
        "County", "Canal", "Falls", "Hills", "Range", "Square",
    ]

    /// The classes an ENAMDICT tag stands for.
    static func nameClasses(tag: Substring) -> NameClasses {
        switch tag {
        case "s": .surname
        case "g", "f", "m": .givenName
        case "h": .fullName
        case "p", "st": .place
        case "o", "c": .organization
        default: .name
        }
    }
}
