//! Prints what the normalise stage makes of a file: `cargo run --example
//! normalize -- FILE`. Useful when writing a sidecar or a new rule.

fn main() {
    let path = std::env::args().nth(1).expect("usage: normalize FILE");
    let found = dossier::sources::discover(std::path::Path::new(&path).parent().unwrap()).unwrap();
    for s in found
        .sources
        .iter()
        .filter(|s| s.path.ends_with(&path) || path.ends_with(&s.rel))
    {
        let n = dossier::normalize::normalize(s);
        println!("{:#?}\n--- markdown\n{}", n.inferred, n.markdown);
        println!("--- dropped\n{:#?}", n.dropped);
    }
}
