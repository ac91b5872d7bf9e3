//! The `labels.Parse` lexer and parser: tokens, requirements, value sets, with apimachinery's errors.

use super::{Operator, Requirement, invalid};
use crate::api::gostr::go_quote;
use crate::api::names::is_qualified_name;
use std::collections::BTreeSet;

/// Parses a label selector string into its requirements, in the order written.
pub(super) fn parse(s: &str) -> Result<Vec<Requirement>, String> {
    let (items, position) = (lex(s), 0);
    Parser { items, position }.parse()
}

/// Token kinds: keywords/symbols (`in`, `notin`, `(`, `!=`, ...) keep their text in the literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    End,
    Ident,
    Sym,
}

const KEYWORDS: [&str; 11] = [")", ",", "!", "==", "=", ">", "in", "<", "!=", "notin", "("];

fn is_special(b: u8) -> bool {
    matches!(b, b'=' | b'!' | b'(' | b')' | b',' | b'>' | b'<')
}

/// The upstream lexer: identifiers end at whitespace or a special symbol; `!=`/`==` are greedy.
fn lex(s: &str) -> Vec<(Tok, String)> {
    let b = s.as_bytes();
    let (mut pos, mut items) = (0, Vec::new());
    loop {
        while pos < b.len() && matches!(b[pos], b' ' | b'\t' | b'\r' | b'\n') {
            pos += 1;
        }
        if pos >= b.len() || b[pos] == 0 {
            items.push((Tok::End, String::new()));
            return items;
        }
        let start = pos;
        if is_special(b[pos]) {
            let two = matches!(s.get(pos..pos + 2), Some("==" | "!="));
            pos += if two { 2 } else { 1 };
            items.push((Tok::Sym, s[start..pos].to_string()));
        } else {
            while pos < b.len() && b[pos] != 0 && !is_special(b[pos]) && !b" \t\r\n".contains(&b[pos]) {
                pos += 1;
            }
            let lit = &s[start..pos];
            let tok = if KEYWORDS.contains(&lit) { Tok::Sym } else { Tok::Ident };
            items.push((tok, lit.to_string()));
            if pos < b.len() && b[pos] == 0 {
                pos += 1;
            }
        }
    }
}

struct Parser {
    items: Vec<(Tok, String)>,
    position: usize,
}

impl Parser {
    /// `values` is the upstream `Values` context, where `in`/`notin` are identifiers.
    fn lookahead(&self, values: bool) -> (Tok, String) {
        let item = self.items.get(self.position).cloned();
        let (tok, lit) = item.unwrap_or((Tok::End, String::new()));
        if values && tok == Tok::Sym && (lit == "in" || lit == "notin") {
            return (Tok::Ident, lit);
        }
        (tok, lit)
    }

    fn consume(&mut self, values: bool) -> (Tok, String) {
        let item = self.lookahead(values);
        self.position += 1;
        item
    }

    fn is_ident_or_bang(item: &(Tok, String)) -> bool {
        item.0 == Tok::Ident || (item.0 == Tok::Sym && item.1 == "!")
    }

    fn parse(&mut self) -> Result<Vec<Requirement>, String> {
        let mut reqs = Vec::new();
        loop {
            let next = self.lookahead(true);
            if next.0 == Tok::End {
                return Ok(reqs);
            }
            if !Self::is_ident_or_bang(&next) {
                let lit = next.1;
                return Err(format!("found '{lit}', expected: !, identifier, or 'end of string'"));
            }
            let r = self.parse_requirement();
            reqs.push(r.map_err(|e| format!("unable to parse requirement: {e}"))?);
            match self.consume(true) {
                (Tok::End, _) => return Ok(reqs),
                (Tok::Sym, l) if l == "," => {
                    let after = self.lookahead(true);
                    if !Self::is_ident_or_bang(&after) {
                        let l2 = after.1;
                        return Err(format!("found '{l2}', expected: identifier after ','"));
                    }
                }
                (_, l) => return Err(format!("found '{l}', expected: ',' or 'end of string'")),
            }
        }
    }

