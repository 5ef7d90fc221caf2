//! Mentions → events: the same event reported in several places becomes one event with
//! several sources; different events of a kind on the same day stay apart.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::similarity::{ShortKeyBuild, jaccard};

use chrono::Datelike;

use super::build::{build_event, most_precise};
use super::mention::{DatedBy, Mention};
use super::{Event, Timeline};
use crate::ingest::Corpus;
use crate::temporal::Interval;

/// Keyword overlap (Jaccard) above which two reports of a kind on compatible dates are one event.
const SAME_EVENT_SIMILARITY: f64 = 0.25;
/// Within two copies of one report, same-kind mentions on the same dates need less.
const SAME_REPORT_SIMILARITY: f64 = 0.15;
/// Undated reports need more agreement, having no date to agree on.
const SAME_UNDATED_SIMILARITY: f64 = 0.4;
/// How many later clusters one cluster is compared with in the date sweep.
const SWEEP_LIMIT: usize = 400;
/// Mentions of one kind later in the same article that a mention is compared with. Output
/// on the sample, the 40 dev articles and TBAQ's 256 texts is the same as comparing all pairs.
const WITHIN_ARTICLE_LIMIT: usize = 100;
/// Fewer rows than this are not worth a thread of their own in the sweep.
const MIN_SWEEP_CHUNK: usize = 512;

/// A group of mentions of one article believed to report one event. Most have one member,
/// which lends its word lists instead of copying them: a big corpus makes 100,000s.
#[derive(Debug, Clone)]
pub struct Cluster<'m> {
    pub kind: usize,
    pub article: usize,
    /// Indices of the members in their article's mention list, increasing.
    pub members: Vec<usize>,
    pub interval: Option<Interval>,
    pub story: bool,
    /// Sorted hashes of the members' neighbourhood words.
    pub keywords: Cow<'m, [u64]>,
    /// Sorted hashes of the words of person-like names.
    pub participants: Cow<'m, [u64]>,
    /// Sorted hashes of the names the members give as their other side ("met Kibaki").
    pub counterparts: Cow<'m, [u64]>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        Self((0..n).collect())
    }
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            self.0[r] = self.0[self.0[r]];
            r = self.0[r];
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }

    /// The groups, each in increasing order, ordered by their first member. A root is its
    /// group's smallest member, so a group's slot is made when its root is reached.
    fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut slot_of_root = vec![usize::MAX; self.0.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..self.0.len() {
            let root = self.find(i);
            if slot_of_root[root] == usize::MAX {
                slot_of_root[root] = groups.len();
                groups.push(Vec::new());
            }
            groups[slot_of_root[root]].push(i);
        }
        groups
    }
}

