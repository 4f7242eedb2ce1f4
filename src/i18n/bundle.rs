//! Formatting with Fluent: thread-safe bundles (one per page, sharing `Arc`'d resources), bidi
//! isolation off so no U+2068/U+2069 ever reaches the output.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentError, FluentResource};

use crate::content::catalog::MessageKey;

/// A bundle that can be shared between threads.
pub type Bundle = fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>;

/// A bundle for `locale` holding `resources`; a later resource's entries override earlier ones.
pub fn new_bundle(locale: &str, resources: &[Arc<FluentResource>]) -> Bundle {
    let langid: unic_langid::LanguageIdentifier = locale.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    // Built-in NUMBER() and DATETIME(); cannot fail on a fresh bundle.
    let _ = bundle.add_builtins();
    for resource in resources {
        bundle.add_resource_overriding(Arc::clone(resource));
    }
    bundle
}

/// The site variables as Fluent arguments.
pub fn args(variables: &BTreeMap<String, String>) -> FluentArgs<'_> {
    let mut args = FluentArgs::new();
    for (name, value) in variables {
        args.set(name.as_str(), value.as_str());
    }
    args
}

/// Format `key` (message or attribute); `None` when the bundle does not define it.
pub fn format(
    bundle: &Bundle,
    key: &MessageKey,
    args: &FluentArgs<'_>,
    errors: &mut Vec<FluentError>,
) -> Option<String> {
    let message = bundle.get_message(&key.id)?;
    let pattern = match &key.attr {
        None => message.value()?,
        Some(attr) => message.get_attribute(attr)?.value(),
    };
    let text = bundle.format_pattern(pattern, Some(args), errors);
    Some(crate::markers::strip_bidi(text))
}
