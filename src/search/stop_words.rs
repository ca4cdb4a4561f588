//! Words too common to index or search, per language, lower-case, in byte
//! order (looked up by binary search). English is `tokens::STOP_WORDS`.
//! Lists of the languages a site's texts are in go to the browser in the
//! index's metadata, so that a query drops the same words.

#[rustfmt::skip]
pub const RU: &[&str] = &[
    "а", "без", "более", "больше", "будет", "будто", "бы", "был", "была", "были", "было", "быть",
    "в", "вам", "вас", "ведь", "во", "вот", "впрочем", "все", "всегда", "всего", "всех", "всю",
    "вы", "где", "да", "даже", "два", "для", "до", "другой", "его", "ее", "ей", "ему", "если",
    "есть", "еще", "ещё", "её", "ж", "же", "за", "зачем", "здесь", "и", "из", "или", "им", "иногда",
    "их", "к", "кажется", "как", "какая", "какой", "когда", "конечно", "которая", "которое",
    "которые", "который", "которых", "кто", "куда", "ли", "лучше", "между", "меня", "мне", "много",
    "может", "можно", "мой", "моя", "мы", "на", "над", "надо", "наконец", "нас", "не", "него",
    "нее", "ней", "нельзя", "нет", "ни", "нибудь", "никогда", "ним", "них", "ничего", "но", "ну",
    "о", "об", "один", "он", "она", "они", "опять", "от", "перед", "по", "под", "после", "потом",
    "потому", "почти", "при", "про", "раз", "разве", "с", "сам", "свою", "себе", "себя", "сейчас",
    "со", "совсем", "так", "также", "такой", "там", "тебя", "тем", "теперь", "то", "тогда", "того",
    "тоже", "только", "том", "тот", "три", "тут", "ты", "у", "уж", "уже", "хорошо", "хоть", "чего",
    "чем", "через", "что", "чтоб", "чтобы", "чуть", "эти", "это", "этого", "этой", "этом", "этот",
    "эту", "я"
];

#[rustfmt::skip]
pub const FR: &[&str] = &[
    "au", "aura", "aurai", "aussi", "aux", "avaient", "avais", "avait", "avec", "avez", "avons",
    "ayant", "c", "ce", "celle", "celles", "ces", "cet", "cette", "ceux", "comme", "d", "dans",
    "de", "des", "dont", "du", "elle", "en", "entre", "es", "est", "et", "eu", "eux", "fus", "fut",
    "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lors", "lui", "m", "ma",
    "mais", "me", "mes", "moi", "mon", "même", "n", "ne", "nos", "notre", "nous", "on", "ont", "ou",
    "où", "par", "pas", "plus", "pour", "qu", "que", "qui", "s", "sa", "sans", "se", "selon",
    "sera", "serai", "serais", "serait", "serons", "seront", "ses", "si", "sommes", "son", "sont",
    "sous", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre",
    "vous", "y", "à", "étaient", "étais", "était", "étant", "étions", "été", "étée", "étées",
    "étés", "êtes"
];

#[rustfmt::skip]
pub const DE: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander",
    "andere", "anderem", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "bin", "bis",
    "bist", "da", "damit", "dann", "das", "dass", "dasselbe", "dazu", "daß", "dein", "deine", "dem",
    "demselben", "den", "denn", "denselben", "der", "derer", "derselbe", "derselben", "des",
    "desselben", "dessen", "dich", "die", "dies", "diese", "dieselbe", "dieselben", "diesem",
    "diesen", "dieser", "dieses", "dir", "doch", "dort", "du", "durch", "ein", "eine", "einem",
    "einen", "einer", "eines", "einig", "einige", "einigem", "einigen", "einiger", "einiges",
    "einmal", "er", "es", "etwas", "euch", "euer", "eure", "für", "gegen", "gewesen", "hab", "habe",
    "haben", "hat", "hatte", "hatten", "hier", "hin", "hinter", "ich", "ihm", "ihn", "ihnen", "ihr",
    "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "in", "indem", "ins", "ist", "jede", "jedem",
    "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener", "jenes", "jetzt", "kann", "kein",
    "keine", "keinem", "keinen", "keiner", "keines", "können", "könnte", "machen", "man", "manche",
    "mein", "meine", "mich", "mir", "mit", "muss", "musste", "nach", "nicht", "nichts", "noch",
    "nun", "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner",
    "seines", "selbst", "sich", "sie", "sind", "so", "solche", "soll", "sollte", "sondern", "sonst",
    "um", "und", "uns", "unsere", "unter", "vom", "von", "vor", "war", "waren", "warst", "was",
    "weg", "weil", "weiter", "welche", "wenn", "werde", "werden", "wie", "wieder", "will", "wir",
    "wird", "wirst", "wo", "wollen", "wollte", "würde", "würden", "zu", "zum", "zur", "zwar",
    "zwischen", "über"
];

