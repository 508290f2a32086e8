use super::*;

fn doc(id: i64, name: &str, address: &str, text: &str) -> Doc {
    Doc {
        id,
        names: vec![name.to_string()],
        address: vec![address.to_string()],
        texts: vec![text.to_string()],
        ..Doc::default()
    }
}

fn engine() -> Engine {
    let docs = [
        doc(
            1,
            "Ředitelství služby cizinecké policie",
            "Olšanská 2, Praha 3",
            "Pobyt cizinců a víza.",
        ),
        doc(2, "Městská knihovna v Praze", "Mariánské náměstí 1, Praha 1", "Knihy a kurzy."),
        doc(3, "Úřad městské části Praha 3", "Havlíčkovo náměstí 9, Praha 3", "Trvalý pobyt."),
        doc(
            4,
            "Integrační centrum Praha",
            "Žitná 1, Praha 2",
            "Kurzy češtiny; knihovna otevřená všem. Юридична консультація.",
        ),
    ];
    Engine::build(&docs).expect("index")
}

fn ids(e: &Engine, q: &str) -> Vec<i64> {
    let query = Query::new(q, &["Praha", "Prague", "Прага"]);
    e.search(&query, 10).expect("search").iter().map(|h| h.id).collect()
}

#[test]
fn inflected_words_without_diacritics_find_the_place() {
    assert_eq!(ids(&engine(), "cizinecka policie"), [1]);
    assert_eq!(ids(&engine(), "cizinecké policii"), [1]);
}

#[test]
fn a_missing_letter_is_forgiven_and_the_name_ranks_first() {
    let e = engine();
    let found = ids(&e, "knihvna");
    assert_eq!(found.first(), Some(&2), "{found:?}");
    assert!(found.contains(&4), "the description's word counts too: {found:?}");
    assert_eq!(ids(&e, "knihovny").first(), Some(&2));
}

#[test]
fn initials_find_the_name() {
    assert_eq!(ids(&engine(), "MKP"), [2]);
    assert_eq!(ids(&engine(), "ÚMČ"), [3]);
    assert_eq!(ids(&engine(), "icp"), [4]);
}

#[test]
fn the_start_of_a_word_finds_it_while_typing() {
    assert_eq!(ids(&engine(), "integr"), [4]);
}

#[test]
fn another_script_finds_the_translated_text() {
    assert_eq!(ids(&engine(), "юридична"), [4]);
    assert_eq!(ids(&engine(), "юридичну"), [4], "another case of the same word");
}

#[test]
fn the_exact_word_ranks_over_a_typo() {
    let docs = [
        doc(1, "Centrum Kotva", "", ""),
        // "kotvy" is "kotva" in another case, and one letter from "kotwa".
        doc(2, "Klub Kotwa", "", ""),
    ];
    let e = Engine::build(&docs).expect("index");
    assert_eq!(ids(&e, "kotva"), [1, 2]);
}

#[test]
fn the_city_name_alone_gibberish_and_another_address_find_nothing() {
    let e = engine();
    assert!(ids(&e, "Praha").is_empty());
    assert!(ids(&e, "Прага").is_empty());
    assert!(ids(&e, "xqzvbnw").is_empty());
    assert!(ids(&e, "Hlavná 68 Košice").is_empty());
}

#[test]
fn stray_words_do_not_empty_the_list() {
    assert_eq!(ids(&engine(), "kde je cizinecka policie"), [1]);
}

#[test]
fn endings_are_cut_only_from_long_enough_words() {
    assert_eq!(stem("cizinecka"), Some("cizineck"));
    assert_eq!(stem("knihovny"), Some("knihovn"));
    assert_eq!(stem("praha"), Some("prah"));
    assert_eq!(stem("kurz"), None);
    assert_eq!(stem("2020"), None);
}

#[test]
fn initials_of_all_and_of_the_longer_words() {
    let i = initials("Městská knihovna v Praze");
    assert!(i.contains(&"mkvp".to_string()) && i.contains(&"mkp".to_string()), "{i:?}");
    assert!(initials("Úřad městské části Praha 3").contains(&"umc".to_string()));
    assert!(initials("Klub").is_empty());
}

#[test]
fn a_nationality_finds_its_country_and_a_derived_word_its_root() {
    let docs = [
        doc(1, "Consulate General of Hungary", "", ""),
        doc(2, "Centrum", "", "Psycholog a sociální pracovnice."),
        doc(3, "Klub", "", "Sociální pracovnice."),
    ];
    let e = Engine::build(&docs).expect("index");
    assert_eq!(ids(&e, "hungarian consulate"), [1]);
    assert_eq!(ids(&e, "psychologicka"), [2]);
}

#[test]
fn two_words_together_rank_over_the_same_words_apart() {
    let docs = [
        doc(1, "Trung tâm cộng đồng", "", "Tâm điểm, lý do."),
        doc(2, "Poradna", "", "Hỗ trợ tâm lý."),
    ];
    let e = Engine::build(&docs).expect("index");
    assert_eq!(ids(&e, "tam ly").first(), Some(&2));
}

#[test]
fn every_word_mode_leaves_out_partial_matches() {
    let docs = [
        doc(1, "Reading buddies phone js 1733", "", ""),
        doc(2, "Reading buddies phone nojs 1744", "", ""),
    ];
    let q = Query::new("Reading buddies phone nojs 1744", &[]);
    let loose = Engine::find(&docs, &q).expect("search");
    assert_eq!(loose.len(), 2, "three of five words are enough by default");
    let strict = Engine::find(&docs, &q.every_word()).expect("search");
    assert_eq!(strict.into_iter().collect::<Vec<_>>(), [2]);
}

#[test]
fn a_capitalised_word_of_a_name_counts_whole_in_its_initials() {
    assert!(initials("Ministerstvo vnitra ČR").contains(&"mvcr".to_string()));
    let docs = [doc(9, "Ministerstvo vnitra ČR", "Nad Štolou 3", "Sídlo ministerstva.")];
    let e = Engine::build(&docs).expect("index");
    for q in ["MVCR", "MV ČR", "mv cr"] {
        assert_eq!(ids(&e, q), [9], "{q}");
    }
    // Two short words that are not its initials find nothing.
    assert!(ids(&e, "ab cd").is_empty());
}

#[test]
fn asking_words_do_not_decide_what_is_found() {
    let e = engine();
    // "Where is the foreign police", "I need a library": only the words
    // that name something must match.
    assert_eq!(ids(&e, "kde je cizinecka policie"), [1]);
    assert_eq!(ids(&e, "where is cizinecka policie please"), [1]);
    assert_eq!(ids(&e, "potřebuji knihovnu").first(), Some(&2));
    // Alone, an asking word is still looked for.
    assert!(ids(&e, "kde").is_empty());
    // Asked with, two words need only one of them; both rank first.
    let found = ids(&e, "kde knihovna pobyt");
    assert!(found.len() >= 3, "{found:?}");
    assert_eq!(ids(&e, "knihovna pobyt"), Vec::<i64>::new());
}

#[test]
fn a_district_number_written_with_its_letter_is_split() {
    let e = engine();
    // "ÚMČ P3": the initials, and the district number apart from its "P".
    assert_eq!(ids(&e, "ÚMČ P3").first(), Some(&3));
    assert_eq!(split_number("p13"), ["p", "13"]);
    assert_eq!(split_number("mkp"), ["mkp"]);
    assert_eq!(split_number("112"), ["112"]);
}
