//! `stepdoc serve`: pages over HTTP, live reload after edits (write and rename-over), the error
//! overlay and recovery, and refusal of traversal and foreign hosts.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::SiteTest;

mod site_edits;

struct Server {
    child: Child,
    port: u16,
    /// Lines the server printed after "serving …".
    output: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &SiteTest) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepdoc"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let stdout = child.stdout.take();
    let (tx, rx) = mpsc::channel();
    let mut server = Server {
        child,
        port: 0,
        output: rx,
    };
    let stdout = stdout.expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let line = server
            .output
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve prints its address");
        if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
            server.port = rest
                .split('/')
                .next()
                .and_then(|p| p.parse().ok())
                .expect("port");
            return server;
        }
    }
}

/// A minimal HTTP/1.1 GET: (status, headers, body).
fn get_with_host(port: u16, path: &str, host: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let text = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

fn get(port: u16, path: &str) -> (u16, String, String) {
    get_with_host(port, path, &format!("127.0.0.1:{port}"))
}

/// Poll `path` until its body satisfies `check` (deadline 15 s).
#[track_caller]
fn wait_for(port: u16, path: &str, what: &str, check: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (_, _, body) = get(port, path);
        if check(&body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what} on {path}:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Open the event stream and collect event names in the background.
fn events(port: u16) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET /__stepdoc/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .expect("send");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ")
                && tx.send(name.to_owned()).is_err()
            {
                break;
            }
        }
    });
    rx
}

#[track_caller]
fn expect_event(rx: &mpsc::Receiver<String>, name: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while let Ok(event) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if event == name {
            return;
        }
    }
    panic!("no `{name}` event");
}

#[test]
fn serves_every_locale_and_reloads_after_edits() {
    let site = SiteTest::fixture("multilingual");
    let server = start(&site);
    let port = server.port;
    let (status, head, body) = get(port, "/nl/demo/");
    assert_eq!(status, 200, "{head}");
    assert!(body.contains("<h1>Acme CRM koppelen</h1>"), "{body}");
    assert!(body.contains("/__stepdoc/live.js"));
    assert!(
        !head
            .to_ascii_lowercase()
            .contains("access-control-allow-origin")
    );
    assert_eq!(get(port, "/fi/demo/").0, 200);
    assert_eq!(get(port, "/review/nl/demo/").0, 200);
    assert_eq!(get(port, "/fi/demo/settings.png").0, 200);
    assert_eq!(get(port, "/nl/demo").0, 308);

    let live = events(port);
    expect_event(&live, "hello");
    // A YAML edit by writing the file.
    site.edit(
        "content/demo/guide.yaml",
        "Paste the key in the mailer.",
        "Paste the new key in the mailer.",
    );
    wait_for(port, "/en/demo/", "the YAML edit", |b| {
        b.contains("Paste the new key")
    });
    expect_event(&live, "reload");
    // An FTL edit by rename-over (how many editors save).
    let ftl = site
        .read("locales/fi/demo.ftl")
        .replace("Liitä avain", "Liitä uusi avain");
    site.write("locales/fi/.demo.ftl.tmp", ftl);
    std::fs::rename(
        site.path().join("locales/fi/.demo.ftl.tmp"),
        site.path().join("locales/fi/demo.ftl"),
    )
    .expect("rename");
    wait_for(port, "/fi/demo/", "the FTL edit", |b| {
        b.contains("Liitä uusi avain")
    });
    expect_event(&live, "reload");
    let mut said = Vec::new();
    while let Ok(line) = server.output.recv_timeout(Duration::from_millis(200)) {
        said.push(line);
    }
    assert!(
        said.iter().any(|l| l.starts_with("rebuilt fi/demo in ")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|l| l.starts_with("rebuilt 3 pages in ")),
        "{said:?}"
    );
}

