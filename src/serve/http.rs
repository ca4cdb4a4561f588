//! HTTP: answers requests from the last good build, held in memory.
//!
//! Only paths that are keys of the built site are ever served, so nothing
//! outside the site can be reached: `..`, encoded `%2e%2e` and absolute paths
//! are rejected before the lookup. Folder URLs get their `index.html`;
//! unknown paths get the site's `404.html` with status 404. HTML responses
//! get the live-reload script, which the built files never contain.

use std::collections::HashMap;
use std::sync::Arc;

/// What the server answers from: one build's files.
#[derive(Default)]
pub struct Snapshot {
    /// Kept packed (see `Contents`), unpacked as they are asked for.
    pub files: HashMap<String, crate::output::Contents>,
    /// Counts successful builds; the live-reload script compares it.
    pub version: u64,
    /// The current build problem, shown as an overlay, if any.
    pub error: Option<String>,
    /// Counts builds, successful or not (tests check one per save).
    pub builds: u64,
    /// Whether the last successful build was a patch (see `crate::patch`).
    pub patched: bool,
}

pub const LIVE_JS: &str = include_str!("live.js");
pub const LIVE_PATH: &str = "__dossier/live.js";
pub const EVENTS_PATH: &str = "__dossier/events";
pub const STATUS_PATH: &str = "__dossier/status";

/// A response to send: status, content type, body.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Arc<Vec<u8>>,
}

/// Maps a request path (as sent, percent-encoded, maybe with a query) to a
/// site path, or `None` when it tries to leave the site.
pub fn site_path(raw: &str) -> Option<String> {
    let path = raw.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if decoded.ends_with('/') || out.is_empty() {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str("index.html");
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "bib" => "text/x-bibtex; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Answers a GET for `raw` from the snapshot.
pub fn answer(snap: &Snapshot, raw: &str) -> Reply {
    let Some(path) = site_path(raw) else {
        return Reply {
            status: 400,
            content_type: "text/plain; charset=utf-8",
            body: Arc::new(b"bad path".to_vec()),
        };
    };
    if path == LIVE_PATH {
        return Reply {
            status: 200,
            content_type: content_type(&path),
            body: Arc::new(LIVE_JS.as_bytes().to_vec()),
        };
    }
    if path == STATUS_PATH {
        let body = serde_json::json!({ "version": snap.version, "builds": snap.builds, "patched": snap.patched, "error": snap.error, "files": snap.files.len() });
        return Reply {
            status: 200,
            content_type: "application/json",
            body: Arc::new(body.to_string().into_bytes()),
        };
    }
    // A folder without its slash: `/topics` → `/topics/index.html`.
    let found = snap
        .files
        .get(&path)
        .map(|b| (200, path.clone(), b))
        .or_else(|| {
            let dir = format!("{path}/index.html");
            snap.files.get(&dir).map(|b| (200, dir, b))
        });
    let (status, path, body) = match found {
        Some(f) => f,
        None => match snap.files.get("404.html") {
            Some(b) => (404, "404.html".to_string(), b),
            None => {
                return Reply {
                    status: 404,
                    content_type: "text/plain; charset=utf-8",
                    body: Arc::new(b"not found".to_vec()),
                }
            }
        },
    };
    let ct = content_type(&path);
    let body = if ct.starts_with("text/html") {
        Arc::new(inject(&body.plain(), &path, snap.version))
    } else {
        body.shared()
    };
    Reply {
        status,
        content_type: ct,
        body,
    }
}

/// Adds the live-reload script before `</body>` (or at the end).
fn inject(html: &[u8], path: &str, version: u64) -> Vec<u8> {
    let root = "../".repeat(path.matches('/').count());
    let tag = format!("<script src=\"{root}{LIVE_PATH}\" data-version=\"{version}\" data-events=\"{root}{EVENTS_PATH}\"></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Contents;

    fn snap() -> Snapshot {
        let mut files = HashMap::new();
        for (p, b) in [
            ("index.html", "<body>home</body>"),
            ("a/index.html", "<body>a</body>"),
            ("404.html", "<body>missing</body>"),
            ("style.css", "body{}"),
        ] {
            files.insert(p.to_string(), Contents::kept(false, b.as_bytes().to_vec()));
        }
        // Kept packed, as `serve` keeps large files.
        let big = Contents::kept(true, "p{margin:0}\n".repeat(400).into_bytes());
        assert!(matches!(big, Contents::Packed(_)));
        files.insert("big.css".to_string(), big);
        Snapshot {
            files,
            version: 3,
            error: None,
            builds: 1,
            patched: false,
        }
    }

    #[test]
    fn paths_never_leave_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/a/").as_deref(), Some("a/index.html"));
        assert_eq!(site_path("/a/b.html?x=1#y").as_deref(), Some("a/b.html"));
        assert_eq!(site_path("/a%20b.html").as_deref(), Some("a b.html"));
        for bad in [
            "/../config.toml",
            "/a/../../x",
            "/%2e%2e/config.toml",
            "/%2E%2E/%2e%2e/etc/passwd",
            "relative",
            "/a\\..\\b",
            "/%00",
            "/%zz",
        ] {
            assert!(site_path(bad).is_none_or(|p| !p.contains("..")), "{bad}");
        }
        assert_eq!(site_path("/%2e%2e/config.toml"), None);
    }

    #[test]
    fn answers_with_types_index_and_404() {
        let s = snap();
        let r = answer(&s, "/a/");
        assert_eq!(
            (r.status, r.content_type),
            (200, "text/html; charset=utf-8")
        );
        let body = String::from_utf8(r.body.to_vec()).unwrap();
        assert!(
            body.contains("<script src=\"../__dossier/live.js\" data-version=\"3\""),
            "{body}"
        );
        assert_eq!(answer(&s, "/a").status, 200, "a folder without its slash");
        assert_eq!(
            answer(&s, "/style.css").content_type,
            "text/css; charset=utf-8"
        );
        assert_eq!(
            answer(&s, "/style.css").body.as_slice(),
            b"body{}",
            "no injection outside HTML"
        );
        assert_eq!(
            answer(&s, "/big.css").body.as_slice(),
            "p{margin:0}\n".repeat(400).as_bytes(),
            "a packed file is served unpacked"
        );
        let missing = answer(&s, "/nope.html");
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8_lossy(&missing.body).contains("missing"));
        assert_eq!(answer(&s, "/../config.toml").status, 400);
        assert_eq!(answer(&s, "/%2e%2e/config.toml").status, 400);
    }
}
