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
    site.allow_stale();
    site.build().success();
    let old = site.tree("public");
    // Make the new build differ from the old one.
    site.edit(
        "content/workplace-analytics/guide.yaml",
        "Set up the { -wpa } integration",
        "Set up the { -wpa } integration today",
    );
    let root = site.path().to_string_lossy().into_owned();
    let mut new_outputs = Vec::new();
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
            new_outputs.push((delay_ms, now));
        }
    }
    site.build().success();
    // A new output seen after a kill is the whole new site (the edit also adds review pages).
    let complete = site.tree("public");
    assert_ne!(complete, old);
    for (delay_ms, seen) in new_outputs {
        assert!(
            seen == complete,
            "after a kill at {delay_ms} ms the new output must be complete"
        );
    }
    let debris = site.debris();
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

/// Runs `script` (with `$1` = a mount point, `$2` = the site, `$3` = the binary) in a private
/// mount namespace, where it may mount a small tmpfs; works as root and, through a user
/// namespace, without.
fn in_mount_namespace(script: &str, mnt: &std::path::Path, root: &std::path::Path) {
    let status = std::process::Command::new("unshare")
        .args(["--map-root-user", "--mount", "sh", "-c", script, "sh"])
        .arg(mnt)
        .arg(root)
        .arg(env!("CARGO_BIN_EXE_stepdoc"))
        .output()
        .expect("run unshare (util-linux)");
    // The builds' own findings stay in the captured output, out of the test log.
    assert!(
        status.status.success(),
        "namespace script failed: {}\n{}",
        status.status,
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn a_full_disk_during_the_write_phase_leaves_the_previous_output_and_no_debris() {
    let site = SiteTest::fixture("multilingual");
    let mnt = site.path().join("mnt");
    std::fs::create_dir(&mnt).expect("mkdir");
    // First build fits the 1 MiB filesystem; the second needs a 3 MB screenshot copied.
    let script = r#"set -e
mount -t tmpfs -o size=1m tmpfs "$1"
"$3" build --root "$2" --out "$1/public" > /dev/null
(cd "$1" && find public -type f | sort | xargs sha256sum) > "$2/before.sum"
head -c 3000000 /dev/zero > "$2/content/demo/images/en/settings.png"
set +e
"$3" build --root "$2" --out "$1/public" > /dev/null 2> "$2/err.txt"
echo $? > "$2/code.txt"
(cd "$1" && find public -type f | sort | xargs sha256sum) > "$2/after.sum"
ls -a "$1" > "$2/ls.txt"
"#;
    in_mount_namespace(script, &mnt, site.path());
    assert_eq!(
        site.read("code.txt").trim(),
        "1",
        "{}",
        site.read("err.txt")
    );
    assert!(
        site.read("err.txt").contains("No space left on device"),
        "{}",
        site.read("err.txt")
    );
    assert!(!site.read("before.sum").is_empty());
    assert_eq!(site.read("after.sum"), site.read("before.sum"));
    let listing = site.read("ls.txt");
    assert!(
        !listing.contains("stepdoc-staging") && !listing.contains("stepdoc-old"),
        "{listing}"
    );
}

/// `command` run as an unprivileged user: `nobody` through `setpriv` when the tests run as
/// root (root ignores file permissions), as is otherwise.
fn unprivileged(args: &[&str], site: &SiteTest) -> (i32, String) {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut command = if is_root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(env!("CARGO_BIN_EXE_stepdoc"));
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_stepdoc"))
    };
    let output = command
        .args(args)
        .current_dir(site.path())
        .output()
        .expect("run stepdoc");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn permission_errors_leave_the_previous_output() {
    use std::os::unix::fs::PermissionsExt;
    let site = SiteTest::fixture("multilingual");
    site.allow_stale();
    let set_mode = |rel: &str, mode: u32| {
        std::fs::set_permissions(site.path().join(rel), std::fs::Permissions::from_mode(mode))
            .expect("chmod");
    };
    // Everything readable and the output's parent writable by the unprivileged user.
    for entry in walkdir::WalkDir::new(site.path()).into_iter().flatten() {
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode))
            .expect("chmod");
    }
    std::fs::create_dir(site.path().join("site-out")).expect("mkdir");
    set_mode("site-out", 0o777);
    let out = ["build", "--out", "site-out/public"];
    let (code, stderr) = unprivileged(&out, &site);
    assert_eq!(code, 0, "{stderr}");
    let before = site.tree("site-out/public");
    site.edit(
        "content/demo/guide.yaml",
        "text: Paste the key in the mailer.",
        "text: Paste the key in the mailer now.",
    );

    // A translation that cannot be read: a located error, nothing written.
    set_mode("locales/nl/demo.ftl", 0o000);
    let (code, stderr) = unprivileged(&out, &site);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("locales/nl/demo.ftl") && stderr.contains("ermission denied"),
        "{stderr}"
    );
    assert_eq!(site.tree("site-out/public"), before);
    set_mode("locales/nl/demo.ftl", 0o644);

    // An output directory whose parent is read-only: refused before rendering.
    set_mode("site-out", 0o555);
    let (code, stderr) = unprivileged(&out, &site);
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("ermission denied"), "{stderr}");
    assert_eq!(site.tree("site-out/public"), before);
    set_mode("site-out", 0o777);

    // Writable again: the edit is published.
    let (code, stderr) = unprivileged(&out, &site);
    assert_eq!(code, 0, "{stderr}");
    assert_ne!(site.tree("site-out/public"), before);
}

