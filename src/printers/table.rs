//! kubectl's table layout: cells through cli-runtime's tabwriter (minwidth 6, padding 3, the
//! last cell unpadded), each cut at its first line break as the table printer does.

use super::tabwriter;
use std::borrow::Cow;

/// A header and rows of cells, before layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Renders rows (the header first, if any) as kubectl does. Returns "" for no rows.
pub fn render(rows: &[Vec<String>]) -> String {
    render_rows(rows.iter())
}

fn render_rows<'a>(rows: impl Iterator<Item = &'a Vec<String>> + Clone) -> String {
    let ncols = rows.clone().map(Vec::len).max().unwrap_or(0);
    // kubectl writes every cell of a row, so a short row ends in empty (padded) cells.
    let lines: Vec<Vec<Cow<'a, str>>> = rows
        .map(|r| {
            let mut cells: Vec<Cow<'a, str>> = r.iter().map(|c| cut_cell(c)).collect();
            cells.resize(ncols, Cow::Borrowed(""));
            cells
        })
        .collect();
    tabwriter::format_lines(tabwriter::GET, &lines, true)
}

/// Cells are cut at the first line break, with `...` appended (tableprinter).
fn cut_cell(c: &str) -> Cow<'_, str> {
    match c.find(['\n', '\r', '\x0c']) {
        Some(i) => Cow::Owned(format!("{}...", &c[..i])),
        None => Cow::Borrowed(c),
    }
}

/// A grid as kubectl prints it: the header row unless `no_headers`.
pub fn render_grid(g: &Grid, no_headers: bool) -> String {
    if g.rows.is_empty() {
        return String::new();
    }
    let header = (!no_headers).then_some(&g.headers);
    render_rows(header.into_iter().chain(&g.rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn matches_kubectl_layout() {
        let out = render(&[
            s(&["NAME", "READY", "STATUS", "RESTARTS", "AGE"]),
            s(&["web-7c5ddbdf54-x2bqz", "1/1", "Running", "0", "5s"]),
        ]);
        assert_eq!(
            out,
            "NAME                   READY   STATUS    RESTARTS   AGE\nweb-7c5ddbdf54-x2bqz   1/1     Running   0          5s\n"
        );
        assert_eq!(render(&[s(&["A", "B"])]), "A     B\n");
    }

    #[test]
    fn empty_last_cell_keeps_padding() {
        let out = render(&[s(&["CURRENT", "NAME", "AUTHINFO"]), s(&["*", "kubesim", ""])]);
        assert_eq!(out, "CURRENT   NAME      AUTHINFO\n*         kubesim   \n");
    }

    /// comfy-table configured as crates.md §7 says, with `trim_fmt`: kubectl's layout except for
    /// an empty last cell (and display width against runes, which ASCII cells never show).
    fn comfy(rows: &[Vec<String>]) -> String {
        use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};
        let mut t = Table::new();
        t.load_style(comfy_table::presets::NOTHING);
        t.set_content_arrangement(ContentArrangement::Disabled);
        for r in rows {
            t.add_row(r.clone());
        }
        let n = rows[0].len();
        for i in 0..n {
            let col = t.column_mut(i).unwrap();
            col.set_cell_alignment(CellAlignment::Left);
            if i + 1 < n {
                col.set_padding((0, 3));
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(6)));
            } else {
                col.set_padding((0, 0));
            }
        }
        format!("{}\n", t.trim_fmt())
    }

    #[test]
    fn agrees_with_comfy_table() {
        // Seeded grids of ASCII cells of 0..12 characters (never an empty last cell).
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        for _ in 0..200 {
            let (nrows, ncols) = (1 + next(6) as usize, 1 + next(7) as usize);
            let rows: Vec<Vec<String>> = (0..nrows)
                .map(|_| {
                    (0..ncols)
                        .map(|c| {
                            let len = next(12) as usize + usize::from(c + 1 == ncols);
                            (0..len).map(|_| char::from(b'a' + next(26) as u8)).collect()
                        })
                        .collect()
                })
                .collect();
            assert_eq!(render(&rows), comfy(&rows), "{rows:?}");
        }
    }
}
