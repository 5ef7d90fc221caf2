use dateline::DateSource;
use dateline::ingest::load;

use crate::fixtures::{Dir, extract_json};

#[test]
fn sample_articles_are_dated_2022_01_07() {
    let json = extract_json(&["assets/sample"]);
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2);
    for article in articles {
        assert_eq!(article["published"], "2022-01-07", "{}", article["file"]);
    }
    assert_eq!(articles[0]["file"], "000_9c6cc9a4abd8fbcc.txt");
    assert_eq!(articles[0]["published_from"], "sibling");
    assert_eq!(articles[0]["published_estimated"], true);
    assert_eq!(articles[1]["published_from"], "header");
    let first = articles[1]["paragraphs"][0]["text"].as_str().expect("text");
    assert!(
        first.starts_with("Japanese and U.S."),
        "header stays out of the body: {first}"
    );
    // The sibling-dated article is on the timeline, with a warning saying its year is
    // borrowed; nothing else is reported.
    let problems = json["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["warning"], true);
    let reason = problems[0]["reason"].as_str().expect("reason");
    assert!(reason.contains("sibling article"), "{reason}");
    assert!(
        problems[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("000_9c6cc9a4abd8fbcc.txt"))
    );
}

#[test]
fn paragraph_ranges_index_the_decoded_text() {
    let corpus = load(&[crate::fixtures::repo().join("assets/sample")]);
    for article in &corpus.articles {
        for p in &article.paragraphs {
            let text = article.paragraph_text(p);
            assert!(
                !text.is_empty() && text.trim() == text,
                "{}#{}",
                article.file,
                p.index
            );
        }
    }
    let one_line_each = &corpus.articles[0];
    assert_eq!(one_line_each.paragraphs.len(), 15);
}

#[test]
fn bad_files_become_problems_and_good_files_still_load() {
    let dir = Dir::new();
    dir.write("good.txt", "Date: 2021-03-03\n\nMinisters met in Geneva.\n");
    let latin1: Vec<u8> = "Le ministre a déclaré à Genève que la réunion était terminée.\n"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 fixture"))
        .collect();
    dir.write("latin1.txt", latin1);
    let japanese = "北朝鮮は水曜日に極超音速ミサイルを発射したと主張している。日米の閣僚は金曜日にオンラインで協議した。";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
    dir.write("sjis.txt", &sjis);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "UTF-16 text about talks."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    dir.write("utf16.txt", utf16);
    dir.write("empty.txt", "");
    dir.write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    dir.write(".hidden.txt", "ignored");
    dir.write(".git/config.txt", "ignored");
    dir.write("notes.pdf", "not an article type");

    let corpus = load(&[dir.path().to_owned()]);
    let files: Vec<&str> = corpus.articles.iter().map(|a| a.file.as_str()).collect();
    assert_eq!(files, ["good.txt", "latin1.txt", "sjis.txt", "utf16.txt"]);
    let text = |name: &str| {
        let a = corpus.articles.iter().find(|a| a.file == name).expect(name);
        a.paragraph_text(&a.paragraphs[0]).to_owned()
    };
    assert!(text("latin1.txt").contains("déclaré à Genève"));
    assert_eq!(text("sjis.txt"), japanese);
    assert_eq!(text("utf16.txt"), "UTF-16 text about talks.");

    let mut problems: Vec<(String, String)> = corpus
        .problems
        .iter()
        .filter(|p| !p.warning)
        .map(|p| {
            (
                p.path.file_name().unwrap().to_string_lossy().into_owned(),
                p.reason.clone(),
            )
        })
        .collect();
    problems.sort();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].0, "empty.txt");
    assert!(problems[0].1.contains("empty"));
    assert_eq!(problems[1].0, "image.txt");
    assert!(problems[1].1.contains("binary"));
}

#[test]
fn unreadable_paths_are_problems() {
    let dir = Dir::new();
    let corpus = load(&[dir.path().join("missing-folder")]);
    assert!(corpus.articles.is_empty());
    assert_eq!(corpus.problems.len(), 1);
    assert!(corpus.problems[0].reason.contains("cannot open"));
}

#[test]
fn dateline_year_comes_from_the_sibling_report_of_the_same_story() {
    let story = "Ministers from both countries met on Friday to discuss the alliance, \
                 trade and the security of shipping lanes in the region.";
    let dir = Dir::new();
    dir.write("a.txt", format!("PARIS, 3 March, /AFP/\n{story}\n"));
    dir.write("b.txt", format!("Published: March 3, 2019\n\n{story}\n"));
    dir.write(
        "c.txt",
        "Published: March 3, 2021\n\nA different story on farm prices.\n",
    );
    let corpus = load(&[dir.path().to_owned()]);
    let a = &corpus.articles[0];
    assert_eq!(a.published.unwrap().to_string(), "2019-03-03");
    assert_eq!(a.published_from, Some(DateSource::Sibling));
}

