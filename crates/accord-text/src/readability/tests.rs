use super::*;

// Reference texts written by us, with scores from independent implementations:
// textstat 0.7.13 (pyphen hyphenation for syllables) for Spanish and Latvian; for English, the
// published formula over pyphen's en_US syllable counts (textstat needs a download for
// English). Our syllable counting is rule-based, so whole-text scores agree within a tolerance
// rather than exactly. Where hyphenation is known to undercount (Spanish and Portuguese
// hiatus), the reference is a hand count, matched exactly.
const EN1: &str = "We will refund the full amount within five working days. You do not need to send the product back. If the money has not arrived by Friday, call us and we will check it with the bank.";
const EN2: &str = "Your contract includes support by email and phone on weekdays. Urgent problems are answered within one hour. Everything else gets an answer on the same day.";
const ES1: &str = "Le devolveremos el importe completo en un plazo de cinco días hábiles. No tiene que enviar el producto. Si el dinero no ha llegado el viernes, llámenos y lo revisaremos con el banco.";
const ES2: &str = "Su contrato incluye atención por correo y por teléfono de lunes a viernes. Respondemos a los problemas urgentes en menos de una hora. El resto recibe respuesta el mismo día.";
const PT1: &str = "Vamos devolver o valor total em cinco dias úteis. Não precisa de enviar o produto. Se o dinheiro não chegar até sexta-feira, ligue-nos e verificamos com o banco.";
const PT2: &str = "O seu contrato inclui apoio por e-mail e por telefone nos dias úteis. Os problemas urgentes têm resposta em menos de uma hora. Tudo o resto recebe resposta no mesmo dia.";
const LV1: &str = "Mēs atmaksāsim visu summu piecu darba dienu laikā. Preci nav jāsūta atpakaļ. Ja nauda līdz piektdienai nav pienākusi, zvaniet mums, un mēs to pārbaudīsim ar banku.";
const LV2: &str = "Jūsu līgumā ir iekļauts atbalsts pa e-pastu un tālruni darba dienās. Uz steidzamiem jautājumiem atbildam stundas laikā. Uz pārējiem atbildam tajā pašā dienā.";

/// Points of difference allowed on the 0–100 Flesch-family scales, and on LIX. In a 26-word
/// text one syllable moves a Flesch score by 84.6/26 = 3.3 points, so 7 points allow two
/// syllables of disagreement between rule-based counting and hyphenation (which itself
/// undercounts words like "email", a single hyphenation unit but two syllables).
const FLESCH_TOLERANCE: f64 = 7.0;
const LIX_TOLERANCE: f64 = 3.0;

fn check(text: &str, language: Language, formula: Formula, reference: f64, tolerance: f64) {
    let report = analyze_with(text, language, formula);
    assert!(
        (report.score - reference).abs() <= tolerance,
        "{formula:?} {language}: {:.2} vs reference {reference:.2} ({:?})",
        report.score,
        report.counts
    );
}

#[test]
fn scores_match_independent_implementations() {
    check(
        EN1,
        Language::En,
        Formula::FleschReadingEase,
        93.71,
        FLESCH_TOLERANCE,
    );
    check(
        EN2,
        Language::En,
        Formula::FleschReadingEase,
        77.65,
        FLESCH_TOLERANCE,
    );
    check(
        ES1,
        Language::Es,
        Formula::FernandezHuerta,
        84.71,
        FLESCH_TOLERANCE,
    );
    // textstat gives 86.64 for ES2 from pyphen's 55 syllables: hyphenation never leaves a
    // single vowel alone (dí-a, co-rre-o, "y", "a"), so it undercounts Spanish syllables. By
    // hand, following the RAE's syllabification: Su(1) con-tra-to(3) in-clu-ye(3) a-ten-ción(3)
    // por(1) co-rre-o(3) y(1) por(1) te-lé-fo-no(4) de(1) lu-nes(2) a(1) vier-nes(2) /
    // Res-pon-de-mos(4) a(1) los(1) pro-ble-mas(3) ur-gen-tes(3) en(1) me-nos(2) de(1) u-na(2)
    // ho-ra(2) / El(1) res-to(2) re-ci-be(3) res-pues-ta(3) el(1) mis-mo(2) dí-a(2) = 60
    // syllables, 30 words, 3 sentences: 206.84 − 60·2 − 1.02·10 = 76.64.
    check(ES2, Language::Es, Formula::FernandezHuerta, 76.64, 0.01);
    check(
        ES1,
        Language::Es,
        Formula::SzigrisztPazos,
        80.68,
        FLESCH_TOLERANCE,
    );
    // Same hand count: 206.835 − 62.3·2 − 10 = 72.235.
    check(ES2, Language::Es, Formula::SzigrisztPazos, 72.235, 0.01);
    // pyphen's pt_PT patterns with their default margins give 76.20 and 90.98: like Spanish
    // hyphenation they never leave a single vowel alone (di-as, dia, a-poi-o as "apoio", ú-teis
    // as "úteis"), so they undercount Portuguese syllables (issue 16, item 24). By hand, with
    // the grammars' division (tests/data/syllables-pt.txt has the reference on 986 words):
    // Va-mos(2) de-vol-ver(3) o(1) va-lor(2) to-tal(2) em(1) cin-co(2) di-as(2) ú-teis(2) /
    // Não(1) pre-ci-sa(3) de(1) en-vi-ar(3) o(1) pro-du-to(3) / Se(1) o(1) di-nhei-ro(3)
    // não(1) che-gar(2) a-té(2) sex-ta-fei-ra(4) li-gue-nos(3) e(1) ve-ri-fi-ca-mos(5) com(1)
    // o(1) ban-co(2) = 56 syllables, 28 words, 3 sentences:
    // 248.835 − 1.015·28/3 − 84.6·2 = 70.162.
    check(PT1, Language::Pt, Formula::FleschPortuguese, 70.162, 0.01);
    // O(1) seu(1) con-tra-to(3) in-clui(2) a-poi-o(3) por(1) e-mail(2) e(1) por(1)
    // te-le-fo-ne(4) nos(1) di-as(2) ú-teis(2) / Os(1) pro-ble-mas(3) ur-gen-tes(3) têm(1)
    // res-pos-ta(3) em(1) me-nos(2) de(1) u-ma(2) ho-ra(2) / Tu-do(2) o(1) res-to(2)
    // re-ce-be(3) res-pos-ta(3) no(1) mes-mo(2) di-a(2) = 59 syllables, 31 words, 3 sentences:
    // 248.835 − 1.015·31/3 − 84.6·59/31 = 77.334.
    check(PT2, Language::Pt, Formula::FleschPortuguese, 77.334, 0.01);
    check(LV1, Language::Lv, Formula::Lix, 31.74, LIX_TOLERANCE);
    check(LV2, Language::Lv, Formula::Lix, 46.80, LIX_TOLERANCE);
}

