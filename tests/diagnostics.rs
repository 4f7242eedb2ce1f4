//! Bad input: one located error per problem, all in one run, exit code 1, and the previous
//! output left exactly as it was.

use crate::support::SiteTest;

const GUIDE: &str = "content/demo/guide.yaml";

/// 1-based line and column of the first occurrence of `needle` in `text`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Build a good site, apply `edit`, rebuild: the build fails with `kind` at the position of
/// `at` in `file` (plus `column_offset`), and the previous output is untouched.
#[track_caller]
fn assert_rejected(
    edit: impl FnOnce(&SiteTest),
    kind: &str,
    file: &str,
    at: &str,
    column_offset: usize,
) -> String {
    let site = SiteTest::fixture("basic");
    site.build().success();
    let before = site.tree("public");
    edit(&site);
    let run = site.build();
    run.failure().stderr_has(&format!("error[{kind}]"));
    let (line, column) = position(&site.read(file), at);
    run.stderr_has(&format!("{file}:{line}:{}", column + column_offset));
    run.stderr_has("nothing was written");
    assert_eq!(before, site.tree("public"), "the previous output changed");
    run.stderr
}

#[test]
fn bad_yaml_syntax() {
    let stderr = assert_rejected(
        |s| {
            s.edit(
                GUIDE,
                "audience: Administrators",
                "audience: Administrators: all",
            );
        },
        "yaml-syntax",
        GUIDE,
        ": all",
        0,
    );
    assert!(stderr.contains("= help:"), "{stderr}");
}

#[test]
fn unknown_field_names_the_expected_fields() {
    let stderr = assert_rejected(
        |s| {
            s.edit(GUIDE, "    title: Set up", "    titel: Set up");
        },
        "unknown-field",
        GUIDE,
        "titel:",
        0,
    );
    assert!(
        stderr.contains("unknown field `titel`, expected one of"),
        "{stderr}"
    );
    assert!(stderr.contains("title"), "{stderr}");
    assert!(stderr.contains("did you mean `title`?"), "{stderr}");
}

#[test]
fn wrong_type() {
    assert_rejected(
        |s| {
            s.edit(
                GUIDE,
                "    title: Set up the connection\n",
                "    title: Set up the connection\n    collapsed: [yes]\n",
            );
        },
        "wrong-type",
        GUIDE,
        "[yes]",
        0,
    );
}

#[test]
fn duplicate_step_id_names_the_first_use() {
    let stderr = assert_rejected(
        |s| {
            s.edit(GUIDE, "- id: paste-key", "- id: open-settings");
        },
        "duplicate-id",
        GUIDE,
        "open-settings\n        text: Paste",
        0,
    );
    assert!(
        stderr.contains("first used at `sections[0].steps[0].id`"),
        "{stderr}"
    );
    // The field of the finding labels the caret.
    assert!(
        stderr.contains("^ at `sections[0].steps[2].id`"),
        "{stderr}"
    );
}

#[test]
fn missing_image_says_where_to_put_it() {
    let stderr = assert_rejected(
        |s| {
            s.edit(GUIDE, "image: settings.png", "image: setings.png");
        },
        "missing-image",
        GUIDE,
        "setings.png",
        0,
    );
    assert!(
        stderr.contains("content/demo/images/en/setings.png"),
        "{stderr}"
    );
}

