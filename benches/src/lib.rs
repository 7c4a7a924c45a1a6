//! Shared by the timing tool; the benches themselves live in `benches/`.
#![forbid(unsafe_code)]
