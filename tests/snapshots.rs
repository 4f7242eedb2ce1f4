//! Snapshots of rendered HTML (the guide article), one per locale of the fixture.

use crate::support::SiteTest;

fn article(page: &str) -> String {
    let start = page.find("<article").expect("article start");
    let end = page.find("</article>").expect("article end") + "</article>".len();
    page[start..end]
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn fixture_guide_html_per_locale() {
    let site = SiteTest::fixture("basic");
    site.build().success();
    insta::assert_snapshot!("basic_en", article(&site.out("en/demo/index.html")));
    insta::assert_snapshot!("basic_nl", article(&site.out("nl/demo/index.html")));
}

#[test]
fn multilingual_guide_html_per_locale() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    for locale in ["en", "nl", "fi"] {
        insta::assert_snapshot!(
            format!("multilingual_{locale}"),
            article(&site.out(&format!("{locale}/demo/index.html")))
        );
    }
}
