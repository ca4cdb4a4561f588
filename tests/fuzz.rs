//! A bounded fuzzing pass over every fuzz target (see `src/fuzz.rs`): the
//! seed site's texts, the fixtures and hostile samples, each mutated at
//! random (a fixed-seed generator, so a failure repeats), plus every input
//! a fuzzer ever crashed on (`tests/fuzz/regressions/<target>/`). The
//! long coverage-guided runs live in `fuzz/` (see FUZZING.md).
//!
//! `DOSSIER_FUZZ_SECONDS` sets the time budget (default 30 s in all).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

/// Pieces that reach the parsers' corners, spliced in by the mutator.
const TOKENS: &[&str] = &[
    "[[",
    "]]",
    "![[",
    "|400]]",
    "#^",
    "%%",
    "==",
    "^[",
    " ^block-1\n",
    "> [!warning]- ",
    "\n::: {.x}\n",
    "(@x) ",
    "% ",
    "]{.mark}",
    "~2~",
    "^3^",
    "\u{2009}",
    "\u{a0}",
    "\u{202f}",
    "\u{3000}",
    "e.g.",
    "*See, e.g.*, ",
    "*supra* note 1",
    " (n 2) ",
    "Id. at ",
    ", Judgment, 2010 I.C.J. 14 (Apr. 20)",
    ", 2999 U.N.T.S. 77",
    " (adopted 21 May 1997) ",
    "G.A. Res. 61/295, U.N. Doc. A/RES/61/295 (Sept. 13, 2007)",
    ", 15 C.F.R. § 744.21 (2019)",
    "Press Release, ",
    ", 116th Cong. 14 (2019)",
    ", 5 January 1957, AVPRF, f. 0100, op. 50",
    ", with ",
    "Лукин А.В. Граница // Журнал. 2001. № 3. С. 12–25.",
    ". М.: Наука, 1998. С. 4.",
    " от 16 мая 1991 г.",
    ", 2020 WL 123456, at *3 (S.D.N.Y. Jan. 5, 2020)",
    "H.R. Rep. No. 116-12, at 4",
    "S. 1234, 117th Cong. ",
    "U.S. Const. art. I",
    "Restatement (Second) of ",
    ", “Aims,” May 3, 1957, in *Papers*, vol. 3",
    " (Dec. 20, 2019)",
    " p. ",
    "<html><body><table><tr><td>",
    "</td><td colspan=\"3\">",
    "</td></tr><tr><th>",
    "</table></body></html>",
    "&#x2013;&amp;",
    "GLYPH<",
    "GLYPH<endash>",
    "---\nbibliography: refs.bib\nreferences:\n- id: k\n  title: T\n...\n",
    "\n  -------------------\n  A      B\n  ------ ------\n  1      2\n\n",
    "\n------ ------\n",
    ".^1^ ",
    "<sup>2</sup>",
    "KKO 2005:64",
    "ECLI:EU:C:2014:317",
    "```{r, echo=FALSE}\n",
    "[@fig-map]",
    "## **Bold**\n",
    "\n\n<!-- image -->\n\n",
    ". 1 ",
    "\n\n1 The ",
    "\n2 A ",
    "_ .",
    "\n\nTable 2: ",
    "Art.",
    "et al.",
    "1991",
    "1991–2010",
    "(1947- 91)",
    "mid-1950s",
    "25th May 2020",
    "October 12, 2019",
    "28.12.1999",
    "$x^2$",
    "$$\\frac{a}{b}$$",
    "$\\text{<b>}$",
    "$a<b$",
    "2014年5月21日",
    "энергетики",
    "天然气",
    "<sup>1</sup>",
    "[^1]",
    "[^1]: ",
    "\n---\n",
    "+++\n",
    "---\n",
    "## ",
    "# ",
    "](",
    "[x](#%€x)",
    "<img src=x onerror=alert(1)>",
    "javascript:",
    "Ibid.",
    "Id. at 12",
    "\"Title,\" ",
    "*Journal* 3, no. 4 (2019): 1–20.",
    "https://doi.org/10.1/x",
    "Putin",
    "Beijing",
    "北京。",
    "。",
    "!",
    "?",
    "\n\n",
    "\n",
    "\r",
    "\0",
    "\u{feff}",
    "|---|---|",
    "```\n",
    "<span id=\"page-3-1\"></span>",
    "[1](#page-3-1)",
    "<sup>4.</sup>",
    "$^{1}$ ",
    "${ }^{2,*}$",
    "Footnote 1: ",
    "model1,",
    "\n\n1. ",
    "[MISSING_PAGE_EMPTY:3]",
    "{2}------------------------------------------------",
    "# References\n\n",
    "[12] ",
    "[3–5, 9]",
    "(Smith et al., 2019a; Lee, 2021)",
    "Smith, J., & Lee, K. (2019). ",
    "arXiv:2101.03961v3 [cs.LG] 16 Jun 2022",
    "[Ann Lee](https://orcid.org/0000-0000-0000-0000) University ",
    "$2021",
    "1,949",
    "www.x.org/1999",
    "By A and B | Section\n",
    "[topics.\"../x\"]\n",
    "aliases = [\"\"]\n",
    "title = \"",
    "date = 2021-03-05\n",
    "%",
    "&#x",
    "href=\"",
    "id=\"",
    "<a href=\"../x.html#y\">",
    "url(",
    "src='//x'",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(&seeds[rng.below(seeds.len())]);
    for _ in 0..=rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, t.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(512)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
            4 => {
                // Repeat a piece: many dots, years, notes in one paragraph.
                let end = (at + 1 + rng.below(16)).min(out.len());
                let piece = out[at.min(end)..end].to_vec();
                for _ in 0..rng.below(200) {
                    out.splice(at..at, piece.iter().copied());
                }
            }
            5 => out.insert(at, rng.below(256) as u8),
            _ => out.truncate(at),
        }
    }
}

