//! The check the language server runs as the clerk types: the data root's
//! record kept loaded department by department as reports are opened
//! (`Kept`), and one open text checked against it (`check_text`) with the
//! same steps as `check FILE`.

use super::*;
use crate::load::workspace::{gather_as, judged_against, place, place_stem, Focus};

/// The record under a data root as the language server keeps it between
/// checks of edited texts: the walk of the data root, made once, and the
/// record of each department read the first time a text needs it — what
/// `check FILE` reads besides FILE (its department's reports by place,
/// widened to the departments a responsibility moves an indicator between
/// and to `same_as` counterparts'), read through the same loader and kept
/// after that. Each report's catalog positions are looked up already.
pub struct Kept {
    /// The walk's places; the departments' reports read so far in
    /// `loaded`, by display path in path order, the others in `rest`.
    record: Gathered,
    /// The departments whose record has been read.
    read: BTreeSet<String>,
}

impl Kept {
    /// Walks the data root (nothing if it does not exist); no report is
    /// read until a text needs its department's record.
    pub fn load(opts: &CheckOptions) -> Kept {
        let mut opts = opts.clone();
        opts.inputs.clear();
        opts.stdin = None;
        let root = crate::syntax::paths::normalize(&opts.data_root);
        let record = gather_as(&opts, Focus::Departments(BTreeSet::new()))
            .unwrap_or_else(|_| Gathered::nothing(crate::syntax::paths::display(&root)));
        Kept {
            record,
            read: BTreeSet::new(),
        }
    }

    /// Whether a file lies under the data root (its history).
    pub fn holds(&self, path: &Path) -> bool {
        self.record.root_exists
            && under(
                &self.record.root_shown,
                &crate::syntax::paths::display(path),
            )
    }

    /// Reads the record of these departments, those not read yet.
    fn read(&mut self, plans: &Plans, opts: &CheckOptions, departments: BTreeSet<String>) {
        let new: BTreeSet<String> = (departments.into_iter())
            .filter(|d| !self.read.contains(d))
            .collect();
        if new.is_empty() {
            return;
        }
        self.record.read_departments(plans, opts, &new);
        self.read.extend(new);
    }

    /// Reads, if not read yet, the record reports of the `named`
    /// departments are judged against (theirs, and the departments the
    /// plans' responsibilities and `same_as` add).
    pub fn read_record_of(&mut self, plans: &Plans, opts: &CheckOptions, named: &BTreeSet<&str>) {
        self.read(plans, opts, judged_against(plans, named));
    }

    /// Reads, if not read yet, what `check NAME` reads for a text standing
    /// in for NAME, and returns its departments: NAME's department by
    /// place, then the departments its reports (the text standing in for
    /// NAME's) name, widened as [`Gathered::widen`] widens them.
    fn read_for(
        &mut self,
        plans: &Plans,
        opts: &CheckOptions,
        name: &Path,
        shown: &str,
        text: Option<&Report>,
    ) -> BTreeSet<String> {
        let own: BTreeSet<String> = place_stem(name).map(str::to_string).into_iter().collect();
        self.read(plans, opts, own.clone());
        let mut named: BTreeSet<&str> = (self.record.loaded.iter())
            .filter(|(s, _)| s != shown)
            .filter(|(s, _)| place_stem(Path::new(s)).is_some_and(|d| own.contains(d)))
            .filter_map(|(_, l)| l.report.as_ref()?.department())
            .collect();
        named.extend(text.and_then(Report::department));
        let mut departments = judged_against(plans, &named);
        departments.extend(own);
        self.read(plans, opts, departments.clone());
        departments
    }

    /// Reads one report under the data root again (saved, created or
    /// deleted since it was loaded); a path outside the root is ignored. A
    /// department not read yet keeps only the place, for when it is read.
    pub fn reload(&mut self, plans: &Plans, opts: &CheckOptions, path: &Path) {
        if !self.holds(path) {
            return;
        }
        let shown = crate::syntax::paths::display(path);
        let at_place = place(&self.record.root_shown, &shown);
        // Only a report's place is kept (trust.md version 3: one place per report).
        let is_report = at_place.is_some() && !excluded(&shown, &opts.exclude) && path.is_file();
        if at_place.is_some_and(|(_, d)| !self.read.contains(d)) {
            let record = &mut self.record;
            let places = &record.history_paths;
            match (
                record.rest.iter().position(|&i| places[i].shown == shown),
                is_report,
            ) {
                (None, true) => {
                    record.history_paths.push(ReportPath {
                        path: path.to_path_buf(),
                        link: (path.symlink_metadata()).is_ok_and(|m| m.file_type().is_symlink()),
                        shown,
                    });
                    record.rest.push(record.history_paths.len() - 1);
                }
                (Some(i), false) => {
                    record.rest.remove(i);
                }
                _ => {}
            }
            return;
        }
        let fresh = is_report.then(|| self.record.read_again(plans, opts, &shown, path));
        let loaded = &mut self.record.loaded;
        match (
            loaded.binary_search_by(|(s, _)| s.as_str().cmp(&shown)),
            fresh,
        ) {
            (Ok(i), Some(l)) => loaded[i].1 = l,
            (Err(i), Some(l)) => loaded.insert(i, (shown, l)),
            (Ok(i), None) => {
                loaded.remove(i);
            }
            (Err(_), None) => {}
        }
    }

    /// The kept reports of the record (they parsed and stand at their
    /// place), in path order: the departments read so far.
    pub fn reports(&self) -> impl Iterator<Item = &Report> {
        (self.record.loaded.iter()).filter_map(|(shown, l)| {
            (l.report.as_ref()).filter(|r| in_record(&self.record.root_shown, shown, r))
        })
    }

    /// How many files are kept.
    pub fn len(&self) -> usize {
        self.record.loaded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record.loaded.is_empty()
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
    kept: &mut Kept,
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
    // The record `check NAME` reads, read the first time it is needed.
    let departments = kept.read_for(plans, opts, name, &shown, l.report.as_ref());
    let kept = &kept.record;
    let in_root = kept.root_exists && under(&kept.root_shown, &shown);
    let key = l.report.as_ref().and_then(report_key);
    let draft_key = key.filter(|_| !in_root);
    // The reports that count, in path order, the text at its path's place.
    let mut counted: Vec<(&str, &Report, Option<&CatalogPositions>)> = (kept.loaded.iter())
        .filter(|(s, _)| *s != shown)
        .filter_map(|(s, k)| Some((s.as_str(), k.report.as_ref()?, k.catalog.as_ref())))
        .filter(|(s, r, _)| in_record(&kept.root_shown, s, r))
        // Only that record, whatever else is kept for other texts.
        .filter(|(s, _, _)| {
            place(&kept.root_shown, s).is_some_and(|(_, d)| departments.contains(d))
        })
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
                rules: |_| true,
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
