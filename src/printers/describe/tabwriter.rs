//! A port of Go's `text/tabwriter` as `kubectl describe` configures it (minwidth 0, tabwidth 8,
//! padding 2, padchar ' ', no flags): tab-terminated cells are aligned per column block, the
//! last cell of a line is written as is.

/// Aligns `text` (lines of `\t`-separated cells) the way Go's tabwriter does on Flush.
pub(super) fn format(text: &str) -> String {
    let mut lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
    // Text ending in a newline leaves an empty last "line" that is not written.
    let ends_nl = text.ends_with('\n');
    if ends_nl {
        lines.pop();
    }
    let mut out = String::new();
    let mut widths = Vec::new();
    write_block(&lines, 0, lines.len(), &mut widths, &mut out, ends_nl);
    out
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Go's `format`: recursive column blocks.
fn write_block(
    lines: &[Vec<&str>],
    line0: usize,
    line1: usize,
    widths: &mut Vec<usize>,
    out: &mut String,
    all_nl: bool,
) {
    let column = widths.len();
    let mut start = line0;
    let mut this = line0;
    while this < line1 {
        if column + 1 >= lines[this].len() {
            this += 1;
            continue;
        }
        write_lines(lines, start, this, widths, out, all_nl);
        start = this;
        let mut w = 0;
        while this < line1 && column + 1 < lines[this].len() {
            w = w.max(width(lines[this][column]) + 2);
            this += 1;
        }
        widths.push(w);
        write_block(lines, start, this, widths, out, all_nl);
        widths.pop();
        start = this;
    }
    write_lines(lines, start, line1, widths, out, all_nl);
}

fn write_lines(lines: &[Vec<&str>], from: usize, to: usize, widths: &[usize], out: &mut String, all_nl: bool) {
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        for (j, cell) in line.iter().enumerate() {
            out.push_str(cell);
            if j < widths.len() && j + 1 < line.len() {
                out.extend(std::iter::repeat_n(' ', widths[j].saturating_sub(width(cell))));
            }
        }
        if all_nl || i + 1 < lines.len() {
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn aligns_blocks_like_go() {
        assert_eq!(
            format("Name:\tweb\nNamespace:\tdefault\n"),
            "Name:       web\nNamespace:  default\n"
        );
        // A line without tabs ends the block; trailing cells keep their padding.
        assert_eq!(format("A:\tx\nplain\nLonger:\t\n"), "A:  x\nplain\nLonger:  \n");
        assert_eq!(
            format("  Type\tStatus\n  Ready \tTrue \n"),
            "  Type    Status\n  Ready   True \n"
        );
    }
}