#[rustfmt::skip]
pub const ES: &[&str] = &[
    "a", "al", "algo", "algunas", "algunos", "ante", "antes", "como", "con", "contra", "cual",
    "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en",
    "entre", "era", "eran", "es", "esa", "ese", "eso", "esta", "estar", "estas", "este", "esto",
    "estos", "está", "están", "fue", "ha", "han", "hasta", "hay", "la", "las", "le", "les", "lo",
    "los", "me", "mi", "mis", "mucho", "muchos", "muy", "más", "mí", "nada", "ni", "no", "nos",
    "nosotros", "o", "otra", "otras", "otro", "otros", "para", "pero", "poco", "por", "porque",
    "que", "quien", "quienes", "qué", "se", "ser", "sido", "sin", "sobre", "son", "su", "sus", "sí",
    "también", "tanto", "te", "ti", "todo", "todos", "tu", "tus", "tú", "un", "una", "uno", "unos",
    "y", "ya", "yo", "él"
];

#[rustfmt::skip]
pub const IT: &[&str] = &[
    "a", "abbiamo", "ad", "agl", "agli", "ai", "al", "all", "alla", "alle", "allo", "anche",
    "avete", "c", "che", "chi", "ci", "coi", "col", "come", "con", "contro", "cui", "da", "dagl",
    "dagli", "dai", "dal", "dall", "dalla", "dalle", "dallo", "degl", "degli", "dei", "del", "dell",
    "della", "delle", "dello", "di", "dov", "dove", "e", "ed", "era", "erano", "essere", "gli",
    "ha", "hai", "hanno", "ho", "i", "il", "in", "io", "l", "la", "le", "lei", "li", "lo", "loro",
    "lui", "ma", "mi", "mia", "mie", "miei", "mio", "ne", "negl", "negli", "nei", "nel", "nell",
    "nella", "nelle", "nello", "noi", "non", "nostra", "nostre", "nostri", "nostro", "o", "per",
    "perché", "più", "quale", "quanta", "quante", "quanti", "quanto", "quella", "quelle", "quelli",
    "quello", "questa", "queste", "questi", "questo", "se", "si", "sono", "stata", "stato", "su",
    "sua", "sue", "sugl", "sugli", "sui", "sul", "sull", "sulla", "sulle", "sullo", "suo", "suoi",
    "ti", "tra", "tu", "tua", "tue", "tuo", "tuoi", "tutti", "tutto", "un", "una", "uno", "vi",
    "voi", "vostra", "vostre", "vostri", "vostro", "è"
];

#[rustfmt::skip]
pub const PT: &[&str] = &[
    "a", "ao", "aos", "aquela", "aquelas", "aquele", "aqueles", "aquilo", "as", "até", "com",
    "como", "da", "das", "de", "dela", "delas", "dele", "deles", "depois", "do", "dos", "e", "ela",
    "elas", "ele", "eles", "em", "entre", "era", "essa", "essas", "esse", "esses", "esta", "estas",
    "este", "estes", "eu", "foi", "isso", "isto", "já", "lhe", "lhes", "mais", "mas", "me", "mesmo",
    "meu", "meus", "minha", "minhas", "muito", "na", "nas", "nem", "no", "nos", "nossa", "nossas",
    "nosso", "nossos", "num", "numa", "não", "nós", "o", "os", "ou", "para", "pela", "pelas",
    "pelo", "pelos", "por", "qual", "quando", "que", "quem", "se", "sem", "ser", "seu", "seus",
    "sua", "suas", "são", "só", "também", "te", "teu", "teus", "tu", "tua", "tuas", "um", "uma",
    "você", "vocês", "vos", "à", "às", "é"
];

/// The stop words of a language (its primary subtag), if dossier has them.
pub fn of(language: &str) -> &'static [&'static str] {
    match language {
        "en" => super::tokens::STOP_WORDS,
        "ru" => RU,
        "fr" => FR,
        "de" => DE,
        "es" => ES,
        "it" => IT,
        "pt" => PT,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_sorted_for_binary_search() {
        for l in ["en", "ru", "fr", "de", "es", "it", "pt"] {
            let list = super::of(l);
            assert!(!list.is_empty());
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{l}");
        }
    }
}
