//! `stepdoc schema`: the JSON Schema validates the shipped guides and rejects unknown fields;
//! the copy in docs/ is current.

use crate::support::{SiteTest, repo_root};

fn schema(args: &[&str]) -> serde_json::Value {
    let site = SiteTest::fixture("basic");
    let run = site.run_raw(args);
    run.success();
    serde_json::from_str(&run.stdout).expect("schema is JSON")
}

fn yaml_to_json(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).expect("valid YAML")
}

#[test]
fn schema_validates_every_shipped_guide() {
    let validator = jsonschema::validator_for(&schema(&["schema"])).expect("valid schema");
    let content = repo_root().join("content");
    let mut count = 0;
    for entry in std::fs::read_dir(content).expect("content dir").flatten() {
        let text = std::fs::read_to_string(entry.path().join("guide.yaml")).expect("guide");
        let instance = yaml_to_json(&text);
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", entry.path().display());
        count += 1;
    }
    assert_eq!(count, 4);
}

#[test]
fn schema_rejects_unknown_fields_and_bad_ids() {
    let validator = jsonschema::validator_for(&schema(&["schema"])).expect("valid schema");
    let base =
        std::fs::read_to_string(repo_root().join("tests/fixtures/basic/content/demo/guide.yaml"))
            .expect("fixture");
    assert!(validator.is_valid(&yaml_to_json(&base)));
    assert!(!validator.is_valid(&yaml_to_json(
        &base.replace("    title: Set up", "    titel: Set up")
    )));
    assert!(!validator.is_valid(&yaml_to_json(
        &base.replace("- id: paste-key", "- id: Paste_Key")
    )));
}

#[test]
fn config_schema_validates_the_shipped_site_yaml() {
    let validator =
        jsonschema::validator_for(&schema(&["schema", "--config"])).expect("valid schema");
    let text = std::fs::read_to_string(repo_root().join("site.yaml")).expect("site.yaml");
    assert!(validator.is_valid(&yaml_to_json(&text)));
}

#[test]
fn docs_schemas_are_current() {
    for (args, file) in [
        (&["schema"][..], "docs/guide.schema.json"),
        (&["schema", "--config"][..], "docs/site.schema.json"),
    ] {
        let current = schema(args);
        let shipped: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(repo_root().join(file)).expect("docs schema"),
        )
        .expect("JSON");
        assert_eq!(
            current, shipped,
            "{file} is out of date: run `stepdoc schema > {file}`"
        );
    }
}

/// The message id table of docs/guide-format.md is the one the code uses (`content::ids::TABLE`).
#[test]
fn message_id_table_is_the_code_s() {
    let doc = std::fs::read_to_string(repo_root().join("docs/guide-format.md")).expect("doc");
    let table = stepdoc::content::ids::table_markdown();
    assert!(
        doc.contains(&table),
        "docs/guide-format.md's \"Message ids\" table differs from content::ids::TABLE; it should read:\n{table}"
    );
}
