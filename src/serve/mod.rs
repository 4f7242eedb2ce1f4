//! `stepdoc serve`: build in memory, serve on 127.0.0.1, watch the sources, rebuild only what
//! changed, and live-reload open pages; a bad edit shows as an overlay while the last good pages
//! stay served. Nothing is ever written to disk.

pub mod classify;
pub mod http;
pub mod preview;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, mpsc};
use std::time::Duration;

use anyhow::Context as _;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, RecommendedCache};
use tokio::sync::broadcast;

use classify::Plan;
use http::{App, LiveEvent};
use preview::{Outcome, Preview};

/// How to serve.
#[derive(Debug)]
pub struct Options {
    pub root: PathBuf,
    pub host: IpAddr,
    pub port: u16,
    pub open: bool,
}

/// Run the preview until Ctrl+C.
pub fn run(options: &Options) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(&options.root)
        .with_context(|| format!("cannot open the site directory {}", options.root.display()))?;
    if std::fs::symlink_metadata(root.join(crate::layout::CONFIG_FILE)).is_err() {
        anyhow::bail!(
            "no {} in {}: there is no site to serve (run stepdoc serve in a site directory, or pass --root DIR)",
            crate::layout::CONFIG_FILE,
            root.display()
        );
    }
    if !options.host.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the preview reachable from other machines",
            options.host
        );
    }
    let preview = Arc::new(RwLock::new(Preview::default()));
    let mut last_site = None;
    // A site broken from the start is loaded whole on the next change (there is no last site).
    apply(
        &root,
        &Plan {
            full: true,
            ..Plan::default()
        },
        &preview,
        &mut last_site,
        None,
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(options.host, options.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", options.host, options.port))?;
        let address = listener
            .local_addr()
            .context("cannot read the listening address")?;
        let (events, _) = broadcast::channel(64);
        let app = App {
            preview: Arc::clone(&preview),
            events: events.clone(),
            // A public bind is the user's choice to be reached by other names (the warning
            // above says so); on loopback only its own names are answered (DNS rebinding).
            hosts: options
                .host
                .is_loopback()
                .then(|| Arc::new(allowed_hosts(address))),
        };
        let (tx, rx) = mpsc::channel();
        let watching = watch(&root, tx)?;
        // Announce the address only once every change will be seen.
        let url = format!("http://{}/", display_host(address));
        println!("serving {url} (Ctrl+C to stop)");
        if options.open {
            open_browser(&url);
        }
        let watch_preview = Arc::clone(&preview);
        let live = events.clone();
        std::thread::spawn(move || {
            rebuild_on_change(&root, &rx, &watch_preview, last_site, &live);
        });
        serve_until_stopped(listener, http::router(app), events).await?;
        drop(watching);
        Ok(())
    })
}

/// Serve until Ctrl+C: open live-reload streams are ended so the server stops at once; if it
/// still has not stopped after two seconds, or on a second Ctrl+C, it is left behind.
async fn serve_until_stopped(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    events: broadcast::Sender<LiveEvent>,
) -> anyhow::Result<()> {
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, router).with_graceful_shutdown(async move {
        let _ = tokio::signal::ctrl_c().await;
        println!("\nstopped");
        let _ = events.send(LiveEvent::Shutdown);
        let _ = stopping.send(());
    });
    let give_up = async {
        if stopped.await.is_ok() {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                () = tokio::time::sleep(Duration::from_secs(2)) => {}
            }
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        result = std::future::IntoFuture::into_future(server) => {
            result.context("the preview server failed")
        }
        () = give_up => Ok(()),
    }
}

/// The file watcher, kept alive while serving: the system's (inotify, FSEvents, …) or, when
/// that cannot start (inotify instances or watches exhausted), polling.
#[expect(
    dead_code,
    reason = "held for its Drop: the watcher stops when it goes"
)]
enum Watching {
    Native(notify_debouncer_full::Debouncer<notify::RecommendedWatcher, RecommendedCache>),
    Polling(notify_debouncer_full::Debouncer<notify::PollWatcher, RecommendedCache>),
}

/// How long the watcher waits for a file to settle.
const DEBOUNCE: Duration = Duration::from_millis(60);

/// Watch the site's sources (see [`add_watches`]); falls back to polling with a warning when
/// the system's watcher cannot start or cannot watch them.
fn watch(root: &Path, tx: mpsc::Sender<DebounceEventResult>) -> anyhow::Result<Watching> {
    let native = notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx.clone())
        .map_err(anyhow::Error::from)
        .and_then(|mut debouncer| add_watches(root, &mut debouncer).map(|()| debouncer));
    match native {
        Ok(debouncer) => Ok(Watching::Native(debouncer)),
        Err(err) => {
            eprintln!(
                "warning: the system's file watcher is not available ({err:#}); polling for changes every 500 ms instead"
            );
            let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
            let mut debouncer =
                notify_debouncer_full::new_debouncer_opt::<_, notify::PollWatcher, _>(
                    DEBOUNCE,
                    None,
                    tx,
                    RecommendedCache::new(),
                    config,
                )
                .context("cannot start the file watcher")?;
            add_watches(root, &mut debouncer)?;
            Ok(Watching::Polling(debouncer))
        }
    }
}

