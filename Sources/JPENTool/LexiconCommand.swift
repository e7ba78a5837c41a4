import ArgumentParser
import Foundation
import JPEN
import JPENLexicon

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Build the compiled name lexicon, or show what it knows about a name.",
        subcommands: [Build.self, Lookup.self]
    )

    /// Where the lexicon comes from; every command that reads names takes these.
    struct Options: ParsableArguments {
        @Option(help: "The compiled lexicon file (default: $JPEN_LEXICON, else ~/.cache/jpen/lexicon.bin); built there when missing or stale.")
        var lexicon: String?

        @Option(name: .customLong("dictionary"), help: "A TSV entity list of your own (same columns as Dictionaries/entities.tsv); repeatable.")
        var dictionaries: [String] = []

        @Option(help: "The folder holding EDRDG's enamdict and edict (default: $JPEN_EDRDG_DIR, else /usr/share/edict).")
        var edrdg: String?

        /// The sources these options name; with --lexicon, user lists are compiled beside it.
        var sources: LexiconSources {
            var sources = LexiconSources.standard()
            if let lexicon {
                sources.compiledPath = lexicon
                sources.cacheDirectory = (lexicon as NSString).deletingLastPathComponent
            }
            if let edrdg { sources.dictionaries = LexiconSources.dictionaries(in: edrdg) }
            sources.userLists += dictionaries
            return sources
        }
    }

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile Debian's enamdict and edict and the curated entity list into one file.")

        @OptionGroup var options: Options

        func run() throws {
            let report = try Lexicon.build(options.sources)
            print("\(report.path): \(report.entries) entries, \(report.bytes) bytes, \(String(format: "%.1f", report.seconds)) s")
        }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the lexicon's entries for a name and the id it links to.",
            discussion: """
            With no NAME, reads one name a line from standard input and prints one line each:
            name, id, English name, Japanese name, tab-separated. With --compare, each input line is
            a Japanese name and an English name separated by a tab, and the line printed adds how
            well they match (0 to 1).
            """)

        @OptionGroup var options: Options

        @Option(help: "The entity type to link as: PERSON, ORG or LOC.")
        var type: String = "PERSON"

        @Flag(help: "Read 'JAPANESE<TAB>ENGLISH' lines and print both ids and their similarity.")
        var compare = false

        @Argument(help: "A Japanese or English name, e.g. 石破茂 or \"Shinzo Abe\".")
        var name: String?

        func run() throws {
            guard let type = JPENLexicon.EntityType(label: type.uppercased()) else {
                throw ValidationError("--type must be PERSON, ORG or LOC")
            }
            let lexicon = try Lexicon.load(options.sources)
            let linker = NameLinker(lexicon: lexicon)
            guard let name else {
                var out = ""
                while let line = readLine() {
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    if compare, fields.count >= 2 {
                        let japanese = linker.resolve(fields[0], type: type), english = linker.resolve(fields[1], type: type)
                        let score = linker.similarity(japanese: fields[0], english: fields[1])
                        out += "\(fields[0])\t\(fields[1])\t\(japanese.id)\t\(english.id)\t\(String(format: "%.3f", score))\n"
                    } else {
                        let linked = linker.resolve(line, type: type)
                        out += "\(line)\t\(linked.id)\t\(linked.englishName ?? "")\t\(linked.japaneseName ?? "")\n"
                    }
                    if out.utf8.count > 1 << 16 { print(out, terminator: ""); out = "" }
                }
                print(out, terminator: "")
                return
            }
            let linked = linker.resolve(name, type: type)
            print("id: \(linked.id)")
            print("english: \(linked.englishName ?? "-")  japanese: \(linked.japaneseName ?? "-")")
            for entry in lexicon.lookup(name).prefix(20) {
                let kinds = entry.listedType?.rawValue ?? entry.types.map(\.rawValue).joined(separator: ",")
                let reading = entry.reading.isEmpty ? "" : " [\(entry.reading)]"
                let id = entry.listedID.map { " " + $0 } ?? ""
                print("  \(entry.source): \(entry.surface)\(reading) \(entry.glosses.joined(separator: " / ")) (\(kinds.isEmpty ? "-" : kinds))\(id)")
            }
        }
    }
}
