//! plan-lint's binary: a thin shell over the library's command line.

use std::io::Write;

/// mimalloc: a check allocates and frees many small nodes on every thread,
/// where it takes about half the time the system allocator does. Without the
/// `mimalloc` feature (`--no-default-features`) the system allocator serves,
/// so that heaptrack, which hooks malloc, sees every allocation.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let out = plan_lint::cli::run(std::env::args_os(), plan_lint::cli::Env::from_process());
    // A closed pipe (plan-lint check | head) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(out.code);
}