#[test]
fn duplicate_or_malformed_choice_ids_are_located() {
    let stderr = assert_rejected(
        |s| {
            s.edit(
                GUIDE,
                "        text: Paste the key in the mailer.\n",
                "        text: Paste the key in the mailer.\n        choices:\n          - { id: web, text: In the web app }\n          - { id: web, text: In the mobile app }\n",
            );
        },
        "duplicate-id",
        GUIDE,
        "web, text: In the mobile",
        0,
    );
    assert!(
        stderr.contains("choice ids must be unique within their step"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sections[0].steps[2].choices[1].id"),
        "{stderr}"
    );
    assert_rejected(
        |s| {
            s.edit(
                GUIDE,
                "        text: Paste the key in the mailer.\n",
                "        text: Paste the key in the mailer.\n        choices:\n          - { id: Web_App, text: In the web app }\n",
            );
        },
        "invalid-id",
        GUIDE,
        "Web_App",
        0,
    );
}

#[test]
fn caption_without_image_is_located() {
    let stderr = assert_rejected(
        |s| {
            s.edit(
                GUIDE,
                "        text: Create an API key and copy it.\n",
                "        text: Create an API key and copy it.\n        caption: The key.\n",
            );
        },
        "missing-field",
        GUIDE,
        "The key.",
        0,
    );
    assert!(stderr.contains("add `image:`"), "{stderr}");
}

#[test]
fn image_name_letter_case_must_match() {
    assert_rejected(
        |s| {
            s.edit(GUIDE, "image: settings.png", "image: Settings.PNG");
        },
        "missing-image",
        GUIDE,
        "Settings.PNG",
        0,
    );
}

#[test]
fn image_paths_cannot_leave_the_guide() {
    assert_rejected(
        |s| {
            s.edit(GUIDE, "image: settings.png", "image: ../../../site.png");
        },
        "invalid-path",
        GUIDE,
        "../../../site.png",
        0,
    );
}

#[test]
fn unknown_term_points_at_the_reference() {
    let stderr = assert_rejected(
        |s| {
            s.edit(GUIDE, "Open { -ui-settings }.", "Open { -ui-setings }.");
        },
        "unknown-term",
        GUIDE,
        "-ui-setings",
        0,
    );
    assert!(
        stderr.contains("unknown term `-ui-setings` in `step-open-settings`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `-ui-settings`?"), "{stderr}");
}

#[test]
fn unknown_variable() {
    assert_rejected(
        |s| {
            s.edit(GUIDE, "{ $support-email }", "{ $support-mail }");
        },
        "unknown-variable",
        GUIDE,
        "$support-mail",
        0,
    );
}

#[test]
fn invalid_fluent_in_yaml_text() {
    assert_rejected(
        |s| {
            s.edit(
                GUIDE,
                "Paste the key in the mailer.",
                "Paste the key { in the mailer.",
            );
        },
        "ftl-syntax",
        GUIDE,
        "Paste the key",
        0,
    );
}

#[test]
fn invalid_id_and_unknown_collect_value() {
    let site = SiteTest::fixture("basic");
    site.edit(GUIDE, "- id: paste-key", "- id: Paste_Key");
    site.edit(GUIDE, "collects: api-key", "collects: api-token");
    let run = site.build();
    run.failure()
        .stderr_has("error[invalid-id]: `Paste_Key` is not a valid id")
        .stderr_has("error[unknown-reference]: step collects `api-token`")
        .stderr_has("use one of the collect values: api-key");
}

#[test]
fn every_error_of_a_run_is_reported() {
    let site = SiteTest::fixture("basic");
    site.edit(GUIDE, "Open { -ui-settings }.", "Open { -ui-setings }.");
    site.edit(GUIDE, "image: settings.png", "image: setings.png");
    site.write(
        "content/second/guide.yaml",
        "source_locale: en\ntitle: [oops\n",
    );
    site.write(
        "locales/en/terms.ftl",
        "-acme = Acme CRM\n-ui-save = Save\n-ui-settings = Settings\n-broken = { -missing\n",
    );
    let run = site.build();
    run.failure()
        .stderr_has("error[unknown-term]")
        .stderr_has("error[missing-image]")
        .stderr_has("content/second/guide.yaml:2:")
        .stderr_has("locales/en/terms.ftl:4:")
        .stderr_has("build failed: 4 error(s)");
    assert!(!site.path().join("public").exists());
}

#[test]
fn invalid_utf8_reports_the_byte_offset() {
    let site = SiteTest::fixture("basic");
    let mut bytes = site.read(GUIDE).into_bytes();
    bytes.splice(0..0, b"# caf\xe9\n".iter().copied());
    site.write(GUIDE, bytes);
    site.build()
        .failure()
        .stderr_has("error[invalid-utf8]")
        .stderr_has("bad byte at offset 5")
        .stderr_has(&format!("{GUIDE}:1:6"));
}

#[test]
fn config_errors_are_located() {
    let site = SiteTest::fixture("basic");
    site.edit("site.yaml", "default_locale: en", "default_locale: de");
    site.build()
        .failure()
        .stderr_has("error[invalid-locale]: default locale `de` is not in `locales`")
        .stderr_has("site.yaml:6:17");
}

#[test]
fn support_addresses_are_checked_and_located() {
    let site = SiteTest::fixture("basic");
    site.edit(
        "site.yaml",
        "default_locale: en",
        "default_locale: en\nsupport:\n  url: javascript:alert(1)\n  urls: { de: \"mailto:a@b.c\" }",
    );
    site.build()
        .failure()
        .stderr_has("error[invalid-url]: support url `javascript:alert(1)`")
        .stderr_has("site.yaml:8:8")
        .stderr_has("support urls: `de` is not in `locales`");
}

#[test]
fn check_reports_without_writing() {
    let site = SiteTest::fixture("basic");
    site.run(&["check"]).success().stderr_has("check passed");
    assert!(!site.path().join("public").exists());
    site.edit(GUIDE, "image: settings.png", "image: setings.png");
    let run = site.run(&["check", "--format", "json"]);
    run.failure();
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(report["summary"]["errors"], 1);
    let finding = &report["findings"][0];
    assert_eq!(finding["kind"], "missing-image");
    assert_eq!(finding["file"], GUIDE);
    assert_eq!(finding["line"], 17);
    let github = site.run(&["check", "--format", "github"]);
    assert!(
        github
            .stdout
            .starts_with(&format!("::error file={GUIDE},line=17,col=16,")),
        "{}",
        github.stdout
    );
    let sarif = site.run(&["check", "--format", "sarif"]);
    sarif.failure();
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("sarif json");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), stepdoc::diagnostics::Kind::ALL.len());
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "missing-image");
    assert_eq!(result["level"], "error");
    let index = result["ruleIndex"].as_u64().expect("rule index");
    assert_eq!(
        rules[usize::try_from(index).expect("index")]["id"],
        "missing-image"
    );
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], GUIDE);
    assert_eq!(location["region"]["startLine"], 17);
    assert_eq!(location["region"]["startColumn"], 16);
    assert!(
        result["message"]["text"]
            .as_str()
            .is_some_and(|m| m.contains("setings.png") && m.contains("Help: ")),
        "{result:#}"
    );
}

