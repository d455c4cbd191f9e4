//! Quote cases (`tests/data/quotes.txt`): kind, content, speaker, cue and addressee on text
//! written for these tests, and texts that hold no quote at all.

mod common;

use depesche_core::article::{self, InputFormat, ReadOptions};
use depesche_core::{Analysis, Article, Pipeline, Quote};

/// The analysis of `text` as an article published 2025-10-01.
fn analyze(pipeline: &Pipeline, text: &str) -> Analysis {
    let published = "2025-10-01".parse().ok();
    pipeline.analyze(Article::from_text("case", text, published))
}

fn describe(q: &Quote) -> String {
    format!(
        "{:?} {:?} speaker={:?} cue={:?} addressee={:?}",
        q.kind,
        q.text,
        q.speaker.as_ref().map(|s| s.text.as_str()),
        q.cue.as_ref().map(|c| c.words()),
        q.addressee.as_ref().map(|a| a.text.as_str())
    )
}

/// Checks one `=` line against the quote at the same position; returns what is wrong.
fn check(expect: &str, quote: Option<&Quote>) -> Option<String> {
    let cols: Vec<&str> = expect.split('|').map(str::trim).collect();
    let (kind, contains, speaker, cue, addressee) = match cols[..] {
        [kind, contains, speaker, cue] => (kind, contains, speaker, cue, "-"),
        [kind, contains, speaker, cue, addressee] => (kind, contains, speaker, cue, addressee),
        _ => return Some(format!("malformed expectation {expect:?}")),
    };
    let Some(q) = quote else {
        return Some(format!("no quote for {expect:?}"));
    };
    let kind_ok = serde_json::to_value(q.kind).ok() == Some(serde_json::json!(kind));
    let speaker_ok = speaker == "-" || q.speaker.as_ref().map(|s| s.text.as_str()) == Some(speaker);
    let cue_ok =
        cue == "-" && q.cue.is_none() || q.cue.as_ref().map(|c| c.words()).as_deref() == Some(cue);
    let addressee_ok = match addressee {
        "-" => true,
        "none" => q.addressee.is_none(),
        text => q.addressee.as_ref().map(|a| a.text.as_str()) == Some(text),
    };
    (!(kind_ok && q.text.contains(contains) && speaker_ok && cue_ok && addressee_ok))
        .then(|| format!("got {}, want {expect:?}", describe(q)))
}

#[test]
fn finds_quotes_with_speaker_and_cue() {
    common::run_cases(
        include_str!("data/quotes.txt"),
        |a| a.quotes,
        describe,
        check,
    );
}

#[test]
fn a_quote_is_dated_by_its_frame_not_by_what_it_says() {
    let pipeline = Pipeline::german().expect("shipped data loads");
    let date = |text: &str| {
        let analysis = analyze(&pipeline, text);
        assert_eq!(analysis.quotes.len(), 1, "{text}");
        analysis.quotes[0].date.as_ref().map(|d| d.value.clone())
    };
    assert_eq!(
        date("Die Debatte geht weiter. Merz sagte am Montag, die Wahl finde im März statt.")
            .as_deref(),
        Some("2025-09-29")
    );
    assert_eq!(
        date("Die Debatte geht weiter. Die Wahl finde im März statt, sagte Merz."),
        None
    );
}

/// The name of each quote's speaker entity, `-` where it has none.
fn speaker_entities(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let a = analyze(pipeline, text);
    a.quotes
        .iter()
        .map(|q| {
            let id = q.speaker.as_ref().and_then(|s| s.entity.clone());
            let entity = a.entities.iter().find(|e| Some(&e.id) == id.as_ref());
            entity.map_or("-".to_string(), |e| e.name.clone())
        })
        .collect()
}

#[test]
fn a_speaker_phrase_stands_for_the_person_it_names() {
    let pipeline = Pipeline::german().expect("shipped data loads");
    let speakers = |text: &str| speaker_entities(&pipeline, text);
    // not the party in brackets after the name
    assert_eq!(
        speakers("„Das ist falsch“, sagte Bundeskanzler Friedrich Merz (CDU) am Montag."),
        ["Friedrich Merz"]
    );
    // not the possessor before the role
    assert_eq!(
        speakers("„Der Präsident ist gesund“, sagte Trumps Arzt Sean Conley am Freitag."),
        ["Sean Conley"]
    );
    // a role noun that refers back to the person named before it
    assert_eq!(
        speakers(
            "Innenministerin Nancy Faeser verteidigte die Kontrollen. \
             „Die Maßnahmen wirken“, sagte die SPD-Politikerin."
        ),
        ["Nancy Faeser"]
    );
}

