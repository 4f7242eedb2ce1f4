//! Any bytes as `content/demo/guide.yaml`: loading, validation, translation checks and rendering
//! in three locales never panic, and no text from the file adds markup to a page.
#![no_main]

use std::sync::{LazyLock, Mutex};

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

static FIXTURE: LazyLock<Mutex<common::Fixture>> =
    LazyLock::new(|| Mutex::new(common::Fixture::new()));

fuzz_target!(|data: &[u8]| {
    let mut fixture = FIXTURE.lock().unwrap_or_else(|e| e.into_inner());
    fixture.exercise("content/demo/guide.yaml", data);
});
