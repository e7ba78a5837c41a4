import Testing
@testable import JPENLexicon

@Suite struct LexiconKeyTests {
    @Test func macronsCaseAndLongVowelsFold() {
        #expect(LexiconKey.make("Shinzō") == "shinzo")
        #expect(LexiconKey.make("Shinzou") == "shinzo")
        #expect(LexiconKey.make("SHINZOO") == "shinzo")
        #expect(LexiconKey.make("Yūki") == LexiconKey.make("Yuuki"))
        #expect(LexiconKey.make("Ötzi") == "otzi")
    }

    @Test func separatorsDrop() {
        #expect(LexiconKey.make("ウィルバー・ロス") == LexiconKey.make("ウィルバーロス"))
        #expect(LexiconKey.make("U.S.") == "us")
        #expect(LexiconKey.make("Ｔｒｕｍｐ") == "trump")
    }

    @Test func edgeSizes() {
        #expect(LexiconKey.make("") == "")
        #expect(LexiconKey.make("・") == "")
        #expect(LexiconKey.make("菅") == "菅")
        #expect(LexiconKey.make("𠮷田") == "𠮷田")
    }

    @Test func knownNFKCTextSkipsNoChange() {
        for text in ["", "a", "菅", "ア", "Shigeru Ishiba", "石破茂", "ウィルバー・ロス", "ガッツ", "々"] {
            #expect(LexiconKey.isKnownNFKC(text))
            #expect(LexiconKey.nfkc(text) == text)
        }
        // Not vouched for, so ICU normalizes them: non-BMP, full-width, half-width kana, a
        // voicing mark, a compatibility ideograph, an accent.
        for text in ["𠮷", "Ｔ", "ｶ", "カ\u{3099}", "\u{FA4C}", "é"] {
            #expect(!LexiconKey.isKnownNFKC(text))
        }
        #expect(LexiconKey.nfkc("ｶ") == "カ")
        #expect(LexiconKey.nfkc("カ\u{3099}") == "ガ")
        #expect(LexiconKey.nfkc("𠮷") == "𠮷")
        #expect(!LexiconKey.isKnownNFKC("\u{309B}"))
    }

    @Test func accentedLatinLettersFoldAtTheEdgesOfTheirBlocks() {
        let expected: [UInt32: String?] = [
            0xBF: nil, 0xC0: "a", 0xDF: "ss", 0x14D: "o", 0x24F: nil, 0x250: nil,
            0x1DFF: nil, 0x1E00: "a", 0x1EF9: "y", 0x1EFF: nil, 0x1F00: nil, 0x3042: nil, 0x20BB7: nil,
        ]
        for (value, folded) in expected {
            #expect(LexiconKey.asciiFold(Unicode.Scalar(value)!) == folded, "U+\(String(value, radix: 16))")
        }
    }

    @Test func orderFreeSlugsIgnoreWordOrder() {
        #expect(LexiconKey.orderFreeSlug("Shigeru Ishiba") == "ishiba-shigeru")
        #expect(LexiconKey.orderFreeSlug("Ishiba Shigeru") == "ishiba-shigeru")
        #expect(LexiconKey.orderFreeSlug("Funabashi Youichi") == LexiconKey.orderFreeSlug("Yoichi Funabashi"))
        #expect(LexiconKey.orderFreeSlug("") == "")
    }

    @Test func slugsKeepTheWrittenOrderAndLetters() {
        #expect(LexiconKey.slug("Japan Bank for International Cooperation") == "japan-bank-for-international-cooperation")
        #expect(LexiconKey.slug("Tokyo Bay") == "tokyo-bay")
        #expect(LexiconKey.slug("Far  East") == "far-east")
        #expect(LexiconKey.slug("Shinzō ABE") == "shinzo-abe")
        #expect(LexiconKey.slug("Funabashi Youichi", shorteningLongVowels: true) == "funabashi-yoichi")
        #expect(LexiconKey.slug("") == "")
        #expect(LexiconKey.slug("A") == "a")
        #expect(LexiconKey.slug("𠮷 Bay") == "𠮷-bay")
    }

    @Test func slugsOfOnePassMatchEachSlug() {
        for name in ["", "A", "Funabashi Youichi", "Shinzō  ABE", "Oo uu", "𠮷 Bay", "ウィルバー・ロス"] {
            for shortening in [false, true] {
                let slugs = LexiconKey.slugs(name, shorteningLongVowels: shortening)
                #expect(slugs.slug == LexiconKey.slug(name, shorteningLongVowels: shortening), "\(name)")
                #expect(slugs.orderFree == LexiconKey.orderFreeSlug(name), "\(name)")
            }
        }
    }

    @Test func kanaAndKanjiFoldToThemselves() {
        // Folding skips the script look-up for these; it must agree with it.
        for value in Array(0x3041...0x30FF) + [0x4E00, 0x6F22, 0x9FFF] {
            let scalar = Unicode.Scalar(value)!
            var folder = LexiconKey.Folder()
            let separator = LexiconKey.isSeparator(scalar)
            switch folder.fold(scalar) {
            case .none: #expect(separator, "\(value)")
            case .one(let folded): #expect(!separator && folded == scalar, "\(value)")
            case .several: Issue.record("\(value) folds to several")
            }
        }
    }

    @Test func foldAsValueMatchesFoldIntoClosure() {
        func folded(_ text: String) -> [Unicode.Scalar] {
            var folder = LexiconKey.Folder(), out: [Unicode.Scalar] = []
            for scalar in text.unicodeScalars {
                switch folder.fold(scalar) {
                case .none: break
                case .one(let scalar): out.append(scalar)
                case .several(let scalars): out += scalars
                }
            }
            return out
        }
        for text in ["", "a", "・", "Shinzou", "Straße", "ß", "Œuvre", "𠮷野家", "ウィルバー・ロス", "Oo"] {
            #expect(String(String.UnicodeScalarView(folded(text))) == LexiconKey.make(text), "\(text)")
        }
        var folder = LexiconKey.Folder()
        guard case .several(let scalars) = folder.fold("ß") else { Issue.record("ß folds to ss"); return }
        #expect(scalars == ["s", "s"])
    }
}