#[test]
fn dateline_year_falls_back_to_the_nearest_dated_article() {
    let dir = Dir::new();
    dir.write(
        "a.txt",
        "BERLIN, Dec. 30 (Reuters) - The chancellor spoke.\n",
    );
    dir.write(
        "b.txt",
        "Date: 2022-01-02\n\nUnrelated farm prices story.\n",
    );
    let corpus = load(&[dir.path().to_owned()]);
    let a = &corpus.articles[0];
    assert_eq!(a.published.unwrap().to_string(), "2021-12-30");
    assert_eq!(a.published_from, Some(DateSource::Folder));
}

#[test]
fn an_article_with_no_date_at_all_takes_the_file_time() {
    let dir = Dir::new();
    dir.write(
        "undated.md",
        "# Talks resume\n\nNegotiators returned to the table.\n",
    );
    let corpus = load(&[dir.path().to_owned()]);
    let a = &corpus.articles[0];
    assert_eq!(a.published_from, Some(DateSource::FileTime));
    assert!(a.published.is_some());
    assert_eq!(a.title.as_deref(), Some("Talks resume"));
}

#[test]
fn html_pages_front_matter_and_file_names_give_dates() {
    let dir = Dir::new();
    dir.write(
        "page.html",
        r#"<html><head><title>Summit ends</title><meta property="article:published_time" content="2021-10-04T08:00:00Z"></head><body><p>Leaders met.</p><script>x()</script><p>They left.</p></body></html>"#,
    );
    dir.write(
        "post.md",
        "---\ntitle: Vote count\ndate: 2020-11-04\n---\nThe count went on.\n",
    );
    dir.write("2019-05-06_wire.txt", "Officials said nothing new.\n");
    dir.write(
        "lede.txt",
        "SEOUL, South Korea (AP) — North Korea on Jan. 5, 2022 fired a missile, officials said.\n",
    );
    let corpus = load(&[dir.path().to_owned()]);
    let find = |name: &str| corpus.articles.iter().find(|a| a.file == name).expect(name);
    let page = find("page.html");
    assert_eq!(page.published.unwrap().to_string(), "2021-10-04");
    assert_eq!(page.published_from, Some(DateSource::HtmlMeta));
    assert_eq!(page.title.as_deref(), Some("Summit ends"));
    assert_eq!(page.paragraphs.len(), 2);
    let post = find("post.md");
    assert_eq!(post.published.unwrap().to_string(), "2020-11-04");
    assert_eq!(post.published_from, Some(DateSource::FrontMatter));
    assert_eq!(
        post.paragraph_text(&post.paragraphs[0]),
        "The count went on."
    );
    let wire = find("2019-05-06_wire.txt");
    assert_eq!(wire.published_from, Some(DateSource::FileName));
    let lede = find("lede.txt");
    assert_eq!(lede.published.unwrap().to_string(), "2022-01-05");
    assert_eq!(lede.published_from, Some(DateSource::Text));
}

/// Saved wire articles state their date in many layouts: each is read as the publication
/// date, a slashed date's order is settled by the dateline, and a date in a body sentence
/// never wins over a header or footer line.
#[test]
fn date_lines_in_headers_and_footers_in_any_layout() {
    let dir = Dir::new();
    let body = "Ministers met on Tuesday to discuss the alliance and trade.\n";
    dir.write(
        "stamp.txt",
        format!("TRADE TALKS RESUME\n14-FEB-1989 10:02:44.17\n\nLONDON, Feb 14 - {body}"),
    );
    dir.write("dotted.txt", format!("Talks resume\n03.11.2004\n\n{body}"));
    dir.write(
        "posted.txt",
        format!("Talks resume\nPosted on 23/09/2003\n\n{body}"),
    );
    dir.write(
        "footer.txt",
        format!("Talks resume\n\n{body}\nMore talks are planned.\n\nFiled 12 May 1998\n"),
    );
    dir.write(
        "settled.txt",
        format!("Talks resume\n06/07/2001\n\nPARIS, June 7 - {body}"),
    );
    dir.write(
        "unsettled.txt",
        format!("Talks resume\n06/07/2001\n\n{body}"),
    );
    dir.write(
        "settled_by_body.txt",
        format!("Talks resume\n06/07/2001\n\n{body}\nThe last round ended on 12/28/2000.\n"),
    );
    dir.write(
        "trap.txt",
        "Hostages freed\nPosted on 23/11/2005\n\nThe hostages will be returned on July 1, 2030, officials said.\n",
    );
    dir.write(
        "cjk.txt",
        "外相会談\n2022年1月7日\n\n日本と米国の外相は金曜日に会談した。\n",
    );
    let corpus = load(&[dir.path().to_owned()]);
    let date = |name: &str| {
        let a = corpus.articles.iter().find(|a| a.file == name).expect(name);
        (a.published.map(|d| d.to_string()), a.published_from)
    };
    let line = Some(DateSource::DateLine);
    assert_eq!(date("stamp.txt"), (Some("1989-02-14".into()), line));
    assert_eq!(date("dotted.txt"), (Some("2004-11-03".into()), line));
    assert_eq!(date("posted.txt"), (Some("2003-09-23".into()), line));
    assert_eq!(date("footer.txt"), (Some("1998-05-12".into()), line));
    assert_eq!(date("settled.txt"), (Some("2001-06-07".into()), line));
    assert_eq!(
        date("unsettled.txt"),
        (
            Some("2001-07-06".into()),
            Some(DateSource::DateLineUnsettled)
        )
    );
    // Another slashed date of the article can only be month first: so is the date line.
    assert_eq!(
        date("settled_by_body.txt"),
        (Some("2001-06-07".into()), line)
    );
    assert_eq!(date("trap.txt"), (Some("2005-11-23".into()), line));
    assert_eq!(date("cjk.txt"), (Some("2022-01-07".into()), line));
}