#[test]
fn a_pronoun_speaker_is_the_person_last_named_outside_quotes() {
    let pipeline = Pipeline::german().expect("shipped data loads");
    let speakers = |text: &str| speaker_entities(&pipeline, text);
    // the speaker of the quote before
    assert_eq!(
        speakers("„Das ist falsch“, sagte Friedrich Merz. „Wir machen weiter“, fügte er hinzu."),
        ["Friedrich Merz", "Friedrich Merz"]
    );
    // a person named after the quote before, not a name inside quoted words
    assert_eq!(
        speakers(
            "„Das ist falsch“, sagte Friedrich Merz. Olaf Scholz äußerte sich am Abend. \
             „Emmanuel Macron hat recht“, sagte er."
        ),
        ["Friedrich Merz", "Olaf Scholz"]
    );
}

#[test]
fn a_pronoun_speaker_refers_to_nobody_of_the_other_gender() {
    let pipeline = Pipeline::german().expect("shipped data loads");
    let speakers = |text: &str| speaker_entities(&pipeline, text);
    // the woman named after the man, known from her first name
    assert_eq!(
        speakers(
            "Friedrich Merz traf am Montag Annalena Fichtner. \
             „Wir sind uns einig“, sagte sie."
        ),
        ["Annalena Fichtner"]
    );
    // a feminine title gives the gender of a name no list knows
    assert_eq!(
        speakers(
            "Die Ministerin Zora Quellbach empfing Timo Brandauer. \
             „Das war ein gutes Gespräch“, sagte er."
        ),
        ["Timo Brandauer"]
    );
    // not the speaker of the quote before, a man, for "sie"
    assert_eq!(
        speakers("„Das ist falsch“, sagte Friedrich Merz. „Wir machen weiter“, sagte sie."),
        ["Friedrich Merz", "-"]
    );
    // "sie" with a plural verb is nobody named, with a singular one the woman
    let text = |verb: &str| {
        format!(
            "Pflegerinnen der Klinik trafen am Montag Annalena Fichtner. \
             „Wir sind erschöpft“, {verb}."
        )
    };
    assert_eq!(speakers(&text("sagten sie")), ["-"]);
    assert_eq!(speakers(&text("erklärten sie")), ["-"]);
    assert_eq!(speakers(&text("sagte sie")), ["Annalena Fichtner"]);
}

#[test]
fn a_direct_quotes_text_leaves_its_quotation_marks_out() {
    let pipeline = Pipeline::german().expect("shipped data loads");
    let text = "„Wir sind bereit“, sagte der Minister. „Wir sind bereit“, hieß es aus dem \
                Ministerium. »Das reicht nicht«, schrieb die Gewerkschaft.";
    let analysis = analyze(&pipeline, text);
    let direct: Vec<&str> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind == depesche_core::QuoteKind::Direct)
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(
        direct,
        ["Wir sind bereit", "Wir sind bereit", "Das reicht nicht"]
    );
}

#[test]
fn a_source_noun_before_its_preposition_is_left_out_of_the_quotation() {
    let pipeline = Pipeline::german().expect("shipped data loads");
    let analysis = analyze(
        &pipeline,
        "Seiner Meinung nach hätte die Stadt früher handeln müssen.",
    );
    let quotes: Vec<&str> = analysis.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(quotes, ["hätte die Stadt früher handeln müssen"]);
}

#[test]
fn a_lost_frame_is_an_incomplete_quote_only_after_speech() {
    let pipeline = Pipeline::german().expect("shipped data loads");
    let incomplete = |text: &str| -> Vec<(Option<String>, bool)> {
        analyze(&pipeline, text)
            .quotes
            .iter()
            .map(|q| (q.speaker.as_ref().map(|s| s.text.clone()), q.incomplete))
            .collect()
    };
    let spoken = "Der Stadtrat tagte am Montag.\n\nDazu sagte die Bürgermeisterin:";
    assert_eq!(
        incomplete(spoken),
        [(Some("die Bürgermeisterin".to_string()), true)]
    );
    let reported = "Der Stadtrat tagte am Montag.\n\nBeide Fraktionen seien sich einig:";
    assert_eq!(
        incomplete(reported),
        [(Some("Beide Fraktionen".to_string()), true)]
    );
    // a list or table that was lost is no speech
    for listed in [
        "Der Stadtrat tagte am Montag.\n\nDie Ergebnisse der Wahl im Überblick:",
        "Der Stadtrat tagte am Montag.\n\nFolgende Beschlüsse wurden gefasst:",
    ] {
        assert_eq!(incomplete(listed), [], "{listed}");
    }
}

