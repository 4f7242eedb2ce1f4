//! stepdoc: a static-site generator for multilingual integration setup guides.
//!
//! The pipeline: `config` + `content` (load, parse, validate) → `i18n` (Fluent text) → `site`
//! (the checked model) → `render` (HTML in memory) → `write` (atomic publish). The `commands`
//! only orchestrate these stages.

pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod render;
pub mod serve;
pub mod site;
pub mod stream;
pub mod write;
pub mod yaml;

fn timings_on() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("STEPDOC_TIMINGS").is_some_and(|v| v == "1"))
}

/// With `STEPDOC_TIMINGS=1`, print a measured duration in nanoseconds (to stderr).
pub fn timing_value(what: &str, nanos: u64) {
    if timings_on() {
        eprintln!("timing: {what}: {:.1} ms", nanos as f64 / 1e6);
    }
}

/// CPU time of the process's live threads (Linux: the sum of `/proc/self/task/*/schedstat`;
/// 0 elsewhere). Threads that have ended are not counted.
fn cpu_nanos() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|stat| stat.split(' ').next()?.parse::<u64>().ok())
        .sum()
}

/// With `STEPDOC_TIMINGS=1`, print how long a stage took (to stderr).
pub fn timing(stage: &str, since: std::time::Instant) {
    if timings_on() {
        let peak = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
            })
            .unwrap_or_default();
        eprintln!(
            "timing: {stage}: {:.1} ms (CPU of live threads so far {:.1} ms, peak RSS so far {peak})",
            since.elapsed().as_secs_f64() * 1000.0,
            cpu_nanos() as f64 / 1e6
        );
    }
}
