//! A ranked full-text index of one city's published listings, held in
//! memory (tantivy) and rebuilt whenever the city's data version moves, so
//! every app instance answers from its own copy and nothing unpublished is
//! ever in it.
//!
//! A query word finds a listing when it is one of the listing's words, or
//! the start of one (typing), or the same word in another grammatical case
//! (Czech and Slovak endings, also those of transliterated Ukrainian and
//! Russian, are cut off and the rest matched as a prefix), or one typo away
//! (two from nine letters), or the initials of its name ("MKP"). Exact
//! matches rank over inflected ones over typos, and a match in the name over
//! one in the needs and categories over one in the address over one in the
//! description.
use super::normalize;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query as TantivyQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

/// What is indexed of one listing.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub id: i64,
    /// Its name as written on the door, in English and in translation;
    /// their initials are indexed too.
    pub names: Vec<String>,
    /// What it is tagged as helping with, in every language.
    pub needs: Vec<String>,
    /// Its category's names and needs, in every language.
    pub topics: Vec<String>,
    /// Street address and district.
    pub address: Vec<String>,
    /// Descriptions, in every language they exist in.
    pub texts: Vec<String>,
}

impl Doc {
    /// An event or a volunteering opportunity: its titles (the translations
    /// as stored, a JSON object of them), the words of what it is about
    /// (its category's needs, in every language) and its search text
    /// (descriptions, place, organisation).
    pub fn listing(id: i64, titles: [&str; 3], topics: Vec<String>, search_text: &str) -> Doc {
        Doc {
            id,
            names: titles.iter().filter(|t| !t.is_empty()).map(|t| t.to_string()).collect(),
            topics,
            texts: vec![search_text.to_string()],
            ..Doc::default()
        }
    }
}

/// A visitor's query, folded like the index, without the words that only
/// name the city being searched (every place there would match them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    words: Vec<String>,
    /// Every word must match (for lists ordered by something else than
    /// relevance, where a loose match would sit among the good ones).
    every_word: bool,
}

impl Query {
    /// `city_names`: the names of the city being searched, in any language.
    pub fn new(text: &str, city_names: &[&str]) -> Self {
        let ignored: Vec<String> = city_names.iter().map(|n| normalize(n)).collect();
        let words = normalize(text)
            .split(' ')
            .flat_map(split_number)
            .filter(|w| !w.is_empty() && !ignored.iter().any(|i| i == w))
            .map(str::to_string)
            .collect();
        Query { words, every_word: false }
    }

    /// The same query with every word required.
    pub fn every_word(self) -> Self {
        Query { every_word: true, ..self }
    }

    /// True when nothing is left to look for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// "p13" (a district as people write it) is "p" and "13"; other words are
/// left whole.
fn split_number(word: &str) -> Vec<&str> {
    let letters = word.find(|c: char| c.is_ascii_digit()).unwrap_or(word.len());
    let digits = &word[letters..];
    if (1..=2).contains(&letters)
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
    {
        vec![&word[..letters], digits]
    } else {
        vec![word]
    }
}

/// Words that say how a visitor asks rather than what for ("where",
/// "find", "I need"; English, Czech and Slovak, Ukrainian and Russian,
/// Vietnamese, Arabic, Mongolian): like short words they only add to the
/// score, unless nothing else is left.
const FILLER: &[&str] = &[
    "where find need want looking for the and with how get near can who help please",
    "kde najit najst najdu najdem hledam hladam potrebuji potrebujem chci chcem jak ako",
    "pro pre kdo kto pomoc pomuze pomoze",
    "де где знайти знайду найти найду потрібен потрібна потрібно нужен нужна нужно хочу",
    "мені мне як как для хто кто допомога допоможе допомогти помощь поможет помочь",
    "tìm cần muốn tôi giúp xin cho",
    "اين ابحث اريد احتاج كيف عن",
    "хаана хайх хэрэгтэй яаж байна туслах тусламж",
];

/// Whether a query word (folded) is one of `FILLER`.
fn is_filler(word: &str) -> bool {
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FOLDED
        .get_or_init(|| FILLER.iter().flat_map(|l| l.split(' ')).map(normalize).collect())
        .iter()
        .any(|f| f == word)
}

/// A listing found, with how well it matched (higher is better).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub id: i64,
    pub score: f32,
}

