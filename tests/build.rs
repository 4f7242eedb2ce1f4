//! `stepdoc build` on the shipped site and on fixtures: pages, step order, anchors, assets.

use crate::support::{SiteTest, attrs, html, texts};

/// Step ids of a guide in document order (steps, each followed by its substeps).
fn yaml_step_ids(guide: &stepdoc::content::model::Guide) -> Vec<String> {
    let mut ids = Vec::new();
    for section in &guide.sections {
        for step in &section.steps {
            ids.push(format!("step-{}", step.id.as_str()));
            for sub in &step.substeps {
                ids.push(format!("step-{}", sub.id.as_str()));
            }
        }
    }
    ids
}

#[test]
fn shipped_site_builds_every_guide_in_every_locale() {
    let site = SiteTest::shipped();
    site.build().success().stdout_has("built 16 guide page(s)");
    let (loaded, diagnostics) = stepdoc::site::load(site.path());
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let loaded = loaded.expect("site loads");
    let ids: Vec<&str> = loaded.guides.iter().map(|g| g.id()).collect();
    assert_eq!(
        ids,
        [
            "lucca-inside-online",
            "netvisor-rackbeat",
            "personio-marketplace",
            "workplace-analytics"
        ]
    );
    for guide in &loaded.guides {
        let expected = yaml_step_ids(&guide.loaded.guide);
        assert!(!expected.is_empty(), "{} has steps", guide.id());
        for locale in ["en", "nl", "fr", "fi"] {
            let page = html(&site.out(&format!("{locale}/{}/index.html", guide.id())));
            assert_eq!(
                attrs(&page, "li.step", "id"),
                expected,
                "{locale}/{}",
                guide.id()
            );
            assert_eq!(attrs(&page, "html", "lang"), [locale]);
        }
        // The source-language page is complete: no fallback markers.
        let source = site.out(&format!(
            "{}/{}/index.html",
            guide.source_locale(),
            guide.id()
        ));
        assert!(!source.contains("class=\"fallback"), "{}", guide.id());
    }
    for file in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "assets/style.css",
        "en/index.html",
        "fi/404.html",
    ] {
        assert!(site.path().join("public").join(file).is_file(), "{file}");
    }
}

#[test]
fn step_numbers_and_substep_numbers_follow_yaml_order() {
    let site = SiteTest::fixture("basic");
    site.build().success();
    let page = html(&site.out("en/demo/index.html"));
    assert_eq!(texts(&page, ".step-number"), ["1", "2", "2.1", "2.2", "3"]);
    assert_eq!(
        attrs(&page, ".step-number", "href"),
        [
            "#step-open-settings",
            "#step-create-key",
            "#step-name-key",
            "#step-confirm-key",
            "#step-paste-key"
        ]
    );
    assert_eq!(attrs(&page, ".step-number", "aria-label")[0], "Step 1");
}

#[test]
fn ui_terms_variables_and_collect_links_render() {
    let site = SiteTest::fixture("basic");
    site.build().success();
    let text = site.out("en/demo/index.html");
    let page = html(&text);
    assert_eq!(texts(&page, "h1"), ["Connect Acme CRM"]);
    assert!(
        text.contains("Open <span class=\"ui\">Settings</span>."),
        "{text}"
    );
    assert!(text.contains("Ask support@example.org for the right permissions."));
    // The step that collects a value links to it, and the value links back to the step.
    assert_eq!(
        attrs(&page, "#step-create-key .collects a", "href"),
        ["#value-api-key"]
    );
    assert_eq!(
        attrs(&page, "#value-api-key .value-steps a", "href"),
        ["#step-create-key"]
    );
    assert_eq!(
        texts(&page, ".meta"),
        ["For: Administrators Updated January 5, 2026"]
    );
}