#[test]
fn formulas_compute_the_published_expressions() {
    // 100 words, 5 sentences, 150 syllables, 20 long words.
    let c = Counts {
        words: 100,
        sentences: 5,
        syllables: 150,
        long_words: 20,
    };
    assert!(
        (compute(Formula::FleschReadingEase, &c) - (206.835 - 1.015 * 20.0 - 84.6 * 1.5)).abs()
            < 1e-9
    );
    // F is words per sentence (20 here), not sentences per 100 words (5): see the module.
    assert!(
        (compute(Formula::FernandezHuerta, &c) - (206.84 - 0.60 * 150.0 - 1.02 * 20.0)).abs()
            < 1e-9
    );
    assert!((compute(Formula::SzigrisztPazos, &c) - (206.835 - 62.3 * 1.5 - 20.0)).abs() < 1e-9);
    assert!(
        (compute(Formula::FleschPortuguese, &c) - (248.835 - 1.015 * 20.0 - 84.6 * 1.5)).abs()
            < 1e-9
    );
    assert!((compute(Formula::Lix, &c) - (20.0 + 20.0)).abs() < 1e-9);
    assert_eq!(compute(Formula::Lix, &Counts::default()), 0.0);
}

#[test]
fn long_sentences_and_jargon_are_flagged() {
    let long = format!("{}. Gracias.", vec!["palabra"; 35].join(" "));
    let report = analyze(&long, Language::Es);
    assert_eq!(report.long_sentences, vec![1]);
    let report = analyze(
        "En virtud de lo anterior, le informamos de la resolución.",
        Language::Es,
    );
    assert_eq!(report.jargon, vec!["en virtud de".to_string()]);
    let report = analyze("Saskaņā ar līgumu atmaksa notiks rīt.", Language::Lv);
    assert_eq!(report.jargon, vec!["saskaņā ar".to_string()]);
    assert!(
        analyze("Thanks, we fixed it.", Language::En)
            .jargon
            .is_empty()
    );
}

#[test]
fn plain_text_scores_easier_than_bureaucratic_text() {
    let plain = analyze(
        "We fixed it. Your money is back. Call us if not.",
        Language::En,
    );
    let dense = analyze(
        "Notwithstanding the aforementioned considerations, reimbursement authorization necessitates comprehensive documentation verification procedures.",
        Language::En,
    );
    assert!(
        plain.score > dense.score + 40.0,
        "{} vs {}",
        plain.score,
        dense.score
    );
}

#[test]
fn spanish_texts_are_also_scored_with_szigriszt_pazos() {
    let report = analyze(ES2, Language::Es);
    assert_eq!(report.formula, Formula::FernandezHuerta);
    let also = report
        .also
        .map(|s| (s.formula, (s.score * 1000.0).round() / 1000.0));
    // The hand count above: 206.835 − 62.3·2 − 10.
    assert_eq!(also, Some((Formula::SzigrisztPazos, 72.235)));
    // Asked for Szigriszt-Pazos itself, nothing is repeated beside it.
    assert_eq!(
        analyze_with(ES2, Language::Es, Formula::SzigrisztPazos).also,
        None
    );
    for (text, language) in [
        (EN1, Language::En),
        (PT1, Language::Pt),
        (LV1, Language::Lv),
    ] {
        assert_eq!(analyze(text, language).also, None, "{language}");
    }
}
