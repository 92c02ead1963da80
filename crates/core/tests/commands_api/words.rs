//! A POSIX shell's reading of a script, as far as easnet's commands need it: words (with
//! which parts were quoted), operators, comments, and the placeholders easnet leaves bare.
//! Hand-written so that it reports what a regex could not: a `$(…)` that is not quoted, a
//! word split by a space, an operator where a value was meant.

/// One piece of a word, as the shell reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text. `quoted`: it came from single or double quotes or a backslash escape,
    /// so the shell gives it special meaning nowhere.
    Text { text: String, quoted: bool },
    /// A bare `<Name>`: easnet's placeholder, a redirection that fails to the shell.
    Placeholder(String),
    /// `$NAME`, `${…}`, `$(…)` or `` `…` `` outside single quotes: the shell substitutes it.
    Expansion(String),
}

/// One word: the pieces the shell joins into one argument.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    pub pieces: Vec<Piece>,
}

impl Word {
    /// The argument the program receives: text as is, a placeholder as `<Name>`, an
    /// expansion as written.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text { text, .. } => out.push_str(text),
                Piece::Placeholder(name) => {
                    out.push('<');
                    out.push_str(name);
                    out.push('>');
                }
                Piece::Expansion(e) => out.push_str(e),
            }
        }
        out
    }

    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Placeholder(name) => Some(name.as_str()),
            _ => None,
        })
    }

    /// Whether the word is all literal text, quoted or not (no placeholder, no expansion).
    pub fn is_literal(&self) -> bool {
        (self.pieces.iter()).all(|p| matches!(p, Piece::Text { .. }))
    }

    fn push_text(&mut self, c: char, quoted: bool) {
        if let Some(Piece::Text { text, quoted: q }) = self.pieces.last_mut() {
            if *q == quoted {
                text.push(c);
                return;
            }
        }
        self.pieces.push(Piece::Text {
            text: c.to_string(),
            quoted,
        });
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word(Word),
    /// `&&`, `||`, `|`, `;`, `&`, `(`, `)`, `<`, `>`, `>>`, `<<`, or a line break `"\n"`.
    Op(String),
}

/// Splits `script` into tokens; `Err` for an unterminated quote or substitution.
pub fn split(script: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = script.chars().collect();
    let mut tokens = Vec::new();
    let mut word = Word::default();
    // A word has started even if it is still empty (`''` is one empty argument).
    let mut started = false;
    let mut i = 0;
    let end_word = |tokens: &mut Vec<Token>, word: &mut Word, started: &mut bool| {
        if *started {
            tokens.push(Token::Word(std::mem::take(word)));
            *started = false;
        }
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' => {
                end_word(&mut tokens, &mut word, &mut started);
                i += 1;
            }
            '\n' => {
                end_word(&mut tokens, &mut word, &mut started);
                tokens.push(Token::Op("\n".into()));
                i += 1;
            }
            '#' if !started => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\\' => {
                match chars.get(i + 1) {
                    Some('\n') => {}
                    Some(&n) => {
                        word.push_text(n, true);
                        started = true;
                    }
                    None => return Err("a backslash ends the script".into()),
                }
                i += 2;
            }
            '\'' => {
                let close = (chars[i + 1..].iter().position(|&x| x == '\''))
                    .ok_or("an unterminated single quote")?;
                for &q in &chars[i + 1..i + 1 + close] {
                    word.push_text(q, true);
                }
                if close == 0 {
                    // `''`: an empty piece, so the word exists.
                    word.pieces.push(Piece::Text {
                        text: String::new(),
                        quoted: true,
                    });
                }
                started = true;
                i += close + 2;
            }
            '"' => {
                started = true;
                i += 1;
                let mut closed = false;
                let mut any = false;
                while i < chars.len() {
                    match chars[i] {
                        '"' => {
                            closed = true;
                            i += 1;
                            break;
                        }
                        '\\' if matches!(chars.get(i + 1), Some('$' | '`' | '"' | '\\' | '\n')) => {
                            if chars[i + 1] != '\n' {
                                word.push_text(chars[i + 1], true);
                            }
                            i += 2;
                        }
                        '$' | '`' if is_expansion(&chars, i) => {
                            let (e, next) = expansion(&chars, i)?;
                            word.pieces.push(Piece::Expansion(e));
                            i = next;
                        }
                        q => {
                            word.push_text(q, true);
                            i += 1;
                        }
                    }
                    any = true;
                }
                if !closed {
                    return Err("an unterminated double quote".into());
                }
                if !any {
                    word.pieces.push(Piece::Text {
                        text: String::new(),
                        quoted: true,
                    });
                }
            }
            '$' | '`' if is_expansion(&chars, i) => {
                let (e, next) = expansion(&chars, i)?;
                word.pieces.push(Piece::Expansion(e));
                started = true;
                i = next;
            }
            '<' if placeholder_at(&chars, i).is_some() => {
                let name = placeholder_at(&chars, i).unwrap_or_default();
                i += name.chars().count() + 2;
                word.pieces.push(Piece::Placeholder(name));
                started = true;
            }
            '<' | '>' | '|' | '&' | ';' | '(' | ')' => {
                end_word(&mut tokens, &mut word, &mut started);
                let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
                let op = if ["&&", "||", ">>", "<<", ";;"].contains(&two.as_str()) {
                    two
                } else {
                    c.to_string()
                };
                i += op.len();
                tokens.push(Token::Op(op));
            }
            _ => {
                word.push_text(c, false);
                started = true;
                i += 1;
            }
        }
    }
    end_word(&mut tokens, &mut word, &mut started);
    Ok(tokens)
}