#[test]
fn screenshots_are_published_once_and_linked_relatively() {
    let site = SiteTest::fixture("basic");
    site.build().success();
    let page = html(&site.out("en/demo/index.html"));
    assert_eq!(
        attrs(&page, ".screenshot img", "src"),
        ["../../en/demo/settings.png"]
    );
    assert_eq!(
        attrs(&page, ".screenshot img", "alt"),
        ["The settings page."]
    );
    let nl = html(&site.out("nl/demo/index.html"));
    assert_eq!(
        attrs(&nl, ".screenshot img", "src"),
        ["../../en/demo/settings.png"]
    );
    assert_eq!(site.published_pngs(), ["en/demo/settings.png"]);
}

#[test]
fn language_neutral_images_are_published_under_media() {
    let site = SiteTest::fixture("basic");
    let shot = std::fs::read(site.path().join("content/demo/images/en/settings.png")).expect("png");
    site.remove("content/demo/images/en/settings.png");
    site.write("content/demo/images/settings.png", &shot);
    site.build().success();
    for locale in ["en", "nl"] {
        let page = html(&site.out(&format!("{locale}/demo/index.html")));
        assert_eq!(
            attrs(&page, ".screenshot img", "src"),
            ["../../media/demo/settings.png"]
        );
    }
    assert_eq!(
        site.tree("public/media").into_keys().collect::<Vec<_>>(),
        ["demo/settings.png"]
    );
}

#[test]
fn build_output_is_reproducible() {
    let site = SiteTest::fixture("basic");
    site.build().success();
    let first = site.tree("public");
    site.build().success();
    assert_eq!(first, site.tree("public"));
}

#[test]
fn removed_guides_disappear_from_the_output() {
    let site = SiteTest::shipped();
    site.build().success();
    assert!(
        site.path()
            .join("public/en/netvisor-rackbeat/index.html")
            .is_file()
    );
    site.remove("content/netvisor-rackbeat");
    site.build().success();
    assert!(!site.path().join("public/en/netvisor-rackbeat").exists());
    assert!(!site.out("en/index.html").contains("netvisor-rackbeat"));
}

#[test]
fn refuses_to_replace_a_directory_it_did_not_create() {
    let site = SiteTest::fixture("basic");
    site.write("public/notes.txt", "my notes");
    site.build().failure().stderr_has("refusing to replace");
    assert_eq!(site.read("public/notes.txt"), "my notes");
}

#[test]
fn new_scaffolds_a_guide_that_builds() {
    let site = SiteTest::fixture("basic");
    site.run(&["new", "acme-billing", "--source-locale", "nl"])
        .success();
    let text = site.read("content/acme-billing/guide.yaml");
    assert!(text.contains("source_locale: nl"));
    site.build().success();
    assert!(
        site.path()
            .join("public/nl/acme-billing/index.html")
            .is_file()
    );
    site.run(&["new", "acme-billing"])
        .failure()
        .stderr_has("already exists");
    site.run(&["new", "Bad_Id"])
        .failure()
        .stderr_has("not a valid guide id");
}

#[test]
fn a_render_error_after_pages_were_streamed_leaves_the_previous_output_and_no_debris() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let before = site.tree("public");
    // A broken anchor is found only after every guide page was rendered and written to staging.
    site.edit(
        "content/demo/guide.yaml",
        "text: Paste the key in the mailer.",
        "text: Paste the key in the mailer (see [step](#step-nope)).",
    );
    site.build().failure().stderr_has("broken-link");
    assert_eq!(site.tree("public"), before);
    let debris = site.debris();
    assert!(debris.is_empty(), "{debris:?}");
}

