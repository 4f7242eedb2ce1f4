//! Stage timings for `STEPDOC_TIMINGS=1`: wall time, CPU time and peak memory per stage, printed
//! to stderr. Off by default; nothing here changes what a command does or writes.

use std::sync::atomic::{AtomicU64, Ordering};

fn on() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("STEPDOC_TIMINGS").is_some_and(|v| v == "1"))
}

/// CPU time spent in work that runs on many threads at once, summed over the threads, for one
/// line of the report (e.g. building search entries inside the page renders).
#[derive(Debug, Default)]
pub struct Accumulator(AtomicU64);

impl Accumulator {
    pub const fn new() -> Self {
        Self(AtomicU64::new(0))
    }

    /// Add `since`'s elapsed time.
    pub fn add(&self, since: std::time::Instant) {
        if on() {
            let nanos = u64::try_from(since.elapsed().as_nanos()).unwrap_or(u64::MAX);
            self.0.fetch_add(nanos, Ordering::Relaxed);
        }
    }

    /// Print the sum as `what` and start again from zero.
    pub fn report(&self, what: &str) {
        let nanos = self.0.swap(0, Ordering::Relaxed);
        if on() {
            eprintln!("timing: {what}: {:.1} ms", nanos as f64 / 1e6);
        }
    }
}

/// Building search entries and files.
pub static SEARCH: Accumulator = Accumulator::new();

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

/// Print how long a stage took (wall time since `since`, CPU so far, peak RSS so far).
pub fn stage(stage: &str, since: std::time::Instant) {
    if on() {
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
