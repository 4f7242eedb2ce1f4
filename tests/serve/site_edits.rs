//! `stepdoc serve` after edits that reach beyond one guide's text: a guide added, the theme's
//! templates and static files, and `site.yaml` (a good edit, and a broken one that keeps the last
//! good site served).

use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{events, expect_event, get, start, wait_for};
use crate::support::{SiteTest, attrs, html};

/// The next live event, whatever it is (deadline 15 s).
#[track_caller]
fn next_event(rx: &mpsc::Receiver<String>) -> String {
    rx.recv_timeout(Duration::from_secs(15))
        .expect("a live event after the edit")
}

/// Poll `path` until it answers `status` (deadline 15 s).
#[track_caller]
fn wait_for_status(port: u16, path: &str, status: u16) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (now, _, _) = get(port, path);
        if now == status {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {status} on {path} (still {now})"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

const NEW_GUIDE: &str = "\
source_locale: en
title: Import orders
summary: Bring the shop's orders into { -acme }.
product: acme
partner: shop
sections:
  - id: start
    title: Start the import
    steps:
      - id: open-orders
        text: Open the orders.
";

#[test]
fn a_guide_added_while_serving_is_listed_and_served() {
    let site = SiteTest::fixture("multilingual");
    let server = start(&site);
    let port = server.port;
    assert_eq!(get(port, "/en/import-orders/").0, 404);
    let live = events(port);
    expect_event(&live, "hello");

    site.write("content/import-orders/guide.yaml", NEW_GUIDE);
    let index = wait_for(port, "/en/", "the new guide in the index", |b| {
        b.contains("Import orders")
    });
    let links = attrs(&html(&index), "a", "href");
    assert!(links.iter().any(|l| l == "import-orders/"), "{links:?}");
    assert!(links.iter().any(|l| l == "demo/"), "{links:?}");
    expect_event(&live, "reload");
    let (status, _, page) = get(port, "/en/import-orders/");
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Import orders</h1>"), "{page}");
    // Untranslated, it is served in the other locales with the source text.
    let (status, _, page) = get(port, "/nl/import-orders/");
    assert_eq!(status, 200);
    assert!(page.contains("Import orders"), "{page}");
    assert!(get(port, "/fi/").2.contains("Import orders"));
}

#[test]
fn theme_template_and_static_file_edits_are_served() {
    let site = SiteTest::fixture("multilingual");
    // The site's own files under themes/default/ override the built-in theme's by path.
    site.write(
        "themes/default/templates/guide.html",
        "{% extends \"base.html\" %}\n{% block content %}<p class=\"house\">House v1: {{ guide.title_plain }}</p>{% endblock %}\n",
    );
    site.write(
        "themes/default/static/house.css",
        ".house { color: teal; }\n",
    );
    let server = start(&site);
    let port = server.port;
    assert!(
        get(port, "/nl/demo/")
            .2
            .contains("House v1: Acme CRM koppelen")
    );
    assert!(get(port, "/assets/house.css").2.contains("teal"));
    let live = events(port);
    expect_event(&live, "hello");

    site.edit(
        "themes/default/templates/guide.html",
        "House v1",
        "House v2",
    );
    for locale in ["en", "nl", "fi"] {
        wait_for(
            port,
            &format!("/{locale}/demo/"),
            "the template edit",
            |b| b.contains("House v2: ") && !b.contains("House v1"),
        );
    }
    expect_event(&live, "reload");

    site.edit("themes/default/static/house.css", "teal", "navy");
    wait_for(port, "/assets/house.css", "the static file edit", |b| {
        b.contains("navy")
    });
    expect_event(&live, "reload");
    // The built-in files the site does not override are still served.
    let (status, _, css) = get(port, "/assets/style.css");
    assert_eq!(status, 200);
    assert!(!css.is_empty());
}

#[test]
fn site_yaml_edits_take_effect() {
    let site = SiteTest::fixture("multilingual");
    let server = start(&site);
    let port = server.port;
    assert!(
        get(port, "/nl/demo/")
            .2
            .contains("<title>Acme CRM koppelen · Demo-hulp</title>")
    );
    assert_eq!(get(port, "/fi/demo/").0, 200);

    site.edit("site.yaml", "nl: Demo-hulp", "nl: Demo-handleiding");
    wait_for(port, "/nl/demo/", "the new site title", |b| {
        b.contains("<title>Acme CRM koppelen · Demo-handleiding</title>")
    });
    wait_for(port, "/nl/", "the new site title on the index", |b| {
        b.contains("Demo-handleiding") && !b.contains("Demo-hulp")
    });

    // A language taken out: its pages go and the switcher stops offering it.
    site.edit("site.yaml", "locales: [en, nl, fi]", "locales: [en, nl]");
    wait_for_status(port, "/fi/demo/", 404);
    let page = get(port, "/en/demo/").2;
    let languages = attrs(&html(&page), "a[data-lang-switch]", "hreflang");
    assert_eq!(languages, ["en", "nl"]);
}

#[test]
fn a_broken_site_yaml_shows_the_error_and_keeps_the_last_good_site() {
    let site = SiteTest::fixture("multilingual");
    let server = start(&site);
    let port = server.port;
    let live = events(port);
    expect_event(&live, "hello");

    site.edit("site.yaml", "locales: [en, nl, fi]", "locales: [en, nl, fi");
    let body = wait_for(port, "/nl/demo/", "the overlay", |b| {
        b.contains("id=\"stepdoc-overlay\"")
    });
    assert!(body.contains("site.yaml:"), "{body}");
    assert!(
        body.contains("<h1>Acme CRM koppelen</h1>"),
        "the last good page stays: {body}"
    );
    assert_eq!(next_event(&live), "errors");
    assert_eq!(get(port, "/fi/demo/").0, 200, "every last good page stays");

    // Another edit while site.yaml is still broken: the error stays reported.
    site.edit(
        "locales/nl/demo.ftl",
        "audience = Beheerders",
        "audience = Beheerders en redacteuren",
    );
    assert_eq!(next_event(&live), "errors", "site.yaml is still broken");
    let body = get(port, "/nl/demo/").2;
    assert!(body.contains("id=\"stepdoc-overlay\""), "{body}");
    assert!(body.contains("site.yaml:"), "{body}");

    site.edit("site.yaml", "locales: [en, nl, fi", "locales: [en, nl, fi]");
    let body = wait_for(port, "/nl/demo/", "recovery", |b| {
        !b.contains("id=\"stepdoc-overlay\"")
    });
    assert!(body.contains("Beheerders en redacteuren"), "{body}");
    expect_event(&live, "reload");
}
