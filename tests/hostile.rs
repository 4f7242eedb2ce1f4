//! Hostile and odd input, reproducibility and interrupted builds.

use std::time::Duration;

use crate::support::SiteTest;

const GUIDE: &str = "content/demo/guide.yaml";

#[test]
fn output_is_identical_across_threads_timezones_and_locales() {
    let site = SiteTest::shipped();
    let root = site.path().to_string_lossy().into_owned();
    let mut trees = Vec::new();
    for env in [
        [("RAYON_NUM_THREADS", "1"), ("TZ", "UTC"), ("LC_ALL", "C")],
        [
            ("RAYON_NUM_THREADS", "2"),
            ("TZ", "Pacific/Auckland"),
            ("LC_ALL", "fi_FI.UTF-8"),
        ],
    ] {
        site.run_env(&["build", "--root", &root], &env).success();
        trees.push(site.tree("public"));
    }
    assert_eq!(trees[0], trees[1]);
}

#[test]
fn bom_and_crlf_give_the_same_output() {
    let clean = SiteTest::fixture("multilingual");
    clean.build().success();
    let odd = SiteTest::fixture("multilingual");
    for file in [
        GUIDE,
        "locales/nl/demo.ftl",
        "locales/fi/terms.ftl",
        "site.yaml",
    ] {
        let text = odd.read(file).replace('\n', "\r\n");
        odd.write(file, format!("\u{feff}{text}"));
    }
    odd.build().success();
    assert_eq!(clean.tree("public"), odd.tree("public"));
}

/// (Alias bombs are refused by the YAML budget: see the unit tests in `src/yaml.rs`.)
#[test]
fn deep_nesting_fails_fast_with_a_location() {
    let site = SiteTest::fixture("basic");
    let deep = format!(
        "source_locale: en\ntitle: {}x{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    site.write(GUIDE, deep);
    let run = site.build();
    run.failure().stderr_has(&format!("{GUIDE}:2:"));
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn oversized_files_are_rejected() {
    let site = SiteTest::fixture("basic");
    let text = site.read(GUIDE);
    site.write(GUIDE, format!("{text}# {}\n", "x".repeat(5 * 1024 * 1024)));
    site.build()
        .failure()
        .stderr_has("error[file-too-large]")
        .stderr_has(GUIDE);
}

#[cfg(unix)]
#[test]
fn symlinked_images_are_not_followed_out_of_the_site() {
    let site = SiteTest::fixture("basic");
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("secret.png"), b"secret").expect("write");
    site.remove("content/demo/images/en/settings.png");
    std::os::unix::fs::symlink(
        outside.path().join("secret.png"),
        site.path().join("content/demo/images/en/settings.png"),
    )
    .expect("symlink");
    site.build().failure().stderr_has("error[missing-image]");
}

#[test]
fn cyclic_terms_are_an_error_not_a_crash() {
    let site = SiteTest::fixture("basic");
    site.write(
        "locales/en/terms.ftl",
        "-acme = { -loop }\n-loop = { -acme }\n-ui-save = Save\n-ui-settings = Settings\n",
    );
    let run = site.build();
    run.failure().stderr_has("error[fluent]");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// SIGKILL at various moments of a build: the output is always the old one or the new one,
/// complete, and the next build leaves no staging debris.
#[cfg(unix)]
#[test]
fn killed_builds_never_leave_a_partial_site() {
    let site = SiteTest::shipped();
    site.build().success();
    let old = site.tree("public");
    // Make the new build differ from the old one.
    site.edit(
        "content/workplace-analytics/guide.yaml",
        "Set up the { -wpa } integration",
        "Set up the { -wpa } integration today",
    );
    let root = site.path().to_string_lossy().into_owned();
    for delay_ms in [0u64, 5, 15, 30, 60] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stepdoc"))
            .args(["build", "--root", &root])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = site.tree("public");
        let is_new = now
            .get("en/workplace-analytics/index.html")
            .is_some_and(|p| String::from_utf8_lossy(p).contains("integration today"));
        if !is_new {
            assert_eq!(
                now, old,
                "after a kill at {delay_ms} ms the old output must be intact"
            );
        } else {
            assert_eq!(now.len(), old.len(), "a new output must be complete");
        }
    }
    site.build().success();
    let debris: Vec<String> = std::fs::read_dir(site.path())
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("stepdoc-staging") || n.contains("stepdoc-old"))
        .collect();
    assert!(debris.is_empty(), "{debris:?}");
}

#[test]
fn decomposed_text_gives_the_same_output_as_composed() {
    let clean = SiteTest::fixture("multilingual");
    clean.build().success();
    let nfd = SiteTest::fixture("multilingual");
    // "één" and "ä" written with combining marks.
    for file in [
        "locales/nl/demo.ftl",
        "locales/fi/demo.ftl",
        "locales/fi/terms.ftl",
    ] {
        let text = nfd
            .read(file)
            .replace('é', "e\u{301}")
            .replace('ä', "a\u{308}");
        nfd.write(file, text);
    }
    assert!(nfd.read("locales/nl/demo.ftl").contains("e\u{301}"));
    nfd.build().success();
    assert_eq!(clean.tree("public"), nfd.tree("public"));
}

#[test]
fn a_hundred_placeables_are_an_error_not_a_crash() {
    let site = SiteTest::fixture("basic");
    let many = "{ -acme } ".repeat(120);
    site.edit(
        GUIDE,
        "text: Paste the key in the mailer.",
        &format!("text: \"{many}\""),
    );
    let run = site.build();
    run.failure()
        .stderr_has("error[fluent]")
        .stderr_has("step-paste-key");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}
