//! The publishing gate: the default policy, `policy:` in site.yaml and `--policy`.

use crate::support::SiteTest;

#[test]
fn missing_translations_publish_by_default_and_fail_a_release_policy() {
    let site = SiteTest::fixture("multilingual");
    site.run(&["check"])
        .success()
        .stderr_has("warning[missing]");
    site.build().success();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{config}\npolicy:\n  missing: error\n  untracked: ignore\n"),
    );
    site.run(&["check"]).failure().stderr_has("error[missing]");
    site.build().failure().stderr_has("nothing was written");
    // The command line wins over site.yaml for one run.
    site.run(&["check", "--policy", "missing=warning"])
        .success();
}

#[test]
fn a_wrong_policy_in_site_yaml_is_located_with_a_suggestion() {
    let site = SiteTest::fixture("multilingual");
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{config}\npolicy:\n  stael: error\n  yaml-syntax: ignore\n  missing: fatal\n"),
    );
    let lines = config.lines().count() + 2;
    let run = site.run(&["check"]);
    run.failure()
        .stderr_has("error[invalid-policy]: policy: `stael` is not a kind of finding; did you mean `stale`?")
        .stderr_has(&format!("site.yaml:{}:", lines + 1))
        .stderr_has("`yaml-syntax` is always an error")
        .stderr_has("`fatal` is not a level");
}

#[test]
fn a_wrong_policy_argument_is_a_usage_error() {
    let site = SiteTest::fixture("multilingual");
    let run = site.run_raw(&["check", "--policy", "missing"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("KIND=LEVEL"), "{}", run.stderr);
    let run = site.run_raw(&["build", "--policy", "stael=error"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `stale`"),
        "{}",
        run.stderr
    );
}

#[test]
fn errors_lead_the_report() {
    let site = SiteTest::fixture("multilingual");
    // A lost term at line 12 of the Dutch file (an error at the gate) comes after a missing
    // translation at line 8 (a warning) by place; errors still come first.
    site.edit(
        "locales/nl/demo.ftl",
        "Klik op { -ui-save }.",
        "Klik op Opslaan.",
    );
    let run = site.run(&["check"]);
    run.failure().stderr_has("error[placeable-mismatch]");
    let last_error = run.stderr.rfind("error[").expect("an error");
    let first_warning = run.stderr.find("warning[").expect("a warning");
    assert!(
        run.stderr[first_warning..].contains("locales/nl/demo.ftl:8:"),
        "{}",
        run.stderr
    );
    assert!(last_error < first_warning, "{}", run.stderr);
}
