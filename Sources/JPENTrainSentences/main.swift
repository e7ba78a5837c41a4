// jpen-train-sentences OUTPUT FILE... [--documents DOCS.tsv]: trains the English sentence-break
// weights and writes them in the format SentenceBoundaryModel reads.
//
// FILE is CoNLL-U-like text with `# newdoc` and `# text = …` lines (UD English-EWT train), or
// JSON Lines with one sentence a line, {"id": "DOCUMENT-N", "text": …} (GUM). With --documents,
// JSON Lines sentences count only when their document's row in DOCS.tsv (GUM's docs.tsv) says
// non_commercial "no", so that nothing under a non-commercial licence goes into the weights.
import Foundation
import JPENSegment

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("jpen-train-sentences: \(message)\n".utf8))
    exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var allowedDocuments: Set<Substring>? = nil
if let flag = arguments.firstIndex(of: "--documents") {
    guard flag + 1 < arguments.count else { fail("--documents needs a file", status: 2) }
    let table = (try? String(contentsOfFile: arguments[flag + 1], encoding: .utf8)) ?? ""
    let rows = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    guard let header = rows.first, let name = header.firstIndex(of: "doc_id"),
          let nonCommercial = header.firstIndex(of: "non_commercial") else {
        fail("\(arguments[flag + 1]) has no doc_id and non_commercial columns", status: 1)
    }
    allowedDocuments = Set(rows.dropFirst().filter { $0.count > nonCommercial && $0[nonCommercial] == "no" }.map { $0[name] })
    arguments.removeSubrange(flag...flag + 1)
}
guard arguments.count >= 2 else { fail("usage: jpen-train-sentences OUTPUT FILE... [--documents DOCS.tsv]", status: 2) }

var documents: [SentenceBoundaryTrainer.Document] = []
for path in arguments.dropFirst() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)", status: 1) }
    if path.hasSuffix(".jsonl") {
        var sentences: [(document: Substring, text: Substring)] = []
        for line in text.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let sentence = object["text"] as? String else {
                fail("\(path): a line is not an object with \"id\" and \"text\"", status: 1)
            }
            let document = id[..<(id.lastIndex(of: "-") ?? id.endIndex)]
            if allowedDocuments?.contains(document) ?? true { sentences.append((document, Substring(sentence))) }
        }
        documents += SentenceBoundaryTrainer.documents(fromSentences: sentences, sentencesPerDocument: 30)
    } else {
        let sentences = SentenceBoundaryTrainer.sentences(fromCoNLL: text)
        documents += SentenceBoundaryTrainer.documents(fromSentences: sentences, sentencesPerDocument: 30)
    }
}
let weights = SentenceBoundaryTrainer.train(documents, bits: 18, epochs: 10)
do {
    try SentenceBoundaryModel.write(weights: weights, to: arguments[0])
} catch {
    fail("\(error)", status: 1)
}
print("trained on \(documents.count) documents; wrote \(arguments[0])")