/// Watch content, locales and themes recursively, the site root itself for `site.yaml`.
fn add_watches<W: notify::Watcher>(
    root: &Path,
    debouncer: &mut notify_debouncer_full::Debouncer<W, RecommendedCache>,
) -> anyhow::Result<()> {
    for dir in [
        crate::layout::CONTENT_DIR,
        crate::layout::LOCALES_DIR,
        crate::layout::THEMES_DIR,
    ] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
        }
    }
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    Ok(())
}

/// Rebuild after every batch of changes until the watcher stops.
fn rebuild_on_change(
    root: &Path,
    rx: &mpsc::Receiver<DebounceEventResult>,
    preview: &RwLock<Preview>,
    mut last_site: Option<crate::site::Site>,
    events: &broadcast::Sender<LiveEvent>,
) {
    // The changes of the last failed rebuild: checked again with the next change until a
    // rebuild succeeds, so an edit elsewhere cannot hide their errors.
    let mut pending = Plan::default();
    while let Ok(batch) = rx.recv() {
        let mut paths: Vec<PathBuf> = Vec::new();
        collect(batch, &mut paths);
        // Editors and `git checkout` write many files at once: take everything queued.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(20)) {
            collect(more, &mut paths);
        }
        let mut plan = classify::classify(root, &paths);
        if !plan.is_empty() {
            plan.merge(std::mem::take(&mut pending));
            if !apply(root, &plan, preview, &mut last_site, Some(events)) {
                pending = plan;
            }
        }
    }
}

fn collect(batch: DebounceEventResult, paths: &mut Vec<PathBuf>) {
    match batch {
        Ok(events) => {
            for event in events {
                // Reading a file (our own rebuild does) is not a change.
                if matches!(event.kind, notify::EventKind::Access(_)) {
                    continue;
                }
                paths.extend(event.paths.iter().cloned());
            }
        }
        Err(errors) => {
            for error in errors {
                eprintln!("watch error: {error}");
            }
        }
    }
}

/// Rebuild for `plan`, update the preview and tell the browsers; whether the rebuild succeeded.
fn apply(
    root: &Path,
    plan: &Plan,
    preview: &RwLock<Preview>,
    last_site: &mut Option<crate::site::Site>,
    events: Option<&broadcast::Sender<LiveEvent>>,
) -> bool {
    // Render against the current pages under a read lock: the server keeps answering.
    let result = {
        let guard = preview
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        preview::rebuild(root, plan, &guard.rendered, last_site)
    };
    match result {
        Ok((
            Outcome::Rebuilt {
                label,
                millis,
                warnings,
            },
            update,
        )) => {
            let version = {
                let mut guard = preview
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if update.full {
                    guard.rendered = update.rendered;
                    guard.media = update.media;
                } else {
                    guard.rendered.apply(update.rendered);
                    guard.media.extend(update.media);
                }
                guard.errors = None;
                guard.version += 1;
                guard.version
            };
            let notes = if warnings > 0 {
                format!(" ({warnings} warning(s): `stepdoc check` lists them)")
            } else {
                String::new()
            };
            let verb = if events.is_some() { "rebuilt" } else { "built" };
            println!("{verb} {label} in {millis} ms{notes}");
            if let Some(events) = events {
                let _ = events.send(LiveEvent::Reload(version));
            }
            true
        }
        Ok((Outcome::Failed { .. }, _)) | Err(Outcome::Rebuilt { .. }) => false,
        Err(Outcome::Failed { text, count }) => {
            eprint!("{text}");
            eprintln!("{count} error(s); still serving the last good pages");
            preview
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .errors = Some(text.clone());
            if let Some(events) = events {
                let _ = events.send(LiveEvent::Errors(text));
            }
            false
        }
    }
}

fn display_host(address: SocketAddr) -> String {
    match address.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
    }
}

/// `Host` values the server answers to: its own address and the loopback names.
fn allowed_hosts(address: SocketAddr) -> Vec<String> {
    let port = address.port();
    let mut hosts = vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        display_host(address),
    ];
    if port == 80 {
        hosts.extend(["127.0.0.1".into(), "localhost".into()]);
    }
    hosts.sort();
    hosts.dedup();
    hosts
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("could not open a browser; visit {url}");
    }
}