pub struct Engine {
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("docs", &self.reader.searcher().num_docs()).finish()
    }
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    name: Field,
    initials: Field,
    need: Field,
    topic: Field,
    address: Field,
    text: Field,
    /// Every two neighbouring words of all the above, so that a phrase
    /// ("tâm lý", "legal advice") counts more than its words apart.
    pairs: Field,
}

impl Fields {
    /// Each field with the weight of a match in it.
    fn weighted(&self) -> [(Field, f32); 5] {
        [
            (self.name, 3.0),
            (self.need, 2.0),
            (self.topic, 1.6),
            (self.address, 1.2),
            (self.text, 1.0),
        ]
    }
}

const FOLDED: &str = "folded";
const PAIRS: &str = "pairs";
/// Whole-word matches count fully; the looser ways of matching count less,
/// so a listing with the exact word ranks first.
const INFLECTED: f32 = 0.6;
const PREFIX: f32 = 0.5;
const TYPO: f32 = 0.35;
const SHORT: f32 = 0.05;
/// A word that starts with a listed word ("psychologická" for
/// "psycholog"): a derived word, counted like an inflected one, a bit less.
const DERIVED: f32 = 0.5;
const PAIR: f32 = 2.0;

impl Engine {
    pub fn build(docs: &[Doc]) -> tantivy::Result<Self> {
        let mut schema = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(FOLDED)
            .set_index_option(IndexRecordOption::WithFreqs);
        let text = TextOptions::default().set_indexing_options(indexing.clone());
        // A place tagged with several needs meets each of them as much as a
        // place with one: no length normalisation for needs and topics.
        let tags =
            TextOptions::default().set_indexing_options(indexing.clone().set_fieldnorms(false));
        let pairs = TextOptions::default()
            .set_indexing_options(indexing.set_tokenizer(PAIRS).set_fieldnorms(false));
        let fields = Fields {
            id: schema.add_i64_field("id", FAST),
            name: schema.add_text_field("name", text.clone()),
            initials: schema.add_text_field("initials", text.clone()),
            need: schema.add_text_field("need", tags.clone()),
            topic: schema.add_text_field("topic", tags),
            address: schema.add_text_field("address", text.clone()),
            text: schema.add_text_field("text", text),
            pairs: schema.add_text_field("pairs", pairs),
        };
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(FOLDED, Folded { pairs: false });
        index.tokenizers().register(PAIRS, Folded { pairs: true });
        // 15 MB is the least tantivy accepts; one thread, as indexing a
        // city takes milliseconds and requests are served meanwhile.
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000)?;
        for d in docs {
            let mut doc = TantivyDocument::default();
            doc.add_i64(fields.id, d.id);
            for n in &d.names {
                doc.add_text(fields.name, n);
                doc.add_text(fields.pairs, n);
                for i in initials(n) {
                    doc.add_text(fields.initials, &i);
                }
            }
            let parts = [
                (fields.need, &d.needs),
                (fields.topic, &d.topics),
                (fields.address, &d.address),
                (fields.text, &d.texts),
            ];
            for (field, values) in parts {
                for v in values {
                    doc.add_text(field, v);
                    doc.add_text(fields.pairs, v);
                }
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(Engine { reader, fields })
    }

    /// How many listings the index holds and the bytes it takes.
    pub fn size(&self) -> (u64, u64) {
        let searcher = self.reader.searcher();
        let bytes = searcher.space_usage().map(|u| u.total().get_bytes()).unwrap_or_default();
        (searcher.num_docs(), bytes)
    }

    /// The ids of `docs` that `q` finds, for lists ordered otherwise (events
    /// by date): an index built for this one question.
    pub fn find(docs: &[Doc], q: &Query) -> tantivy::Result<std::collections::HashSet<i64>> {
        if q.is_empty() || docs.is_empty() {
            return Ok(Default::default());
        }
        let engine = Engine::build(docs)?;
        Ok(engine.search(q, docs.len())?.into_iter().map(|h| h.id).collect())
    }

    /// The listings matching `q`, best first, at most `limit`.
    pub fn search(&self, q: &Query, limit: usize) -> tantivy::Result<Vec<Hit>> {
        if q.words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let query = self.query(q);
        let searcher = self.reader.searcher();
        let found = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        // Ids come from the fast-field column, not the document store: a
        // broad query reads hundreds of them.
        let ids = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().i64("id"))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(found
            .into_iter()
            .filter_map(|(score, address)| {
                let id = ids.get(address.segment_ord as usize)?.first(address.doc_id)?;
                Some(Hit { id, score })
            })
            .collect())
    }

