//! The check the language server runs as the clerk types: the data root's
//! reports kept loaded (`Kept`), and one open text checked against them
//! (`check_text`) with the same steps as `check FILE`.

use super::*;

/// The reports under a data root, loaded once and kept between checks of
/// one edited text (the language server): everything `check FILE` reads
/// besides FILE. Each report's catalog positions are looked up already.
pub struct Kept {
    root_shown: String,
    root_exists: bool,
    /// By display path, in path order.
    loaded: Vec<(String, Loaded)>,
}

impl Kept {
    /// Loads every report under the data root (none if it does not exist).
    pub fn load(plans: &Plans, opts: &CheckOptions) -> Kept {
        let mut opts = opts.clone();
        opts.inputs.clear();
        opts.stdin = None;
        let root = crate::syntax::paths::normalize(&opts.data_root);
        let mut kept = Kept {
            root_shown: crate::syntax::paths::display(&root),
            root_exists: root.is_dir(),
            loaded: Vec::new(),
        };
        if let Ok(g) = gather(&opts) {
            kept.loaded = g.loaded;
            kept.loaded.par_iter_mut().for_each(|(_, l)| {
                l.catalog = positions(plans, l.report.as_ref());
            });
        }
        kept
    }

    /// Whether a file lies under the data root (its history).
    pub fn holds(&self, path: &Path) -> bool {
        self.root_exists && under(&self.root_shown, &crate::syntax::paths::display(path))
    }

    /// Reads one report under the data root again (saved, created or
    /// deleted since it was loaded); a path outside the root is ignored.
    pub fn reload(&mut self, plans: &Plans, opts: &CheckOptions, path: &Path) {
        if !self.holds(path) {
            return;
        }
        let shown = crate::syntax::paths::display(path);
        let at = self
            .loaded
            .binary_search_by(|(s, _)| s.as_str().cmp(&shown));
        // Only a report's place is kept (trust.md version 3: one place per report).
        let is_report = crate::load::workspace::place(&self.root_shown, &shown).is_some()
            && !excluded(&shown, &opts.exclude)
            && path.is_file();
        let fresh = is_report.then(|| {
            let mut l = isolate(&shown, || {
                load_file(path, shown.clone(), None, opts.max_file_size)
            })
            .unwrap_or_else(|e| Loaded {
                report: None,
                catalog: None,
                diagnostics: Vec::new(),
                internal_error: Some(Box::new(e)),
            });
            l.catalog = positions(plans, l.report.as_ref());
            l
        });
        match (at, fresh) {
            (Ok(i), Some(l)) => self.loaded[i].1 = l,
            (Err(i), Some(l)) => self.loaded.insert(i, (shown, l)),
            (Ok(i), None) => {
                self.loaded.remove(i);
            }
            (Err(_), None) => {}
        }
    }

    /// The kept reports of the record (they parsed and stand at their
    /// place), in path order.
    pub fn reports(&self) -> impl Iterator<Item = &Report> {
        (self.loaded.iter()).filter_map(|(shown, l)| {
            (l.report.as_ref()).filter(|r| in_record(&self.root_shown, shown, r))
        })
    }

    /// How many files are kept.
    pub fn len(&self) -> usize {
        self.loaded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.loaded.is_empty()
    }
}

/// What [`check_text`] found, and the text as a report (if it parses) for
/// the editor's other questions.
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub report: Option<Report>,
}

/// `check NAME` with `bytes` standing in for the file (as `check -
/// --stdin-filename NAME` does): the same findings, the history taken from
/// the kept reports rather than read again. A text inside the data root
/// replaces the stored file of its path; one outside replaces the stored
/// report of its plan, department and period. A panic while checking is an
/// internal error naming the file, as in a check.
pub fn check_text(
    plans: &Plans,
    opts: &CheckOptions,
    kept: &Kept,
    name: &Path,
    bytes: Vec<u8>,
) -> Result<Checked, Text> {
    let shown = crate::syntax::paths::display(name);
    let mut l = isolate(&shown, || {
        load_file(name, shown.clone(), Some(bytes), opts.max_file_size)
    })?;
    if let Some(e) = l.internal_error.take() {
        return Err(*e);
    }
    l.catalog = positions(plans, l.report.as_ref());
    let in_root = kept.root_exists && under(&kept.root_shown, &shown);
    let key = l.report.as_ref().and_then(report_key);
    let draft_key = key.filter(|_| !in_root);
    // The reports that count, in path order, the text at its path's place.
    let mut counted: Vec<(&str, &Report, Option<&CatalogPositions>)> = (kept.loaded.iter())
        .filter(|(s, _)| *s != shown)
        .filter_map(|(s, k)| Some((s.as_str(), k.report.as_ref()?, k.catalog.as_ref())))
        .filter(|(s, r, _)| in_record(&kept.root_shown, s, r))
        .filter(|(_, r, _)| draft_key.is_none() || report_key(r) != draft_key)
        .collect();
    // The text counts where a stored report would: at its place, or as a
    // draft from outside the data root.
    let counts = |r: &Report| !in_root || in_record(&kept.root_shown, &shown, r);
    if let Some(r) = l.report.as_ref().filter(|r| counts(r)) {
        let at = counted.partition_point(|(s, _, _)| *s < shown.as_str());
        counted.insert(at, (shown.as_str(), r, l.catalog.as_ref()));
    }
    let diagnostics = isolate(&shown, || {
        let history = History::build_at(
            &plans.0,
            counted.iter().filter_map(|&(_, r, c)| Some((r, c?))),
        );
        let mut diags = l.diagnostics.clone();
        // A text under the data root but not at a report's place is the
        // walk's PL108, as a check of the data root reports it.
        if in_root && crate::load::workspace::place(&kept.root_shown, &shown).is_none() {
            let root = Path::new(&kept.root_shown);
            diags.push(crate::load::workspace::outside_place(
                root,
                &kept.root_shown,
                name,
                &shown,
            ));
        }
        if let Some(r) = &l.report {
            let at = Where {
                catalog: l.catalog.as_ref(),
                in_data_root: in_root,
            };
            check_report_at(plans, r, at, &history, opts, &mut diags);
        }
        if let Some(k) = key {
            let same: Vec<&Report> = (counted.iter())
                .filter(|(_, r, _)| report_key(r) == Some(k))
                .map(|&(_, r, _)| r)
                .collect();
            if same.len() > 1 {
                diags.extend(
                    duplicate_findings(k.department, k.period, &same)
                        .into_iter()
                        .filter(|(p, _)| *p == shown)
                        .map(|(_, d)| d),
                );
            }
        }
        apply_severity_overrides(plans, l.report.as_ref(), opts, &mut diags);
        diagnostic::sort(&mut diags);
        diags
    })?;
    Ok(Checked {
        diagnostics,
        report: l.report,
    })
}