    fn parse_requirement(&mut self) -> Result<Requirement, String> {
        let (mut tok, mut key) = self.consume(true);
        let mut unary = None;
        if tok == Tok::Sym && key == "!" {
            unary = Some(Operator::DoesNotExist);
            (tok, key) = self.consume(true);
        }
        if tok != Tok::Ident {
            return Err(format!("found '{key}', expected: identifier"));
        }
        let key_errs = is_qualified_name(&key);
        if !key_errs.is_empty() {
            return Err(invalid("<nil>", &go_quote(&key), &key_errs.join("; ")));
        }
        let next = self.lookahead(true);
        if unary.is_none() && (next.0 == Tok::End || next == (Tok::Sym, ",".to_string())) {
            unary = Some(Operator::Exists);
        }
        if let Some(op) = unary {
            return Requirement::build(&key, op, Vec::new(), false);
        }
        let (tok, lit) = self.consume(false);
        let op = match (tok, lit.as_str()) {
            (Tok::Sym, "in") => Operator::In,
            (Tok::Sym, "=") => Operator::Equals,
            (Tok::Sym, "==") => Operator::DoubleEquals,
            (Tok::Sym, ">") => Operator::GreaterThan,
            (Tok::Sym, "<") => Operator::LessThan,
            (Tok::Sym, "notin") => Operator::NotIn,
            (Tok::Sym, "!=") => Operator::NotEquals,
            _ => {
                return Err(format!("found '{lit}', expected: in, notin, =, ==, !=, gt, lt"));
            }
        };
        let values = if matches!(op, Operator::In | Operator::NotIn) {
            self.parse_values()?
        } else {
            self.parse_exact_value()?
        };
        Requirement::build(&key, op, values.into_iter().collect(), false)
    }

    fn parse_values(&mut self) -> Result<BTreeSet<String>, String> {
        let (tok, lit) = self.consume(true);
        if (tok, lit.as_str()) != (Tok::Sym, "(") {
            return Err(format!("found '{lit}' expected: '('"));
        }
        let (tok, lit) = self.lookahead(true);
        match (tok, lit.as_str()) {
            (Tok::Ident, _) | (Tok::Sym, ",") => {
                let s = self.parse_identifiers_list()?;
                if self.consume(true) != (Tok::Sym, ")".to_string()) {
                    return Err(format!("found '{lit}', expected: ')'"));
                }
                Ok(s)
            }
            (Tok::Sym, ")") => {
                self.consume(true);
                Ok(BTreeSet::from([String::new()]))
            }
            _ => Err(format!("found '{lit}', expected: ',', ')' or identifier")),
        }
    }

    fn parse_identifiers_list(&mut self) -> Result<BTreeSet<String>, String> {
        let mut s = BTreeSet::new();
        loop {
            let (tok, lit) = self.consume(true);
            match (tok, lit.as_str()) {
                (Tok::Ident, _) => {
                    s.insert(lit);
                    match self.lookahead(true) {
                        (Tok::Sym, l) if l == "," => continue,
                        (Tok::Sym, l) if l == ")" => return Ok(s),
                        (_, l2) => return Err(format!("found '{l2}', expected: ',' or ')'")),
                    }
                }
                (Tok::Sym, ",") => {
                    if s.is_empty() {
                        s.insert(String::new());
                    }
                    let (tok2, lit2) = self.lookahead(true);
                    if (tok2, lit2.as_str()) == (Tok::Sym, ")") {
                        s.insert(String::new());
                        return Ok(s);
                    }
                    if (tok2, lit2.as_str()) == (Tok::Sym, ",") {
                        self.consume(true);
                        s.insert(String::new());
                    }
                }
                _ => return Err(format!("found '{lit}', expected: ',', or identifier")),
            }
        }
    }

    fn parse_exact_value(&mut self) -> Result<BTreeSet<String>, String> {
        let (tok, lit) = self.lookahead(true);
        if tok == Tok::End || (tok, lit.as_str()) == (Tok::Sym, ",") {
            return Ok(BTreeSet::from([String::new()]));
        }
        match self.consume(true) {
            (Tok::Ident, lit) => Ok(BTreeSet::from([lit])),
            (_, lit) => Err(format!("found '{lit}', expected: identifier")),
        }
    }
}
