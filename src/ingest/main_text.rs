//! The article inside a web page: what a reader would call the story, without the menus,
//! footers, cookie notices and "related stories" around it.
//!
//! Choosing the article is `trafilatura`'s job (a port of the Python library, token F1 0.957 on
//! the article-extraction benchmark, see `bench/article_body.sh`); turning its cleaned HTML into
//! paragraphs stays with [`super::html::extract`], so paragraph breaks follow the page's own
//! blocks and byte ranges index the text we keep.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// The article's text (paragraphs separated by blank lines) and the page's headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MainText {
    pub text: String,
    pub title: Option<String>,
}

/// Fewer words than this are a menu or a caption the fallback scraped up, not a story.
const MIN_ARTICLE_WORDS: usize = 12;

/// The article of `html` (headline included when the page repeats it above the story), or
/// `None` when no article body stands out (an index page, a page of links) or the library
/// fails on the page.
#[must_use]
pub fn main_text(html: &str) -> Option<MainText> {
    let mut options = trafilatura::Options::default();
    options.exclude_comments = true;
    options.enable_fallback = true;
    // A panic inside the library on some hostile page must cost that page its clean text,
    // never the whole load: the caller falls back to the page's full text.
    let result = catch_unwind(AssertUnwindSafe(|| trafilatura::extract(html, &options)))
        .ok()?
        .ok()?;
    let text = super::html::extract(&result.content_html).text;
    text.split_whitespace().nth(MIN_ARTICLE_WORDS - 1)?;
    let title = result.metadata.title.trim();
    Some(MainText {
        text,
        title: (!title.is_empty()).then(|| title.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!(
            "<html><head><title>Leaders meet in Geneva | The Daily</title></head><body>\
             <nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>\
             <li><a href='/sport'>Sport</a></li></ul></nav>{body}\
             <aside><h3>Related stories</h3><ul><li><a href='/a'>Markets fall again</a></li>\
             <li><a href='/b'>Weather turns cold</a></li></ul></aside>\
             <footer><p>Cookie settings. Privacy policy. Copyright 2022 The Daily.</p></footer>\
             </body></html>"
        )
    }

    #[test]
    fn keeps_the_story_and_drops_the_page_around_it() {
        let story = "<article><h1>Leaders meet in Geneva</h1>\
            <p>The foreign ministers of both countries met in Geneva on Friday for talks that \
            lasted more than five hours, officials said after the meeting ended.</p>\
            <p>They agreed to meet again next month and to keep their diplomats in close \
            contact in the meantime, according to a joint statement released in the evening.</p>\
            <p>Neither side gave details of the proposals discussed, but both described the \
            atmosphere as constructive and businesslike throughout the day.</p></article>";
        let got = main_text(&page(story)).expect("an article body");
        assert!(got.text.contains("met in Geneva on Friday"), "{got:?}");
        assert!(
            got.text.contains("constructive and businesslike"),
            "{got:?}"
        );
        for junk in [
            "Sport",
            "Related stories",
            "Markets fall",
            "Cookie settings",
        ] {
            assert!(!got.text.contains(junk), "{junk:?} kept in {got:?}");
        }
        let paragraphs: Vec<&str> = got.text.split("\n\n").collect();
        assert_eq!(
            paragraphs.len(),
            4,
            "headline and three paragraphs: {got:?}"
        );
        assert_eq!(paragraphs[0], "Leaders meet in Geneva");
        assert_eq!(got.title.as_deref(), Some("Leaders meet in Geneva"));
    }

    #[test]
    fn a_page_without_an_article_has_no_main_text() {
        assert_eq!(main_text(&page("")), None);
        assert_eq!(main_text(""), None);
        assert_eq!(main_text("\u{0}\u{1}<<<>>>"), None);
    }
}
