//! `ignored_content`: what of the content folder is not published.

use anyhow::{bail, Context, Result};

/// Patterns of files and folders of the content folder that are not
/// published, as a `.gitignore` writes them: one without `/` names a file
/// or folder anywhere (`Templates`, `*.excalidraw.md`); one with `/` a
/// path from the content folder (`Private/**`, `notes/drafts`). A folder
/// that matches takes everything in it.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Ignored {
    patterns: Vec<String>,
    #[serde(skip)]
    compiled: Vec<glob::Pattern>,
}

impl Ignored {
    pub fn new(patterns: &[String]) -> Result<Ignored> {
        let mut compiled = Vec::new();
        for p in patterns {
            let trimmed = p.trim().trim_start_matches("./").trim_matches('/');
            if trimmed.is_empty() {
                bail!("ignored_content: an empty pattern would hide nothing; remove it");
            }
            compiled.push(
                glob::Pattern::new(trimmed)
                    .with_context(|| format!("ignored_content: `{p}` is not a glob pattern"))?,
            );
        }
        Ok(Ignored {
            patterns: patterns.to_vec(),
            compiled,
        })
    }

    /// Whether the content-relative path `rel` (with `/`) is not published.
    pub fn covers(&self, rel: &str) -> bool {
        if self.compiled.is_empty() {
            return false;
        }
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: false,
        };
        let parts: Vec<&str> = rel.split('/').collect();
        self.compiled.iter().any(|p| {
            if p.as_str().contains('/') {
                // The path or a folder on the way to it.
                (1..=parts.len()).any(|n| p.matches_with(&parts[..n].join("/"), options))
            } else {
                parts.iter().any(|part| p.matches_with(part, options))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignored_content_hides_files_and_folders_as_gitignore_would() {
        let pats = |p: &[&str]| {
            Ignored::new(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
        };
        let i = pats(&[
            "Templates",
            "*.excalidraw.md",
            "notes/private/**",
            "drafts/old",
        ]);
        for hidden in [
            "Templates/Daily.md",
            "Vault/Templates/Weekly.md",
            "maps/Border.excalidraw.md",
            "notes/private/a/b.md",
            "drafts/old/x.md",
            "drafts/old",
        ] {
            assert!(i.covers(hidden), "{hidden}");
        }
        for shown in [
            "Templates.md",
            "notes/Templates note.md",
            "notes/private.md",
            "other/drafts/old/x.md",
            "a.md",
        ] {
            assert!(!i.covers(shown), "{shown}");
        }
        assert!(!Ignored::default().covers("Templates/Daily.md"));
        let bad = Ignored::new(&["[".to_string()]).unwrap_err();
        assert!(
            format!("{bad:#}").contains("`[` is not a glob pattern"),
            "{bad:#}"
        );
        assert!(Ignored::new(&["/".to_string()]).is_err());
    }
}