#[test]
fn themes_cannot_read_the_environment_or_files_outside_the_site() {
    let site = SiteTest::fixture("multilingual");
    let theme = crate::support::repo_root().join("themes/default");
    for entry in walkdir::WalkDir::new(&theme).into_iter().flatten() {
        let rel = entry.path().strip_prefix(&theme).expect("prefix");
        let target = site.path().join("themes/x").join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    site.edit(
        "site.yaml",
        "default_locale: en",
        "default_locale: en\ntheme: x",
    );
    site.build().success();
    let template = "themes/x/templates/404.html";
    let original = site.read(template);
    for (attempt, expected) in [
        (
            r#"{{ get_env(name="HOME") }}"#,
            "Unknown function `get_env`",
        ),
        (r#"{% include "/etc/passwd" %}"#, "404.html:"),
        (r#"{% include "../../../../etc/passwd" %}"#, "404.html:"),
    ] {
        let changed = original.replace(
            "{% block content %}",
            &format!("{{% block content %}}{attempt}"),
        );
        assert_ne!(changed, original);
        site.write(template, changed);
        let run = site.build();
        run.failure().stderr_has(expected);
        assert!(!run.stderr.contains("root:x:0:0"), "{}", run.stderr);
    }
}

/// A file outside the site holding a secret that must never reach a report or the output.
#[cfg(unix)]
fn outside_secret(dir: &tempfile::TempDir, name: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(
        &path,
        "title: SECRET-TOKEN-4711\nSECRET-TOKEN-4711 = x\n\u{0}SECRET-TOKEN-4711",
    )
    .expect("write secret");
    path
}

#[cfg(unix)]
#[track_caller]
fn assert_secret_kept(site: &SiteTest, run: &crate::support::Run) {
    assert!(!run.stderr.contains("SECRET-TOKEN"), "{}", run.stderr);
    assert!(!run.stdout.contains("SECRET-TOKEN"), "{}", run.stdout);
    if site.path().join("public").exists() {
        for (path, bytes) in site.tree("public") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("SECRET-TOKEN"),
                "{path} holds the secret"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn input_files_symlinked_outside_the_site_are_refused_unread() {
    let outside = tempfile::tempdir().expect("tempdir");
    for file in [
        GUIDE,
        "site.yaml",
        "locales/nl/demo.ftl",
        "locales/fi/terms.ftl",
        "locales/nl/translations.lock",
    ] {
        let site = SiteTest::fixture("multilingual");
        site.remove(file);
        let secret = outside_secret(&outside, "secret.txt");
        std::os::unix::fs::symlink(&secret, site.path().join(file)).expect("symlink");
        let run = site.build();
        run.failure()
            .stderr_has(file)
            .stderr_has("leads outside the site")
            .stderr_has("outside-site");
        assert_secret_kept(&site, &run);
    }
}

#[cfg(unix)]
#[test]
fn symlinks_inside_the_site_are_followed() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let before = site.tree("public");
    let text = site.read("locales/nl/demo.ftl");
    site.write("shared/nl-demo.ftl", text)
        .remove("locales/nl/demo.ftl");
    std::os::unix::fs::symlink(
        "../../shared/nl-demo.ftl",
        site.path().join("locales/nl/demo.ftl"),
    )
    .expect("symlink");
    site.build().success();
    assert_eq!(before, site.tree("public"));
}

#[cfg(unix)]
#[test]
fn a_guide_directory_symlinked_outside_is_refused() {
    let site = SiteTest::fixture("basic");
    let outside = tempfile::tempdir().expect("tempdir");
    let elsewhere = outside.path().join("other");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::fs::copy(site.path().join(GUIDE), elsewhere.join("guide.yaml")).expect("copy");
    let mut guide = std::fs::read_to_string(elsewhere.join("guide.yaml")).expect("read");
    guide = guide.replacen("title:", "title: SECRET-TOKEN-4711 #", 1);
    std::fs::write(elsewhere.join("guide.yaml"), guide).expect("write");
    std::os::unix::fs::symlink(&elsewhere, site.path().join("content/other")).expect("symlink");
    let run = site.build();
    run.failure()
        .stderr_has("content/other")
        .stderr_has("leads outside the site");
    assert_secret_kept(&site, &run);
}

#[cfg(unix)]
#[test]
fn a_screenshot_symlinked_outside_is_not_published() {
    let site = SiteTest::fixture("basic");
    let outside = tempfile::tempdir().expect("tempdir");
    let secret = outside_secret(&outside, "secret.png");
    let shot = "content/demo/images/en/settings.png";
    site.remove(shot);
    std::os::unix::fs::symlink(&secret, site.path().join(shot)).expect("symlink");
    let run = site.build();
    run.failure().stderr_has("settings.png");
    assert_secret_kept(&site, &run);
}

/// `stepdoc` run with a deadline: a hang fails the test instead of blocking it.
#[cfg(unix)]
fn build_within(site: &SiteTest, limit: Duration) -> crate::support::Run {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stepdoc"))
        .args(["build", "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("stepdoc build still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    crate::support::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_without_waiting() {
    for file in ["site.yaml", "locales/en/terms.ftl"] {
        let site = SiteTest::fixture("basic");
        site.remove(file);
        let status = std::process::Command::new("mkfifo")
            .arg(site.path().join(file))
            .status()
            .expect("mkfifo");
        assert!(status.success());
        build_within(&site, Duration::from_secs(10))
            .failure()
            .stderr_has(file)
            .stderr_has("not a regular file");
    }
    let site = SiteTest::fixture("basic");
    site.remove("site.yaml");
    std::os::unix::fs::symlink("/dev/zero", site.path().join("site.yaml")).expect("symlink");
    build_within(&site, Duration::from_secs(10))
        .failure()
        .stderr_has("site.yaml");
}

#[test]
fn an_oversized_file_is_refused_with_its_size() {
    let site = SiteTest::fixture("basic");
    let mut text = site.read("locales/en/terms.ftl");
    text.push_str(&"# padding\n".repeat(7 * 1024 * 1024));
    site.write("locales/en/terms.ftl", text);
    site.build()
        .failure()
        .stderr_has("locales/en/terms.ftl")
        .stderr_has("file-too-large");
}

#[test]
fn the_theme_is_a_name_under_themes() {
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(outside.path().join("static")).expect("mkdir");
    std::fs::write(
        outside.path().join("static/secret.txt"),
        "SECRET-TOKEN-4711",
    )
    .expect("write");
    let absolute = outside.path().to_string_lossy().into_owned();
    for theme in [absolute.as_str(), "../..", "default/../..", "."] {
        let site = SiteTest::fixture("basic");
        let config = site.read("site.yaml");
        site.write("site.yaml", format!("{config}theme: \"{theme}\"\n"));
        let run = site.build();
        run.failure()
            .stderr_has("site.yaml:")
            .stderr_has("not a name")
            .stderr_has("themes: default");
        assert!(!site.path().join("public").exists());
    }
    let site = SiteTest::fixture("basic");
    site.write("themes/corporate/static/x.css", "a{}");
    let config = site.read("site.yaml");
    site.write("site.yaml", format!("{config}theme: corprate\n"));
    site.build()
        .failure()
        .stderr_has("theme `corprate` not found")
        .stderr_has("did you mean `corporate`?");
}

#[test]
fn bidi_controls_and_nul_are_located_errors() {
    for (file, from, to, kind) in [
        (GUIDE, "title: ", "title: \u{202e}", "bidi-control"),
        (GUIDE, "title: ", "title: a\u{2066}b ", "bidi-control"),
        (GUIDE, "title: ", "title: a\u{0}b ", "control-character"),
        (
            "locales/nl/demo.ftl",
            "title = ",
            "title = \u{2067}",
            "bidi-control",
        ),
        (
            "locales/nl/demo.ftl",
            "title = ",
            "title = \u{7}",
            "control-character",
        ),
    ] {
        let site = SiteTest::fixture("multilingual");
        let text = site.read(file);
        let line = text[..text.find(from).expect("field")]
            .matches('\n')
            .count()
            + 1;
        site.edit(file, from, to);
        let run = site.run(&["build", "--strict"]);
        run.failure()
            .stderr_has(&format!("{file}:{line}:"))
            .stderr_has(kind);
        assert!(!site.path().join("public").exists());
    }
}
