import Foundation
import JPENICU

/// Where a lexicon's sources and compiled files are.
///
/// ```swift
/// var sources = LexiconSources.standard()          // system dictionaries, curated list, cache
/// sources.userLists = ["my-entities.tsv"]          // a user's own list, same TSV format
/// let lexicon = try Lexicon.load(sources)
/// ```
public struct LexiconSources: Sendable {
    /// EDRDG dictionaries (EUC-JP): `(path, source)`; missing files are left out.
    public var dictionaries: [(path: String, source: LexiconSource)]
    /// Entity lists compiled into the main lexicon; the curated list by default.
    public var entityLists: [String]
    /// The user's entity lists, each compiled into its own small file in ``cacheDirectory``.
    public var userLists: [String]
    /// The compiled main lexicon: read from here, and built here when missing or stale.
    public var compiledPath: String
    /// Where user lists are compiled.
    public var cacheDirectory: String

    public init(dictionaries: [(path: String, source: LexiconSource)], entityLists: [String], userLists: [String],
                compiledPath: String, cacheDirectory: String) {
        self.dictionaries = dictionaries
        self.entityLists = entityLists
        self.userLists = userLists
        self.compiledPath = compiledPath
        self.cacheDirectory = cacheDirectory
    }

    /// Debian's dictionaries.
    public static let systemDictionaries = dictionaries(in: "/usr/share/edict")

    /// ENAMDICT and EDICT in `directory`, as files named `enamdict` and `edict`.
    public static func dictionaries(in directory: String) -> [(path: String, source: LexiconSource)] {
        [(directory + "/enamdict", .enamdict), (directory + "/edict", .edict)]
    }

    /// The curated list that ships with jpen (`Dictionaries/entities.tsv`).
    public static var curatedList: String? { Bundle.module.path(forResource: "entities", ofType: "tsv") }

    /// The sources a user gets by default: Debian's dictionaries, the curated list, and the cache
    /// `$XDG_CACHE_HOME/jpen` (else `~/.cache/jpen`). `JPEN_LEXICON` names another compiled file;
    /// `JPEN_DICTIONARY` adds user lists (separated by `:`); `JPEN_EDRDG_DIR` names another folder
    /// holding `enamdict` and `edict`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> LexiconSources {
        let cache: String
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            cache = xdg + "/jpen"
        } else {
            cache = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()) + "/.cache/jpen"
        }
        let userLists = (environment["JPEN_DICTIONARY"] ?? "").split(separator: ":").map(String.init)
        return LexiconSources(
            dictionaries: environment["JPEN_EDRDG_DIR"].flatMap { $0.isEmpty ? nil : dictionaries(in: $0) }
                ?? systemDictionaries,
            entityLists: curatedList.map { [$0] } ?? [], userLists: userLists,
            compiledPath: environment["JPEN_LEXICON"].flatMap { $0.isEmpty ? nil : $0 } ?? cache + "/lexicon.bin",
            cacheDirectory: cache)
    }

    /// A fingerprint of the main lexicon's sources and the format version: a compiled file whose
    /// header carries another one is rebuilt. The system dictionaries count by path, size and
    /// modification time; the small entity lists by content, because each build of jpen copies
    /// its own into a new place (debug and release builds would otherwise rebuild each other's).
    var mainSignature: UInt64 {
        Self.signature(of: dictionaries.map(\.path), contentsOf: entityLists)
    }

    static func signature(of paths: [String], contentsOf lists: [String] = []) -> UInt64 {
        var hash = FNV1a()
        hash.add("\(LexiconFormat.version)")
        for list in lists {
            hash.add(FileManager.default.contents(atPath: list).map { String(decoding: $0, as: UTF8.self) } ?? "missing")
        }
        for path in paths {
            hash.add(path)
            var status = stat()
            if stat(path, &status) == 0 {
                hash.add("\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)")
            } else {
                hash.add("missing")
            }
        }
        return hash.value
    }
}

/// 64-bit FNV-1a: a stable hash for cache signatures (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 + [0] {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}