    /// Every word of three or more letters is one clause, and most of them
    /// must match: a stray word does not empty the list, but two unrelated
    /// words do not find everything either. Shorter words and asking words
    /// ("kde", "please") only add to the score where they occur.
    fn query(&self, q: &Query) -> BooleanQuery {
        let (long, short): (Vec<&String>, Vec<&String>) = q
            .words
            .iter()
            .partition(|w| (w.chars().count() >= 3 && !is_filler(w)) || w.parse::<u32>().is_ok());
        let only_short = long.is_empty();
        let (required, optional) = if only_short { (short, Vec::new()) } else { (long, short) };
        // A question ("pomoc pro uprchlíky z Ukrajiny") names what it is
        // about loosely: of two words left after its asking words, one will
        // do, and the listings with both still rank first.
        let asked = !only_short && q.words.iter().any(|w| is_filler(w));
        let needed = match required.len() {
            n if q.every_word => n,
            2 if asked => 1,
            n @ 0..=2 => n,
            n => (n * 3).div_ceil(5),
        };
        let clauses: Vec<Box<dyn TantivyQuery>> =
            required.iter().map(|w| self.word(w, true)).collect();
        let mut must: Box<dyn TantivyQuery> =
            Box::new(BooleanQuery::union_with_minimum_required_clauses(clauses, needed));
        // Short words only ("MV ČR"): they may be the initials of a name,
        // written apart.
        if only_short && q.words.len() >= 2 {
            let joined = Term::from_field_text(self.fields.initials, &q.words.concat());
            let initials = TermQuery::new(joined, IndexRecordOption::Basic);
            must = Box::new(BooleanQuery::new(vec![
                (Occur::Should, must),
                (Occur::Should, Box::new(BoostQuery::new(Box::new(initials), 3.0))),
            ]));
        }
        let mut top: Vec<(Occur, Box<dyn TantivyQuery>)> = vec![(Occur::Must, must)];
        // Short words ("na", "v", "ở") are mostly prepositions: they only
        // tip the balance between otherwise equal matches.
        top.extend(optional.iter().map(|w| -> (Occur, Box<dyn TantivyQuery>) {
            (Occur::Should, Box::new(BoostQuery::new(self.word(w, false), SHORT)))
        }));
        top.extend(q.words.windows(2).map(|pair| -> (Occur, Box<dyn TantivyQuery>) {
            let term = Term::from_field_text(self.fields.pairs, &pair.join("_"));
            let phrase = TermQuery::new(term, IndexRecordOption::WithFreqs);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(phrase), PAIR)))
        }));
        BooleanQuery::new(top)
    }

    /// The ways one word may match, the best of them counting (plus a
    /// little for each other field it is also in).
    fn word(&self, word: &str, loose: bool) -> Box<dyn TantivyQuery> {
        let len = word.chars().count();
        let mut ways: Vec<Box<dyn TantivyQuery>> = Vec::new();
        let boosted = |q: Box<dyn TantivyQuery>, weight: f32| -> Box<dyn TantivyQuery> {
            Box::new(BoostQuery::new(q, weight))
        };
        let term = |field: Field, text: &str| Term::from_field_text(field, text);
        if len >= 2 {
            ways.push(boosted(
                Box::new(TermQuery::new(
                    term(self.fields.initials, word),
                    IndexRecordOption::Basic,
                )),
                3.0,
            ));
        }
        for (field, weight) in self.fields.weighted() {
            ways.push(boosted(
                Box::new(TermQuery::new(term(field, word), IndexRecordOption::WithFreqs)),
                weight,
            ));
            if !loose {
                continue;
            }
            if len >= 3 {
                let prefix = FuzzyTermQuery::new_prefix(term(field, word), 0, true);
                ways.push(boosted(Box::new(prefix), weight * PREFIX));
            }
            if let Some(stem) = stem(word) {
                let inflected = FuzzyTermQuery::new_prefix(term(field, stem), 0, true);
                ways.push(boosted(Box::new(inflected), weight * INFLECTED));
            }
            let cuts = len.saturating_sub(4).max(5)..len;
            for start in cuts.filter_map(|cut| word.get(..cut)) {
                let derived = TermQuery::new(term(field, start), IndexRecordOption::Basic);
                ways.push(boosted(Box::new(derived), weight * DERIVED));
            }
            let typos = match len {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            if typos > 0 {
                let fuzzy = FuzzyTermQuery::new(term(field, word), typos, true);
                ways.push(boosted(Box::new(fuzzy), weight * TYPO));
            }
        }
        Box::new(DisjunctionMaxQuery::with_tie_breaker(ways, 0.1))
    }
}

