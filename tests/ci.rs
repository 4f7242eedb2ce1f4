//! The CI recipes of `examples/ci/` (and docs/ci.md): their stepdoc commands, read from the
//! workflow files and run in order against a fresh `init` site, pass on it and fail on a broken
//! one.

use crate::support::{Run, SiteTest, repo_root};

/// The `stepdoc …` command lines of a workflow's `run:` blocks or `script:` lists, in order
/// (jobs in file order), without shell redirections.
fn stepdoc_commands(value: &serde_json::Value, out: &mut Vec<Vec<String>>) {
    match value {
        serde_json::Value::String(text) => {
            for line in text.lines() {
                let line = line.trim();
                let Some(rest) = line.strip_prefix("stepdoc ") else {
                    continue;
                };
                let command = rest.split('>').next().unwrap_or_default();
                out.push(command.split_whitespace().map(str::to_owned).collect());
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                stepdoc_commands(item, out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                if matches!(key.as_str(), "run" | "script" | "jobs" | "steps") || item.is_object() {
                    stepdoc_commands(item, out);
                }
            }
        }
        _ => {}
    }
}

fn workflow(rel: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(repo_root().join(rel)).expect("read workflow");
    let value: serde_json::Value = serde_saphyr::from_str(&text).expect("workflow parses");
    let mut commands = Vec::new();
    stepdoc_commands(&value, &mut commands);
    commands
}

const WORKFLOWS: [&str; 2] = [
    "examples/ci/github/publish.yml",
    "examples/ci/gitlab/.gitlab-ci.yml",
];

/// Run the workflow's commands in order as CI would (in the site directory); every run.
fn run_all(site: &SiteTest, commands: &[Vec<String>]) -> Vec<(String, Run)> {
    commands
        .iter()
        .map(|command| {
            let args: Vec<&str> = command.iter().map(String::as_str).collect();
            (command.join(" "), site.run_raw(&args))
        })
        .collect()
}

#[test]
fn the_workflows_run_check_status_and_build() {
    let github = workflow(WORKFLOWS[0]);
    let names: Vec<String> = github.iter().map(|c| c.join(" ")).collect();
    assert_eq!(
        names,
        [
            "i18n status --format markdown",
            "check --format github",
            "build --out public"
        ]
    );
    let gitlab = workflow(WORKFLOWS[1]);
    assert!(gitlab.iter().any(|c| c[0] == "build"), "{gitlab:?}");
    // init writes the GitHub workflow as it is shipped.
    let site = SiteTest::init(&[]);
    let shipped = std::fs::read_to_string(repo_root().join(WORKFLOWS[0])).expect("read");
    assert_eq!(site.read(".github/workflows/publish.yml"), shipped);
}

#[test]
fn the_workflows_are_green_on_a_fresh_site() {
    for rel in WORKFLOWS {
        let site = SiteTest::init(&[]);
        for (command, run) in run_all(&site, &workflow(rel)) {
            assert_eq!(run.code, 0, "{rel}: stepdoc {command}\n{}", run.stderr);
        }
        assert!(site.path().join("public/index.html").exists(), "{rel}");
    }
}

#[test]
fn missing_translations_publish_with_badges() {
    let site = SiteTest::init(&[]);
    site.edit(
        "content/connect-example-crm/guide.yaml",
        "      - id: enable\n",
        "      - id: test\n        text: Send a test contact and check that it arrives.\n      - id: enable\n",
    );
    for (command, run) in run_all(&site, &workflow(WORKFLOWS[0])) {
        assert_eq!(run.code, 0, "stepdoc {command}\n{}", run.stderr);
        if command.starts_with("check") {
            assert!(run.stdout.contains("::warning"), "{}", run.stdout);
        }
        if command.starts_with("i18n status") {
            assert!(run.stdout.contains('|'), "{}", run.stdout);
        }
    }
    assert!(site.out("nl/index.html").contains("badge untranslated"));
}

#[test]
fn a_stale_translation_fails_the_gate_and_publishes_nothing() {
    let site = SiteTest::init(&[]);
    site.edit(
        "content/connect-example-crm/guide.yaml",
        "save your changes.",
        "save your changes. The first run starts at midnight.",
    );
    for rel in WORKFLOWS {
        let runs = run_all(&site, &workflow(rel));
        let (_, check) = runs
            .iter()
            .find(|(command, _)| command.starts_with("check"))
            .expect("a check step");
        assert_eq!(check.code, 1, "{rel}\n{}", check.stderr);
        let (_, build) = runs
            .iter()
            .find(|(command, _)| command.starts_with("build"))
            .expect("a build step");
        assert_eq!(build.code, 1, "{rel}");
        build.stderr_has("stale");
        assert!(!site.path().join("public").exists(), "{rel}");
    }
}