/// A saved news page as browsers write it: navigation, cookie notice, related links and a
/// footer around the story; JSON-LD with the published date and a later update.
#[test]
fn a_saved_web_page_yields_only_its_article_and_its_first_publication_date() {
    let dir = Dir::new();
    dir.write(
        "summit.html",
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Leaders agree on grain corridor | World News Daily</title>
<meta property="og:title" content="Leaders agree on grain corridor">
<meta property="article:modified_time" content="2022-07-25T16:00:00+03:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Leaders agree on grain corridor","datePublished":"2022-07-22T18:05:00+03:00",
"dateModified":"2022-07-25T16:00:00+03:00"}</script></head>
<body><div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Leaders agree on grain corridor</h1>
<p class="byline">By Staff Reporter · <time datetime="2022-07-22">22 July 2022</time> · Updated 25 July 2022</p>
<p>ISTANBUL, July 22 — Russia and Ukraine signed an agreement in Istanbul on Friday to reopen
the Black Sea ports to grain exports, officials said after a ceremony at the Dolmabahce palace.</p>
<p>The deal, brokered by Turkey and the United Nations, sets up a joint coordination centre that
will inspect ships before they sail, the officials said on Friday evening.</p>
<p>The first shipments could leave Odesa within weeks, according to a statement released by the
United Nations after the talks, which lasted several hours.</p></article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Wheat prices fall sharply in Chicago</a></li>
<li><a href="/b">Drought threatens the harvest across southern Europe</a></li></ul></aside></main>
<footer><p>© 2022 World News Daily. Privacy policy. Terms of use. Contact us.</p></footer>
</body></html>"#,
    );
    let corpus = load(&[dir.path().to_owned()]);
    let page = &corpus.articles[0];
    assert_eq!(
        page.published.map(|d| d.to_string()).as_deref(),
        Some("2022-07-22")
    );
    assert_eq!(page.published_from, Some(DateSource::HtmlMeta));
    assert_eq!(
        page.title.as_deref(),
        Some("Leaders agree on grain corridor")
    );
    let text: Vec<&str> = page
        .paragraphs
        .iter()
        .map(|p| page.paragraph_text(p))
        .collect();
    assert!(
        text.iter().any(|p| p.starts_with("ISTANBUL, July 22")),
        "{text:#?}"
    );
    assert!(text.iter().any(|p| p.contains("within weeks")), "{text:#?}");
    for junk in [
        "cookies",
        "Business",
        "Related stories",
        "Wheat prices",
        "Privacy policy",
    ] {
        assert!(
            text.iter().all(|p| !p.contains(junk)),
            "{junk:?} kept: {text:#?}"
        );
    }
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
}

/// A page that states only when it was updated gets that date, marked estimated, and a
/// warning: the first publication may be earlier.
#[test]
fn a_page_with_only_an_updated_date_is_estimated_in_the_json() {
    let dir = Dir::new();
    dir.write(
        "updated.html",
        r#"<html><head><meta property="article:modified_time" content="2021-05-05T10:00:00Z"></head>
<body><article><p>The ministers of both countries met in Geneva on Tuesday for talks on trade,
energy and security, officials said after the meeting ended late in the evening.</p></article></body></html>"#,
    );
    let json = extract_json(&[dir.path().to_str().expect("utf-8 path")]);
    let article = &json["articles"][0];
    assert_eq!(article["published"], "2021-05-05");
    assert_eq!(article["published_from"], "page_modified");
    assert_eq!(article["published_estimated"], true);
    let problems = json["problems"].as_array().expect("problems");
    assert!(
        problems.iter().any(|p| p["warning"] == true
            && p["reason"]
                .as_str()
                .is_some_and(|r| r.contains("last update"))),
        "{problems:?}"
    );
}
