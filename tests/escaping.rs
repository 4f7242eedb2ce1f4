//! Text from YAML and `.ftl` never injects markup.

use crate::support::{SiteTest, attrs, html};

#[test]
fn html_and_script_urls_in_guide_text_are_neutralized() {
    let site = SiteTest::fixture("basic");
    let guide = "content/demo/guide.yaml";
    site.edit(guide, "text: Paste the key in the mailer.", "text: \"Paste <script>alert(1)</script> [here](javascript:alert(2)) <img src=x onerror=alert(3)>\"");
    site.edit(
        guide,
        "alt: The settings page.",
        "alt: '\"><script>alert(4)</script>'",
    );
    site.edit(
        guide,
        "summary: Send contacts",
        "summary: </title><script>alert(5)</script> Send contacts",
    );
    let clean = SiteTest::fixture("basic");
    clean.build().success();
    let theme_scripts = clean.out("en/demo/index.html").matches("<script").count();
    site.build().success();
    let text = site.out("en/demo/index.html");
    assert_eq!(text.matches("<script").count(), theme_scripts, "{text}");
    assert!(!text.contains("<script>alert"), "{text}");
    assert!(!text.contains("javascript:"), "{text}");
    assert!(!text.contains("<img src=\"x\""), "{text}");
    assert!(!text.contains("<img src=x"), "{text}");
    assert!(
        text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{text}"
    );
    let page = html(&text);
    assert_eq!(attrs(&page, "#step-paste-key .step-text a", "href"), ["#"]);
    assert_eq!(
        attrs(&page, ".screenshot img", "alt"),
        ["\"><script>alert(4)</script>"]
    );
}

#[test]
fn reserved_characters_in_input_cannot_forge_ui_labels() {
    let site = SiteTest::fixture("basic");
    site.edit(
        "content/demo/guide.yaml",
        "Paste the key in the mailer.",
        "Paste \u{E000}the key\u{E001} in the mailer.",
    );
    site.build().success();
    let text = site.out("en/demo/index.html");
    assert!(text.contains("Paste the key in the mailer."), "{text}");
}