/// `<Name>` at `i`, Name a letter then letters and digits: the placeholder's name.
fn placeholder_at(chars: &[char], i: usize) -> Option<String> {
    let mut name = String::new();
    for &c in &chars[i + 1..] {
        if c == '>' {
            let first = name.chars().next()?;
            return first.is_ascii_alphabetic().then_some(name);
        }
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        name.push(c);
    }
    None
}

fn is_expansion(chars: &[char], i: usize) -> bool {
    chars[i] == '`'
        || chars.get(i + 1).is_some_and(|&n| {
            n == '(' || n == '{' || n.is_ascii_alphanumeric() || "_?$!#@*-".contains(n)
        })
}

/// The substitution starting at `i` and where it ends.
fn expansion(chars: &[char], i: usize) -> Result<(String, usize), String> {
    let take = |end: usize| (chars[i..end].iter().collect::<String>(), end);
    if chars[i] == '`' {
        let close =
            (chars[i + 1..].iter().position(|&x| x == '`')).ok_or("an unterminated backquote")?;
        return Ok(take(i + close + 2));
    }
    match chars[i + 1] {
        '(' | '{' => {
            let (open, close) = if chars[i + 1] == '(' {
                ('(', ')')
            } else {
                ('{', '}')
            };
            let mut depth = 0;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '\'' => {
                        j += (chars[j + 1..].iter().position(|&x| x == '\''))
                            .ok_or("an unterminated quote in a substitution")?
                            + 1;
                    }
                    c if c == open => depth += 1,
                    c if c == close => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(take(j + 1));
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            Err("an unterminated substitution".into())
        }
        c if c.is_ascii_alphabetic() || c == '_' => {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            Ok(take(j))
        }
        _ => Ok(take(i + 2)),
    }
}

/// A simple command: its words, and the targets of its redirections.
#[derive(Debug, Clone, Default)]
pub struct Simple {
    pub words: Vec<Word>,
    /// (operator, target) of each redirection.
    pub redirects: Vec<(String, Word)>,
}

/// The simple commands of a token list: split at `&&`, `||`, `|`, `;`, `&`, parentheses and
/// line breaks; a redirection takes the word after it.
pub fn simple_commands(tokens: &[Token]) -> Vec<Simple> {
    let mut out = Vec::new();
    let mut cur = Simple::default();
    let mut it = tokens.iter().peekable();
    while let Some(t) = it.next() {
        match t {
            Token::Word(w) => cur.words.push(w.clone()),
            Token::Op(op) if ["<", ">", ">>", "<<"].contains(&op.as_str()) => {
                let target = match it.peek() {
                    Some(Token::Word(w)) => {
                        let w = w.clone();
                        it.next();
                        w
                    }
                    _ => Word::default(),
                };
                cur.redirects.push((op.clone(), target));
            }
            Token::Op(_) => {
                if !cur.words.is_empty() || !cur.redirects.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.words.is_empty() || !cur.redirects.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        (split(s).unwrap().iter())
            .map(|t| match t {
                Token::Word(w) => w.text(),
                Token::Op(o) => format!("OP{o}"),
            })
            .collect()
    }

    #[test]
    fn reads_like_a_shell() {
        assert_eq!(
            words(r#"a 'b c' "d\"e" f\ g '' 'it'\''s' --P=-1/-1"#),
            ["a", "b c", "d\"e", "f g", "", "it's", "--P=-1/-1"]
        );
        assert_eq!(
            words("a <RegionId> x/<Id>/y && b || c # note\nd > f"),
            [
                "a",
                "<RegionId>",
                "x/<Id>/y",
                "OP&&",
                "b",
                "OP||",
                "c",
                "OP\n",
                "d",
                "OP>",
                "f"
            ]
        );
        assert_eq!(words("a $(x 'y)' z) b"), ["a", "$(x 'y)' z)", "b"]);
        let t = split("a '$(x)' \"$(y)\" $z").unwrap();
        let pieces: Vec<&Piece> = (t.iter())
            .filter_map(|t| match t {
                Token::Word(w) => w.pieces.first(),
                _ => None,
            })
            .collect();
        assert!(matches!(pieces[1], Piece::Text { quoted: true, .. }));
        assert!(matches!(pieces[2], Piece::Expansion(_)));
        assert!(matches!(pieces[3], Piece::Expansion(_)));
        assert!(split("a 'b").is_err());
        // `<a b>` is no placeholder: a redirection.
        assert_eq!(words("x <a b>"), ["x", "OP<", "a", "b", "OP>"]);
    }
}
