//! kubectl's table layout (cli-runtime tabwriter: minwidth 6, padding 3, last cell unpadded),
//! rendered with comfy-table.

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};

/// A header and rows of cells, before layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Renders rows (the header first, if any) as kubectl does. Returns "" for no rows.
pub fn render(rows: &[Vec<String>]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut t = Table::new();
    t.load_style(comfy_table::presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    for r in rows {
        let mut cells: Vec<String> = r.iter().map(|c| cut_cell(c)).collect();
        cells.resize(ncols, String::new());
        t.add_row(cells);
    }
    for i in 0..ncols {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Left);
            if i + 1 < ncols {
                col.set_padding((0, 3));
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(6)));
            } else {
                col.set_padding((0, 0));
            }
        }
    }
    let mut out = String::new();
    for (line, row) in t.lines().zip(rows) {
        let trimmed = line.trim_end();
        // kubectl keeps the previous column's padding when the last cell is empty.
        if row.last().is_some_and(|c| c.is_empty()) && ncols > 1 {
            out.push_str(
                &line[..line
                    .len()
                    .min(line.trim_end().len() + pad_for_empty_last(&t, row, trimmed))],
            );
        } else {
            out.push_str(trimmed);
        }
        out.push('\n');
    }
    out
}

fn pad_for_empty_last(t: &Table, row: &[String], trimmed: &str) -> usize {
    // Width up to the start of the last column minus what is already printed.
    let widths = t.column_max_content_widths();
    let n = row.len();
    let start: usize = (0..n.saturating_sub(1))
        .map(|i| (usize::from(widths.get(i).copied().unwrap_or(0)) + 3).max(6))
        .sum();
    start.saturating_sub(trimmed.chars().count())
}

/// Cells are cut at the first line break, with `...` appended (tableprinter).
fn cut_cell(c: &str) -> String {
    match c.find(['\n', '\r', '\x0c']) {
        Some(i) => format!("{}...", &c[..i]),
        None => c.to_string(),
    }
}

/// A grid as kubectl prints it: the header row unless `no_headers`.
pub fn render_grid(g: &Grid, no_headers: bool) -> String {
    if g.rows.is_empty() {
        return String::new();
    }
    let mut rows = Vec::with_capacity(g.rows.len() + 1);
    if !no_headers {
        rows.push(g.headers.clone());
    }
    rows.extend(g.rows.iter().cloned());
    render(&rows)
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
}
