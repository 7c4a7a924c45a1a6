//! Print the positioned lines of a PDF, as the layout step sees them.
//! Usage: cargo run -p dagsorden-pdf --example lines -- FILE.pdf
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: lines FILE.pdf");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    match dagsorden_pdf::extract(&bytes, &dagsorden_pdf::Limits::default()) {
        Ok(extracted) => {
            for l in extracted.lines {
                println!(
                    "p{} y={:7.2} x={:6.1} size={:5.2} {}{} | {}",
                    l.page,
                    l.y,
                    l.x,
                    l.size,
                    if l.bold { "B" } else { " " },
                    if l.gap_before { "¶" } else { " " },
                    l.text
                );
            }
        }
        Err(e) => eprintln!("{path}: {e}"),
    }
}
