//! The example guide `stepdoc init` writes, in every language the binary carries: the same six
//! messages as guide text (in the source language) and as Fluent translations (in the others).

/// The languages `init` can write a site in: those with theme strings and example text.
pub(super) const LANGUAGES: &[&str] = &["en", "nl", "fr", "fi"];

/// The example guide's id (its directory under `content/` and its URL segment).
pub(super) const GUIDE_ID: &str = "connect-example-crm";

/// The text of the example in one language.
pub(super) struct Text {
    pub site_title: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub prereq: &'static str,
    pub section: &'static str,
    pub step_open: &'static str,
    pub step_enable: &'static str,
}

/// The example's text in `language`, if the binary carries it.
pub(super) fn text(language: &str) -> Option<&'static Text> {
    Some(match language {
        "en" => &EN,
        "nl" => &NL,
        "fr" => &FR,
        "fi" => &FI,
        _ => return None,
    })
}

const EN: Text = Text {
    site_title: "Help center",
    title: "Connect { -product } to { -partner }",
    summary: "Send your new contacts from { -product } to { -partner } every night.",
    prereq: "You are an administrator in { -product } and in { -partner }.",
    section: "Set up the connection",
    step_open: "In { -product }, open the settings and choose the integrations page.",
    step_enable: "Turn on the { -partner } integration and save your changes.",
};

const NL: Text = Text {
    site_title: "Helpcentrum",
    title: "{ -product } met { -partner } verbinden",
    summary: "Stuur je nieuwe contactpersonen elke nacht van { -product } naar { -partner }.",
    prereq: "Je bent beheerder in { -product } en in { -partner }.",
    section: "De verbinding instellen",
    step_open: "Open in { -product } de instellingen en kies de pagina met koppelingen.",
    step_enable: "Zet de koppeling met { -partner } aan en sla je wijzigingen op.",
};

const FR: Text = Text {
    site_title: "Centre d’aide",
    title: "Connecter { -product } à { -partner }",
    summary: "Envoyez chaque nuit vos nouveaux contacts de { -product } vers { -partner }.",
    prereq: "Vous êtes administrateur dans { -product } et dans { -partner }.",
    section: "Configurer la connexion",
    step_open: "Dans { -product }, ouvrez les paramètres et choisissez la page des intégrations.",
    step_enable: "Activez l’intégration { -partner } et enregistrez vos modifications.",
};

const FI: Text = Text {
    site_title: "Ohjekeskus",
    title: "Yhdistä { -product } ja { -partner }",
    summary: "Lähetä uudet yhteystietosi joka yö { -product } -palvelusta { -partner } -palveluun.",
    prereq: "Olet pääkäyttäjä sekä { -product } -palvelussa että { -partner } -palvelussa.",
    section: "Yhteyden määrittäminen",
    step_open: "Avaa { -product } -palvelun asetukset ja valitse integraatioiden sivu.",
    step_enable: "Ota { -partner } -integraatio käyttöön ja tallenna muutokset.",
};

/// `locales/<language>/terms.ftl`: product names stay as they are in every language.
pub(super) fn terms(language: &str) -> String {
    format!(
        "# Terms of the `{language}` glossary: names and UI labels, used as {{ -product }} in texts.\n\
         # Product names usually stay the same; translate UI labels as the product shows them.\n\
         -product = Example CRM\n\
         -partner = Example Mailer\n"
    )
}

/// `content/<id>/guide.yaml` in the source language `language`.
pub(super) fn guide(language: &str, text: &Text) -> String {
    format!(
        "# yaml-language-server: $schema=../../.stepdoc/guide.schema.json
# A guide: its structure and its text in the source language. Translations of the text live in
# locales/<language>/{GUIDE_ID}.ftl. Every field: `stepdoc schema`, or the schema above.
source_locale: {language}
title: {title}
summary: {summary}
product: example-crm
partner: example-mailer
prerequisites:
  - id: admin-rights
    text: {prereq}
sections:
  - id: setup
    title: {section}
    steps:
      - id: open-settings
        text: {step_open}
      - id: enable
        text: {step_enable}
",
        title = quoted(text.title),
        summary = quoted(text.summary),
        prereq = quoted(text.prereq),
        section = quoted(text.section),
        step_open = quoted(text.step_open),
        step_enable = quoted(text.step_enable),
    )
}

/// `locales/<language>/<id>.ftl`: the translation of the example guide.
pub(super) fn translation(language: &str, source: &str, text: &Text) -> String {
    format!(
        "# Translation of content/{GUIDE_ID}/guide.yaml (written in `{source}`) into `{language}`.\n\
         title = {}\n\
         summary = {}\n\
         prereq-admin-rights = {}\n\
         section-setup = {}\n\
         step-open-settings = {}\n\
         step-enable = {}\n",
        text.title, text.summary, text.prereq, text.section, text.step_open, text.step_enable
    )
}

/// A YAML double-quoted scalar (the texts start with `{` or hold `:`).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}
