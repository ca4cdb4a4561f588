//! The layout of a map in three columns: items on the left (topics), boxes
//! in the middle (documents), items on the right (cited works, related
//! documents), edges only between a side and the middle. Every label has a
//! row of its own, so none overlaps another, at the size of body text; the
//! order within each column is chosen to cross few edges (barycentre
//! sweeps, as layered graph drawing does), deterministically.

use super::super::highlight::escape;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// One node: its label, the full name in its tooltip, where it links
/// (none for the page's own document), and its kind (`topic`, `doc`,
/// `work`; a CSS class).
#[derive(Debug, Clone)]
pub struct Item {
    pub label: String,
    pub title: String,
    pub url: Option<String>,
    pub class: &'static str,
}

/// The measures of a map, in pixels at its natural size.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub width: f64,
    /// Where the left column's dots sit (labels end just before them).
    pub left_dot: f64,
    /// The middle column's boxes.
    pub box_from: f64,
    pub box_to: f64,
    /// Where the right column's dots sit (labels start just after them).
    pub right_dot: f64,
    /// Row pitch of the middle column and of the sides.
    pub row: f64,
    pub side_row: f64,
}

/// Average width of a narrow character at the map's 14 px sans face; a
/// wide one (CJK) counts two.
const CHAR_PX: f64 = 7.6;
const TOP: f64 = 16.0;

/// The edges: (left item, middle item) and (middle item, right item).
pub struct Graph {
    pub left: Vec<Item>,
    pub middle: Vec<Item>,
    pub right: Vec<Item>,
    pub left_edges: Vec<(usize, usize)>,
    pub right_edges: Vec<(usize, usize)>,
}

/// The SVG of `graph`: `title` names it for assistive technology, `id`
/// makes its title's id unique on the page, `root` leads to the site root.
pub fn draw(graph: &Graph, geo: &Geometry, title: &str, id: &str, root: &str) -> String {
    let (ly, my, ry, height) = positions(graph, geo);
    let mut svg =
        String::with_capacity(256 * (graph.left.len() + graph.middle.len() + graph.right.len()));
    let _ = write!(
        svg,
        "<svg class=\"map\" viewBox=\"0 0 {w} {height:.0}\" width=\"{w}\" height=\"{height:.0}\" aria-labelledby=\"{id}\"><title id=\"{id}\">{}</title><g class=\"edges\">",
        escape(title),
        w = geo.width,
    );
    // The edges of one class are one path of many curves.
    let curve = |d: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64)| {
        let mid = n((x1 + x2) / 2.0);
        let (x1, y1, x2, y2) = (n(x1), n(y1), n(x2), n(y2));
        let _ = write!(d, "M{x1} {y1}C{mid} {y1} {mid} {y2} {x2} {y2}");
    };
    let (mut left, mut right, mut work) = (String::new(), String::new(), String::new());
    for &(l, m) in &graph.left_edges {
        curve(&mut left, (geo.left_dot, ly[l]), (geo.box_from, my[m]));
    }
    for &(m, r) in &graph.right_edges {
        let d = if graph.right[r].class == "work" {
            &mut work
        } else {
            &mut right
        };
        curve(d, (geo.box_to, my[m]), (geo.right_dot, ry[r]));
    }
    for (class, d) in [("e-left", left), ("e-right", right), ("e-work", work)] {
        if !d.is_empty() {
            let _ = write!(svg, "<path class=\"{class}\" d=\"{d}\"/>");
        }
    }
    svg.push_str("</g>");
    let left_chars = (geo.left_dot - 14.0) / CHAR_PX;
    for (i, item) in graph.left.iter().enumerate() {
        let shape = format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\"/>",
            n(geo.left_dot),
            n(ly[i])
        );
        let text = (
            geo.left_dot - 10.0,
            ly[i] + 5.0,
            "end",
            fit(&item.label, left_chars),
        );
        node(&mut svg, item, root, &shape, text);
    }
    let box_chars = (geo.box_to - geo.box_from - 16.0) / CHAR_PX;
    for (i, item) in graph.middle.iter().enumerate() {
        let shape = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" rx=\"4\"/>",
            n(geo.box_from),
            n(my[i] - 11.0),
            n(geo.box_to - geo.box_from)
        );
        let text = (
            geo.box_from + 8.0,
            my[i] + 5.0,
            "start",
            fit(&item.label, box_chars),
        );
        node(&mut svg, item, root, &shape, text);
    }
    let right_chars = (geo.width - geo.right_dot - 14.0) / CHAR_PX;
    for (i, item) in graph.right.iter().enumerate() {
        let shape = format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\"/>",
            n(geo.right_dot),
            n(ry[i])
        );
        let text = (
            geo.right_dot + 10.0,
            ry[i] + 5.0,
            "start",
            fit(&item.label, right_chars),
        );
        node(&mut svg, item, root, &shape, text);
    }
    svg.push_str("</svg>");
    svg
}

