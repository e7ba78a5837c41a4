/// The closed word lists the speaker rules read. All entries are lowercase; Japanese entries are
/// matched on NFKC text, most of them as code points (``scalarWords(_:)``).
enum SpeechWords {
    /// `words` as code points: the Japanese rules compare lists of words with the text at many
    /// places, and decoding each word's UTF-8 there cost most of the comparison.
    static func scalarWords(_ words: [String]) -> [[Unicode.Scalar]] { words.map { Array($0.unicodeScalars) } }

    /// Finite verbs that report speech or writing: "X said", "said X".
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "wrote", "writes", "write",
        "asked", "asks", "noted", "notes", "remarked", "stated", "explained",
        "explains", "declared", "declares", "argued", "argues", "claimed", "claims", "insisted",
        "insists", "continued", "continues", "tweeted", "tweets", "posted", "replied", "replies",
        "responded", "responds", "answered", "warned", "warns", "acknowledged", "acknowledges",
        "admitted", "admits", "recalled", "recalls", "predicted", "predicts", "suggested", "suggests",
        "announced", "announces", "reported", "reports", "quipped", "joked", "jokes", "complained",
        "complains", "lamented", "laments", "stressed", "stresses", "emphasized", "emphasizes",
        "observed", "observes", "conceded", "concedes", "recounted", "urged", "urges", "vowed", "vows",
        "promised", "promises", "testified", "concluded", "concludes", "denied", "denies", "charged",
        "countered", "counters", "boasted", "boasts", "exclaimed", "shouted", "yelled", "mused",
        "whispered", "contended", "contends", "asserted", "asserts", "maintained", "maintains",
        "agreed", "agrees", "repeated", "reiterated", "confirmed", "confirms", "cautioned", "cautions",
        "described", "describes", "called", "blasted", "slammed", "mocked", "emailed",
        "texted", "read", "reads", "began", "begins", "expressed", "commented", "pointed",
        "speculated", "wondered", "elaborated", "summarized", "proclaimed", "pleaded", "demanded",
        "sighed", "laughed", "shot", "fired", "retorted", "interjected", "quoted", "quotes",
        "cited", "cites", "opined", "revealed", "reveals", "indicated", "indicates", "thundered",
        "raged", "griped", "grumbled", "scoffed", "chimed", "ventured",
    ]

    /// Participles that report speech with the clause's subject as speaker: "…, stating, “…”".
    static let speechParticiples: Set<String> = [
        "saying", "stating", "adding", "noting", "writing", "telling", "arguing", "explaining",
        "declaring", "insisting", "warning", "asking", "claiming", "suggesting", "calling", "urging",
        "tweeting", "posting", "replying", "responding", "answering", "acknowledging", "admitting",
        "recalling", "predicting", "announcing", "joking", "quipping", "complaining", "lamenting",
        "stressing", "emphasizing", "observing", "conceding", "vowing", "promising", "concluding",
        "denying", "charging", "countering", "boasting", "describing", "remarking", "continuing",
        "reiterating", "repeating", "confirming", "cautioning", "expressing", "commenting", "citing",
        "quoting", "revealing", "proclaiming", "demanding", "pointing",
    ]

    /// Words that may stand between a subject and its verb: "Trump also said", "he has said".
    static let verbModifiers: Set<String> = [
        "also", "later", "then", "once", "previously", "recently", "again", "further", "earlier",
        "repeatedly", "reportedly", "simply", "often", "frequently", "has", "had", "have", "would",
        "will", "was", "were", "is", "are", "did", "does", "do", "just", "even", "only", "subsequently",
        "initially", "first", "finally", "famously", "flatly", "quickly", "angrily", "bluntly",
        "openly", "publicly", "privately", "separately", "similarly", "now", "still", "ultimately",
        "immediately", "never", "always", "may", "might", "could", "should", "can", "be",
        "been", "being", "not", "n't", "allegedly", "apparently", "jokingly", "sarcastically",
        "proudly",
    ]

    /// Words that end a noun phrase when met walking away from its head.
    static let phraseBreakers: Set<String> = [
        "that", "which", "who", "whom", "whose", "and", "or", "but", "when", "as", "because", "if",
        "while", "after", "before", "since", "where", "though", "although", "than", "so", "yet", "with",
        "to", "for", "of", "in", "on", "at", "by", "from", "into", "about", "over", "under", "during",
        "without", "within", "against", "between", "through", "is", "was", "are", "were", "has", "had",
        "have", "be", "been", "will", "would", "can", "could", "should", "may", "might", "do", "does",
        "did", "not", "also", "then", "there", "here", "it", "this", "these", "those", "what", "how",
        "why", "whether", "said", "says", "told", "according", "even", "just", "only", "like", "unlike",
        "per", "via", "amid", "upon", "toward", "towards", "onto", "off", "out", "up", "down", "around",
        "across", "behind", "beyond", "near", "despite", "all", "both",
    ]

    /// Forms of "be" that make a following participle passive ("was announced").
    static let passiveAuxiliaries: Set<String> = ["was", "were", "is", "are", "be", "been", "being"]

    /// Prepositions whose object may stand between a subject and its verb ("officials in Tokyo
    /// said"): the speaker is the phrase before them.
    static let attachedPrepositions: Set<String> = [
        "in", "at", "for", "of", "from", "near", "outside", "inside", "with", "on",
    ]

    /// Determiners that may open a noun phrase ("the White House", "a spokesman").
    static let determiners: Set<String> = [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "one", "another", "some",
        "several", "many", "two", "three", "other", "each", "every", "no",
    ]

    /// Subject pronouns; he/she resolve to the nearest person named before.
    static let personalPronouns: Set<String> = ["he", "she"]
    static let otherPronouns: Set<String> = ["they", "we", "i", "it", "you", "who"]
    static let pluralPronouns: Set<String> = ["they", "we", "i"]
    static let objectPronouns: Set<String> = ["him", "her", "them", "us", "me"]

    /// Speech verbs that may come before their subject: "“…,” said Trump".
    static let invertibleSpeechVerbs: Set<String> = [
        "said", "says", "added", "adds", "wrote", "writes", "asked", "asks", "continued", "noted",
        "explained", "argued", "replied", "declared", "recalled", "stated", "remarked", "tweeted",
        "quipped", "responded", "answered", "insisted", "warned", "concluded", "countered", "observed",
    ]

    /// Small words English titles leave lowercase ("Gang of Eight", "Meet the Press").
    static let titleFunctionWords: Set<String> = [
        "a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "with", "from", "&",
    ]

    /// Words right before a quotation that name it a title or a name, not speech: "a report
    /// titled “…”", "the nickname “…”".
    static let titleNamers: Set<String> = [
        "titled", "entitled", "dubbed", "headlined", "themed", "nickname", "hashtag", "slogan", "motto", "catchphrase",
    ]

    /// Words right before a 「」 quotation in English text that cite it as a Japanese word ("using
    /// the word 「…」"). English marks after them stay speech: "used the words “…”" quotes someone.
    static let wordNamers: Set<String> = [
        "word", "words", "term", "terms", "phrase", "phrases", "expression", "label", "so-called",
    ]

    /// Works and documents whose name may follow them in quotation marks ("his book “…”", "a
    /// report called “…”").
    static let titledWorks: Set<String> = [
        "report", "book", "books", "film", "films", "movie", "documentary", "album", "song", "novel",
        "memoir", "paper", "study", "show", "series", "exhibition", "exhibit", "play", "musical",
        "opera", "campaign", "initiative", "project", "article", "essay", "column", "festival",
        "podcast", "program", "programme", "strategy", "manga", "anime", "drama", "pavilion",
    ]

    /// What follows a 「」 quotation that names it a word or a title: 「…」と題した報告書,
    /// 「…」という言葉, 「…」と呼ばれる.
    static let japaneseTermNamersAfter = scalarWords([
        "と題", "と銘打", "と名付", "と名づ", "と呼ば", "と呼ぶ", "と呼ん", "と称", "という言葉", "という表現", "という用語",
        "という造語", "という名", "というスローガン", "というキャッチフレーズ", "というタイトル", "というテーマ",
    ])

    /// What follows a short 「」 phrase that modifies a noun and so names it: 「…」という例外規定.
    static let japaneseNounModifiers = scalarWords(["という", "といった"])

    /// Works and documents whose title may follow them directly: 報告書「…」, 映画『…』.
    static let japaneseTitledWorks = scalarWords([
        "報告書", "白書", "著書", "書籍", "小説", "映画", "番組", "論文", "作品", "展示", "企画", "スローガン",
        "キャッチフレーズ", "愛称", "通称", "名称", "見出し", "タイトル", "テーマ", "楽曲", "アルバム", "連載",
    ])

    /// Dashes that sign a quotation with its author or end a dateline.
    static let dashes: Set<String> = ["―", "—", "–", "-", "--"]

    static let relativePronouns: Set<String> = ["who", "which", "whose", "whom"]

    /// Words that open an introductory clause or phrase before a sentence's subject.
    static let subordinators: Set<String> = [
        "if", "when", "while", "as", "after", "before", "although", "though", "because", "since",
        "unless", "until", "once", "whereas", "whether", "in", "on", "at", "during", "for", "from",
        "with", "without", "despite", "under", "by", "to", "amid", "following", "like", "unlike",
    ]

    /// Words that open a subordinate clause: what follows them is not the speaker's phrase.
    static let clauseOpeners: Set<String> = [
        "if", "when", "while", "as", "after", "before", "although", "though", "because", "since",
        "unless", "until", "once", "whereas", "whether", "and", "but", "that", "which", "who",
        "where", "so", "then", "even",
    ]

    /// Titles before a name ("Sen. Bernie Sanders", "Prime Minister Ishiba"): they make the name
    /// a person's, and the provisional id leaves them out.
    static let titles: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "senator", "rep", "rep.",
        "representative", "gov", "gov.", "governor", "president", "vice", "prime", "minister",
        "secretary", "chief", "cabinet", "general", "gen", "gen.", "attorney", "speaker", "mayor",
        "judge", "justice", "chairman", "chairwoman", "chair", "director", "ambassador", "commissioner",
        "former", "president-elect", "pastor", "rev", "rev.", "reverend", "sheriff", "lt", "lt.",
        "col", "col.", "capt", "capt.", "sgt", "sgt.", "adm", "adm.", "professor", "prof", "prof.",
        "leader", "deputy", "majority", "minority", "house", "state", "foreign", "defense", "commerce",
        "treasury", "press", "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee",
        "democratic", "republican", "gop", "sir", "lord", "lady", "king", "queen", "emperor", "premier",
        "chancellor", "council", "committee", "u.s.", "us", "campaign", "manager", "adviser",
        "advisor", "senior", "executive", "ceo", "founder", "host", "anchor", "correspondent", "editor",
        "officer", "official", "elect",
    ]

    /// Capitalized words that are not names: sentence openers, days, months and other function
    /// words that English capitalizes.
    static let capitalizedNonNames: Set<String> = [
        "the", "a", "an", "and", "but", "or", "so", "yet", "for", "nor", "if", "when", "while", "as",
        "after", "before", "since", "because", "although", "though", "in", "on", "at", "by", "from",
        "to", "of", "with", "without", "about", "during", "then", "however", "meanwhile", "still",
        "also", "now", "later", "earlier", "today", "yesterday", "tomorrow", "this", "that", "these",
        "those", "there", "here", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "my", "your", "what", "who", "which", "where", "why", "how", "according",
        "asked", "said", "says", "told", "not", "no", "yes", "all", "some", "many", "most", "more",
        "other", "another", "such", "both", "each", "every", "one", "two", "three", "first", "last",
        "next", "instead", "indeed", "even", "just", "only", "perhaps", "maybe", "despite", "under",
        "over", "into", "through", "between", "against", "among", "until", "unless", "whether",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "watch",
        "read", "follow", "click", "update", "updated", "photo", "video", "editor's", "note", "like",
        "unlike", "do", "does", "did", "is", "was", "are", "were", "be", "has", "have", "had", "thanks",
        "well", "oh", "mr", "mrs", "ms", "let", "answer", "question", "we're", "it's", "i'm", "don't", "that's",
        "it’s", "that’s", "i’m", "we’re", "don’t", "there’s", "here’s", "what’s", "let’s", "he’s", "she’s", "they’re",
        "you’re", "i’ve", "we’ve", "there's", "here's", "what's", "let's", "he's", "she's", "they're", "you're", "i've", "we've",
    ]

    /// Weekdays and months, which follow speech verbs as time ("said Tuesday") and are no speakers.
    static let timeWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight", "recently", "earlier", "later", "last", "week", "month", "year",
        "morning", "afternoon", "evening", "night", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Final words of names that are organizations or places, never a person ("he" skips them).
    static let nonPersonHeads: Set<String> = [
        "house", "party", "department", "ministry", "news", "times", "post", "committee", "council",
        "university", "association", "agency", "bureau", "office", "campaign", "court", "congress",
        "senate", "administration", "government", "network", "journal", "press", "foundation",
        "institute", "center", "centre", "group", "company", "corp", "corp.", "inc", "inc.", "club",
        "states", "america", "japan", "china", "russia", "korea", "tokyo", "washington", "york",
        "county", "city", "state", "street", "tower", "fund", "bank", "service", "commission", "union",
        "league", "magazine", "review", "tv", "radio", "cnn", "fox", "nbc", "abc", "cbs", "msnbc",
        "twitter", "facebook", "instagram", "youtube", "reuters", "ap", "bloomberg", "poll", "pac",
        "gop", "fbi", "cia", "nato", "u.s.", "us", "u.k.", "uk", "eu", "un", "democrats", "republicans",
        "americans", "alliance", "summit", "election", "act", "plan", "program", "east", "west",
        "north", "south", "coast", "island", "islands", "room", "hall", "square", "tournament",
        "championship", "cup", "games", "olympics", "expo", "festival", "conference", "forum", "prize",
        "award", "airport", "station", "hospital", "school", "prefecture", "base", "museum", "memorial",
        "district", "region", "peninsula", "trough", "bay", "shrine", "hotel", "exchange", "market", "baseball",
    ]

    /// Prepositions of place: a name after them ("in Hong Kong", "at Yokota Air Base") is a place.
    static let placePrepositions: Set<String> = ["in", "at", "near", "outside", "inside"]

    /// Japanese verbs (their stems, before the inflection) that report a 「…」と quotation.
    static let japaneseCueStems = scalarWords([
        "述べ", "語っ", "語り", "語る", "話し", "話す", "強調", "明らかにし", "明らかにす", "振り返", "指摘", "説明", "発言", "主張", "訴え",
        "言っ", "言い", "言う", "答え", "明かし", "批判", "表明", "報告", "記し", "書い", "書き", "綴", "投稿", "説い", "強く",
        "呼びかけ", "呼び掛け", "求め", "述懐", "証言", "反論", "否定", "意欲", "コメント", "発表", "宣言", "懸念", "評価", "歓迎", "約束",
        "認め", "示し", "ツイート", "つぶやい", "叫", "漏らし", "話",
        "苦笑", "口にし", "笑っ", "憤っ", "分析", "打ち明け", "けん制", "ため息", "あいさつ", "挨拶", "意気込",
    ])

    /// Subjects of Japanese reporting verbs that are rulings, laws, agreements or findings, not
    /// speakers: 判決は「…」と指摘した.
    static let japaneseNonSpeakers = scalarWords([
        "判決", "決定", "協定", "条約", "法案", "法律", "規定", "制度", "結果", "問題", "状況", "影響", "騒音",
    ])

    /// Honorifics written in kana after a Japanese name (岡田真由美さん).
    static let japaneseHonorifics = scalarWords(["さん", "ちゃん", "くん", "さま", "様"])

    /// Titles after a Japanese name (石破首相, 菅官房長官, 山田氏), longest first; the provisional id
    /// leaves them out.
    static let japaneseTitleSuffixes: [String] = [
        "次期大統領", "官房長官", "副大統領", "国務長官", "大統領", "幹事長", "委員長", "元首相", "前首相", "報道官", "容疑者", "首相",
        "長官", "さん", "議員", "知事", "市長", "大臣", "外相", "代表", "総裁", "会長", "社長", "総理", "大使", "局長", "教授",
        "監督", "選手", "被告", "氏", "相",
    ]

    /// What ends a Japanese word for a person speaking: a title, or a word for someone in a post
    /// (担当者, 関係者, 幹部).
    static let japanesePostEndings = scalarWords(japaneseTitleSuffixes + ["者", "幹部"])

    /// Abbreviations whose period does not end a sentence ("Sen. Sanders", "D-Vt.").
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "rev",
        "prof", "jr", "sr", "st", "u.s", "u.k", "u.n", "d.c", "vt", "calif", "fla", "ill", "mass",
        "mich", "ariz", "colo", "conn", "del", "ga", "ind", "kan", "ky", "la", "md", "minn", "miss",
        "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "wash", "wis", "wyo",
        "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    ]
}
