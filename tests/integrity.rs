//! Damage a translator or reviewer does, injected into every message of the shipped guides'
//! translations that can carry it, one message at a time: each must give its finding on the
//! message's line. The load and checks run in-process (`site::load`), as `check` does.

use std::path::Path;

use crate::support::SiteTest;

/// A message of a translation file: its id, first line (1-based) and the byte range of its
/// value lines.
struct FtlMessage {
    id: String,
    line: usize,
    start: usize,
    end: usize,
}

/// The messages of an `.ftl` text: `id = ...` lines and their indented continuation lines.
fn messages(text: &str) -> Vec<FtlMessage> {
    let mut out: Vec<FtlMessage> = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let starts_message = line.split_once(" =").is_some_and(|(id, _)| {
            !id.is_empty()
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !id.starts_with('-')
        });
        if starts_message {
            out.push(FtlMessage {
                id: line
                    .split_once(" =")
                    .map(|(id, _)| id.to_owned())
                    .unwrap_or_default(),
                line: n + 1,
                start: offset,
                end: offset + line.len(),
            });
        } else if line.starts_with(' ')
            && !line.trim_start().starts_with('.')
            && let Some(last) = out
                .last_mut()
                .filter(|m| text[m.end..offset].trim().is_empty())
        {
            // Indented lines continue the message, across blank lines between paragraphs.
            last.end = offset + line.len();
        }
        offset += line.len();
    }
    out
}

/// Every translation file of the shipped site (not the source locale of its guide).
fn translation_files(site: &SiteTest) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for locale in ["en", "nl", "fr", "fi"] {
        let dir = site.path().join("locales").join(locale);
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("locale dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl") && n != "terms.ftl")
            .collect();
        names.sort();
        for name in names {
            files.push((locale.to_owned(), format!("locales/{locale}/{name}")));
        }
    }
    files
}

/// Findings of the site at `root`: (kind, locale, message id, line).
fn findings(root: &Path) -> Vec<(String, String, String, u32)> {
    let (_, diagnostics) = stepdoc::site::load(root);
    diagnostics
        .iter()
        .map(|d| {
            (
                d.kind.as_str().to_owned(),
                d.locale.clone().unwrap_or_default(),
                d.message_id.clone().unwrap_or_default(),
                d.location.line,
            )
        })
        .collect()
}

/// Apply `damage` to the value of every message it applies to, one at a time; each must give a
/// finding of one of `kinds` on the message's line. Returns how many messages were damaged.
fn inject(kinds: &[&str], damage: impl Fn(&str) -> Option<String>) -> usize {
    let site = SiteTest::shipped();
    assert!(
        findings(site.path()).is_empty(),
        "the shipped site must be clean"
    );
    let mut damaged = 0;
    for (locale, rel) in translation_files(&site) {
        let original = site.read(&rel);
        for message in messages(&original) {
            let value = &original[message.start..message.end];
            let Some(changed) = damage(value) else {
                continue;
            };
            damaged += 1;
            let text = format!(
                "{}{changed}{}",
                &original[..message.start],
                &original[message.end..]
            );
            site.write(&rel, &text);
            let found = findings(site.path());
            assert!(
                found
                    .iter()
                    .any(|(kind, l, id, line)| kinds.contains(&kind.as_str())
                        && *l == locale
                        && id.split('.').next() == Some(message.id.as_str())
                        && *line as usize == message.line),
                "{rel}:{} `{}`: no {kinds:?} finding for\n{changed}\nfound: {found:?}",
                message.line,
                message.id
            );
        }
        site.write(&rel, &original);
    }
    damaged
}

#[test]
fn a_deleted_or_changed_link_destination_is_caught() {
    // The shipped guides have no links yet: give the fixture's step one, in the translation too.
    let site = SiteTest::fixture("multilingual");
    site.edit(
        "content/demo/guide.yaml",
        "text: Paste the key in the mailer.",
        "text: Paste the key in the [mailer](https://mail.example/settings?tab=2).",
    );
    let fi = "locales/fi/demo.ftl";
    site.edit(
        fi,
        "Liitä avain postituspalveluun.",
        "Liitä avain [postituspalveluun](https://mail.example/settings?tab=2).",
    );
    site.run(&["i18n", "sync", "--locale", "fi"]).success();
    let line = site
        .read(fi)
        .lines()
        .position(|l| l.starts_with("step-paste-key"))
        .expect("line") as u32
        + 1;
    let lost = |site: &SiteTest| {
        findings(site.path())
            .into_iter()
            .any(|(kind, locale, id, at)| {
                kind == "literal-lost" && locale == "fi" && id == "step-paste-key" && at == line
            })
    };
    assert!(!lost(&site));
    for damaged in [
        "Liitä avain [postituspalveluun](",
        "Liitä avain [postituspalveluun]().",
        "Liitä avain [postituspalveluun](https://mail.example/settings?tab=3).",
        "Liitä avain postituspalveluun.",
    ] {
        let text = site.read(fi);
        let start = text.find("Liitä avain [").expect("translated step");
        let end = start + text[start..].find('\n').expect("line end");
        site.write(fi, format!("{}{damaged}{}", &text[..start], &text[end..]));
        assert!(lost(&site), "not caught: {damaged}");
        site.write(fi, &text);
    }
}