const KINDS_START: &str = "<!-- kinds: generated from src/diagnostics/kind.rs -->";
const KINDS_END: &str = "<!-- end -->";

/// docs/findings.md lists every kind of finding, generated from the one list in
/// `src/diagnostics/kind.rs`; `STEPDOC_UPDATE_DOCS=1 cargo test findings_reference` rewrites it.
#[test]
fn findings_reference_is_current() {
    let path = crate::support::repo_root().join("docs/findings.md");
    let doc = std::fs::read_to_string(&path).expect("docs/findings.md");
    let from = doc.find(KINDS_START).expect("kinds block") + KINDS_START.len();
    let to = from + doc[from..].find(KINDS_END).expect("end of kinds block");
    let generated = format!("\n{}\n", stepdoc::diagnostics::reference_markdown().trim());
    if doc[from..to] != generated {
        if std::env::var_os("STEPDOC_UPDATE_DOCS").is_some() {
            std::fs::write(&path, format!("{}{generated}{}", &doc[..from], &doc[to..]))
                .expect("write docs/findings.md");
        } else {
            panic!(
                "docs/findings.md is out of date; run `STEPDOC_UPDATE_DOCS=1 cargo test \
                 findings_reference` to rewrite it"
            );
        }
    }
}

/// Every kind in the list is reported somewhere in `src/` (a kind nothing reports is dead), and
/// no finding is made with a kind outside the list (the type makes that a compile error).
#[test]
fn every_kind_is_reported_somewhere() {
    let src = crate::support::repo_root().join("src");
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("diagnostics/kind.rs") {
            text.push_str(&std::fs::read_to_string(path).expect("source"));
        }
    }
    for kind in stepdoc::diagnostics::Kind::ALL {
        let variant = format!("Kind::{kind:?}");
        assert!(
            text.match_indices(&variant).any(|(i, _)| {
                let next = text[i + variant.len()..].chars().next();
                !next.is_some_and(|c| c.is_alphanumeric())
            }),
            "no finding of kind `{kind}` is made anywhere ({variant})"
        );
    }
}