#[test]
fn a_broken_edit_shows_the_overlay_and_keeps_the_last_good_page() {
    let site = SiteTest::fixture("multilingual");
    let server = start(&site);
    let port = server.port;
    let live = events(port);
    expect_event(&live, "hello");
    site.edit(
        "locales/nl/demo.ftl",
        "audience = Beheerders",
        "audience = { Beheerders",
    );
    let body = wait_for(port, "/nl/demo/", "the overlay", |b| {
        b.contains("id=\"stepdoc-overlay\"")
    });
    assert!(body.contains("locales/nl/demo.ftl:"), "{body}");
    assert!(
        body.contains("<h1>Acme CRM koppelen</h1>"),
        "the last good page stays: {body}"
    );
    expect_event(&live, "errors");
    site.edit(
        "locales/nl/demo.ftl",
        "audience = { Beheerders",
        "audience = Beheerders en redacteuren",
    );
    let body = wait_for(port, "/nl/demo/", "recovery", |b| {
        b.contains("Beheerders en redacteuren")
    });
    assert!(!body.contains("id=\"stepdoc-overlay\""), "{body}");
    expect_event(&live, "reload");
}

#[test]
fn traversal_and_foreign_hosts_are_refused() {
    let site = SiteTest::fixture("multilingual");
    let server = start(&site);
    let port = server.port;
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E%2Fsite.yaml",
        "/en/..%2f..%2fsite.yaml",
        "/a%5c..%5csite.yaml",
    ] {
        let (status, _, body) = get(port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("base_url"), "{path} leaked site.yaml");
    }
    let (status, _, body) = get(port, "/content/demo/guide.yaml");
    assert_eq!(status, 404);
    assert!(!body.contains("source_locale"));
    assert_eq!(get_with_host(port, "/en/demo/", "evil.example").0, 403);
    assert_eq!(
        get_with_host(port, "/__stepdoc/events", "evil.example:80").0,
        403
    );
    assert_eq!(
        get_with_host(port, "/en/demo/", &format!("localhost:{port}")).0,
        200
    );
}

/// A partial re-render on top of a full one gives exactly the files of a fresh full render:
/// the shortcuts (unchanged indexes, status page and sitemap kept) never leave stale output.
#[test]
fn partial_updates_equal_a_full_render() {
    use std::collections::BTreeSet;
    use stepdoc::render;

    let site = SiteTest::fixture("multilingual");
    let (loaded, diagnostics) = stepdoc::site::load(site.path());
    let mut model = loaded.unwrap_or_else(|| panic!("{diagnostics:?}"));
    let mut current = render::render(&model, &[]).expect("full render");
    let edits: [(&str, &str, &str, &str); 4] = [
        // A title: card, search entry and status row change.
        ("locales/nl/demo.ftl", "title = ", "title = Nieuw: ", "nl"),
        // A step text only: the index card stays, the search entry changes.
        (
            "locales/nl/demo.ftl",
            "step-open-settings = ",
            "step-open-settings = Eerst: ",
            "nl",
        ),
        // The missing message gets translated: status row and coverage change.
        (
            "locales/nl/demo.ftl",
            "title = ",
            "step-paste-key = Plak de sleutel.\ntitle = ",
            "nl",
        ),
        // The last missing text: the translation is complete, its review page goes away.
        (
            "locales/nl/demo.ftl",
            "step-open-settings = Eerst: Open { -ui-settings }.",
            "step-open-settings = Eerst: Open { -ui-settings }.\n    .alt = De instellingenpagina.",
            "nl",
        ),
    ];
    for (file, from, to, locale) in edits {
        site.edit(file, from, to);
        let (fresh, diagnostics) = model.reload_guides(&BTreeSet::from(["demo".to_owned()]));
        assert!(!diagnostics.has_errors(), "{diagnostics:?}");
        model.replace_guides(fresh);
        let delta =
            render::render_update(&model, &current, &[("demo".to_owned(), locale.to_owned())])
                .expect("partial render");
        current.apply(delta);
        assert_same_as_full(&model, &current, to);
    }
    // A glossary edit: only that locale is checked and rendered again.
    site.edit("locales/nl/terms.ftl", "= Acme", "= Acme Nieuw");
    let diagnostics = model.reload_locales(&BTreeSet::from(["nl".to_owned()]));
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let delta = render::render_update(&model, &current, &[("demo".to_owned(), "nl".to_owned())])
        .expect("partial render");
    current.apply(delta);
    assert!(
        current.files["nl/demo/index.html"]
            .windows(10)
            .any(|w| w == b"Acme Nieuw")
    );
    assert_same_as_full(&model, &current, "terms.ftl");
}

