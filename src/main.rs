//! The `dossier` command line.

use anyhow::Result;
use clap::{Parser, Subcommand};
use dossier::config::Overrides;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Turn source texts and a topic map into a cross-linked research website"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced atomically).
    Build {
        /// Site folder (holds config.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: output_dir from config.toml).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Base URL for the sitemap and feed (default: base_url from config.toml).
        #[arg(long)]
        base_url: Option<String>,
        /// Print the time spent in each pipeline stage.
        #[arg(long)]
        timings: bool,
        /// Print only errors and warnings.
        #[arg(long, short)]
        quiet: bool,
        /// Replace the output folder even if dossier did not write it (its
        /// files are lost). Site folders and the home are never replaced.
        #[arg(long)]
        force: bool,
        /// Publish documents marked as drafts too.
        #[arg(long)]
        drafts: bool,
    },
    /// Build in memory and verify that every internal link and anchor resolves.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a new site in DIR that builds at once.
    Init { dir: PathBuf },
    /// Preview the site over HTTP, rebuilding and reloading pages on every edit.
    #[cfg(feature = "serve")]
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on; the next free one is used when it is taken.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Look for changes by polling every half second instead of
        /// filesystem events (network drives, containers, WSL).
        #[arg(long)]
        poll: bool,
        /// Print the time of each pipeline stage after every rebuild.
        #[arg(long)]
        timings: bool,
        /// Show documents marked as drafts too.
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            // A located diagnostic already says `path:line:col: error:`.
            match e.downcast_ref::<dossier::diagnostics::Diagnostic>() {
                Some(d) => eprintln!("{d}"),
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            timings,
            quiet,
            force,
            drafts,
        } => {
            let start = Instant::now();
            let built = dossier::build(
                &root,
                &Overrides {
                    output_dir: output,
                    base_url,
                    drafts,
                },
                force,
            )?;
            for d in &built.diagnostics {
                eprintln!("{d}");
            }
            if timings {
                for lap in &built.timings {
                    eprintln!("{}", dossier::timings::line(lap));
                }
                if !built.topic_report.is_empty() {
                    eprintln!(
                        "{:<24} {:>9} {:>10} {:>9} {:>11}",
                        "topic", "mentions", "ambiguous", "excluded", "references"
                    );
                }
                for (id, kept, r) in &built.topic_report {
                    eprintln!(
                        "{id:<24} {kept:>9} {:>10} {:>9} {:>11}",
                        r.ambiguous, r.excluded, r.in_references
                    );
                }
            }
            if !quiet {
                println!(
                    "built {} documents, {} pages into {} in {} ms",
                    built.documents,
                    built.pages(),
                    built.config.output_dir.display(),
                    start.elapsed().as_millis()
                );
            }
            Ok(if built.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Check { root } => {
            let built = dossier::build_in_memory(&root, &Overrides::default())?;
            for d in &built.diagnostics {
                eprintln!("{d}");
            }
            let mut broken = dossier::check::check_links(&built.files);
            broken.extend(dossier::check::check_offline(
                &built.files,
                &built.config.base_url,
            ));
            dossier::check::locate(&mut broken, &built.sources);
            for b in &broken {
                println!("problem: {b}");
            }
            let links_ok = broken.is_empty();
            println!(
                "checked {} pages: {}",
                built.pages(),
                if links_ok {
                    "every internal link and anchor resolves; nothing loads from another host"
                        .to_string()
                } else {
                    format!("{} problems", broken.len())
                }
            );
            Ok(if links_ok && !built.has_errors() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        #[cfg(feature = "serve")]
        Command::Serve {
            root,
            port,
            bind,
            open,
            poll,
            timings,
            drafts,
        } => {
            dossier::serve::serve(dossier::serve::Options {
                root,
                bind,
                port,
                open,
                poll,
                timings,
                drafts,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir } => {
            dossier::init::init(&dir)?;
            println!(
                "created a new site in {}; build it with: dossier build --root {}",
                dir.display(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Building allocates and frees many small strings and views; mimalloc
/// handles that churn better than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