#[test]
fn every_unknown_key_of_a_guide_in_one_run() {
    let site = SiteTest::fixture("basic");
    site.edit(GUIDE, "audience:", "audiense:")
        .edit(GUIDE, "partner:", "partnr:")
        .edit(GUIDE, "updated:", "updatd:");
    let run = site.build();
    run.failure();
    assert_eq!(
        run.stderr.matches("error[unknown-field]").count(),
        3,
        "{}",
        run.stderr
    );
    run.stderr_has("did you mean `partner`?");
    // The misspelled required field is not reported missing as well.
    assert!(!run.stderr.contains("missing-field"), "{}", run.stderr);
}

#[test]
fn yaml_errors_speak_the_writers_language() {
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "    title: Set up the connection",
            "    title: ~",
            "`title` has no value",
            "~",
        ),
        (
            "audience: Administrators",
            "audience: Administrators\ntitle: Again",
            "`title` appears twice in this mapping (first on line 2)",
            "title: Again",
        ),
        (
            "updated: \"2026-01-05\"",
            "updated: \"2026-01-05",
            "is not closed",
            "\"2026-01-05",
        ),
        (
            "  - id: admin",
            "\t- id: admin",
            "a tab character indents this line",
            "\t",
        ),
        (
            "audience: Administrators",
            "audience: [a, b]",
            "`audience` expects a text here",
            "[a, b]",
        ),
    ];
    for (from, to, says, at) in cases {
        let site = SiteTest::fixture("basic");
        site.edit(GUIDE, from, to);
        let run = site.build();
        run.failure().stderr_has(says);
        let (line, column) = position(&site.read(GUIDE), at);
        run.stderr_has(&format!("{GUIDE}:{line}:{column}"));
        for internal in [
            "Option<",
            "DuplicateKeyPolicy",
            "Options",
            "scalar",
            "budget",
        ] {
            assert!(
                !run.stderr.contains(internal),
                "{internal} in {}",
                run.stderr
            );
        }
    }
}

#[test]
fn empty_texts_are_errors_reported_once() {
    for (from, to) in [
        ("title: Connect { -acme }", "title: \"\""),
        ("text: Paste the key in the mailer.", "text: \"\""),
    ] {
        let site = SiteTest::fixture("multilingual");
        site.edit(GUIDE, from, to);
        let run = site.run(&["check"]);
        run.failure().stderr_has("error[empty-text]");
        assert_eq!(run.stderr.matches("error[").count(), 1, "{}", run.stderr);
    }
}

#[test]
fn broken_links_are_reported_beside_errors_of_other_guides() {
    let site = SiteTest::fixture("basic");
    let guide = site.read(GUIDE);
    site.write(
        "content/other/guide.yaml",
        guide.replace("title: Connect", "titel: Connect"),
    );
    site.edit(
        GUIDE,
        "text: Paste the key in the mailer.",
        "text: Paste the key in the mailer (see [step](#step-nope)).",
    );
    let run = site.build();
    run.failure()
        .stderr_has("error[unknown-field]")
        .stderr_has("error[broken-link]: link `#step-nope`");
}

#[test]
fn findings_with_root_name_the_site_directory_and_show_paths_relative_to_it() {
    let parent = SiteTest::empty();
    parent.run_raw(&["init", "mysite"]).success();
    parent.edit(
        "mysite/content/connect-example-crm/guide.yaml",
        "text: \"Turn on",
        "text: \"{ -nope } Turn on",
    );
    parent
        .run_raw(&["check", "--root", "mysite"])
        .failure()
        .stderr_has("in the site at mysite/ (the paths below are relative to it):")
        .stderr_has("--> content/connect-example-crm/guide.yaml:");
    // Without --root the paths speak for themselves.
    let inside = parent.run_raw(&["check", "--root", "."]);
    inside.failure();
    assert!(
        !inside.stderr.contains("in the site at"),
        "{}",
        inside.stderr
    );
}

#[test]
fn a_400_kb_source_line_is_cut_around_the_caret() {
    let site = SiteTest::init(&[]);
    let filler = "word ".repeat(80_000);
    site.edit(
        "content/connect-example-crm/guide.yaml",
        "summary: \"",
        &format!("summary: \"{filler}{{ -bad }} "),
    );
    let run = site.run_raw(&["check"]);
    run.failure()
        .stderr_has("unknown term `-bad`")
        .stderr_has("{ -bad }");
    assert!(run.stderr.len() < 4_000, "{} bytes", run.stderr.len());
}

