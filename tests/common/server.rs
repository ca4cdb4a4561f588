//! A `dossier serve` process on a free port over a temporary copy of the
//! seed site, and raw HTTP requests to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    pub child: Child,
    pub port: u16,
    pub site: tempfile::TempDir,
    _serial: std::sync::MutexGuard<'static, ()>,
}

/// The tests count rebuilds and time reloads: one server at a time, so that
/// they do not starve each other on a two-core machine.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start() -> Server {
    start_with(&[])
}

pub fn start_with(extra: &[&str]) -> Server {
    let serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let site = super::seed_copy();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut line).unwrap();
    let port: u16 = line
        .rsplit(':')
        .next()
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("{line}"));
    // Keep reading the server's output so it never blocks on a full pipe;
    // it is printed with the test's output when a test fails.
    std::thread::spawn(move || {
        for l in out.lines().map_while(Result::ok) {
            println!("serve: {l}");
        }
    });
    Server {
        child,
        port,
        site,
        _serial: serial,
    }
}

/// A raw HTTP/1.0 GET; returns (status, body).
pub fn get(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, buf[split + 4..].to_vec())
}

pub fn status(port: u16) -> serde_json::Value {
    serde_json::from_slice(&get(port, "/__dossier/status").1).unwrap()
}

pub fn builds(port: u16) -> u64 {
    status(port)["builds"].as_u64().unwrap()
}

/// Waits for the build count to pass `before`, then for quiet, and returns
/// how many builds happened.
pub fn rebuilds_after(port: u16, before: u64) -> u64 {
    let start = Instant::now();
    while builds(port) == before {
        assert!(start.elapsed() < Duration::from_secs(15), "no rebuild");
        std::thread::sleep(Duration::from_millis(25));
    }
    std::thread::sleep(Duration::from_millis(700));
    builds(port) - before
}

pub fn body(port: u16, path: &str) -> String {
    String::from_utf8_lossy(&get(port, path).1).into_owned()
}
