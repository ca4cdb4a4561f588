//! `dossier serve`: preview with watch mode and live reload.
//!
//! 1. Build the site in memory (the same `build_in_memory` as `dossier
//!    build`), and serve it over HTTP from memory (`http`).
//! 2. Watch the content, the topic map, `config.toml`, templates, themes and
//!    static files; a debouncer turns a burst of file events (an editor's
//!    save, a `git checkout`) into one rebuild; hidden and editor temp files
//!    are ignored (`watch`).
//! 3. After a rebuild, tell every open page over server-sent events:
//!    `reload`, or `css` when only stylesheets changed, or `error` with the
//!    message (the last good site stays served) and `ok` once fixed.
//!
//! One loop owns the state and receives a closed set of events; the HTTP
//! threads only read the current snapshot. Nothing is written to disk.

pub(crate) mod http;
mod live;
pub(crate) mod poll;
mod server;
pub(crate) mod watch;

use anyhow::{Context, Result};
use http::Snapshot;
use live::Live;
use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    /// Poll for changes instead of relying on filesystem events.
    pub poll: bool,
    /// Print the time of each pipeline stage after every rebuild.
    pub timings: bool,
    /// Show drafts.
    pub drafts: bool,
}

/// What the loop reacts to.
pub enum Event {
    /// Files changed (already filtered), and whether the event left them
    /// complete (see `next_batch`).
    Changed(Vec<PathBuf>, bool),
    /// The watcher failed; the message says why.
    WatchError(String),
}

type Clients = Arc<Mutex<Vec<Sender<(String, String)>>>>;

/// Runs the preview server until the process is stopped (Ctrl-C).
pub fn serve(opts: Options) -> Result<()> {
    let root = opts.root.clone();
    let state: Arc<RwLock<Snapshot>> = Arc::default();
    let clients: Clients = Arc::default();
    let (listener, port) = bind(&opts.bind, opts.port)?;
    if port != opts.port && opts.port != 0 {
        println!("port {} is in use; using {port} instead", opts.port);
    }
    let mut site = Live {
        root: root.clone(),
        // The served address is the base URL: canonical links, feeds and
        // the 404 page point at the preview, not at the published site.
        session: crate::session::Session::new(
            &root,
            &crate::config::Overrides {
                base_url: Some(served_url(&opts.bind, port)),
                drafts: opts.drafts,
                ..Default::default()
            },
        ),
        config: None,
        timings: opts.timings,
        state: Arc::clone(&state),
        clients: Arc::clone(&clients),
    };
    site.rebuild(None, None);
    let url = served_url(&opts.bind, port);
    server::spawn(
        listener,
        Arc::new(Served {
            state: Arc::clone(&state),
            clients: Arc::clone(&clients),
        }),
    );
    let (tx, rx) = mpsc::channel();
    let config = site.config.as_ref();
    let mut prints = watch::Fingerprints::default();
    prints.seed(
        &root.canonicalize().unwrap_or_else(|_| root.clone()),
        &watch::folders(&root, config),
    );
    let mut watching = watch::start(&root, config, tx, opts.poll)?;
    // What changed between the first build and the watcher's start was not
    // seen: the first rebuild looks at every file.
    site.session.look_at_everything();
    // Said once everything listens and watches, so an edit made right after
    // this line is seen.
    let how = if watching.polling() {
        ", polling for changes"
    } else {
        ""
    };
    println!("serving {} at {url} (Ctrl-C to stop{how})", root.display());
    let _ = std::io::stdout().flush();
    if opts.open {
        if let Err(e) = open::that_detached(&url) {
            eprintln!("cannot open a browser ({e}); open {url} yourself");
        }
    }
    run(&mut site, &rx, &mut watching, prints);
    Ok(())
}

/// Quiet time that ends a batch of file events: an editor's save and a
/// checkout are done well within it.
pub const DEBOUNCE: Duration = Duration::from_millis(60);
/// Quiet time that ends a batch holding one file that existed before and
/// was just saved (written and closed, or renamed into place): what an
/// editor does next in the same save (removing its backup) comes at once.
pub const SETTLE: Duration = Duration::from_millis(15);
/// A batch is built after this long even if events keep coming.
const MAX_BATCH: Duration = Duration::from_secs(2);

/// The event loop: one rebuild per batch of changes that really changed
/// something.
fn run(
    site: &mut Live,
    rx: &Receiver<Event>,
    watching: &mut watch::Watching,
    mut prints: watch::Fingerprints,
) {
    while let Ok(event) = rx.recv() {
        let first = match event {
            Event::Changed(paths, saved) => (paths, saved),
            Event::WatchError(e) => {
                eprintln!("watch error: {e}");
                // Changes may have been missed: once the events settle,
                // the site is rebuilt looking at every file.
                let _ = next_batch(rx, (Vec::new(), false), &mut false, &|_| false);
                rebuild_all(site, &mut prints, "file events were missed; every file");
                watching.add_new_folders(&site.root, site.config.as_ref());
                continue;
            }
        };
        let mut missed = false;
        let mut paths = next_batch(rx, first, &mut missed, &|p| prints.knows_file(p));
        if missed {
            site.session.look_at_everything();
        }
        paths.sort();
        paths.dedup();
        let paths = prints.changed(paths);
        if paths.is_empty() {
            continue;
        }
        let first = paths
            .first()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let more = if paths.len() > 1 {
            format!(" and {} more", paths.len() - 1)
        } else {
            String::new()
        };
        site.rebuild(Some(format!("{first}{more}")), Some(&paths));
        if watching.add_new_folders(&site.root, site.config.as_ref()) {
            // Files may have come into a folder before its watch began:
            // look at every file once more.
            rebuild_all(site, &mut prints, "a folder watched again");
        }
    }
}