/// Each quotation of `text` as (speaker, addressee, opening words).
fn turns_of(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String)> {
    let a = analyze(pipeline, text);
    a.quotes
        .iter()
        .map(|q| {
            let name = |x: Option<&depesche_core::model::ActorRef>| {
                x.map_or_else(|| "-".to_string(), |x| x.text.clone())
            };
            let opening: String = q
                .text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            (
                name(q.speaker.as_ref()),
                name(q.addressee.as_ref()),
                opening,
            )
        })
        .collect()
}

#[test]
fn an_interview_is_quoted_turn_by_turn() {
    let pipeline = Pipeline::german().expect("lexicons load");
    let text = "Die Tierärztin Anna Roth leitet das Tierheim in Kiel.\n\
                KIELER WOCHE: Frau Roth, wie voll ist das Tierheim?\n\
                Anna Roth: Voller als je zuvor. Wir nehmen keine Katzen mehr auf.\n\
                Auch die Hunde sind mehr geworden.\n\
                KIELER WOCHE: Woran liegt das?\n\
                Roth:\n\
                Viele haben sich in der Krise ein Tier angeschafft. Der Landrat hat uns gesagt, die Stadt werde helfen.\n\
                KIELER WOCHE: Und jetzt?\n\
                Roth: Jetzt warten wir.\n\
                Das Gespräch führte Ole Hansen.";
    let got = turns_of(&pipeline, text);
    let turn = |speaker: &str, to: &str, opening: &str| {
        (speaker.to_string(), to.to_string(), opening.to_string())
    };
    // an answer runs over its paragraphs and a label alone in its block speaks in
    // the next; the last ends with its block, before the outro
    for want in [
        turn("Anna Roth", "KIELER WOCHE", "Voller als je"),
        turn("Roth", "KIELER WOCHE", "Viele haben sich"),
        turn("KIELER WOCHE", "Roth", "Und jetzt?"),
        turn("Roth", "KIELER WOCHE", "Jetzt warten wir."),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    let a = analyze(&pipeline, text);
    let first = a.quotes.iter().find(|q| q.text.starts_with("Voller"));
    assert!(
        first.is_some_and(|q| q.text.ends_with("mehr geworden.")),
        "{got:?}"
    );
    assert!(
        a.quotes.iter().all(|q| !q.text.contains("Gespräch führte")),
        "{got:?}"
    );
    // the reported speech of someone the answer names stays his
    assert!(
        got.iter()
            .any(|(s, _, o)| s == "Der Landrat" && o.starts_with("die Stadt")),
        "{got:?}"
    );
    // the speaker is the interviewee's entity
    let roth = a
        .entities
        .iter()
        .find(|e| e.name == "Anna Roth")
        .map(|e| e.id.clone());
    assert!(roth.is_some());
    let mut answers = a
        .quotes
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.text.ends_with("Roth")));
    assert!(
        answers.clone().count() >= 3
            && answers.all(|q| q.speaker.as_ref().and_then(|s| s.entity.clone()) == roth)
    );
}

#[test]
fn an_interviewer_labelled_by_the_question_is_nobody_named() {
    let pipeline = Pipeline::german().expect("lexicons load");
    let text = "Der Förster Jan Brandt pflegt den Stadtwald seit zwanzig Jahren.\n\
                Frage: Herr Brandt, wie geht es dem Wald?\n\
                Brandt: Schlecht. Die Fichten sterben.\n\
                Frage: Was hilft?\n\
                Brandt: Regen und Geduld.";
    let got = turns_of(&pipeline, text);
    let turn = |speaker: &str, to: &str, opening: &str| {
        (speaker.to_string(), to.to_string(), opening.to_string())
    };
    for want in [
        turn("-", "Brandt", "Herr Brandt, wie"),
        turn("Brandt", "-", "Schlecht. Die Fichten"),
        turn("-", "Brandt", "Was hilft?"),
        turn("Brandt", "-", "Regen und Geduld."),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
}

#[test]
fn a_label_broken_over_two_lines_is_one_party() {
    let pipeline = Pipeline::german().expect("lexicons load");
    // as the reader gets it: plain text without a header, whose lines it joins
    // where they were broken
    let text = "Wie geht es weiter?\n\
                Die Virologin Maria Lenz forscht in Hamburg an Coronaviren.\n\
                ZEIT\n\
                ONLINE: Frau Lenz, wie geht es weiter?\n\
                Lenz: Das weiß niemand genau.\n\
                ZEIT ONLINE: Und im Winter?\n\
                Lenz: Wird es schwerer.\n";
    let mut read = article::read(
        "lenz.txt",
        text.as_bytes(),
        InputFormat::Plain,
        &ReadOptions::default(),
    );
    let article = read.remove(0).expect("reads");
    let got: Vec<(String, String)> = pipeline
        .analyze(article)
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or("-", |s| s.text.as_str());
            (speaker.to_string(), q.text.clone())
        })
        .collect();
    assert!(
        got.iter()
            .any(|(s, q)| s == "ZEIT ONLINE" && q.starts_with("Frau Lenz")),
        "{got:?}"
    );
}