#[test]
fn a_changed_number_is_caught() {
    let appended = inject(&["literal-lost"], |value| {
        let at = value.find(|c: char| c.is_ascii_digit())?;
        (!value[..at].ends_with("{ $") && !value[..at].contains("]("))
            .then(|| format!("{}1{}", &value[..at], &value[at..]))
    });
    assert!(appended > 0, "the shipped guides have numbers");
}

#[test]
fn a_left_out_sentence_is_caught() {
    let dropped = inject(&["incomplete"], |value| {
        // Cut the first sentence of a message that has several: up to ". " before a capital.
        let bytes: Vec<(usize, char)> = value.char_indices().collect();
        let (eq, _) = bytes.iter().find(|(_, c)| *c == '=')?;
        for window in bytes.windows(3) {
            let [(i, a), (_, b), (_, c)] = window else {
                continue;
            };
            if *i > *eq && *a == '.' && *b == ' ' && c.is_uppercase() {
                let from = eq + 1;
                let to = i + 2;
                return Some(format!("{} {}", &value[..from], &value[to..]));
            }
        }
        None
    });
    assert!(
        dropped > 0,
        "the shipped guides have messages of several sentences"
    );
}

#[test]
fn text_left_in_the_source_language_with_localized_terms_is_untranslated() {
    let site = SiteTest::fixture("multilingual");
    site.edit(
        "content/demo/guide.yaml",
        "text: Open { -ui-settings }.",
        "text: Open { -ui-settings } and look for the key.",
    );
    let fi = "locales/fi/demo.ftl";
    site.edit(
        fi,
        "step-open-settings = Avaa { -ui-settings(case: \"elative\") } yhteysosio.",
        "step-open-settings = Open { -ui-settings } and look for the key.",
    );
    let line = site
        .read(fi)
        .lines()
        .position(|l| l.starts_with("step-open-settings"))
        .expect("line") as u32
        + 1;
    let found = findings(site.path());
    assert!(
        found
            .iter()
            .any(|(kind, locale, id, at)| kind == "unchanged"
                && locale == "fi"
                && id == "step-open-settings"
                && *at == line),
        "{found:?}"
    );
    // Not counted as translated, and badged on the page like missing text.
    let status = site.run(&["i18n", "status", "--locale", "fi", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&status.stdout).expect("json");
    let text = report.to_string();
    assert!(text.contains("\"unchanged\":1"), "{text}");
    site.run(&["build", "--policy", "stale=warning"]).success();
    let page = site.out("fi/demo/index.html");
    let step = page
        .split("id=\"step-open-settings\"")
        .nth(1)
        .and_then(|rest| rest.split("</li>").next())
        .expect("step");
    assert!(step.contains("badge"), "{step}");
}

/// The pattern of a message's value (`id = pattern`), attributes left out.
fn pattern(value: &str) -> &str {
    let after = value.split_once('=').map_or(value, |(_, p)| p);
    after.find("\n    .").map_or(after, |end| &after[..end])
}

#[test]
fn text_in_a_third_language_is_caught() {
    // Every message of every translation put into each other locale's file of the same guide,
    // judged as the check judges it (the detector on the pattern's own words).
    let site = SiteTest::shipped();
    let files = translation_files(&site);
    let locales: Vec<String> = ["en", "nl", "fr", "fi"].map(String::from).to_vec();
    let judge = stepdoc::i18n::consistency::language_judge(&locales).expect("judge");
    let (mut judged, mut caught, mut missed) = (0, 0, Vec::new());
    for (locale, rel) in &files {
        let guide = rel.rsplit('/').next().expect("file name");
        let own = site.read(rel);
        for message in messages(&own) {
            let text = pattern(&own[message.start..message.end]);
            assert_eq!(
                stepdoc::i18n::consistency::other_language(&judge, locale, text),
                None,
                "{rel}:{} `{}` is a real translation",
                message.line,
                message.id
            );
        }
        for (_, other_rel) in files
            .iter()
            .filter(|(l, r)| l != locale && r.ends_with(guide))
        {
            let foreign = site.read(other_rel);
            for message in messages(&foreign) {
                let text = pattern(&foreign[message.start..message.end]);
                let words = text
                    .split('{')
                    .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                    .flat_map(str::split_whitespace)
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count();
                if words < 8 || text.matches(',').count() * 3 >= words {
                    continue;
                }
                judged += 1;
                match stepdoc::i18n::consistency::other_language(&judge, locale, text) {
                    Some(_) => caught += 1,
                    None => missed.push(format!("{other_rel} `{}` as {locale}", message.id)),
                }
            }
        }
    }
    // Language detection is statistical: short texts of cognates and names can pass. Hold at
    // least nine in ten (docs/translating.md gives the figure).
    assert!(judged > 200, "{judged}");
    assert!(
        caught * 10 >= judged * 9,
        "{caught} of {judged} found; missed:\n{}",
        missed.join("\n")
    );
    eprintln!("wrong-language: {caught} of {judged} foreign messages found");
}

#[test]
fn wrong_language_is_reported_on_the_line_of_the_message() {
    let site = SiteTest::shipped();
    let rel = "locales/fr/netvisor-rackbeat.ftl";
    let original = site.read(rel);
    let dutch = site.read("locales/nl/netvisor-rackbeat.ftl");
    let intro = messages(&dutch)
        .into_iter()
        .find(|m| m.id == "intro")
        .expect("intro");
    let target = messages(&original)
        .into_iter()
        .find(|m| m.id == "intro")
        .expect("intro");
    site.write(
        rel,
        format!(
            "{}{}{}",
            &original[..target.start],
            &dutch[intro.start..intro.end],
            &original[target.end..]
        ),
    );
    let found = findings(site.path());
    assert!(
        found
            .iter()
            .any(|(kind, locale, id, line)| kind == "wrong-language"
                && locale == "fr"
                && id == "intro"
                && *line as usize == target.line),
        "{found:?}"
    );
    // Sync does not record it: the finding stays until the text is translated.
    site.run(&["i18n", "sync"])
        .success()
        .stderr_has("not recorded: locales/fr/netvisor-rackbeat.ftl");
    assert!(
        findings(site.path())
            .iter()
            .any(|(kind, _, id, _)| kind == "wrong-language" && id == "intro")
    );
}

#[test]
fn swapped_step_texts_are_caught() {
    // Every pair of consecutive step messages of every translation, their texts swapped.
    let site = SiteTest::shipped();
    let (mut swapped, mut caught, mut missed) = (0, 0, Vec::new());
    let mut by_kind = std::collections::BTreeMap::new();
    for (locale, rel) in translation_files(&site) {
        let original = site.read(&rel);
        let steps: Vec<FtlMessage> = messages(&original)
            .into_iter()
            .filter(|m| m.id.starts_with("step-"))
            .collect();
        for pair in steps.windows(2) {
            let [a, b] = pair else { continue };
            if a.end > b.start {
                continue;
            }
            let value = |m: &FtlMessage| {
                let text = &original[m.start..m.end];
                let end = text.find("\n    .").map_or(text.len(), |i| i + 1);
                (text[m.id.len()..end].to_owned(), end)
            };
            let ((va, ea), (vb, eb)) = (value(a), value(b));
            if va.trim() == vb.trim() {
                continue;
            }
            let text = format!(
                "{}{}{vb}{}{}{va}{}",
                &original[..a.start],
                a.id,
                &original[a.start + ea..b.start],
                b.id,
                &original[b.start + eb..]
            );
            swapped += 1;
            site.write(&rel, &text);
            let found = findings(site.path());
            let kinds: std::collections::BTreeSet<&str> = found
                .iter()
                .filter(|(_, l, id, _)| *l == locale && (*id == a.id || *id == b.id))
                .map(|(kind, ..)| kind.as_str())
                .collect();
            if !kinds.is_empty() {
                caught += 1;
                for kind in kinds {
                    *by_kind.entry(kind.to_owned()).or_insert(0) += 1;
                }
            } else {
                missed.push(format!("{rel}: {} <-> {}", a.id, b.id));
            }
        }
        site.write(&rel, &original);
    }
    eprintln!(
        "swapped steps: {caught} of {swapped} caught ({by_kind:?}); missed:\n{}",
        missed.join("\n")
    );
    assert!(swapped > 40, "{swapped}");
    assert_eq!(caught, swapped, "missed:\n{}", missed.join("\n"));
    // Steps whose terms are the same are told apart by `order` (numbers, literals, shape).
    assert!(by_kind.get("order").is_some_and(|n| *n > 0), "{by_kind:?}");
}
