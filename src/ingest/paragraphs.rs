//! Splitting decoded text into paragraphs with exact byte ranges.

use std::ops::Range;

/// Paragraph byte ranges of `text[from..]`, trimmed of surrounding white space.
///
/// Blocks separated by blank lines are paragraphs; a file that never leaves a blank line
/// between two text lines (one paragraph per line, as much scraped copy is) gets one
/// paragraph per line instead of one giant block.
#[must_use]
pub fn split(text: &str, from: usize) -> Vec<Range<usize>> {
    let lines = lines_with_offsets(text, from);
    let text_lines = || lines.iter().enumerate().filter(|(_, l)| !is_blank(text, l));
    let first = text_lines().next().map_or(0, |(i, _)| i);
    let last = text_lines().next_back().map_or(0, |(i, _)| i);
    let blank_between_text = lines[first..last].iter().any(|l| is_blank(text, l));
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in &lines {
        if is_blank(text, line) {
            out.extend(current.take());
            continue;
        }
        if blank_between_text {
            current = Some(match current {
                Some(block) => block.start..line.end,
                None => line.clone(),
            });
        } else {
            out.push(line.clone());
        }
    }
    out.extend(current);
    out.into_iter().filter_map(|r| trim(text, r)).collect()
}

fn lines_with_offsets(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = from;
    for (i, b) in text.as_bytes()[from..].iter().enumerate() {
        if *b == b'\n' {
            out.push(start..from + i);
            start = from + i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn is_blank(text: &str, line: &Range<usize>) -> bool {
    text[line.clone()].trim().is_empty()
}

fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (lead + trail < s.len()).then(|| range.start + lead..range.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, from: usize) -> Vec<&str> {
        split(text, from).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn blank_lines_separate_blocks_and_join_wrapped_lines() {
        let text = "First para\ncontinues here.\n\n\n  Second para.  \n\nThird.";
        assert_eq!(
            split(text, 0),
            vec![0..26, 31..43, 47..53],
            "{:?}",
            texts(text, 0)
        );
        assert_eq!(
            texts(text, 0),
            ["First para\ncontinues here.", "Second para.", "Third."]
        );
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let text = "Tokyo, 7 January, /AJMEDIA/\nMinisters met Friday.\nThey agreed.\n";
        assert_eq!(
            texts(text, 0),
            [
                "Tokyo, 7 January, /AJMEDIA/",
                "Ministers met Friday.",
                "They agreed."
            ]
        );
        assert_eq!(split(text, 0)[1], 28..49);
    }

    #[test]
    fn start_offset_and_multibyte_text() {
        let text = "date 2022-01-07 Tokyo pays ¥1.05 trillion.\n\n“Quoted” end…";
        let ranges = split(text, 16);
        assert_eq!(&text[ranges[0].clone()], "Tokyo pays ¥1.05 trillion.");
        assert_eq!(&text[ranges[1].clone()], "“Quoted” end…");
    }

    #[test]
    fn trailing_blank_lines_do_not_switch_modes() {
        let text = "One line.\nTwo line.\n\n\n";
        assert_eq!(texts(text, 0), ["One line.", "Two line."]);
    }
}
