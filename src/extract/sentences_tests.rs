//! Tests of `sentences`: both readings, hostile text, bounded work.

use super::*;

fn split(text: &str) -> Vec<&str> {
    sentences(text, "en")
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn splits_on_sentence_ends() {
    assert_eq!(
        split("One. Two! Three? Four"),
        vec!["One.", "Two!", "Three?", "Four"]
    );
    assert_eq!(
        split("He said “go.” Then left."),
        vec!["He said “go.”", "Then left."]
    );
}

#[test]
fn abbreviations_do_not_split() {
    let s = "U.S. Secretary of State Antony Blinken spoke. Mr. Lavrov replied in pp. 3-4.";
    assert_eq!(
        split(s),
        vec![
            "U.S. Secretary of State Antony Blinken spoke.",
            "Mr. Lavrov replied in pp. 3-4."
        ]
    );
    assert_eq!(
        split("Daniel R. Depetris wrote."),
        vec!["Daniel R. Depetris wrote."]
    );
}

#[test]
fn lower_case_after_stop_continues() {
    assert_eq!(
        split("It grew 2.5 percent. e.g. this"),
        vec!["It grew 2.5 percent. e.g. this"]
    );
}

#[test]
fn seed_sentence_with_year() {
    let p = "In the present day, Russia and China may not agree. Threat assessment reports suggest that “Russia and China are more aligned now than at any point since in the mid-1950s and their relationship is likely to strengthen in the coming years” due to the convergence of interests.";
    let at = p.find("mid-1950s").unwrap();
    assert!(p[sentence_at(p, at, "en")].starts_with("Threat assessment"));
}

#[test]
fn sentence_at_agrees_with_sentences() {
    let texts = [
        "One. Two! Three? Four",
        "U.S. Secretary of State Antony Blinken spoke. Mr. Lavrov replied in pp. 3-4. Then “quoted.” Done",
        "He said “go.” Then left. e.g. this continues. Ünïcödé. Ещё. 北京。上海。",
        "   Leading space. Trailing space.   ",
        "No stop at all",
        "",
    ];
    for t in texts {
        let all = sentences(t, "en");
        for (i, _) in t.char_indices() {
            let expected = all.iter().find(|r| r.start <= i && i < r.end);
            if let Some(r) = expected {
                assert_eq!(sentence_at(t, i, "en"), r.clone(), "{t:?} at {i}");
            }
        }
    }
}

#[test]
fn citation_and_legal_abbreviations_and_prices() {
    let split = |t: &str| -> Vec<String> {
        sentences(t, "en")
            .into_iter()
            .map(|r| t[r].to_string())
            .collect()
    };
    assert_eq!(
        split("As Lepikhin et al. argued in 2018, the border held. It did."),
        vec![
            "As Lepikhin et al. argued in 2018, the border held.",
            "It did."
        ]
    );
    assert_eq!(
        split("See Smith v. Jones, 12 F. Supp. 3d 45 (2019). The court agreed."),
        vec![
            "See Smith v. Jones, 12 F. Supp. 3d 45 (2019).",
            "The court agreed."
        ]
    );
    assert_eq!(
        split("Shares closed at A$4.67. Trading was thin."),
        vec!["Shares closed at A$4.67.", "Trading was thin."]
    );
    assert_eq!(
        split("The rule (Art. 5, cf. n. 12; Ibid. p. 4. Also Id. at 7) applied in 2001. Next."),
        vec![
            "The rule (Art. 5, cf. n. 12; Ibid. p. 4. Also Id. at 7) applied in 2001.",
            "Next."
        ]
    );
    assert_eq!(
        split("Договор подписан в 2001 г. Москвой и Пекином. Далее."),
        vec!["Договор подписан в 2001 г. Москвой и Пекином.", "Далее."]
    );
    assert_eq!(
        split("Under Article 2 pt. 5 of the Act of 18 July 2002 it applies. So do Art. 6 lit. A and art. 5 ust. 2 pkt. 3. Next."),
        vec![
            "Under Article 2 pt. 5 of the Act of 18 July 2002 it applies.",
            "So do Art. 6 lit. A and art. 5 ust. 2 pkt. 3.",
            "Next."
        ]
    );
    // Bluebook's statutes and parties: `Pub. L. No.`, `Dep't`, `Ass'n`;
    // the same words in lower case still end a sentence.
    assert_eq!(
        split("It was amended in 1996 by Pub. L. No. 104-208, 110 Stat. 3009. Next came Nat\u{2019}l Ass'n of Mfrs. v. Dep't of Def. in 2018. We met at the pub. Then we left."),
        vec![
            "It was amended in 1996 by Pub. L. No. 104-208, 110 Stat. 3009.",
            "Next came Nat\u{2019}l Ass'n of Mfrs. v. Dep't of Def. in 2018.",
            "We met at the pub.",
            "Then we left."
        ]
    );
    assert_eq!(
        split("Prof. Ivanova wrote c. 1950. Then\u{2003}the war."),
        vec!["Prof. Ivanova wrote c. 1950.", "Then\u{2003}the war."]
    );
}

#[test]
fn hostile() {
    assert!(split("").is_empty());
    assert_eq!(split("..."), vec!["..."]);
    assert_eq!(split("   "), Vec::<&str>::new());
    assert_eq!(
        split("Ünïcödé. Ещё. 北京。"),
        vec!["Ünïcödé.", "Ещё.", "北京。"]
    );
}

#[test]
fn wide_spaces_before_abbreviations() {
    for space in ['\u{2009}', '\u{00a0}', '\u{202f}', '\u{3000}'] {
        let t = format!(
            "It was obtained{space}—{space}e.g., use p.{space}4 and Art.{space}5. Next one."
        );
        let all = sentences(&t, "en");
        assert_eq!(all.len(), 2, "{t:?}");
        for (i, _) in t.char_indices() {
            let r = sentence_at(&t, i, "en");
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        }
    }
}

/// Work per full stop is bounded: ten times the dots take about ten
/// times as long, not a hundred (checked as a ratio of two sizes).
#[test]
fn many_dots_stay_linear() {
    let time = |n: usize| {
        let t = "a.".repeat(n) + " End. " + &"x ".repeat(n);
        let start = std::time::Instant::now();
        let all = sentences(&t, "en");
        let _ = sentence_at(&t, t.len() - 1, "en");
        let _ = sentence_at(&t, t.len() / 3, "en");
        assert!(!all.is_empty());
        start.elapsed().as_secs_f64()
    };
    let small = time(10_000).max(1e-4);
    let large = time(100_000);
    assert!(
        large / small < 40.0,
        "{small} s for 10,000 dots, {large} s for 100,000"
    );
}

#[test]
fn long_sentences_are_cut_around_the_hit() {
    let t = format!("{} in 1991 {}", "word ".repeat(500), "more ".repeat(500));
    let at = t.find("1991").unwrap();
    let r = around(&t, 0..t.len(), at..at + 4);
    assert!(r.len() <= MAX_SENTENCE, "{}", r.len());
    assert!(r.start <= at && r.end >= at + 4);
    assert!(t[r.clone()].starts_with("word") && t[r].ends_with("more"));
    let short = around("In 1991.", 0..8, 3..7);
    assert_eq!(short, 0..8);
}

fn split_in<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    sentences(text, lang)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// What the language's own rules know: ordinals before a month, the
/// language's abbreviations.
#[test]
fn each_language_by_its_own_rules() {
    assert_eq!(
        split_in(
            "Am 3. Oktober 1990 wurde Deutschland vereinigt. Dies gilt z. B. für Berlin. Ende.",
            "de"
        ),
        [
            "Am 3. Oktober 1990 wurde Deutschland vereinigt.",
            "Dies gilt z. B. für Berlin.",
            "Ende."
        ]
    );
    assert_eq!(
        split_in(
            "В 1950 г. был подписан договор. В 1960-х гг. начался раскол. Конец.",
            "ru"
        ),
        [
            "В 1950 г. был подписан договор.",
            "В 1960-х гг. начался раскол.",
            "Конец."
        ]
    );
    assert_eq!(
        split_in("Il 22 aprile 1941 il sig. Rossi partì. Fine.", "it"),
        ["Il 22 aprile 1941 il sig. Rossi partì.", "Fine."]
    );
    assert_eq!(
        split_in("M. Dupont est arrivé en 2001. Il est parti. Fin.", "fr"),
        ["M. Dupont est arrivé en 2001.", "Il est parti.", "Fin."]
    );
    // A language without rules of its own is read with the defaults.
    assert_eq!(
        split_in("Seo et al. wrote in 2001. Next.", "xx-Unknown"),
        ["Seo et al. wrote in 2001.", "Next."]
    );
    assert_eq!(
        split_in("北京。上海！1949年。", "zh"),
        ["北京。", "上海！", "1949年。"]
    );
}

/// No sentence ends after an abbreviation or inside a parenthesis, in any
/// language, on text written in the forms of citing prose.
#[test]
fn no_sentence_ends_after_an_abbreviation_or_in_parentheses() {
    let texts = [
        "Reports differ (see Berg et al. 2019, p. 4; cf. n. 12). The U.S. delegation left on Jan. 5. Talks resumed.",
        "In Smith v. Jones, 12 F. Supp. 3d 45 (S.D.N.Y. 2019), the court held. Art. 5 applies. It did.",
        "Le traité (art. 3, al. 2) fut signé par M. Lavrov en 2001. Il entra en vigueur.",
        "Der Vertrag (vgl. Nr. 5, S. 12) wurde am 16. Juli 2001 unterzeichnet. Er gilt.",
        "Договор (см. с. 5, т. 2) подписан в 2001 г. в Москве. Он действует.",
    ];
    for (t, lang) in texts.iter().zip(["en", "en", "fr", "de", "ru"]) {
        for r in sentences(t, lang) {
            let s = &t[r.clone()];
            let last = s
                .trim_end_matches(['.', '!', '?'])
                .rsplit([' ', '('])
                .next()
                .unwrap();
            assert!(
                !ABBREVIATIONS.contains(&last.to_lowercase().as_str())
                    && !["z. B", "U.S", "S.D.N.Y"]
                        .iter()
                        .any(|a| s.ends_with(&format!("{a}."))),
                "{lang}: {s:?} ends after an abbreviation"
            );
            let open = s.matches('(').count();
            assert_eq!(
                open,
                s.matches(')').count(),
                "{lang}: {s:?} cuts a parenthesis"
            );
        }
    }
}

/// A day written as an ordinal before its month (`am 7. Juni`) does not
/// end a sentence, whatever language the text is taken for.
#[test]
fn ordinal_days_before_a_month() {
    for lang in ["de", "en", "cs"] {
        assert_eq!(
            split_in(
                "Er wurde am 7. Juni 2011 unterzeichnet. Danach nicht.",
                lang
            ),
            ["Er wurde am 7. Juni 2011 unterzeichnet.", "Danach nicht."],
            "{lang}"
        );
    }
    // A number ending a sentence before a capital that is no month.
    assert_eq!(
        split_in("The vote was 7. Juniper trees grew.", "en"),
        ["The vote was 7.", "Juniper trees grew."]
    );
}

#[test]
fn a_russian_year_abbreviation_ends_a_sentence_before_a_capital() {
    let split_ru = |text: &'static str| -> Vec<&'static str> {
        sentences(text, "ru")
            .into_iter()
            .map(|r| &text[r])
            .collect()
    };
    // `г.` after a year (`год`), `гг.` after years or a decade, then a
    // capital: the sentence ends.
    assert_eq!(
        split_ru("Договор подписали 16 июля 2001 г. Его подписали в Москве."),
        [
            "Договор подписали 16 июля 2001 г.",
            "Его подписали в Москве."
        ]
    );
    assert_eq!(
        split_ru("Торговля росла в 1990-х гг. Затем она упала."),
        ["Торговля росла в 1990-х гг.", "Затем она упала."]
    );
    assert_eq!(
        split_ru("Обмен расширен в 2011–2012 гг. Затем стороны его сократили."),
        [
            "Обмен расширен в 2011–2012 гг.",
            "Затем стороны его сократили."
        ]
    );
    // Before a name or an initial the sentence may go on: it does.
    assert_eq!(
        split_ru("В 2001 г. Россия и Китай подписали договор.").len(),
        1
    );
    assert_eq!(split_ru("Его подписал в 2001 г. В. Путин.").len(), 1);
    // `г.` before a name is `город`; after a year but before a lower-case
    // word the sentence goes on.
    assert_eq!(split_ru("Встреча прошла в г. Москве в мае.").len(), 1);
    assert_eq!(split_ru("В 2001 г. стороны подписали договор.").len(), 1);
}

#[test]
fn a_german_ordinal_after_an_article_is_no_sentence_end() {
    assert_eq!(
        split_in(
            "Im 2. Quartal 2019 stieg der Verkehr. Das 20. Jahrhundert endete.",
            "de"
        ),
        [
            "Im 2. Quartal 2019 stieg der Verkehr.",
            "Das 20. Jahrhundert endete."
        ]
    );
    // After a provision's number the point may end the sentence.
    assert_eq!(
        split_in("Es gilt Art. 5 Abs. 2. Die Frist beginnt.", "de").len(),
        2
    );
}
