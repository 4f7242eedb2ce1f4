//! `stepdoc init`, `theme eject`, `--version`, completions and the man page: what a new user
//! meets with only the installed binary.

use std::path::{Path, PathBuf};

use crate::support::SiteTest;

#[test]
fn a_fresh_site_builds_strict_in_every_source_language() {
    for source in ["en", "nl", "fr", "fi"] {
        let site = SiteTest::init(&["--source", source]);
        assert!(
            site.read("content/connect-example-crm/guide.yaml")
                .contains(&format!("source_locale: {source}"))
        );
        site.run(&["build", "--strict"]).success();
        site.run(&["check", "--strict"]).success();
        assert!(site.out("index.html").contains("<html"));
        assert!(!site.read(".gitignore").is_empty());
    }
}

#[test]
fn init_takes_a_new_directory_and_a_subset_of_languages() {
    let parent = SiteTest::empty();
    parent
        .run_raw(&["init", "mysite", "--locales", "fi,en"])
        .success()
        .stdout_has("created a stepdoc site in mysite");
    let config = parent.read("mysite/site.yaml");
    assert!(config.contains("locales: [fi, en]"), "{config}");
    assert!(config.contains("# REQUIRED"), "{config}");
    assert!(!parent.path().join("mysite/locales/nl").exists());
    parent
        .run_raw(&["build", "--strict", "--root", "mysite"])
        .success();
}

#[test]
fn init_refuses_a_non_empty_directory_and_unknown_languages() {
    let site = SiteTest::empty();
    site.write("notes.txt", "mine");
    site.run_raw(&["init"])
        .failure()
        .stderr_has("is not empty; run `stepdoc init` in an empty or new directory");
    assert!(!site.path().join("site.yaml").exists());
    assert_eq!(site.read("notes.txt"), "mine");
    SiteTest::empty()
        .run_raw(&["init", "--locales", "en,de"])
        .failure()
        .stderr_has("`de` is not one of en, nl, fr, fi");
}

/// Every `$schema=` path in `text` (a file at `file`) resolved against the file's directory.
fn schema_paths(file: &Path, text: &str) -> Vec<PathBuf> {
    text.lines()
        .filter_map(|line| line.split_once("$schema=").map(|(_, path)| path.trim()))
        .map(|path| file.parent().expect("parent").join(path))
        .collect()
}

#[test]
fn every_path_the_generated_files_and_new_mention_exists() {
    let site = SiteTest::init(&[]);
    site.run(&["new", "acme-crm"]).success();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(site.path()) {
        let entry = entry.expect("walk");
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|ext| ext != "yaml")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read");
        for path in schema_paths(entry.path(), &text) {
            assert!(
                path.exists(),
                "{} names {}",
                entry.path().display(),
                path.display()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 3, "site.yaml and two guides");
    // The schemas are the binary's own.
    let guide_schema = site.run_raw(&["schema"]).stdout;
    assert_eq!(site.read(".stepdoc/guide.schema.json"), guide_schema);
    let site_schema = site.run_raw(&["schema", "--config"]).stdout;
    assert_eq!(site.read(".stepdoc/site.schema.json"), site_schema);
}

#[test]
fn new_writes_the_schema_its_scaffold_names_in_any_site() {
    let site = SiteTest::fixture("basic");
    site.run(&["new", "acme-crm"]).success();
    let file = site.path().join("content/acme-crm/guide.yaml");
    let text = site.read("content/acme-crm/guide.yaml");
    let paths = schema_paths(&file, &text);
    assert_eq!(paths.len(), 1);
    assert!(paths[0].exists(), "{}", paths[0].display());
}

#[test]
fn the_theme_strings_hint_points_at_files_eject_writes() {
    let site = SiteTest::fixture("basic");
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        config
            .replace("[en, nl]", "[en, nl, sv]")
            .replace("  nl: Demo-hulp\n", "  nl: Demo-hulp\n  sv: Demohjälp\n"),
    );
    let run = site.run(&["check"]);
    run.stderr_has("`stepdoc theme eject` first writes the built-in theme to themes/default/");
    site.run(&["theme", "eject"])
        .success()
        .stdout_has("themes/default");
    assert!(site.path().join("themes/default/strings/en.ftl").exists());
    site.run(&["theme", "eject"])
        .failure()
        .stderr_has("already exists");
}

#[test]
fn version_names_the_commit_and_usage_errors_exit_2() {
    let site = SiteTest::empty();
    let run = site.run_raw(&["--version"]);
    run.success();
    assert!(
        run.stdout
            .starts_with(&format!("stepdoc {}", env!("CARGO_PKG_VERSION"))),
        "{}",
        run.stdout
    );
    assert_eq!(site.run_raw(&["buidl"]).code, 2);
    assert_eq!(site.run_raw(&["init", "--source"]).code, 2);
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let site = SiteTest::empty();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = site.run_raw(&["completions", shell]);
        run.success();
        assert!(run.stdout.contains("init"), "{shell}: {}", run.stdout);
    }
    let man = site.run_raw(&["man"]);
    man.success().stdout_has(".TH stepdoc 1").stdout_has("init");
}
