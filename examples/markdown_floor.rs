//! Benchmark floor: pulldown-cmark alone, one thread, over every Markdown file under a directory
//! (the Hugo site of a generated corpus). Prints the files, bytes and time spent rendering.
//!
//!     cargo run --release --example markdown_floor -- bench/out/corpus-1000/hugo/content

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    let texts: Vec<String> = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = Instant::now();
    let mut html = String::new();
    let mut out = 0;
    for text in &texts {
        html.clear();
        let parser = pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::all());
        pulldown_cmark::html::push_html(&mut html, parser);
        out += html.len();
    }
    println!(
        "pulldown-cmark: {} files, {bytes} bytes in, {out} bytes out, {:.3} s",
        texts.len(),
        started.elapsed().as_secs_f64()
    );
}
