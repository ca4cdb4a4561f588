//! `dossier serve` under abuse: a flood of requests and open live-reload
//! connections, a content folder deleted and made again, a template that
//! would recurse forever, and a hundred broken and fixed edits.
#![cfg(feature = "serve")]

mod common;

use common::server::{body, builds, get, rebuilds_after, start, status};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const PAGE: &str = "/russia-and-china-oppose-the-globe/";
const DOC: &str = "content/004_b84bfd1c39564207.txt";

/// The server's resident memory, in kB (Linux).
fn rss_kb(pid: u32) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    s.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap()
}

fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .count()
}

fn open_stream(port: u16) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET /__dossier/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    s
}

#[test]
fn a_flood_of_requests_and_streams_leaves_memory_flat() {
    let s = start();
    let pid = s.child.id();
    let port = s.port;
    // Warm up, then measure.
    for _ in 0..200 {
        assert_eq!(get(port, PAGE).0, 200);
    }
    let rss_before = rss_kb(pid);
    let threads_before = threads(pid);
    // 200 pages kept open, plus 400 more than the server takes.
    let mut streams: Vec<TcpStream> = (0..600).map(|_| open_stream(port)).collect();
    let mut open = 0;
    let mut refused = 0;
    for st in &mut streams {
        st.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut head = [0u8; 12];
        if let Err(e) = st.read_exact(&mut head) {
            panic!(
                "stream {} of 600 ({open} open, {refused} refused): {e}",
                open + refused
            );
        }
        match &head {
            b"HTTP/1.1 200" => open += 1,
            b"HTTP/1.1 503" => refused += 1,
            other => panic!("{}", String::from_utf8_lossy(other)),
        }
    }
    assert_eq!(
        (open, refused),
        (256, 344),
        "streams beyond the limit are refused"
    );
    // 20,000 requests from 50 clients at once.
    let errors = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for c in 0..50 {
            let errors = &errors;
            scope.spawn(move || {
                for i in 0..400 {
                    let path = if (c + i) % 3 == 0 {
                        "/search/meta.js"
                    } else {
                        PAGE
                    };
                    match std::panic::catch_unwind(|| get(port, path).0) {
                        Ok(200) => {}
                        _ => {
                            errors.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                    }
                }
            });
        }
    });
    assert_eq!(errors.into_inner(), 0, "every request answered");
    // The pages close; their threads and memory go.
    for st in &mut streams {
        let _ = st.shutdown(std::net::Shutdown::Both);
    }
    drop(streams);
    let start = Instant::now();
    while threads(pid) > threads_before + 16 && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        threads(pid) <= threads_before + 16,
        "threads released: {} then {}",
        threads_before,
        threads(pid)
    );
    let rss_after = rss_kb(pid);
    assert!(
        rss_after < rss_before + 64 * 1024,
        "memory stays flat: {rss_before} kB, then {rss_after} kB"
    );
    assert_eq!(get(port, PAGE).0, 200);
}

#[test]
fn a_content_folder_deleted_and_made_again_is_watched_again() {
    let s = start();
    let content = s.site.path().join("content");
    let saved = tempfile::tempdir().unwrap();
    common::copy_dir(&content, saved.path());
    let before = builds(s.port);
    std::fs::remove_dir_all(&content).unwrap();
    rebuilds_after(s.port, before);
    let before = builds(s.port);
    common::copy_dir(saved.path(), &content);
    rebuilds_after(s.port, before);
    assert_eq!(get(s.port, PAGE).0, 200, "{}", status(s.port));
    // Edits after the restore are seen.
    let before = builds(s.port);
    let doc = content.join("004_b84bfd1c39564207.txt");
    let mut text = std::fs::read_to_string(&doc).unwrap();
    text.push_str("\nA sentence added after the restore.\n");
    std::fs::write(&doc, text).unwrap();
    rebuilds_after(s.port, before);
    assert!(body(s.port, PAGE).contains("added after the restore"));
}

#[test]
fn a_template_that_would_recurse_forever_is_refused_and_the_server_lives() {
    let s = start();
    let templates = s.site.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let before = builds(s.port);
    std::fs::write(
        templates.join("document.html"),
        "{% macro walk(n) %}{{ self::walk(n=n) }}{% endmacro walk %}{{ self::walk(n=1) }}",
    )
    .unwrap();
    rebuilds_after(s.port, before);
    let st = status(s.port);
    assert!(
        st["error"]
            .as_str()
            .unwrap_or("")
            .contains("leads back to itself"),
        "{st}"
    );
    assert_eq!(get(s.port, PAGE).0, 200, "the last good site is served");
    let before = builds(s.port);
    std::fs::write(
        templates.join("document.html"),
        "{% extends \"default/document.html\" %}{% block content %}{% for i in range(end=100000000) %}{{ i }}{% endfor %}{% endblock %}",
    )
    .unwrap();
    rebuilds_after(s.port, before);
    let st = status(s.port);
    assert!(
        st["error"].as_str().unwrap_or("").contains("at most"),
        "{st}"
    );
    let before = builds(s.port);
    std::fs::remove_file(templates.join("document.html")).unwrap();
    rebuilds_after(s.port, before);
    assert!(status(s.port)["error"].is_null(), "{}", status(s.port));
}

#[test]
fn a_hundred_broken_and_fixed_edits_recover_every_time() {
    let s = start();
    let map = s.site.path().join("content/topics.toml");
    let good = std::fs::read_to_string(&map).unwrap();
    let doc = s.site.path().join(DOC);
    let text = std::fs::read_to_string(&doc).unwrap();
    for round in 0..100 {
        let before = builds(s.port);
        if round % 2 == 0 {
            std::fs::write(&map, format!("{good}\n[topics.broken\n")).unwrap();
        } else {
            std::fs::write(&doc, format!("{text}\nRound {round}: \u{2009}e.g.\u{a0}1991 and <img src=x onerror=alert(1)>.\n")).unwrap();
            std::fs::write(&map, &good).unwrap();
        }
        wait_for_build(s.port, before);
        // The round's two writes may reach the watcher as two batches on
        // a loaded machine: the state the round asks for comes with the
        // second build at the latest.
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut st = status(s.port);
        while st["error"].is_null() != (round % 2 == 1) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            st = status(s.port);
        }
        assert_eq!(st["error"].is_null(), round % 2 == 1, "round {round}: {st}");
        assert_eq!(get(s.port, PAGE).0, 200, "round {round}");
    }
    assert!(body(s.port, PAGE).contains("Round 99"));
}

/// Waits until a build after `before` is done (no quiet time: the edits
/// of one round are one batch).
fn wait_for_build(port: u16, before: u64) {
    let start = Instant::now();
    while builds(port) == before {
        assert!(start.elapsed() < Duration::from_secs(15), "no rebuild");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(150));
}
