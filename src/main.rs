//! plan-lint's binary: a thin shell over the library's command line.

use std::io::Write;

/// mimalloc: a check allocates and frees many small nodes on every thread,
/// where it takes about half the time the system allocator does. Without the
/// `mimalloc` feature (`--no-default-features`) the system allocator serves,
/// so that heaptrack, which hooks malloc, sees every allocation.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc v3 keeps the pages a check frees for a second before it gives
/// them back (`purge_delay`, 1000 ms), longer than a check of 10,000 reports
/// takes: the pages freed while the reports load (each report's tree, the
/// plan files' trees) stayed resident beside the pages the reports fill.
/// Purging after 1 ms: 111 -> 96 MB peak at 10,000 reports, 808 -> 789 MB at
/// 100,000, the same user and system time (a delay of 0 added a third to
/// the system time at 100,000). docs/performance.md, issue 32's memory.
#[cfg(feature = "mimalloc")]
fn tune_allocator(how_much: plan_lint::Holding) {
    /// `mi_option_purge_delay` in mimalloc's `mi_option_e` (v2 and v3 alike;
    /// libmimalloc-sys names no constant for it).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    let delay_ms = match how_much {
        plan_lint::Holding::Much => 1,
        // mimalloc's own default: a clerk's check of one report at 100,000
        // names in the data root took 10 ms longer purging what its walk freed.
        plan_lint::Holding::Little => 1000,
    };
    // SAFETY: sets one integer option of the allocator, which any thread
    // may do at any time (mimalloc reads it when it next purges).
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, delay_ms) };
}

fn main() {
    #[cfg(feature = "mimalloc")]
    {
        plan_lint::tune_allocator_with(tune_allocator);
        tune_allocator(plan_lint::Holding::Much);
    }
    let out = plan_lint::cli::run(std::env::args_os(), plan_lint::cli::Env::from_process());
    // A closed pipe (plan-lint check | head) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(out.code);
}