/// What building a lexicon did, for `jpen lexicon build`.
public struct LexiconBuildReport: Sendable {
    public let path: String
    public let entries: Int
    public let bytes: Int
    public let seconds: Double
}

extension Lexicon {
    /// The lexicon of `sources`, compiling the main file and the user lists first where they are
    /// missing or their sources changed (into the temporary folder when the cache cannot be
    /// written). Cost: milliseconds when compiled files are current; a
    /// full compile of Debian's dictionaries takes seconds (see README).
    public static func load(_ sources: LexiconSources = .standard()) throws(LexiconError) -> Lexicon {
        var sources = sources
        let signature = sources.mainSignature
        if (try? CompiledLexicon(path: sources.compiledPath))?.signature != signature {
            do {
                _ = try build(sources)
            } catch {
                // A read-only home still gets a lexicon: compile into the temporary folder.
                let fallback = NSTemporaryDirectory() + "jpen-\(getuid())"
                sources.compiledPath = fallback + "/lexicon.bin"
                sources.cacheDirectory = fallback
                if (try? CompiledLexicon(path: sources.compiledPath))?.signature != signature {
                    _ = try build(sources)
                }
            }
        }
        var paths: [String] = []
        for list in sources.userLists { paths.append(try compileUserList(list, cacheDirectory: sources.cacheDirectory)) }
        paths.append(sources.compiledPath)
        return try Lexicon(compiledFiles: paths)
    }

    /// Compiles the main lexicon of `sources` into ``LexiconSources/compiledPath``, whether or not
    /// it is current. Cost: O(size of the dictionaries), seconds in a release build.
    @discardableResult
    public static func build(_ sources: LexiconSources) throws(LexiconError) -> LexiconBuildReport {
        let started = Date()
        var builder = LexiconBuilder()
        for list in sources.entityLists {
            for entity in try EntityTable.parse(try readText(list), path: list) { builder.add(entity, source: .curated) }
        }
        for (path, source) in sources.dictionaries where FileManager.default.fileExists(atPath: path) {
            let text: String
            do {
                text = try Converter.decode(try readBytes(path), charset: "EUC-JP")
            } catch let error as LexiconError {
                throw error
            } catch {
                throw LexiconError("cannot decode \(path) from EUC-JP: \(error)")
            }
            for bytes in text.utf8.split(separator: 0x0A) {
                let line = Substring(bytes)
                for record in EDRDGParser.records(in: line, from: source) { builder.add(record, source: source) }
            }
        }
        try makeDirectory(containing: sources.compiledPath)
        let bytes = builder.serialized(signature: sources.mainSignature)
        try LexiconBuilder.writeAtomically(bytes, to: sources.compiledPath)
        return LexiconBuildReport(path: sources.compiledPath, entries: builder.entryCount, bytes: bytes.count,
                                  seconds: Date().timeIntervalSince(started))
    }

    /// The compiled form of the user's list at `path`, compiled into `cacheDirectory` unless a
    /// current one is there.
    static func compileUserList(_ path: String, cacheDirectory: String) throws(LexiconError) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var name = FNV1a()
        name.add(absolute)
        let compiled = cacheDirectory + "/user-" + String(name.value, radix: 16) + ".bin"
        let signature = LexiconSources.signature(of: [absolute])
        if (try? CompiledLexicon(path: compiled))?.signature == signature { return compiled }
        var builder = LexiconBuilder()
        for entity in try EntityTable.parse(try readText(absolute), path: path) { builder.add(entity, source: .user) }
        try makeDirectory(containing: compiled)
        try builder.write(to: compiled, signature: signature)
        return compiled
    }

    private static func readBytes(_ path: String) throws(LexiconError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw LexiconError("cannot read \(path)") }
        return [UInt8](data)
    }

    private static func readText(_ path: String) throws(LexiconError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw LexiconError("\(path) is not UTF-8") }
        return text
    }

    private static func makeDirectory(containing path: String) throws(LexiconError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw LexiconError("cannot create \(directory): \(error.localizedDescription)")
        }
    }
}
