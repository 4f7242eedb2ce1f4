//! Publishing never loses the site: the swap, the lock, copies not links, the empty site, the
//! output's place, the site's static files and files someone else put in the output.

use crate::support::SiteTest;

const GUIDE: &str = "content/demo/guide.yaml";

/// A site built once, with stale translations let through (the tests edit sources).
fn built() -> SiteTest {
    let site = SiteTest::fixture("multilingual");
    site.allow_stale();
    site.build().success();
    site
}

#[test]
fn a_build_after_a_kill_between_the_renames_restores_the_previous_output_even_when_it_fails() {
    for exchange in [true, false] {
        let site = built();
        let old = site.tree("public");
        // What a kill between "output → old copy" and "new → output" leaves behind.
        std::fs::rename(
            site.path().join("public"),
            site.path().join(".public.stepdoc-old-4242"),
        )
        .expect("set aside");
        site.edit(GUIDE, "text: Paste the key in the mailer.", "text: [");
        let env: &[(&str, &str)] = if exchange {
            &[]
        } else {
            &[("STEPDOC_TEST_NO_EXCHANGE", "1")]
        };
        let root = site.path().to_string_lossy().into_owned();
        let run = site.run_env(&["build", "--root", &root], env);
        run.failure()
            .stderr_has("restored the previous output")
            .stderr_has("nothing was written");
        assert_eq!(site.tree("public"), old);
        assert!(site.debris().is_empty(), "{:?}", site.debris());
        // A good build after it publishes, in either swap.
        site.edit(GUIDE, "text: [", "text: Paste the key in the mailer now.");
        site.run_env(&["build", "--root", &root], env).success();
        assert!(site.out("en/demo/index.html").contains("mailer now"));
        assert!(site.debris().is_empty(), "{:?}", site.debris());
    }
}

#[test]
fn concurrent_builds_wait_for_each_other_and_all_succeed() {
    let site = built();
    let expected = site.tree("public");
    // A build holding the lock: the next one says it waits, then publishes.
    let lock = std::fs::File::create(site.path().join(".public.stepdoc-lock")).expect("lock");
    lock.lock().expect("locked");
    let root = site.path().to_string_lossy().into_owned();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_stepdoc"))
        .args(["build", "--root", &root])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(500));
    drop(lock);
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("another stepdoc build is writing") && stderr.contains("waiting"),
        "{stderr}"
    );
    // Three at once, three times over.
    for _ in 0..3 {
        let children: Vec<_> = (0..3)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_stepdoc"))
                    .args(["build", "--root", &root])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("wait");
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        assert_eq!(site.tree("public"), expected);
        assert!(site.debris().is_empty(), "{:?}", site.debris());
    }
}

#[test]
fn writing_to_a_published_screenshot_does_not_change_the_source() {
    let site = built();
    let source = site.path().join("content/demo/images/en/settings.png");
    let before = std::fs::read(&source).expect("read");
    let published = site.path().join("public/en/demo/settings.png");
    assert!(published.is_file(), "{:?}", site.published_pngs());
    std::fs::write(&published, b"rewritten by an image optimizer").expect("write");
    assert_eq!(std::fs::read(&source).expect("read"), before);
}

#[test]
fn an_empty_site_is_an_error_unless_allowed() {
    let site = built();
    let before = site.tree("public");
    site.remove("content/demo");
    site.build()
        .failure()
        .stderr_has("error[empty-site]")
        .stderr_has("--allow-empty");
    assert_eq!(site.tree("public"), before);
    site.run(&["build", "--strict"])
        .failure()
        .stderr_has("error[empty-site]");
    assert_eq!(site.tree("public"), before);
    // `check` gates what `build` would refuse.
    site.run(&["check"])
        .failure()
        .stderr_has("error[empty-site]");
    site.run(&["check", "--allow-empty"]).success();
    site.run(&["build", "--allow-empty"]).success();
    assert!(!site.path().join("public/en/demo").exists());
}

#[test]
fn locale_codes_that_name_the_output_s_own_directories_are_refused() {
    for reserved in [
        "status", "assets", "search", "review", "media", "static", "Status",
    ] {
        let site = SiteTest::fixture("multilingual");
        site.edit(
            "site.yaml",
            "locales: [en, nl, fi]",
            &format!("locales: [en, nl, fi, {reserved}]"),
        );
        site.build()
            .failure()
            .stderr_has("error[invalid-locale]")
            .stderr_has("site.yaml:6:")
            .stderr_has(&format!("locale `{reserved}` has the name of a directory"));
        assert!(!site.path().join("public").exists());
    }
}

#[test]
fn an_output_among_the_site_s_sources_is_refused() {
    let site = SiteTest::fixture("multilingual");
    site.write("elsewhere/site.yaml", "title: {}\n");
    for (out, says) in [
        ("content/newdir", "inside the site's content/ directory"),
        ("locales", "inside the site's locales/ directory"),
        ("themes/public", "inside the site's themes/ directory"),
        (".", "the site directory itself"),
        ("..", "contains the site directory"),
        ("elsewhere", "holds a site.yaml"),
    ] {
        site.run(&["build", "--out", out])
            .failure()
            .stderr_has(says);
    }
    assert!(!site.path().join("content/newdir").exists());
    assert!(site.path().join("content/demo/guide.yaml").is_file());
    assert!(site.path().join("locales/nl/demo.ftl").is_file());
}

