//! `plan-lint status --format html` rendered by a real browser: headless
//! Chromium (Debian's `chromium`) takes screenshots at phone and desktop
//! sizes, dumps the DOM it parsed (with the filter set, what it shows), and
//! prints the page to PDF, which poppler (`pdfinfo`, `pdftotext`,
//! `pdftoppm`) reads back: A4, a section per page, notes written out,
//! nothing to click.
//!
//! Without Chromium or poppler the test is skipped with a message, except
//! under `CI=true`, where it must run (`.ci/run` installs `chromium`,
//! `fonts-noto-cjk` and `poppler-utils`). The screenshots and the printed
//! pages are kept in Cargo's test temp directory (printed) so that a
//! person can look at them.

use crate::common::{missing_program, program, run_program};
use plan_lint::cli::{run, Env};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The five-year repository: the final evaluation of 2021–2025.
const ROOT: [&str; 4] = [
    "--data-root",
    "fixtures/evaluation/progress",
    "--decisions",
    "fixtures/evaluation/decisions",
];
const BINDING: usize = 6;

/// `plan-lint status` of the final evaluation, in Chinese, in a format.
fn status(format: &str) -> String {
    let mut args = vec!["plan-lint", "status"];
    args.extend_from_slice(&ROOT);
    args.extend_from_slice(&["--period", "2025", "--lang", "zh", "--format", format]);
    let out = run(args, Env::default());
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

/// The Chromium binary: $CHROMIUM, or the first of the usual names on PATH.
fn chromium() -> Option<PathBuf> {
    program(
        "CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    )
}

/// Runs Chromium headless on a file with the given extra arguments; its standard output.
fn headless(chromium: &Path, profile: &Path, page: &Path, args: &[String]) -> String {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(args)
    .arg(format!("file://{}", page.display()));
    run_program(&mut cmd, "chromium", Duration::from_secs(180)).0
}

struct Shot {
    width: u32,
    height: u32,
    rgb: Vec<[u8; 3]>,
}

impl Shot {
    fn load(path: &Path) -> Shot {
        let decoder = png::Decoder::new(std::io::BufReader::new(
            std::fs::File::open(path).expect("the screenshot exists"),
        ));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        let bytes = &buf[..info.buffer_size()];
        let step = match info.color_type {
            png::ColorType::Rgba => 4,
            png::ColorType::Rgb => 3,
            other => panic!("unexpected PNG colour type {other:?}"),
        };
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        let rgb = bytes
            .chunks_exact(step)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        Shot {
            width: info.width,
            height: info.height,
            rgb,
        }
    }
    fn at(&self, x: u32, y: u32) -> [u8; 3] {
        self.rgb[(y * self.width + x) as usize]
    }
    /// Pixels of a region darker than light grey (text, lines, marks).
    fn dark(&self, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
        let mut n = 0;
        for y in y0..y1.min(self.height) {
            for x in x0..x1.min(self.width) {
                let [r, g, b] = self.at(x, y);
                if (r as u32 + g as u32 + b as u32) < 3 * 160 {
                    n += 1;
                }
            }
        }
        n
    }
}

/// Checks a screenshot of the dashboard: its size, that it is not blank,
/// that text is drawn, and that nothing runs off the right edge.
fn check_screenshot(path: &Path, width: u32, height: u32) {
    let shot = Shot::load(path);
    assert_eq!(
        (shot.width, shot.height),
        (width, height),
        "{}",
        path.display()
    );
    let total = shot.rgb.len();
    let background = shot.at(0, 0);
    let off_background = shot.rgb.iter().filter(|p| **p != background).count();
    assert!(
        off_background * 100 > total * 15,
        "{}: only {off_background} of {total} pixels differ from the background: blank?",
        path.display()
    );
    let mut colours = std::collections::HashSet::new();
    for p in &shot.rgb {
        colours.insert(*p);
    }
    // Anti-aliased text and charts give many shades; a blank or a box-only page a handful.
    assert!(
        colours.len() > 200,
        "{}: {} distinct colours",
        path.display(),
        colours.len()
    );
    // The title is text: dark pixels in the header band.
    let title = shot.dark(0, 0, width, 70);
    assert!(
        title > 400,
        "{}: {title} dark pixels in the title band",
        path.display()
    );
    // Dark pixels all the way down: cards with text and charts, not an empty page.
    for band in 0..4 {
        let y0 = height / 4 * band;
        let n = shot.dark(0, y0, width, y0 + height / 4);
        assert!(
            n > 1000,
            "{}: band {band} has {n} dark pixels",
            path.display()
        );
    }
    // Nothing runs off the right edge: the last columns are page background.
    let edge = (0..height)
        .flat_map(|y| (width - 6..width).map(move |x| (x, y)))
        .filter(|&(x, y)| shot.at(x, y) != background)
        .count();
    assert!(
        edge * 100 < (6 * height as usize) * 2,
        "{}: {edge} pixels of the right edge are not background: the page is wider than the screen",
        path.display()
    );
}

/// What the page shows with the filter set: the page with a category's
/// radio button checked or a department selected, and a script — added to
/// this copy only; the page itself has none — that writes the ids of the
/// visible cards and listed indicators into the DOM Chromium dumps.
fn visible_with(
    chromium: &Path,
    profile: &Path,
    keep: &Path,
    html: &str,
    name: &str,
    set: &[(&str, &str)],
) -> Vec<String> {
    let mut page = html.to_string();
    for (from, to) in set {
        assert!(page.contains(from), "{from}");
        page = page.replacen(from, to, 1);
    }
    let probe = "<script>document.body.setAttribute('data-visible',[...document.querySelectorAll('[data-id][data-category]')].filter(e=>e.offsetParent!==null).map(e=>e.dataset.id).join(' '))</script>";
    page = page.replacen("</body>", &format!("{probe}</body>"), 1);
    let path = keep.join(format!("filter-{name}.html"));
    std::fs::write(&path, page).unwrap();
    let dom = headless(
        chromium,
        profile,
        &path,
        &["--dump-dom".into(), "--window-size=1280,2000".into()],
    );
    let at = dom.find("data-visible=\"").expect("the probe ran") + "data-visible=\"".len();
    let ids = &dom[at..at + dom[at..].find('"').unwrap()];
    ids.split_whitespace().map(str::to_string).collect()
}

/// A poppler tool's output.
fn poppler(tool: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args);
    run_program(
        &mut cmd,
        &tool.display().to_string(),
        Duration::from_secs(60),
    )
    .0
}

#[test]
fn the_dashboard_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        return missing_program(
            "the_dashboard_renders_in_headless_chromium",
            "chromium",
            "chromium fonts-noto-cjk (or set CHROMIUM)",
        );
    };
    let html = status("html");
    let doc: serde_json::Value = serde_json::from_str(&status("json")).unwrap();
    let inds = doc["indicators"].as_array().unwrap();
    let has_data = |i: &&serde_json::Value| {
        (i["values"].as_array().unwrap().iter()).any(|y| !y["value"].is_null())
    };
    // A card with a chart for each indicator with a figure, in the status's order.
    let with_data: Vec<&str> = (inds.iter().filter(has_data))
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let without: Vec<&str> = (inds.iter().filter(|i| !has_data(i)))
        .map(|i| i["id"].as_str().unwrap())
        .collect();

    let keep = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("status-chromium");
    std::fs::create_dir_all(&keep).unwrap();
    let page = keep.join("status.html");
    std::fs::write(&page, &html).unwrap();
    let profile = tempfile::tempdir().unwrap();

    // Chinese must render as Chinese, not as empty boxes: the CJK font is there.
    let probe = keep.join("cjk-probe.html");
    std::fs::write(
        &probe,
        "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><body style=\"margin:0;background:#fff\">\
         <div style=\"position:absolute;top:0;left:0;font:40px sans-serif;line-height:60px\">南明区规划</div>\
         <div style=\"position:absolute;top:100px;left:0;font:40px sans-serif;line-height:60px\">\u{E000}\u{E001}\u{E002}\u{E003}\u{E004}</div></body></html>",
    )
    .unwrap();
    let probe_png = keep.join("cjk-probe.png");
    headless(
        &chromium,
        profile.path(),
        &probe,
        &[
            format!("--screenshot={}", probe_png.display()),
            "--window-size=400,200".into(),
        ],
    );
    let p = Shot::load(&probe_png);
    let region = |y0: u32| -> Vec<[u8; 3]> {
        (y0..y0 + 60)
            .flat_map(|y| (0..220).map(move |x| (x, y)))
            .map(|(x, y)| p.at(x, y))
            .collect()
    };
    let (cjk, tofu) = (region(0), region(100));
    assert!(
        p.dark(0, 0, 220, 60) > 300,
        "the Chinese probe text is not drawn"
    );
    assert_ne!(
        cjk, tofu,
        "Chinese renders like code points without a glyph: no CJK font (apt-get install fonts-noto-cjk)"
    );

    // A phone (390 px wide) and a desktop.
    for (name, width, height) in [("phone", 390u32, 1600u32), ("desktop", 1280, 2000)] {
        let png_path = keep.join(format!("status-{name}.png"));
        let _ = std::fs::remove_file(&png_path);
        headless(
            &chromium,
            profile.path(),
            &page,
            &[
                format!("--screenshot={}", png_path.display()),
                format!("--window-size={width},{height}"),
            ],
        );
        check_screenshot(&png_path, width, height);
        println!("screenshot: {}", png_path.display());
    }

    // The DOM as Chromium parsed it: a chart per indicator with a figure,
    // binding ones first; the others in one list.
    let dom = headless(
        &chromium,
        profile.path(),
        &page,
        &["--dump-dom".into(), "--window-size=390,1600".into()],
    );
    assert!(dom.contains("<meta name=\"viewport\""), "no viewport meta");
    let charts = dom.matches("<svg class=\"chart\"").count();
    assert_eq!(
        charts,
        with_data.len(),
        "one chart per indicator with a figure"
    );
    assert_eq!(dom.matches("<svg").count(), charts, "no other SVG");
    let cards: Vec<(&str, &str)> = dom
        .match_indices("<article ")
        .map(|(i, _)| {
            let tag = &dom[i..i + dom[i..].find('>').unwrap()];
            let attr = |name: &str| {
                let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                &tag[at..at + tag[at..].find('"').unwrap()]
            };
            (attr("data-id"), attr("data-attribute"))
        })
        .collect();
    assert_eq!(
        cards.iter().map(|c| c.0).collect::<Vec<_>>(),
        with_data,
        "the cards, in the status's order"
    );
    assert!(
        cards[..BINDING].iter().all(|(_, a)| *a == "binding"),
        "{cards:?}"
    );
    assert!(
        cards[BINDING..].iter().all(|(_, a)| *a == "expected"),
        "{cards:?}"
    );
    for id in &without {
        assert!(dom.contains(&format!("<li id=\"{id}\"")), "{id} is listed");
    }
    // Each card holds its own chart: the SVG's data-id follows the card's.
    for (id, _) in &cards {
        let card = &dom[dom
            .find(&format!("data-id=\"{id}\" data-attribute"))
            .unwrap()..];
        let svg = &card[card.find("<svg").unwrap()..];
        assert!(
            svg[..svg.find('>').unwrap()].contains(&format!("data-id=\"{id}\"")),
            "{id}"
        );
    }

    // The filter, by CSS alone: everything at first; one category; one department.
    let category = |id: &str| {
        let i = inds.iter().find(|i| i["id"] == id).unwrap();
        i["evaluation"]["category"].as_str().unwrap().to_string()
    };
    let department = |id: &str| {
        let i = inds.iter().find(|i| i["id"] == id).unwrap();
        i["department"].as_str().unwrap().to_string()
    };
    let all = visible_with(&chromium, profile.path(), &keep, &html, "all", &[]);
    assert_eq!(all.len(), inds.len(), "every indicator, card or listed");
    let missed = visible_with(
        &chromium,
        profile.path(),
        &keep,
        &html,
        "missed",
        &[
            ("id=\"fc-all\" checked>", "id=\"fc-all\">"),
            ("id=\"fc-missed\">", "id=\"fc-missed\" checked>"),
        ],
    );
    assert_eq!(
        missed,
        ["I18", "I01", "T012", "T078"],
        "only the missed ones"
    );
    assert!(missed.iter().all(|id| category(id) == "missed"));
    let eco = visible_with(
        &chromium,
        profile.path(),
        &keep,
        &html,
        "eco-env",
        &[
            ("<option value=\"\" selected>", "<option value=\"\">"),
            (
                "<option value=\"eco-env\">",
                "<option value=\"eco-env\" selected>",
            ),
        ],
    );
    assert_eq!(eco.len(), 13);
    assert!(eco.iter().all(|id| department(id) == "eco-env"), "{eco:?}");

    // Print: A4, a section per page, the notes written out, no filter.
    let pdf = keep.join("status.pdf");
    let _ = std::fs::remove_file(&pdf);
    headless(
        &chromium,
        profile.path(),
        &page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
            "--print-to-pdf-no-header".into(),
        ],
    );
    let (Some(pdfinfo), Some(pdftotext), Some(pdftoppm)) = (
        program("PDFINFO", &["pdfinfo"]),
        program("PDFTOTEXT", &["pdftotext"]),
        program("PDFTOPPM", &["pdftoppm"]),
    ) else {
        return missing_program(
            "the_dashboard_renders_in_headless_chromium (its printed PDF)",
            "poppler (pdfinfo, pdftotext, pdftoppm)",
            "poppler-utils",
        );
    };
    let pdf_s = pdf.to_str().unwrap();
    let info = poppler(&pdfinfo, &[pdf_s]);
    let field = |name: &str| {
        let line = info.lines().find(|l| l.starts_with(name)).unwrap();
        line[name.len()..].trim().to_string()
    };
    let pages: usize = field("Pages:").parse().unwrap();
    let size = field("Page size:");
    assert!(size.ends_with("(A4)"), "not A4: {size}");
    assert!(pages >= 6, "{pages} pages");
    let text = |page: usize| {
        let n = page.to_string();
        poppler(&pdftotext, &["-layout", "-f", &n, "-l", &n, pdf_s, "-"])
    };
    let all_text: Vec<String> = (1..=pages).map(text).collect();
    let joined = all_text.join("\n");
    // The notes are written out; the filter is not printed.
    assert!(joined.contains("受沙尘天气影响2天"), "no note in print");
    assert!(!joined.contains("全部部门"), "the filter is printed");
    // Each section after the first starts a page: its heading is the page's first line.
    let mut starts = Vec::new();
    for heading in [
        "预期性指标",
        "各部门情况",
        "重点项目",
        "未报送的报告",
        "生效的规划主管部门决定",
    ] {
        let page = (all_text.iter())
            .position(|t| {
                t.lines()
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| l.trim_start().starts_with(heading))
            })
            .unwrap_or_else(|| panic!("no page starts with {heading}"));
        starts.push(page);
    }
    let mut sorted = starts.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, starts, "sections in order, each on its own page");
    // Every page rendered, to be looked at.
    let prefix = keep.join("print");
    for old in std::fs::read_dir(&keep).unwrap().flatten() {
        if old.file_name().to_string_lossy().starts_with("print-") {
            let _ = std::fs::remove_file(old.path());
        }
    }
    poppler(
        &pdftoppm,
        &["-png", "-r", "60", pdf_s, prefix.to_str().unwrap()],
    );
    let rendered: Vec<PathBuf> = (std::fs::read_dir(&keep).unwrap().flatten())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("print-")
        })
        .collect();
    assert_eq!(rendered.len(), pages);
    for png in &rendered {
        let shot = Shot::load(png);
        // A4 at 60 dpi: 496 × 702.
        assert_eq!((shot.width, shot.height), (496, 702), "{}", png.display());
        let white = shot.rgb.iter().filter(|p| **p == [255, 255, 255]).count();
        assert!(white < shot.rgb.len(), "{} is blank", png.display());
    }
    println!("printed: {} ({pages} pages, {size})", pdf.display());
    println!("page: {}", page.display());
}