/// A coordinate as the SVG writes it: to a tenth, without a trailing
/// `.0` (`172`, `172.5`).
fn n(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn node(
    svg: &mut String,
    item: &Item,
    root: &str,
    shape: &str,
    (x, y, anchor, label): (f64, f64, &str, String),
) {
    // The full name is a tooltip only where the label is not it; `start`
    // is SVG's default anchor.
    let title = if label == item.title {
        String::new()
    } else {
        format!("<title>{}</title>", escape(&item.title))
    };
    let anchor = if anchor == "start" {
        String::new()
    } else {
        format!(" text-anchor=\"{anchor}\"")
    };
    let inner = format!(
        "{title}{shape}<text x=\"{}\" y=\"{}\"{anchor}>{}</text>",
        n(x),
        n(y),
        escape(&label)
    );
    match &item.url {
        Some(url) => {
            let _ = write!(
                svg,
                "<a href=\"{}{}\" class=\"node {}\">{inner}</a>",
                escape(root),
                escape(url),
                item.class
            );
        }
        None => {
            let _ = write!(svg, "<g class=\"node {} current\">{inner}</g>", item.class);
        }
    }
}

/// `label` cut to about `chars` narrow characters' width, with an ellipsis.
pub fn fit(label: &str, chars: f64) -> String {
    let max = chars.max(4.0) as usize;
    if label.width() <= max {
        return label.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in label.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    // At a word's end when one is near.
    if let Some(space) = out.rfind(' ').filter(|&at| at * 10 >= out.len() * 6) {
        out.truncate(space);
    }
    format!("{}…", out.trim_end())
}

/// The y of every item in each column, and the map's height.
fn positions(g: &Graph, geo: &Geometry) -> (Vec<f64>, Vec<f64>, Vec<f64>, f64) {
    let rows = |n: usize, pitch: f64| n as f64 * pitch;
    let span = rows(g.middle.len(), geo.row)
        .max(rows(g.left.len(), geo.side_row))
        .max(rows(g.right.len(), geo.side_row));
    let even = |n: usize, pitch: f64| -> Vec<f64> {
        (0..n).map(|i| TOP + pitch * (i as f64 + 0.5)).collect()
    };
    let mut ly = even(g.left.len(), geo.side_row);
    let mut ry = even(g.right.len(), geo.side_row);
    // The middle spreads over the height the sides take.
    let pitch = geo.row.max(span / g.middle.len().max(1) as f64);
    let mut my = even(g.middle.len(), pitch);
    // Neighbours of each node.
    let mut mid_left: Vec<Vec<usize>> = vec![Vec::new(); g.middle.len()];
    let mut mid_right: Vec<Vec<usize>> = vec![Vec::new(); g.middle.len()];
    let mut left_mid: Vec<Vec<usize>> = vec![Vec::new(); g.left.len()];
    let mut right_mid: Vec<Vec<usize>> = vec![Vec::new(); g.right.len()];
    for &(l, m) in &g.left_edges {
        mid_left[m].push(l);
        left_mid[l].push(m);
    }
    for &(m, r) in &g.right_edges {
        mid_right[m].push(r);
        right_mid[r].push(m);
    }
    for _ in 0..6 {
        // The middle, in the order of its neighbours' mean height.
        let want: Vec<f64> = (0..g.middle.len())
            .map(|m| {
                let ys: Vec<f64> = mid_left[m]
                    .iter()
                    .map(|&l| ly[l])
                    .chain(mid_right[m].iter().map(|&r| ry[r]))
                    .collect();
                mean(&ys).unwrap_or(my[m])
            })
            .collect();
        let mut order: Vec<usize> = (0..g.middle.len()).collect();
        order.sort_by(|&a, &b| want[a].total_cmp(&want[b]).then(a.cmp(&b)));
        for (rank, &m) in order.iter().enumerate() {
            my[m] = TOP + pitch * (rank as f64 + 0.5);
        }
        // Each side near its neighbours, one row apart at least.
        ly = spread(&left_mid, &my, &ly, geo.side_row, span);
        ry = spread(&right_mid, &my, &ry, geo.side_row, span);
    }
    (ly, my, ry, TOP * 2.0 + span)
}

/// Heights for a side column: each item at the mean height of its
/// neighbours in the middle (where it was, if it has none), then moved
/// apart to `pitch` within `[TOP, TOP + span]`.
fn spread(neighbours: &[Vec<usize>], my: &[f64], was: &[f64], pitch: f64, span: f64) -> Vec<f64> {
    let want: Vec<f64> = neighbours
        .iter()
        .enumerate()
        .map(|(i, ns)| mean(&ns.iter().map(|&m| my[m]).collect::<Vec<_>>()).unwrap_or(was[i]))
        .collect();
    let mut order: Vec<usize> = (0..want.len()).collect();
    order.sort_by(|&a, &b| want[a].total_cmp(&want[b]).then(a.cmp(&b)));
    let (low, high) = (TOP + pitch / 2.0, TOP + span - pitch / 2.0);
    let mut y = vec![0.0; want.len()];
    let mut last = f64::NEG_INFINITY;
    for &i in &order {
        y[i] = want[i].max(low).max(last + pitch);
        last = y[i];
    }
    // Pushed past the bottom: move back up from the end.
    let mut next = f64::INFINITY;
    for &i in order.iter().rev() {
        y[i] = y[i].min(high).min(next - pitch);
        next = y[i];
    }
    y
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, class: &'static str) -> Item {
        Item {
            label: label.into(),
            title: label.into(),
            url: Some(format!("{label}.html")),
            class,
        }
    }

    const GEO: Geometry = Geometry {
        width: 900.0,
        left_dot: 220.0,
        box_from: 320.0,
        box_to: 600.0,
        right_dot: 700.0,
        row: 28.0,
        side_row: 24.0,
    };

    #[test]
    fn rows_never_overlap_and_crossings_are_undone() {
        // Topic a is mentioned by documents 2 and 3, topic b by 0 and 1:
        // the documents are reordered so that the edges do not cross.
        let g = Graph {
            left: vec![item("a", "topic"), item("b", "topic")],
            middle: (0..4).map(|i| item(&format!("d{i}"), "doc")).collect(),
            right: (0..9).map(|i| item(&format!("w{i}"), "work")).collect(),
            left_edges: vec![(0, 2), (0, 3), (1, 0), (1, 1)],
            right_edges: [2, 2, 3, 3, 0, 0, 1, 1, 1].into_iter().zip(0..9).collect(),
        };
        let (ly, my, ry, h) = positions(&g, &GEO);
        assert!(my[2].max(my[3]) < my[0].min(my[1]), "{my:?}");
        assert!(ly[0] < ly[1]);
        for ys in [&ly, &my, &ry] {
            let mut s = ys.to_vec();
            s.sort_by(f64::total_cmp);
            assert!(s.windows(2).all(|w| w[1] - w[0] >= 23.9), "{s:?}");
            assert!(s.iter().all(|&y| y > 0.0 && y < h), "{s:?} in {h}");
        }
        // The same input gives the same picture.
        assert_eq!(
            draw(&g, &GEO, "Map", "m", "../"),
            draw(&g, &GEO, "Map", "m", "../")
        );
    }

    #[test]
    fn the_layout_crosses_fewer_edges_than_the_input_order() {
        let crossings = |edges: &[(usize, usize)], a: &[f64], b: &[f64]| {
            let mut n = 0;
            for (i, e) in edges.iter().enumerate() {
                for f in &edges[i + 1..] {
                    if (a[e.0] - a[f.0]) * (b[e.1] - b[f.1]) < 0.0 {
                        n += 1;
                    }
                }
            }
            n
        };
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let left_edges: Vec<(usize, usize)> = (0..30).map(|_| (next(8), next(16))).collect();
        let g = Graph {
            left: (0..8).map(|i| item(&format!("t{i}"), "topic")).collect(),
            middle: (0..16).map(|i| item(&format!("d{i}"), "doc")).collect(),
            right: Vec::new(),
            left_edges,
            right_edges: Vec::new(),
        };
        let before = crossings(
            &g.left_edges,
            &(0..8).map(|i| i as f64).collect::<Vec<_>>(),
            &(0..16).map(|i| i as f64).collect::<Vec<_>>(),
        );
        let (ly, my, _, _) = positions(&g, &GEO);
        let after = crossings(&g.left_edges, &ly, &my);
        assert!(
            after * 2 < before,
            "{after} crossings after, {before} before"
        );
    }

    #[test]
    fn labels_fit_their_column_by_width() {
        assert_eq!(fit("Arctic", 20.0), "Arctic");
        assert_eq!(
            fit("The Ballgame of Russia-China Convergence", 20.0),
            "The Ballgame of…"
        );
        // Wide characters count double.
        assert_eq!(fit("中俄关系的历史与现状研究", 10.0), "中俄关系…");
    }

    #[test]
    fn the_svg_names_itself_and_links_its_nodes() {
        let g = Graph {
            left: vec![item("<a>", "topic")],
            middle: vec![Item {
                url: None,
                ..item("this", "doc")
            }],
            right: vec![],
            left_edges: vec![(0, 0)],
            right_edges: vec![],
        };
        let svg = draw(&g, &GEO, "Around “this”", "local-map", "../../");
        assert!(
            svg.starts_with("<svg class=\"map\" viewBox=\"0 0 900 "),
            "{svg}"
        );
        assert!(svg.contains("<title id=\"local-map\">Around “this”</title>"));
        // A label that is the whole name needs no tooltip.
        assert!(
            svg.contains("<a href=\"../../&lt;a&gt;.html\" class=\"node topic\"><circle "),
            "{svg}"
        );
        assert!(svg.contains(">&lt;a&gt;</text>"), "{svg}");
        assert!(svg.contains("<g class=\"node doc current\">"), "{svg}");
        // A cut label keeps the whole name as its tooltip.
        let long = "A title far too long for the narrow column of topics on the left";
        let g = Graph {
            left: vec![item(long, "topic")],
            ..g
        };
        let svg = draw(&g, &GEO, "t", "m", "");
        assert!(svg.contains(&format!("<title>{long}</title>")), "{svg}");
        assert!(svg.contains("…</text>"), "{svg}");
    }
}