#[track_caller]
fn assert_same_as_full(model: &stepdoc::site::Site, current: &stepdoc::render::Rendered, to: &str) {
    let full = stepdoc::render::render(model, &[]).expect("full render");
    assert_eq!(
        current.files.keys().collect::<Vec<_>>(),
        full.files.keys().collect::<Vec<_>>(),
        "after editing `{to}`"
    );
    for (path, bytes) in &full.files {
        assert!(
            current.files.get(path) == Some(bytes),
            "{path} differs from a full render after editing `{to}`"
        );
    }
}

#[test]
fn replacing_a_source_screenshot_while_serving_marks_the_localized_one() {
    let site = SiteTest::fixture("multilingual");
    site.allow_stale();
    let server = start(&site);
    let port = server.port;
    let (_, _, body) = get(port, "/fi/demo/");
    assert!(!body.contains("badge outdated"), "{body}");
    site.write("content/demo/images/en/settings.png", b"new UI");
    wait_for(port, "/fi/demo/", "the outdated screenshot badge", |b| {
        b.contains("Tämä kuvakaappaus voi olla vanhentunut")
    });
    // The translator redoes it: the badge goes.
    site.write("content/demo/images/fi/settings.png", b"uusi");
    wait_for(port, "/fi/demo/", "the badge to go", |b| {
        !b.contains("Tämä kuvakaappaus voi olla vanhentunut")
    });
}

#[test]
fn a_double_slash_path_never_redirects_to_another_host() {
    let site = SiteTest::fixture("multilingual");
    let server = start(&site);
    let (status, head, _) = get(server.port, "//nl/demo");
    assert_eq!(status, 308, "{head}");
    let location = head
        .lines()
        .find_map(|l| l.strip_prefix("location: "))
        .expect("location");
    assert_eq!(location, "/nl/demo/");
}

#[cfg(unix)]
#[test]
fn a_screenshot_swapped_for_a_symlink_is_never_served() {
    let site = SiteTest::fixture("multilingual");
    let outside = tempfile::tempdir().expect("tempdir");
    let secret = outside.path().join("secret.png");
    std::fs::write(&secret, "SECRET-TOKEN-4711").expect("write");
    let server = start(&site);
    let port = server.port;
    let (status, _, before) = get(port, "/fi/demo/settings.png");
    assert_eq!(status, 200);
    let shot = site.path().join("content/demo/images/fi/settings.png");
    std::fs::remove_file(&shot).expect("remove");
    std::os::unix::fs::symlink(&secret, &shot).expect("symlink");
    // Whatever the rebuild makes of it, the symlink's target is never what is served.
    for _ in 0..20 {
        let (_, _, body) = get(port, "/fi/demo/settings.png");
        assert!(
            !body.contains("SECRET-TOKEN"),
            "the symlink's target was served"
        );
        assert_eq!(body, before);
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_at_once_with_a_live_reload_stream_open() {
    let site = SiteTest::fixture("multilingual");
    let mut server = start(&site);
    let live = events(server.port);
    expect_event(&live, "hello");
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if server.child.try_wait().expect("wait").is_some() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "serve still running after Ctrl+C"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_directory_without_site_yaml_is_an_error() {
    let site = SiteTest::fixture("multilingual");
    site.remove("site.yaml");
    let run = site.run(&["serve", "--port", "0"]);
    run.failure().stderr_has("no site.yaml");
}