/// Groups one article's mentions: the story's own event, then same-kind mentions whose
/// dates agree and whose sentences say the same things.
#[must_use]
pub fn within_article(article: usize, mentions: &[Mention]) -> Vec<Cluster<'_>> {
    let n = mentions.len();
    let mut uf = UnionFind::new(n);
    let people: Vec<&[u64]> = mentions.iter().map(|m| &*m.people).collect();
    // Each mention is compared with the next `WITHIN_ARTICLE_LIMIT` mentions of its kind in text
    // order: every pair in any real article (a few dozen mentions of a kind), and a bounded
    // cost per mention in a file of 40,000 one-line reports, which compared all pairs
    // took minutes for. Farther pairs still join through the mentions between them.
    let mut by_kind: Vec<Vec<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if by_kind.len() <= m.kind {
            by_kind.resize_with(m.kind + 1, Vec::new);
        }
        by_kind[m.kind].push(i);
    }
    let pairs = by_kind.iter().flat_map(|same_kind| {
        same_kind.iter().enumerate().flat_map(move |(p, &i)| {
            same_kind[p + 1..]
                .iter()
                .take(WITHIN_ARTICLE_LIMIT)
                .map(move |&j| (i, j))
        })
    });
    for (i, j) in pairs {
        let (a, b) = (&mentions[i], &mentions[j]);
        // Cheapest tests first; a pair already grouped needs no comparison.
        if !compatible(a.interval, b.interval) || uf.find(i) == uf.find(j) {
            continue;
        }
        // Two references to the story's own event are one event whoever they name.
        if a.story && b.story && a.interval == b.interval {
            uf.union(i, j);
            continue;
        }
        let both_dated = a.interval.is_some() && b.interval.is_some();
        // "The talks" and the talks the article dates on the story's day, whoever each names.
        let same_story_event = (a.story || b.story)
            && both_dated
            && a.interval.map(|x| x.start) == b.interval.map(|x| x.start)
            && is_story_day(a, b);
        if same_story_event {
            uf.union(i, j);
            continue;
        }
        if different_people(people[i], people[j])
            || different_counterparts(a.counterpart(), b.counterpart())
        {
            continue;
        }
        let same_place = a.paragraph == b.paragraph && both_dated;
        let threshold = if both_dated {
            SAME_EVENT_SIMILARITY
        } else {
            SAME_UNDATED_SIMILARITY
        };
        if same_place || jaccard(&a.keywords, &b.keywords) >= threshold {
            uf.union(i, j);
        }
    }
    uf.groups()
        .into_iter()
        .map(|members| {
            let ms = || members.iter().map(|&i| &mentions[i]);
            let first = &mentions[members[0]];
            // Mention lists are sorted and deduplicated already: one member lends its own.
            let (keywords, participants, counterparts) = if members.len() == 1 {
                (
                    Cow::Borrowed(first.keywords.as_slice()),
                    Cow::Borrowed(&*first.people),
                    Cow::Borrowed(first.counterpart()),
                )
            } else {
                (
                    Cow::Owned(union_sorted(ms().map(|m| m.keywords.as_slice()))),
                    Cow::Owned(union_sorted(ms().map(|m| &*m.people))),
                    Cow::Owned(union_sorted(ms().map(Mention::counterpart))),
                )
            };
            Cluster {
                kind: first.kind,
                article,
                interval: most_precise(ms().filter_map(|m| m.interval)),
                story: ms().any(|m| m.story),
                keywords,
                participants,
                counterparts,
                members,
            }
        })
        .collect()
}

/// A story reference joins a mention dated on the story's day by its own clause or lede.
fn is_story_day(a: &Mention, b: &Mention) -> bool {
    let other = if a.story { b } else { a };
    matches!(
        other.dated_by,
        Some(DatedBy::Clause | DatedBy::Lede | DatedBy::Sentence)
    )
}