/// The word without its grammatical ending (Czech and Slovak cases, also
/// transliterated Ukrainian and Russian ones), when at least four letters
/// are left: "cizinecka" → "cizineck" finds "cizinecké", "knihovny" →
/// "knihovn" finds "knihovna". None when nothing would be cut.
pub fn stem(word: &str) -> Option<&str> {
    // The English "-ian"/"-ese" of nationalities too: "hungarian" finds
    // "Hungary", "vietnamese" "Vietnam".
    const ENDINGS: [&str; 29] = [
        "ovych", "ovymi", "iami", "ami", "emi", "ych", "ymi", "ich", "imi", "eho", "emu", "ove",
        "ova", "ovy", "ach", "ech", "ian", "ese", "om", "em", "ym", "im", "ou", "a", "e", "i", "o",
        "u", "y",
    ];
    if !word.is_ascii() || word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    ENDINGS
        .iter()
        .find_map(|e| word.strip_suffix(e).filter(|rest| rest.len() >= 4))
        .filter(|rest| rest.len() < word.len())
}

/// Initials people use for a name: of every word ("mkvp" for "Městská
/// knihovna v Praze") and of its longer words only ("mkp"), at least three
/// letters; numbers are left out.
pub fn initials(name: &str) -> Vec<String> {
    // A word written in capitals is itself an abbreviation: all of it
    // counts ("Ministerstvo vnitra ČR" is "MVČR").
    let words: Vec<String> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .map(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            let capitals = letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase);
            let folded = normalize(&letters);
            if capitals {
                folded.to_uppercase()
            } else {
                folded
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let of = |ws: &mut dyn Iterator<Item = &&str>| -> String {
        ws.filter_map(|w| {
            if w.chars().all(char::is_uppercase) && w.chars().count() >= 2 {
                Some(w.to_lowercase())
            } else {
                w.chars().next().map(String::from)
            }
        })
        .collect()
    };
    let all = of(&mut words.iter());
    let long = of(&mut words.iter().filter(|w| w.len() > 2));
    let mut out: Vec<String> = Vec::new();
    for i in [all, long] {
        // "Úřad městské části Praha 3": "umc" as well as "umcp".
        for n in 3..=i.len() {
            let prefix = i[..n].to_string();
            if !out.contains(&prefix) {
                out.push(prefix);
            }
        }
    }
    out
}

/// Splits folded text into words (see `normalize`), or into every two
/// neighbouring words joined by "_".
#[derive(Clone, Copy)]
struct Folded {
    pairs: bool,
}

struct Words {
    tokens: Vec<Token>,
    at: usize,
}

impl Tokenizer for Folded {
    type TokenStream<'a> = Words;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Words {
        let folded = normalize(text);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let terms: Vec<String> = if self.pairs {
            words.windows(2).map(|p| p.join("_")).collect()
        } else {
            words.iter().map(|w| w.to_string()).collect()
        };
        let tokens = terms
            .into_iter()
            .enumerate()
            .map(|(position, text_of_term)| Token {
                position,
                text: text_of_term,
                offset_from: 0,
                offset_to: text.len(),
                position_length: 1,
            })
            .collect();
        Words { tokens, at: 0 }
    }
}

impl TokenStream for Words {
    fn advance(&mut self) -> bool {
        self.at += 1;
        self.at <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.at - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.at - 1]
    }
}

#[cfg(test)]
mod tests;