/// A rebuild that looks at every file, after which every watched file's
/// fingerprint is taken anew (the watcher may not have seen how they got
/// there).
fn rebuild_all(site: &mut Live, prints: &mut watch::Fingerprints, cause: &str) {
    site.session.look_at_everything();
    prints.seed(
        &site
            .root
            .canonicalize()
            .unwrap_or_else(|_| site.root.clone()),
        &watch::folders(&site.root, site.config.as_ref()),
    );
    site.rebuild(Some(cause.to_string()), None);
}

/// Collects the events that follow `first` until [`DEBOUNCE`] passes
/// without one (or [`MAX_BATCH`] in all); a watch error on the way sets
/// `missed`. A batch of one file that `known` was there before, whose last
/// event completed a save, ends after [`SETTLE`]: the common edit, seen
/// sooner. New files and several files (a checkout) wait the whole quiet
/// time, so that a burst stays one batch.
fn next_batch(
    rx: &Receiver<Event>,
    (first, saved): (Vec<PathBuf>, bool),
    missed: &mut bool,
    known: &dyn Fn(&std::path::Path) -> bool,
) -> Vec<PathBuf> {
    let start = Instant::now();
    let mut paths = first;
    let mut saved = saved;
    while start.elapsed() < MAX_BATCH {
        let one_known_file = paths
            .first()
            .is_some_and(|f| paths.iter().all(|p| p == f) && known(f));
        let quiet = if saved && one_known_file {
            SETTLE
        } else {
            DEBOUNCE
        };
        match rx.recv_timeout(quiet) {
            Ok(Event::Changed(more, done)) => {
                paths.extend(more);
                saved = done;
            }
            Ok(Event::WatchError(e)) => {
                eprintln!("watch error: {e}");
                *missed = true;
            }
            Err(_) => break,
        }
    }
    paths
}

/// `http://ADDR:PORT/`, an IPv6 address in brackets.
fn served_url(addr: &str, port: u16) -> String {
    if addr.contains(':') && !addr.starts_with('[') {
        format!("http://[{addr}]:{port}/")
    } else {
        format!("http://{addr}:{port}/")
    }
}

/// Binds `port` or, when it is taken, the next free one of the following 20.
/// Port 0 picks any free port.
fn bind(addr: &str, port: u16) -> Result<(TcpListener, u16)> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(20)
    };
    let mut tried = port;
    loop {
        match TcpListener::bind((addr, tried)) {
            Ok(l) => {
                let actual = l.local_addr()?.port();
                return Ok((l, actual));
            }
            Err(e) if tried < last => {
                let _ = e;
                tried += 1;
            }
            Err(e) => {
                return Err(e).with_context(|| {
                    format!("cannot listen on {addr}:{port} (or the 20 ports after it)")
                })
            }
        }
    }
}

/// The served site as the HTTP server sees it.
struct Served {
    state: Arc<RwLock<Snapshot>>,
    clients: Clients,
}

impl server::Site for Served {
    fn is_stream(&self, req: &server::Request) -> bool {
        http::site_path(&req.target).as_deref() == Some(http::EVENTS_PATH)
    }

    fn answer(&self, req: &server::Request) -> http::Reply {
        let snap = self.state.read().unwrap_or_else(|e| e.into_inner());
        http::answer(&snap, &req.target)
    }

    fn stream(&self, conn: std::net::TcpStream) {
        stream_events(conn, &self.clients, &self.state);
    }
}

/// A server-sent event stream: written by hand on the raw connection so that
/// every event is flushed at once. A comment line every 5 s notices pages
/// that went away, and their thread ends.
fn stream_events(mut w: std::net::TcpStream, clients: &Clients, state: &RwLock<Snapshot>) {
    let (tx, rx) = mpsc::channel();
    clients.lock().unwrap_or_else(|e| e.into_inner()).push(tx);
    let error = state
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .error
        .clone();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    if let Some(e) = error {
        let _ = write_event(&mut w, "error", &e);
    }
    loop {
        let sent = match rx.recv_timeout(Duration::from_secs(5)) {
            Ok((event, data)) => write_event(&mut w, &event, &data),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                w.write_all(b": ping\n\n").and_then(|_| w.flush())
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if sent.is_err() {
            return;
        }
    }
}

fn write_event(w: &mut dyn Write, event: &str, data: &str) -> std::io::Result<()> {
    let mut msg = format!("event: {event}\n");
    for line in data.lines() {
        msg.push_str(&format!("data: {line}\n"));
    }
    if data.is_empty() {
        msg.push_str("data:\n");
    }
    msg.push('\n');
    w.write_all(msg.as_bytes())?;
    w.flush()
}