/// Merges clusters from all articles. `same_story(a, b)` says whether two articles report the
/// same story (syndicated or rewritten copies), which lets their story events merge. Kinds never
/// merge with each other, so each kind is merged on its own thread.
pub fn across_articles(
    clusters: &[Cluster<'_>],
    same_story: impl Fn(usize, usize) -> bool + Sync,
) -> Vec<Vec<usize>> {
    // Kinds are small indices: one list per kind, no hashing of 100,000s of keys.
    let kind_count = clusters.iter().map(|c| c.kind + 1).max().unwrap_or(0);
    let mut kinds: Vec<Vec<usize>> = vec![Vec::new(); kind_count];
    for (i, c) in clusters.iter().enumerate() {
        kinds[c.kind].push(i);
    }
    kinds.retain(|members| !members.is_empty());
    kinds.sort_by_key(|k| std::cmp::Reverse(k.len()));
    let mut out: Vec<Vec<usize>> = kinds
        .par_iter()
        .flat_map_iter(|members| merge_kind(clusters, members, &same_story))
        .collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// Groups the clusters `members` (all of one kind); returns groups of cluster indices.
fn merge_kind(
    clusters: &[Cluster<'_>],
    members: &[usize],
    same_story: &(impl Fn(usize, usize) -> bool + Sync),
) -> Vec<Vec<usize>> {
    // Sized up front: a kind can hold most of 100,000s of clusters, and growing copied them.
    let mut dated: Vec<Row> = Vec::with_capacity(members.len());
    dated.extend((0..members.len()).filter_map(|k| {
        let cluster = &clusters[members[k]];
        cluster.interval.map(|iv| Row {
            start: iv.start.num_days_from_ce(),
            end: iv.end.num_days_from_ce(),
            article: cluster.article,
            member: k,
            story: cluster.story,
            keywords: &cluster.keywords,
            participants: &cluster.participants,
            counterparts: &cluster.counterparts,
        })
    }));
    // Members are unique: the same order a stable sort by start gives, without its buffer.
    dated.sort_unstable_by_key(|row| (row.start, row.member));
    // Undated clusters: only against undated ones in same-story articles.
    let undated: Vec<usize> = (0..members.len())
        .filter(|&k| clusters[members[k]].interval.is_none())
        .collect();
    // Both sweeps in parallel chunks, as one kind can hold most clusters. Joining is
    // order-free (the groups are those of every pair that passes), so each chunk returns the
    // joins it made and joining them all gives the groups one sweep would.
    let joins = in_chunks(dated.len(), |rows| sweep(&dated, rows, same_story));
    let undated_joins = in_chunks(undated.len(), |rows| {
        undated_sweep(clusters, members, &undated, rows, same_story)
    });
    let mut uf = UnionFind::new(members.len());
    for (i, j) in joins.into_iter().chain(undated_joins) {
        uf.union(i, j);
    }
    uf.groups()
        .into_iter()
        .map(|group| group.into_iter().map(|k| members[k]).collect())
        .collect()
}

/// The joins `sweep` makes over `0..len`, run in parallel chunks of rows.
fn in_chunks(
    len: usize,
    sweep: impl Fn(std::ops::Range<usize>) -> Vec<(usize, usize)> + Sync,
) -> Vec<(usize, usize)> {
    let rows_per_chunk = len
        .div_ceil(4 * rayon::current_num_threads())
        .max(MIN_SWEEP_CHUNK);
    let starts: Vec<usize> = (0..len).step_by(rows_per_chunk).collect();
    starts
        .into_par_iter()
        .flat_map_iter(|from| sweep(from..(from + rows_per_chunk).min(len)))
        .collect()
}

/// `same_story`, asked once per pair of articles: a window compares the clusters of two
/// articles many times over.
fn memoised(
    same_story: &(impl Fn(usize, usize) -> bool + Sync),
) -> impl FnMut(usize, usize) -> bool + '_ {
    let mut known: HashMap<(usize, usize), bool, ShortKeyBuild> = HashMap::default();
    move |x, y| {
        *known
            .entry((x.min(y), x.max(y)))
            .or_insert_with(|| same_story(x, y))
    }
}

/// Joins among the undated clusters `undated` (indices into the kind's `members`) from the
/// positions `rows`: each against the next ones in order. Pairs are (member, member) indices.
fn undated_sweep(
    clusters: &[Cluster<'_>],
    members: &[usize],
    undated: &[usize],
    rows: std::ops::Range<usize>,
    same_story: &(impl Fn(usize, usize) -> bool + Sync),
) -> Vec<(usize, usize)> {
    let cluster = |p: usize| &clusters[members[undated[p]]];
    let mut same_story = memoised(same_story);
    let joins = sweep_rows(
        undated.len(),
        rows,
        |_, _| true,
        |p, q| {
            let (a, b) = (cluster(p), cluster(q));
            a.article != b.article
                && jaccard(&a.keywords, &b.keywords) >= SAME_UNDATED_SIMILARITY
                && same_story(a.article, b.article)
        },
    );
    joins
        .into_iter()
        .map(|(p, q)| (undated[p], undated[q]))
        .collect()
}

/// A dated cluster as the sweep reads it, from one array in date order: days as integers,
/// compared without calendar arithmetic, and the word lists at hand, in the innermost loop of
/// merging.
#[derive(Debug, Clone, Copy)]
struct Row<'c> {
    start: i32,
    end: i32,
    article: usize,
    /// Index into the kind's `members`.
    member: usize,
    story: bool,
    keywords: &'c [u64],
    participants: &'c [u64],
    counterparts: &'c [u64],
}

/// Joins of the date sweep from the rows `rows` of `dated`: each row against the rows after it
/// whose dates it can still reach. Pairs are (member, member) indices.
fn sweep(
    dated: &[Row<'_>],
    rows: std::ops::Range<usize>,
    same_story: &(impl Fn(usize, usize) -> bool + Sync),
) -> Vec<(usize, usize)> {
    let mut same_story = memoised(same_story);
    // Across articles a day apart still counts (and is flagged). Rows come by start: once one
    // starts after `a` ends, all the rest do.
    let reaches = |p: usize, q: usize| dated[q].start <= dated[p].end + 1;
    let joins = sweep_rows(dated.len(), rows, reaches, |p, q| {
        let (a, b) = (&dated[p], &dated[q]);
        if a.article == b.article
            || different_people(a.participants, b.participants)
            || different_counterparts(a.counterparts, b.counterparts)
        {
            return false;
        }
        let similarity = jaccard(a.keywords, b.keywords);
        // Copies of one report describe the same event in other words: a weaker match will do.
        let similar = similarity >= SAME_EVENT_SIMILARITY
            || (similarity >= SAME_REPORT_SIMILARITY && same_story(a.article, b.article));
        similar || (a.story && b.story && a.start == b.start && same_story(a.article, b.article))
    });
    joins
        .into_iter()
        .map(|(p, q)| (dated[p].member, dated[q].member))
        .collect()
}

/// The pairs of positions among `0..len` that `join` accepts, from the positions `rows`: each
/// against the next [`SWEEP_LIMIT`] while `reaches` holds. Pairs already joined here need no
/// comparison (most pairs in a window are copies of one report): that test comes first,
/// against a root found once per row, over positions that are neighbours in memory.
fn sweep_rows(
    len: usize,
    rows: std::ops::Range<usize>,
    reaches: impl Fn(usize, usize) -> bool,
    mut join: impl FnMut(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut joins = Vec::new();
    let mut uf = UnionFind::new(len);
    for p in rows {
        let mut root = uf.find(p);
        for q in p + 1..len.min(p + 1 + SWEEP_LIMIT) {
            if !reaches(p, q) {
                break;
            }
            if uf.find(q) != root && join(p, q) {
                uf.union(p, q);
                joins.push((p, q));
                root = uf.find(p);
            }
        }
    }
    joins
}

/// Dates agree when they overlap (within an article; across articles the sweep also accepts
/// a day apart, and flags it).
fn compatible(a: Option<Interval>, b: Option<Interval>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
        (None, None) => true,
        _ => false,
    }
}

fn union_sorted<'a>(lists: impl Iterator<Item = &'a [u64]>) -> Vec<u64> {
    let mut out: Vec<u64> = lists.flatten().copied().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Person names known on both sides and sharing no word: different people, different events.
/// Places and institutions are left out: two reports of one event name different places.
fn different_people(a: &[u64], b: &[u64]) -> bool {
    !a.is_empty() && !b.is_empty() && crate::similarity::shared(a, b) == 0
}

/// Both sides name whom the event was with, and no word of those names is shared: "Hu met
/// Kibaki" and "Hu met Bachelet" the same day are two meetings.
fn different_counterparts(a: &[u64], b: &[u64]) -> bool {
    !a.is_empty() && !b.is_empty() && crate::similarity::shared(a, b) == 0
}

/// Merges per-article mentions (indexed like `corpus.articles`) into events.
#[must_use]
pub fn merge(corpus: &Corpus, mentions: &[Vec<Mention>]) -> Timeline {
    // Per article, then into one vector of the exact size: collecting 100,000s of clusters
    // through a growing vector copied them several times over fresh pages.
    let per_article: Vec<Vec<Cluster>> = mentions
        .par_iter()
        .enumerate()
        .map(|(a, ms)| within_article(a, ms))
        .collect();
    let mut clusters = Vec::with_capacity(per_article.iter().map(Vec::len).sum());
    for article_clusters in per_article {
        clusters.extend(article_clusters);
    }
    // Same-story fingerprints, made in parallel for the articles that have events.
    let fingerprints: Vec<Vec<u64>> = corpus
        .articles
        .par_iter()
        .zip(mentions.par_iter())
        .map(|(a, ms)| {
            if ms.is_empty() {
                Vec::new()
            } else {
                crate::similarity::shingles(opening(&a.text))
            }
        })
        .collect();
    let groups = across_articles(&clusters, |a, b| {
        crate::similarity::containment(&fingerprints[a], &fingerprints[b])
            >= crate::similarity::SAME_STORY_CONTAINMENT
    });
    let mut events: Vec<Event> = groups
        .into_par_iter()
        .map(|group| {
            let members: Vec<(usize, usize)> = group
                .iter()
                .flat_map(|&c| {
                    let cluster = &clusters[c];
                    cluster.members.iter().map(|&i| (cluster.article, i))
                })
                .collect();
            build_event(clusters[group[0]].kind, &members, mentions)
        })
        .collect();
    sort_events(&mut events);
    Timeline { events }
}

/// Orders events by date (undated last), kind and label, and numbers them in that order.
pub fn sort_events(events: &mut [Event]) {
    events.sort_by(|a, b| {
        let key = |e: &Event| {
            (
                e.interval.is_none(),
                e.interval.map(|iv| (iv.start, iv.end)),
                e.kind,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.label.cmp(&b.label))
    });
    for (id, e) in events.iter_mut().enumerate() {
        e.id = id;
    }
}

/// The first ~2 KB of an article, cut at a character boundary: copies and rewrites of one
/// report agree most in their opening, and fingerprinting only it halves the hashing.
fn opening(text: &str) -> &str {
    const OPENING_BYTES: usize = 2048;
    if text.len() <= OPENING_BYTES {
        return text;
    }
    let cut = (0..=OPENING_BYTES)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::Precision;
    use chrono::NaiveDate;

    /// One cluster per article, three a day for `n / 3` days, alternating between two stories
    /// whose words share nothing.
    fn two_stories(n: usize) -> Vec<Cluster<'static>> {
        let first = NaiveDate::from_ymd_opt(2021, 1, 1).expect("a date");
        (0..n)
            .map(|k| {
                let day = first + chrono::Duration::days((k / 3) as i64);
                let words: Vec<u64> = if k % 2 == 0 {
                    (1..=10).collect()
                } else {
                    (100..=110).collect()
                };
                Cluster {
                    kind: 0,
                    article: k,
                    members: vec![0],
                    interval: Some(Interval {
                        start: day,
                        end: day,
                        precision: Precision::Day,
                    }),
                    story: false,
                    keywords: Cow::Owned(words),
                    participants: Cow::Owned(Vec::new()),
                    counterparts: Cow::Owned(Vec::new()),
                }
            })
            .collect()
    }

    #[test]
    fn the_sweep_joins_across_its_parallel_chunks() {
        // More rows than one chunk holds: each story's chain of days crosses chunk borders.
        let clusters = two_stories(3 * MIN_SWEEP_CHUNK);
        let groups = across_articles(&clusters, |_, _| false);
        assert_eq!(
            groups.len(),
            2,
            "{:?}",
            groups.iter().map(Vec::len).collect::<Vec<_>>()
        );
        for group in &groups {
            assert_eq!(group.len(), clusters.len() / 2);
            let story = group[0] % 2;
            assert!(group.iter().all(|&c| c % 2 == story));
        }
    }

    #[test]
    fn undated_reports_join_across_parallel_chunks_only_within_a_story() {
        let mut clusters = two_stories(3 * MIN_SWEEP_CHUNK);
        for c in &mut clusters {
            c.interval = None;
        }
        // Articles of one parity are copies of one story.
        let groups = across_articles(&clusters, |a, b| a % 2 == b % 2);
        assert_eq!(groups.len(), 2);
        for group in &groups {
            assert_eq!(group.len(), clusters.len() / 2);
            assert!(group.iter().all(|&c| c % 2 == group[0] % 2));
        }
        // Undated reports of different stories stay apart, however alike their words.
        assert_eq!(
            across_articles(&clusters, |_, _| false).len(),
            clusters.len()
        );
    }
}