#[test]
fn labels_without_an_interview_are_no_turns() {
    let pipeline = Pipeline::german().expect("lexicons load");
    // a person's name once and labels that do not alternate between two parties
    let text = "Der Trainer Max Weber zog Bilanz.\n\
                Das Ergebnis: Drei Siege und zwei Niederlagen.\n\
                Das Fazit: Die Mannschaft ist auf einem guten Weg.\n\
                Weber: Wir sind zufrieden.";
    let got = turns_of(&pipeline, text);
    assert!(got.iter().all(|(_, to, _)| to == "-"), "{got:?}");
    // two labels that alternate, but neither names a person
    let text = "Der Stadtrat stritt über das neue Stadion.\n\
                Pro: Das Stadion bringt Besucher.\n\
                Contra: Das Stadion kostet zu viel.\n\
                Pro: Der Verein zahlt die Hälfte.\n\
                Contra: Die Stadt trägt das Risiko.";
    let got = turns_of(&pipeline, text);
    assert!(got.iter().all(|(_, to, _)| to == "-"), "{got:?}");
}

/// The quotations of an article in the plain format (whose title is a heading).
fn plain_article_quotes(pipeline: &Pipeline, text: &str) -> Vec<Quote> {
    use depesche_core::article::{read, InputFormat, ReadOptions};
    let article = read(
        "case.txt",
        text.as_bytes(),
        InputFormat::Plain,
        &ReadOptions::default(),
    )
    .into_iter()
    .next()
    .and_then(Result::ok)
    .expect("the article reads");
    pipeline.analyze(article).quotes
}

#[test]
fn a_headline_quote_is_said_by_whom_the_body_quotes_with_its_words() {
    let pipeline = Pipeline::german().expect("lexicons load");
    let text = " date 2025-10-01 Tarifstreit:„Wir bleiben hart“\n\
                Die Gewerkschaft will im Tarifstreit nicht nachgeben.\n\
                „Wir bleiben hart, bis die Arbeitgeber ein Angebot vorlegen“, sagte Verdi-Chefin Sabine Krauß am Montag.\n";
    let quotes = plain_article_quotes(&pipeline, text);
    let headline = quotes.iter().find(|q| q.text == "Wir bleiben hart");
    let speaker = headline
        .and_then(|q| q.speaker.as_ref())
        .map(|s| s.text.as_str());
    assert_eq!(speaker, Some("Verdi-Chefin Sabine Krauß"), "{quotes:?}");
    // two words repeat by chance
    let text = " date 2025-10-01 Fußball:„Nie wieder“\n\
                Der Verein stieg ab.\n\
                „Nie wieder wollen wir so spielen“, sagte Trainer Max Weber.\n";
    let quotes = plain_article_quotes(&pipeline, text);
    let headline = quotes.iter().find(|q| q.text == "Nie wieder");
    assert!(headline.is_some_and(|q| q.speaker.is_none()), "{quotes:?}");
}

#[test]
fn words_in_marks_without_a_lower_case_word_are_a_name() {
    use depesche_core::quotes::is_name;
    let name = |text: &str| is_name(text.split(' '));
    for title in [
        "Berliner Zeitung",
        "Hvalur 9",
        "Iceland Nature Conservation Association",
        "Ein Land - Zwei Systeme",
        "Gesindel",
    ] {
        assert!(name(title), "{title}");
    }
    for said in [
        "Wir schaffen das",
        "Nein !",
        "volle Verantwortung",
        "9 Tote",
    ] {
        assert!(!name(said), "{said}");
    }
}