/// `build` streams guide by guide (nothing but metadata kept between guides); its output must be
/// exactly what rendering the whole loaded site in memory produces, navigation included.
#[test]
fn the_streamed_build_equals_the_in_memory_render() {
    let site = SiteTest::fixture("multilingual");
    // Three guides of one product, so pages link to their previous and next guide by title; one
    // Dutch title spans lines, with a BOM and CRLF line ends, after a comment.
    for (rel, bytes) in site.tree("content/demo") {
        site.write(&format!("content/demo-b/{rel}"), &bytes);
        site.write(&format!("content/demo-c/{rel}"), &bytes);
    }
    site.edit(
        "content/demo-b/guide.yaml",
        "partner: mailer",
        "partner: nexus",
    );
    site.edit(
        "content/demo-c/guide.yaml",
        "partner: mailer",
        "partner: zulu",
    );
    let dutch = site.read("locales/nl/demo.ftl");
    let multiline = dutch
        .replace(
            "title = { -acme } koppelen",
            "title =\n    { -acme } koppelen\n    met Nexus\n",
        )
        .replace('\n', "\r\n");
    site.write("locales/nl/demo-b.ftl", format!("\u{feff}{multiline}"));
    site.build().success();

    let (loaded, diagnostics) = stepdoc::site::load(site.path());
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let rendered = stepdoc::render::render(&loaded.expect("site loads"), &[]).expect("renders");
    let mut expected: std::collections::BTreeMap<String, Vec<u8>> = rendered.files.clone();
    for (path, source) in &rendered.media {
        expected.insert(path.clone(), std::fs::read(source).expect("media source"));
    }
    let mut built = site.tree("public");
    built.remove(stepdoc::write::MARKER);
    built.remove(stepdoc::write::MANIFEST);
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &expected {
        assert!(
            built[path] == *bytes,
            "{path} differs from the in-memory render"
        );
    }
    // The navigation really is there: demo → demo-b (multi-line Dutch title) → demo-c.
    let words = |page: &str, selector: &str| -> Vec<String> {
        texts(&html(&site.out(page)), selector)
            .iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let next = words("nl/demo/index.html", "a[rel=next]");
    assert!(
        next[0].ends_with(" Acme CRM koppelen met Nexus"),
        "{next:?}"
    );
    // No Finnish translation of demo-b: its English title.
    let previous = words("fi/demo-c/index.html", "a[rel=prev]");
    assert!(previous[0].ends_with(" Connect Acme CRM"), "{previous:?}");
    let next = words("fi/demo/index.html", "a[rel=next]");
    assert!(next[0].ends_with(" Connect Acme CRM"), "{next:?}");
    let previous = words("fi/demo-b/index.html", "a[rel=prev]");
    assert!(
        previous[0].ends_with(" Acme CRM -yhteyden luonti"),
        "{previous:?}"
    );
}

/// `build --locale nl` renders only the Dutch pages (with their index, search file, 404 page and
/// the screenshots they show); an unknown locale is refused before anything is written.
#[test]
fn build_renders_only_the_requested_locales() {
    let site = SiteTest::fixture("multilingual");
    site.run(&["build", "--locale", "nl"])
        .success()
        .stdout_has("built 1 guide page(s) (1 guide(s) × 1 locale(s))");
    let files = site.tree("public");
    assert!(files.contains_key("nl/demo/index.html"));
    assert!(files.contains_key("nl/index.html"));
    assert!(files.contains_key("search/nl/meta.json"));
    assert!(files.contains_key("nl/404.html"));
    // The Dutch page shows the English screenshot, published where English pages keep theirs.
    assert!(files.contains_key("en/demo/settings.png"));
    for other in ["en", "fi"] {
        assert!(
            !files
                .keys()
                .any(|p| p.starts_with(&format!("{other}/")) && !p.ends_with(".png")),
            "{other} pages were built"
        );
        assert!(
            !files
                .keys()
                .any(|p| p.starts_with(&format!("search/{other}/")))
        );
    }
    site.run(&["build", "--locale", "xx"])
        .failure()
        .stderr_has("--locale xx: not one of the site's locales");
    assert!(site.debris().is_empty(), "{:?}", site.debris());
    // The refused build left the previous output.
    assert_eq!(site.tree("public"), files);
}
