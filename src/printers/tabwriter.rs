//! A port of Go's `text/tabwriter` (padchar ' ', no flags): tab-terminated cells are aligned per
//! column block, the last cell of a line is written as is; widths count runes.

/// A tabwriter's settings: kubectl's `get` uses minwidth 6, padding 3; `describe` 0 and 2.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    pub minwidth: usize,
    pub padding: usize,
}

/// `kubectl get`'s tabwriter (cli-runtime's printers.GetNewTabWriter).
pub const GET: Config = Config {
    minwidth: 6,
    padding: 3,
};

/// `kubectl describe`'s tabwriter.
pub const DESCRIBE: Config = Config {
    minwidth: 0,
    padding: 2,
};

/// Aligns `text` (lines of `\t`-separated cells) the way Go's tabwriter does on Flush.
pub fn format(cfg: Config, text: &str) -> String {
    let mut lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
    // Text ending in a newline leaves an empty last "line" that is not written.
    let ends_nl = text.ends_with('\n');
    if ends_nl {
        lines.pop();
    }
    format_lines(cfg, &lines, ends_nl)
}

/// Aligns lines already split into cells, as if each cell but a line's last ended in a tab;
/// every line ends in a newline when `ends_nl`, otherwise all but the last.
pub fn format_lines<S: AsRef<str>>(cfg: Config, lines: &[Vec<S>], ends_nl: bool) -> String {
    let bytes: usize = lines.iter().flatten().map(|c| c.as_ref().len() + cfg.padding).sum();
    let mut w = Block {
        cfg,
        lines,
        widths: Vec::new(),
        out: String::with_capacity(bytes + lines.len()),
        ends_nl,
    };
    w.block(0, lines.len());
    w.out
}

fn width(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

struct Block<'a, S> {
    cfg: Config,
    lines: &'a [Vec<S>],
    widths: Vec<usize>,
    out: String,
    ends_nl: bool,
}

impl<S: AsRef<str>> Block<'_, S> {
    /// Go's `format`: the lines `line0..line1` share the columns in `widths`; recurse into each
    /// run of lines that has one more tab-terminated cell.
    fn block(&mut self, line0: usize, line1: usize) {
        let column = self.widths.len();
        let mut start = line0;
        let mut this = line0;
        while this < line1 {
            if column + 1 >= self.lines[this].len() {
                this += 1;
                continue;
            }
            self.write_lines(start, this);
            start = this;
            let mut w = self.cfg.minwidth;
            while this < line1 && column + 1 < self.lines[this].len() {
                w = w.max(width(self.lines[this][column].as_ref()) + self.cfg.padding);
                this += 1;
            }
            self.widths.push(w);
            self.block(start, this);
            self.widths.pop();
            start = this;
        }
        self.write_lines(start, line1);
    }

    fn write_lines(&mut self, from: usize, to: usize) {
        for i in from..to {
            let line = &self.lines[i];
            for (j, cell) in line.iter().enumerate() {
                let cell = cell.as_ref();
                self.out.push_str(cell);
                if j < self.widths.len() && j + 1 < line.len() {
                    let pad = self.widths[j].saturating_sub(width(cell));
                    self.out.extend(std::iter::repeat_n(' ', pad));
                }
            }
            if self.ends_nl || i + 1 < self.lines.len() {
                self.out.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DESCRIBE, GET, format};

    #[test]
    fn aligns_blocks_like_go() {
        assert_eq!(
            format(DESCRIBE, "Name:\tweb\nNamespace:\tdefault\n"),
            "Name:       web\nNamespace:  default\n"
        );
        // A line without tabs ends the block; trailing cells keep their padding.
        assert_eq!(
            format(DESCRIBE, "A:\tx\nplain\nLonger:\t\n"),
            "A:  x\nplain\nLonger:  \n"
        );
        assert_eq!(
            format(DESCRIBE, "  Type\tStatus\n  Ready \tTrue \n"),
            "  Type    Status\n  Ready   True \n"
        );
    }

    #[test]
    fn get_minwidth_and_runes() {
        // Minwidth 6 counts the padding: a one-rune column is 6 wide.
        assert_eq!(format(GET, "A\tB\n"), "A     B\n");
        // Widths are runes, not bytes or display columns (Go's utf8.RuneCount).
        assert_eq!(format(GET, "名前です\tx\nab\ty\n"), "名前です   x\nab     y\n");
    }
}
