//! `plan-lint status --format html` rendered by a real browser: headless
//! Chromium (Debian's `chromium`) takes screenshots at phone and desktop
//! sizes and dumps the DOM it parsed.
//!
//! Without Chromium the test is skipped with a message, except under
//! `CI=true`, where it must run (`.ci/run` installs `chromium` and
//! `fonts-noto-cjk`). The screenshots are kept in Cargo's test temp
//! directory (printed) so that a person can look at them.

mod common;

use common::{missing_program, program, run_program};
use plan_lint::cli::{run, Env};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const EXAMPLE: &str = "fixtures/example/progress";
/// One chart per indicator of the built-in catalog.
fn indicators() -> usize {
    plan_lint::plan::Plan::builtin().unwrap().indicators.len()
}
const BINDING: usize = 6;

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

#[test]
fn the_dashboard_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        return missing_program(
            "the_dashboard_renders_in_headless_chromium",
            "chromium",
            "chromium fonts-noto-cjk (or set CHROMIUM)",
        );
    };
    let out = run(
        [
            "plan-lint",
            "status",
            "--data-root",
            EXAMPLE,
            "--period",
            "2023",
            "--format",
            "html",
        ],
        Env::default(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);

    let keep = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("status-chromium");
    std::fs::create_dir_all(&keep).unwrap();
    let page = keep.join("status.html");
    std::fs::write(&page, &out.stdout).unwrap();
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

    // The DOM as Chromium parsed it: a chart per indicator, binding ones first.
    let dom = headless(
        &chromium,
        profile.path(),
        &page,
        &["--dump-dom".into(), "--window-size=390,1600".into()],
    );
    assert!(dom.contains("<meta name=\"viewport\""), "no viewport meta");
    let charts = dom.matches("<svg class=\"chart\"").count();
    assert_eq!(charts, indicators(), "one chart per indicator");
    assert_eq!(dom.matches("<svg").count(), indicators(), "no other SVG");
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
    assert_eq!(cards.len(), indicators());
    assert!(
        cards[..BINDING].iter().all(|(_, a)| *a == "binding"),
        "{cards:?}"
    );
    assert!(
        cards[BINDING..].iter().all(|(_, a)| *a == "expected"),
        "{cards:?}"
    );
    assert_eq!(cards[0].0, "I14");
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
    println!("page: {}", page.display());
}