#[test]
fn static_files_are_published_as_they_are_and_may_not_collide() {
    let site = SiteTest::fixture("multilingual");
    site.write("static/CNAME", "help.example.org\n");
    site.write("static/.nojekyll", "");
    site.write("static/.well-known/security.txt", "Contact: x\n");
    site.build().success();
    assert_eq!(site.out("CNAME"), "help.example.org\n");
    assert_eq!(site.out(".nojekyll"), "");
    assert_eq!(site.out(".well-known/security.txt"), "Contact: x\n");
    let before = site.tree("public");
    site.write("static/404.html", "mine");
    site.build()
        .failure()
        .stderr_has("static/404.html collides with 404.html");
    assert_eq!(site.tree("public"), before);
    assert!(site.debris().is_empty(), "{:?}", site.debris());
    // Removed from static/, it is removed from the output.
    site.remove("static");
    site.build().success();
    assert!(!site.path().join("public/CNAME").exists());
}

#[test]
fn files_stepdoc_did_not_write_are_kept_with_a_note_or_removed_when_asked() {
    let site = built();
    site.write("public/CNAME", "help.example.org\n");
    site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n");
    site.write("public/en/extra/notes.txt", "mine\n");
    site.build()
        .success()
        .stderr_has("keeping")
        .stderr_has("CNAME: stepdoc did not write it")
        .stderr_has("en/extra");
    assert_eq!(site.out("CNAME"), "help.example.org\n");
    assert_eq!(site.out(".git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(site.out("en/extra/notes.txt"), "mine\n");
    // Kept again by the next build: the manifest lists only what stepdoc wrote.
    site.build().success().stderr_has("CNAME");
    assert!(!site.out(".stepdoc-manifest").contains("CNAME"));
    assert!(site.out(".stepdoc-manifest").contains("en/demo/index.html"));
    site.run(&["build", "--delete-other-files"])
        .success()
        .stderr_has("removing");
    assert!(!site.path().join("public/CNAME").exists());
    assert!(!site.path().join("public/en/extra").exists());
    assert_eq!(site.out(".git/HEAD"), "ref: refs/heads/gh-pages\n");
}

/// `stepdoc ARGS` as an unprivileged user (`nobody` when the tests run as root, who ignores
/// file permissions): (exit code, stderr).
#[cfg(unix)]
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

#[cfg(unix)]
#[test]
fn a_read_only_output_is_refused_before_publishing_and_leaves_no_copies() {
    use std::os::unix::fs::PermissionsExt;
    let site = SiteTest::fixture("multilingual");
    site.allow_stale();
    for entry in walkdir::WalkDir::new(site.path()).into_iter().flatten() {
        let mode = if entry.file_type().is_dir() {
            0o777
        } else {
            0o666
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode))
            .expect("chmod");
    }
    let (code, stderr) = unprivileged(&["build"], &site);
    assert_eq!(code, 0, "{stderr}");
    let before = site.tree("public");
    site.edit(
        GUIDE,
        "text: Paste the key in the mailer.",
        "text: Paste it now.",
    );
    let read_only = site.path().join("public/en");
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    for _ in 0..2 {
        let (code, stderr) = unprivileged(&["build"], &site);
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.contains("is read-only") && stderr.contains("chmod -R u+w"),
            "{stderr}"
        );
        assert_eq!(site.tree("public"), before);
        assert!(site.debris().is_empty(), "{:?}", site.debris());
    }
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let (code, stderr) = unprivileged(&["build"], &site);
    assert_eq!(code, 0, "{stderr}");
    assert!(site.out("en/demo/index.html").contains("Paste it now"));
    assert!(site.debris().is_empty(), "{:?}", site.debris());
}

#[test]
fn leftovers_of_earlier_runs_are_removed_even_when_read_only() {
    let site = built();
    let leftover = site.path().join(".public.stepdoc-staging-4242");
    std::fs::create_dir_all(leftover.join("en")).expect("mkdir");
    std::fs::write(leftover.join("en/index.html"), "half").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(leftover.join("en"), std::fs::Permissions::from_mode(0o555))
            .expect("chmod");
    }
    std::fs::create_dir_all(site.path().join(".public.stepdoc-old-4243")).expect("mkdir");
    site.build().success();
    assert!(site.debris().is_empty(), "{:?}", site.debris());
}

#[test]
fn every_directory_at_the_output_root_is_a_locale_or_a_reserved_name() {
    let site = SiteTest::shipped();
    site.allow_stale();
    site.write("static/.well-known/security.txt", "Contact: x\n");
    site.build().success();
    let locales = ["en", "nl", "fr", "fi"];
    for entry in std::fs::read_dir(site.path().join("public")).expect("read") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().expect("type").is_dir() && !name.starts_with('.') {
            assert!(
                locales.contains(&name.as_str())
                    || stepdoc::layout::OUTPUT_DIRS.contains(&name.as_str()),
                "public/{name}/ is generated but not in layout::OUTPUT_DIRS, so a locale of that name is not refused"
            );
        }
    }
}