/// A mistyped related guide is located in the YAML and the existing guide suggested; a guide
/// that lists itself is located too.
#[test]
fn unknown_or_own_related_guide_is_located() {
    const CONNECT: &str = "content/connect/guide.yaml";
    let site = SiteTest::fixture("task");
    site.edit(CONNECT, "related: [sync]", "related: [synk]");
    let run = site.build();
    run.failure().stderr_has("error[unknown-reference]");
    let (line, column) = position(&site.read(CONNECT), "synk]");
    run.stderr_has(&format!("{CONNECT}:{line}:{column}"))
        .stderr_has("related guide `synk` does not exist")
        .stderr_has("did you mean `sync`?");
    site.edit(CONNECT, "related: [synk]", "related: [connect]");
    let run = site.build();
    run.failure().stderr_has("lists itself as related");
    let (line, column) = position(&site.read(CONNECT), "connect]");
    run.stderr_has(&format!("{CONNECT}:{line}:{column}"));
}

/// A UI path segment that is not a UI label term, or names a label the glossary lacks, is
/// located at the segment; the closest label is suggested.
#[test]
fn ui_path_segments_are_checked() {
    const CONNECT: &str = "content/connect/guide.yaml";
    let site = SiteTest::fixture("task");
    site.edit(CONNECT, "-ui-access-rights,", "-ui-acess-rights,");
    let run = site.build();
    run.failure().stderr_has("error[unknown-term]");
    let (line, column) = position(&site.read(CONNECT), "-ui-acess-rights");
    run.stderr_has(&format!("{CONNECT}:{line}:{column}"))
        .stderr_has("did you mean `-ui-access-rights`?");
    site.edit(CONNECT, "-ui-acess-rights,", "Access rights,");
    let run = site.build();
    run.failure().stderr_has("error[invalid-id]");
    let (line, column) = position(&site.read(CONNECT), "Access rights,");
    run.stderr_has(&format!("{CONNECT}:{line}:{column}"))
        .stderr_has("`Access rights` is not a UI label term");
}

/// A label a locale's glossary lacks is a `missing` finding at the segment, naming the locale;
/// defining it in that glossary ends the finding.
#[test]
fn ui_path_label_missing_in_a_locale_is_reported() {
    const CONNECT: &str = "content/connect/guide.yaml";
    const FINDING: &str = "warning[missing]: the UI label `-ui-api-keys` of step `kind`'s path is not in the `fi` glossary";
    let site = SiteTest::fixture("task");
    let run = site.run(&["check"]);
    let (line, column) = position(&site.read(CONNECT), "-ui-api-keys");
    run.stderr_has(FINDING)
        .stderr_has(&format!("{CONNECT}:{line}:{column}"))
        .stderr_has("define `-ui-api-keys = …` in locales/fi/terms.ftl");
    let terms = site.read("locales/fi/terms.ftl");
    site.edit(
        "locales/fi/terms.ftl",
        &terms,
        &format!("{terms}-ui-api-keys = API-avaimet\n"),
    );
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains(FINDING), "{}", run.stderr);
}

/// An alternative without steps, and an alternative id used twice, are located.
#[test]
fn alternatives_are_checked() {
    const CONNECT: &str = "content/connect/guide.yaml";
    let site = SiteTest::fixture("task");
    site.edit(
        CONNECT,
        "        steps:\n          - id: web-open\n            text: Open the web app and choose **Install**.\n",
        "        steps: []\n",
    );
    let run = site.build();
    run.failure().stderr_has("error[missing-field]");
    let (line, column) = position(&site.read(CONNECT), "web\n        title: In the browser");
    run.stderr_has(&format!("{CONNECT}:{line}:{column}"))
        .stderr_has("alternative `web` has no steps");
    site.edit(CONNECT, "- id: web\n", "- id: windows\n");
    let run = site.build();
    run.failure()
        .stderr_has("error[duplicate-id]")
        .stderr_has("duplicate alternative id `windows`");
}
