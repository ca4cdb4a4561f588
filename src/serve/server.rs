//! The HTTP/1.1 server under `serve`: small, bounded, and ours.
//!
//! - One thread accepts connections and queues them (at most [`QUEUE`]
//!   waiting; past that a connection is answered 503 at once).
//! - [`WORKERS`] threads answer queued requests, one request per
//!   connection (`Connection: close`): a preview server on the loopback
//!   gains nothing from keep-alive, and every connection ends.
//! - A live-reload stream gets a thread of its own while its page is open,
//!   at most [`MAX_STREAMS`]; more are answered 503.
//! - Reading a request head is bounded in time (5 s) and size (16 KB), so
//!   a slow or hostile client holds a worker briefly at most.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Threads that answer requests; a page load asks for a few files at once.
pub const WORKERS: usize = 8;
/// Connections waiting for a worker.
pub const QUEUE: usize = 1024;
/// Live-reload streams open at once (one per open page).
pub const MAX_STREAMS: usize = 256;
const MAX_HEAD: u64 = 16 * 1024;

/// A request as the site needs it.
pub struct Request {
    pub method: String,
    pub target: String,
}

/// What the site does with requests.
pub trait Site: Send + Sync + 'static {
    /// Whether this request opens a live-reload stream.
    fn is_stream(&self, req: &Request) -> bool;
    fn answer(&self, req: &Request) -> super::http::Reply;
    /// Writes the stream (head included) until the page goes away.
    fn stream(&self, conn: TcpStream);
}

/// Serves `site` on `listener` from background threads.
pub fn spawn(listener: TcpListener, site: Arc<dyn Site>) {
    let (tx, rx) = sync_channel::<TcpStream>(QUEUE);
    let rx = Arc::new(Mutex::new(rx));
    let streams = Arc::new(AtomicUsize::new(0));
    for _ in 0..WORKERS {
        let (rx, site, streams) = (Arc::clone(&rx), Arc::clone(&site), Arc::clone(&streams));
        std::thread::spawn(move || work(&rx, &site, &streams));
    }
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            if let Err(std::sync::mpsc::TrySendError::Full(mut conn)) = tx.try_send(conn) {
                let _ = conn.set_write_timeout(Some(Duration::from_secs(1)));
                let _ = write_response(&mut conn, 503, "text/plain", b"busy", false);
            }
        }
    });
}

fn work(rx: &Mutex<Receiver<TcpStream>>, site: &Arc<dyn Site>, streams: &Arc<AtomicUsize>) {
    loop {
        let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(mut conn) = next else {
            return;
        };
        let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
        let _ = conn.set_write_timeout(Some(Duration::from_secs(10)));
        let Some(req) = read_head(&conn) else {
            let _ = write_response(&mut conn, 400, "text/plain", b"bad request", false);
            continue;
        };
        if site.is_stream(&req) {
            match Slot::take(streams) {
                Some(slot) => {
                    let site = Arc::clone(site);
                    std::thread::spawn(move || {
                        site.stream(conn);
                        drop(slot);
                    });
                }
                None => {
                    let _ =
                        write_response(&mut conn, 503, "text/plain", b"too many open pages", false);
                }
            }
            continue;
        }
        if req.method != "GET" && req.method != "HEAD" {
            let _ = write_response(&mut conn, 405, "text/plain", b"method not allowed", false);
            continue;
        }
        let r = site.answer(&req);
        let _ = write_response(
            &mut conn,
            r.status,
            r.content_type,
            &r.body,
            req.method == "HEAD",
        );
    }
}

/// Reads the request line and headers; `None` when they are malformed,
/// too long or too slow.
fn read_head(conn: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(conn.try_clone().ok()?.take(MAX_HEAD));
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    // The rest of the head: read and ignored.
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
    }
    Some(Request { method, target })
}

fn write_response(
    conn: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    conn.write_all(head.as_bytes())?;
    if !head_only {
        conn.write_all(body)?;
    }
    conn.flush()?;
    let _ = conn.shutdown(std::net::Shutdown::Write);
    Ok(())
}

/// One of the [`MAX_STREAMS`] places, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(count: &Arc<AtomicUsize>) -> Option<Slot> {
        if count.fetch_add(1, SeqCst) >= MAX_STREAMS {
            count.fetch_sub(1, SeqCst);
            return None;
        }
        Some(Slot(Arc::clone(count)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, SeqCst);
    }
}
