//! Plain text out of an HTML page: tags and scripts dropped, block elements turned into
//! paragraph breaks, entities decoded, and the title. (The page's date is
//! [`super::web_date`]'s.)
//!
//! A tolerant scanner rather than a DOM parser: news pages are often broken HTML, and all we
//! need is the readable text in order plus a few `<meta>`/`<time>` attributes.

/// What an HTML page yields: its text (paragraphs separated by blank lines) and title.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlText {
    pub text: String,
    pub title: Option<String>,
}

const SKIPPED: [&str; 6] = ["script", "style", "noscript", "template", "svg", "head"];
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "figcaption",
    "dd",
    "dt",
];
#[must_use]
pub fn extract(html: &str) -> HtmlText {
    let mut out = HtmlText::default();
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut in_title = false;
    let mut title = String::new();
    while let Some(lt) = rest.find('<') {
        push_text(&mut text, &rest[..lt], in_title.then_some(&mut title));
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            // An unclosed comment ends at the next `>`, not at the end of the page: a stray
            // `<!--` must not swallow the article.
            rest = match rest.find("-->") {
                Some(end) => &rest[end + 3..],
                None => rest[4..].find('>').map_or("", |gt| &rest[4 + gt + 1..]),
            };
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name_end = tag
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .filter(|&i| i > 0 || !closing)
            .unwrap_or(tag.len());
        let name = tag[usize::from(closing)..name_end.max(usize::from(closing))]
            .trim_end_matches('/')
            .to_ascii_lowercase();
        // A title left open ends where the page's body begins.
        if in_title && (BLOCKS.contains(&name.as_str()) || matches!(name.as_str(), "body" | "head"))
        {
            in_title = false;
        }
        match name.as_str() {
            "title" => in_title = !closing,
            "meta" => read_meta(tag, &mut out),
            _ => {}
        }
        if !closing && SKIPPED.contains(&name.as_str()) && name != "head" {
            // Never closed: only the tag itself is skipped, so the page after it survives.
            let close = format!("</{name}");
            if let Some(i) = find_ignore_case(rest, &close) {
                rest = &rest[i..];
            }
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            paragraph_break(&mut text);
        }
    }
    push_text(&mut text, rest, None);
    text.trim().clone_into(&mut out.text);
    let title = collapse(&decode_entities(&title));
    out.title = (!title.is_empty()).then_some(title);
    out
}

fn push_text(text: &mut String, raw: &str, title: Option<&mut String>) {
    if let Some(title) = title {
        title.push_str(raw);
        return;
    }
    if raw.trim().is_empty() {
        if !raw.is_empty() && !text.ends_with([' ', '\n']) && !text.is_empty() {
            text.push(' ');
        }
        return;
    }
    let decoded = decode_entities(raw);
    let mut last_space = text.is_empty() || text.ends_with([' ', '\n']);
    for c in decoded.chars() {
        if c.is_whitespace() {
            if !last_space {
                text.push(' ');
                last_space = true;
            }
        } else {
            text.push(c);
            last_space = false;
        }
    }
}

fn paragraph_break(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

fn read_meta(tag: &str, out: &mut HtmlText) {
    let key = attribute(tag, "property")
        .or_else(|| attribute(tag, "name"))
        .or_else(|| attribute(tag, "itemprop"))
        .map(|k| k.to_ascii_lowercase());
    let Some(key) = key else { return };
    let Some(content) = attribute(tag, "content") else {
        return;
    };
    if key == "og:title" && out.title.is_none() {
        out.title = Some(content);
    }
}

/// The value of `name="…"` (or single-quoted, or bare) inside a tag's source.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - after.len() + 1;
        let value = tag[value_start..].trim_start();
        let (quote, body) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(body.len()),
        };
        return Some(decode_entities(&body[..end]));
    }
    None
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    haystack
        .as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes numeric entities and the named ones that occur in news copy.
#[must_use]
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| c == ';' || c.is_whitespace() || c == '&');
        let decoded = end
            .filter(|&e| rest.as_bytes().get(e + 1) == Some(&b';') && e <= 10)
            .and_then(|e| entity(&rest[1..=e]).map(|c| (c, e + 2)));
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "yen" => '¥',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_tags_scripts_and_styles() {
        let page = r#"<html><head><title>Talks &amp; more</title>
            <meta property="article:published_time" content="2022-01-07T09:00:00Z">
            <style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
            <body><h1>Allies meet</h1><p>Ministers met on <b>Friday</b>.</p>
            <!-- ad --><p>They signed&nbsp;an accord &#8212; finally.</p></body></html>"#;
        let got = extract(page);
        assert_eq!(got.title.as_deref(), Some("Talks & more"));
        assert_eq!(
            got.text,
            "Allies meet\n\nMinisters met on Friday.\n\nThey signed an accord — finally."
        );
    }

    #[test]
    fn inline_elements_stay_inside_their_paragraph() {
        let got = extract(r#"<p>Posted <time datetime="2021-10-04">Oct 4</time></p>"#);
        assert_eq!(got.text, "Posted Oct 4");
    }

    #[test]
    fn broken_html_does_not_lose_text() {
        let got = extract("<p>Unclosed <b>bold <p>next & last <");
        assert_eq!(got.text, "Unclosed bold\n\nnext & last <");
    }

    /// What browsers recover from, ingest recovers from too: nothing after a broken construct
    /// is lost.
    #[test]
    fn broken_markup_loses_no_text() {
        let page = extract("<p>A</p><!-- x <p>B</p>");
        assert!(
            page.text.contains('A') && page.text.contains('B'),
            "{page:?}"
        );
        let page = extract("<p>A</p><script>var x = 1;<p>B</p>");
        assert!(page.text.contains('B'), "{page:?}");
        let page = extract("<p>A</p><style>p { color: red }<p>B</p>");
        assert!(page.text.contains('B'), "{page:?}");
        let page = extract("<html><head><title>Summit ends<body><p>Leaders met on Friday.</p>");
        assert_eq!(page.title.as_deref(), Some("Summit ends"));
        assert_eq!(page.text, "Leaders met on Friday.");
        // Closed ones still hide their contents.
        let page = extract("<p>A</p><script>hidden()</script><!-- gone --><p>B</p>");
        assert_eq!(page.text, "A\n\nB");
    }
}