fn files_under(dir: &Path, out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, out);
        } else if let Ok(b) = std::fs::read(&p) {
            if b.len() < 200_000 {
                out.push(b);
            }
        }
    }
}

#[test]
fn every_target_survives_mutated_inputs() {
    let root = common::repo();
    let mut seeds = Vec::new();
    files_under(&root.join("content"), &mut seeds);
    files_under(&root.join("tests/fixtures"), &mut seeds);
    files_under(&root.join("tests/hard_cases/content"), &mut seeds);
    seeds.push(std::fs::read(root.join("config.toml")).unwrap());
    seeds.extend(TOKENS.iter().map(|t| t.as_bytes().to_vec()));
    let budget = std::env::var("DOSSIER_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30.0);
    let per_target = Duration::from_secs_f64(budget / dossier::fuzz::TARGETS.len() as f64);
    let mut total = 0;
    for (n, target) in dossier::fuzz::TARGETS.iter().enumerate() {
        // Inputs a fuzzer once crashed on come first.
        let mut crashes = Vec::new();
        files_under(
            &root.join("tests/fuzz/regressions").join(target),
            &mut crashes,
        );
        for c in &crashes {
            dossier::fuzz::run(target, c);
        }
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (n as u64 + 1));
        let mut input = Vec::new();
        let start = Instant::now();
        let mut runs = 0;
        while start.elapsed() < per_target {
            mutate(&mut rng, &seeds, &mut input);
            // The first byte picks how `source` reads the text.
            if *target == "source" {
                input.insert(0, rng.below(256) as u8);
            }
            dossier::fuzz::run(target, &input);
            runs += 1;
        }
        assert!(runs > 10, "{target}: only {runs} runs in {per_target:?}");
        eprintln!("fuzz {target}: {runs} runs, {} regressions", crashes.len());
        total += runs;
    }
    eprintln!("fuzz: {total} runs in all");
}
