//! Event kinds as data: the rules file format, its errors, and the compiled matcher.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::text::Word;
use crate::similarity::word_hash;

/// The rules shipped with Dateline: meeting, missile test, appointment, infection, agreement,
/// statement.
pub const BUILT_IN: &str = include_str!("../../assets/rules/events.toml");

const DEFAULT_WINDOW: usize = 8;
/// A rules file is a page of TOML; anything this large is something else.
const MAX_RULES_BYTES: u64 = 4 << 20;
/// How many words a `*` in a trigger may skip.
pub(crate) const GAP_WORDS: usize = 3;

#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("rules file {path}: {error}")]
    Read {
        path: String,
        error: crate::read::ReadError,
    },
    #[error("rules file {path}: {message}")]
    Syntax { path: String, message: String },
    #[error("rules file {path}: {at}kind `{kind}`: {message}")]
    Invalid {
        path: String,
        /// "line 4, column 9: ", where the bad value is.
        at: String,
        kind: String,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    kind: Vec<KindSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindSpec {
    name: toml::Spanned<String>,
    label: Option<String>,
    color: toml::Spanned<String>,
    trigger: Vec<TriggerSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerSpec {
    words: Vec<toml::Spanned<String>>,
    #[serde(default)]
    near: Vec<String>,
    #[serde(default)]
    not_near: Vec<String>,
    window: Option<usize>,
    #[serde(default)]
    noun: bool,
}

/// An event kind: its identifier, human label and colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kind {
    pub name: String,
    pub label: String,
    pub color: [u8; 3],
}

/// One word slot of a phrase: the surface forms it accepts, or a gap.
#[derive(Debug, Clone)]
pub(crate) enum Slot {
    Word(Vec<Form>),
    Gap,
    /// `@name`: a capitalised word that does not open its sentence and is no month or
    /// weekday ("met Trump", "visit Baghdad").
    Name,
}

/// A surface form and its [`word_hash`], compared first: most words are no form at all.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub hash: u64,
    pub text: String,
}

impl Form {
    fn new(text: String) -> Self {
        Self {
            hash: word_hash(&text),
            text,
        }
    }

    /// Whether `word` is this form.
    pub fn matches(&self, word: &Word<'_>) -> bool {
        self.hash == word.hash && self.text == word.lower
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub kind: usize,
    pub slots: Vec<Slot>,
    pub near: Phrases,
    pub not_near: Phrases,
    pub window: usize,
    pub noun: bool,
}

impl Pattern {
    /// Whether the `near` words name the trigger's object ("fired … missile", "named … as
    /// envoy"). A list with `@name` only attests who took part ("met Trump"): the label and
    /// the story test then read the trigger as a bare verb.
    pub fn near_is_object(&self) -> bool {
        !self.near.is_empty()
            && !self
                .near
                .list
                .iter()
                .any(|phrase| phrase.iter().any(|slot| matches!(slot, Slot::Name)))
    }
}

/// A `near` or `not_near` list. Every word around every trigger is tried against it: the
/// hashes of the words its phrases can open with turn most of those tries into one lookup
/// instead of a comparison with each form of each phrase.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    pub list: Vec<Vec<Slot>>,
    /// Sorted and deduplicated.
    first_words: Vec<u64>,
    /// One bit per value of the top six bits of each of `first_words`: most words near a
    /// trigger are ruled out by one test instead of a binary search.
    first_word_mask: u64,
    /// Some phrase opens with `@name`.
    first_name: bool,
    /// Some phrase opens with a gap or is empty: any word may start it.
    first_any: bool,
}

impl Phrases {
    fn new(list: Vec<Vec<Slot>>) -> Self {
        let mut set = Self::default();
        for phrase in &list {
            match phrase.first() {
                Some(Slot::Word(forms)) => set.first_words.extend(forms.iter().map(|f| f.hash)),
                Some(Slot::Name) => set.first_name = true,
                Some(Slot::Gap) | None => set.first_any = true,
            }
        }
        set.first_words.sort_unstable();
        set.first_words.dedup();
        set.first_word_mask = set
            .first_words
            .iter()
            .fold(0, |mask, &hash| mask | mask_bit(hash));
        set.list = list;
        set
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether some phrase could start at `word`: false rules every phrase out.
    pub fn may_start_at(&self, word: &Word<'_>) -> bool {
        self.first_any
            || (self.first_name && word.capitalized)
            || (self.first_word_mask & mask_bit(word.hash) != 0
                && self.first_words.binary_search(&word.hash).is_ok())
    }
}

fn mask_bit(hash: u64) -> u64 {
    1 << (hash >> 58)
}

/// Compiled rules: kinds and the trigger patterns indexed by their first word.
#[derive(Debug, Clone)]
pub struct Rules {
    pub kinds: Vec<Kind>,
    pub(crate) patterns: Vec<Pattern>,
    /// Patterns by the hash of a form of their first word (a collision only adds a candidate
    /// that fails to match).
    pub(crate) by_first_word: HashMap<u64, Vec<usize>, crate::similarity::ShortKeyBuild>,
    /// One bit per value of a hash's top 16 bits, set for the first words: nearly every word
    /// of an article starts no trigger, and one bit says so without probing the map.
    first_word_bits: Box<[u64]>,
}

const FIRST_WORD_BITS: usize = 1 << 16;

fn first_word_bit(hash: u64) -> (usize, u64) {
    let bit = (hash >> 48) as usize;
    (bit / 64, 1 << (bit % 64))
}

impl Rules {
    /// The built-in kinds.
    #[must_use]
    pub fn built_in() -> Self {
        Self::parse(BUILT_IN, "built-in rules")
            .unwrap_or_else(|e| unreachable!("built-in rules are valid: {e}"))
    }

    /// The built-in kinds plus those in `files` (a kind of the same name replaces the built-in).
    ///
    /// # Errors
    /// An unreadable file, a TOML syntax error (with line and column), or an invalid kind.
    pub fn built_in_and(files: &[impl AsRef<Path>]) -> Result<Self, RulesError> {
        let mut rules = Self::built_in();
        for file in files {
            let path = file.as_ref();
            let text = crate::read::read_regular_text(path, MAX_RULES_BYTES).map_err(|error| {
                RulesError::Read {
                    path: path.display().to_string(),
                    error,
                }
            })?;
            rules.extend(Self::parse(&text, &path.display().to_string())?);
        }
        Ok(rules)
    }

    /// Parses one rules document; `origin` names it in errors.
    ///
    /// # Errors
    /// TOML syntax errors carry line and column; invalid colours or empty triggers name the kind.
    pub fn parse(text: &str, origin: &str) -> Result<Self, RulesError> {
        let file: RulesFile = toml::from_str(text).map_err(|e| RulesError::Syntax {
            path: origin.to_owned(),
            message: describe_toml_error(text, &e),
        })?;
        let mut rules = Self {
            kinds: Vec::new(),
            patterns: Vec::new(),
            by_first_word: HashMap::default(),
            first_word_bits: Box::default(),
        };
        for spec in file.kind {
            let name = spec.name.get_ref();
            let invalid = |span: std::ops::Range<usize>, message: String| RulesError::Invalid {
                path: origin.to_owned(),
                at: format!("{}: ", line_and_column(text, span.start)),
                kind: name.clone(),
                message,
            };
            let color = parse_color(spec.color.get_ref()).ok_or_else(|| {
                invalid(
                    spec.color.span(),
                    format!("colour `{}` is not #RRGGBB", spec.color.get_ref()),
                )
            })?;
            if name.trim().is_empty() {
                return Err(invalid(spec.name.span(), "the name is empty".into()));
            }
            if spec.trigger.is_empty() {
                return Err(invalid(
                    spec.name.span(),
                    "needs at least one trigger".into(),
                ));
            }
            let kind = rules.kinds.len();
            rules.kinds.push(Kind {
                label: spec.label.clone().unwrap_or_else(|| name.clone()),
                name: name.clone(),
                color,
            });
            for trigger in &spec.trigger {
                let near = Phrases::new(trigger.near.iter().map(|w| phrase(w)).collect());
                let not_near = Phrases::new(trigger.not_near.iter().map(|w| phrase(w)).collect());
                for spanned in &trigger.words {
                    let words = spanned.get_ref();
                    let slots = phrase(words);
                    if !matches!(slots.first(), Some(Slot::Word(_)))
                        || matches!(slots.last(), Some(Slot::Gap))
                    {
                        return Err(invalid(
                            spanned.span(),
                            format!("trigger `{words}` must start and end with a word"),
                        ));
                    }
                    rules.patterns.push(Pattern {
                        kind,
                        slots,
                        near: near.clone(),
                        not_near: not_near.clone(),
                        window: trigger.window.unwrap_or(DEFAULT_WINDOW),
                        noun: trigger.noun,
                    });
                }
            }
        }
        rules.reindex();
        Ok(rules)
    }

    fn extend(&mut self, other: Self) {
        for (k, kind) in other.kinds.into_iter().enumerate() {
            let target = if let Some(existing) = self.kinds.iter().position(|x| x.name == kind.name)
            {
                self.patterns.retain(|p| p.kind != existing);
                self.kinds[existing] = kind;
                existing
            } else {
                self.kinds.push(kind);
                self.kinds.len() - 1
            };
            self.patterns
                .extend(
                    other
                        .patterns
                        .iter()
                        .filter(|p| p.kind == k)
                        .cloned()
                        .map(|mut p| {
                            p.kind = target;
                            p
                        }),
                );
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        self.by_first_word.clear();
        let mut bits = vec![0u64; FIRST_WORD_BITS / 64];
        for (i, p) in self.patterns.iter().enumerate() {
            if let Some(Slot::Word(forms)) = p.slots.first() {
                for form in forms {
                    let (word, bit) = first_word_bit(form.hash);
                    bits[word] |= bit;
                    let patterns = self.by_first_word.entry(form.hash).or_default();
                    if !patterns.contains(&i) {
                        patterns.push(i);
                    }
                }
            }
        }
        self.first_word_bits = bits.into_boxed_slice();
    }

    /// The patterns whose first word may be `word`.
    pub(crate) fn starting_with(&self, word: &Word<'_>) -> &[usize] {
        let (at, bit) = first_word_bit(word.hash);
        if self.first_word_bits.get(at).is_none_or(|w| w & bit == 0) {
            return &[];
        }
        self.by_first_word
            .get(&word.hash)
            .map_or(&[], Vec::as_slice)
    }

    #[must_use]
    pub fn kind_index(&self, name: &str) -> Option<usize> {
        self.kinds.iter().position(|k| k.name == name)
    }
}

/// toml's message already says "at line L, column C"; keep it and drop the source excerpt.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().to_owned();
    match e.span() {
        Some(span) => format!("{}: {message}", line_and_column(text, span.start)),
        None => message,
    }
}

/// "line 4, column 9" of byte `at` in `text`, counting columns in characters.
fn line_and_column(text: &str, at: usize) -> String {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("line {line}, column {column}")
}

fn parse_color(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn phrase(text: &str) -> Vec<Slot> {
    text.split_whitespace()
        .map(|w| {
            if w == "*" {
                Slot::Gap
            } else if w == "@name" {
                Slot::Name
            } else {
                Slot::Word(forms(w).into_iter().map(Form::new).collect())
            }
        })
        .collect()
}

/// Every surface form a rule word stands for: itself, or with `~` all its inflections.
fn forms(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    match lower.strip_suffix('~') {
        Some(lemma) => inflections(lemma),
        None => vec![lower],
    }
}

const IRREGULAR: [(&str, &[&str]); 24] = [
    ("go", &["went", "gone"]),
    ("come", &["came"]),
    ("meet", &["met"]),
    ("hold", &["held"]),
    ("take", &["took", "taken"]),
    ("become", &["became"]),
    ("catch", &["caught"]),
    ("strike", &["struck", "stricken"]),
    ("choose", &["chose", "chosen"]),
    ("swear", &["swore", "sworn"]),
    ("shoot", &["shot"]),
    ("begin", &["began", "begun"]),
    ("lead", &["led"]),
    ("win", &["won"]),
    ("give", &["gave", "given"]),
    ("make", &["made"]),
    ("fall", &["fell", "fallen"]),
    ("break", &["broke", "broken"]),
    ("seek", &["sought"]),
    ("fight", &["fought"]),
    ("lose", &["lost"]),
    ("leave", &["left"]),
    ("sell", &["sold"]),
    ("buy", &["bought"]),
];

/// A past tense or participle: regular ("signed") or one of the known irregulars ("sworn",
/// "met"); the irregulars' lists hold only past forms.
#[must_use]
pub(crate) fn is_past_form(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed"))
        || IRREGULAR.iter().any(|(_, forms)| forms.contains(&word))
}

/// Regular English inflections (third person, past, participle, gerund) plus known irregulars.
/// For hyphenated words only the last part inflects (`test-fire` → `test-fired`).
#[must_use]
pub fn inflections(lemma: &str) -> Vec<String> {
    if let Some((head, last)) = lemma.rsplit_once('-') {
        return inflections(last)
            .into_iter()
            .map(|f| format!("{head}-{f}"))
            .collect();
    }
    let mut out = vec![lemma.to_owned()];
    let b = lemma.as_bytes();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let n = b.len();
    let ends = |s: &str| lemma.ends_with(s);
    // third person
    if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
        out.push(format!("{lemma}es"));
    } else if n > 1 && ends("y") && !is_vowel(b[n - 2]) {
        out.push(format!("{}ies", &lemma[..n - 1]));
    } else {
        out.push(format!("{lemma}s"));
    }
    // single-syllable consonant-vowel-consonant doubles: step → stepped, plan → planned
    let vowel_groups = b
        .windows(2)
        .filter(|w| !is_vowel(w[0]) && is_vowel(w[1]))
        .count()
        + usize::from(b.first().is_some_and(|&c| is_vowel(c)));
    // Longer verbs stressed on a last short syllable double too: admitted, occurred,
    // expelled, controlled (not "offered", "visited": those endings are unstressed).
    let stressed_ending = ["mit", "cur", "pel", "trol"].iter().any(|e| ends(e)) && n > 4;
    let doubles = stressed_ending
        || n >= 3
            && vowel_groups == 1
            && !is_vowel(b[n - 1])
            && is_vowel(b[n - 2])
            && !is_vowel(b[n - 3])
            && !matches!(b[n - 1], b'w' | b'x' | b'y');
    let stem = if doubles {
        format!("{lemma}{}", b[n - 1] as char)
    } else {
        lemma.to_owned()
    };
    if ends("e") {
        out.push(format!("{lemma}d"));
        out.push(format!("{}ing", &lemma[..n - 1]));
    } else if n > 1 && ends("y") && !is_vowel(b[n - 2]) {
        out.push(format!("{}ied", &lemma[..n - 1]));
        out.push(format!("{lemma}ing"));
    } else {
        out.push(format!("{stem}ed"));
        out.push(format!("{stem}ing"));
    }
    if let Some((_, irregular)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        out.extend(irregular.iter().map(|s| (*s).to_owned()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_of_regular_and_irregular_verbs() {
        let has = |lemma: &str, form: &str| inflections(lemma).iter().any(|f| f == form);
        assert!(has("meet", "met") && has("meet", "meeting") && has("meet", "meets"));
        assert!(has("fire", "fired") && has("fire", "firing"));
        assert!(has("step", "stepped") && has("plan", "planning"));
        assert!(has("visit", "visited") && !has("visit", "visitted"));
        assert!(has("test-fire", "test-fired"));
        assert!(has("ratify", "ratified") && has("ratify", "ratifies"));
        assert!(has("take", "took") && has("take", "taken"));
        assert!(has("admit", "admitted") && has("admit", "admitting"));
        assert!(has("occur", "occurred") && has("control", "controlled"));
        assert!(has("offer", "offered") && !has("offer", "offerred"));
    }

    #[test]
    fn built_in_rules_parse() {
        let rules = Rules::built_in();
        let names: Vec<&str> = rules.kinds.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "meeting",
                "missile_test",
                "appointment",
                "infection",
                "agreement",
                "statement"
            ]
        );
        assert!(rules.by_first_word.contains_key(&word_hash("fired")));
    }

    #[test]
    fn malformed_rules_say_line_and_column() {
        let bad = "[[kind]]\nname = \"protest\"\ncolor = \"#FF0000\"\ntrigger = [ { words = [\"march~\" } ]\n";
        let err = Rules::parse(bad, "protest.toml").unwrap_err().to_string();
        assert!(
            err.contains("protest.toml") && err.contains("line 4"),
            "{err}"
        );
        let bad_color = "[[kind]]\nname = \"protest\"\ncolor = \"red\"\n[[kind.trigger]]\nwords = [\"protest~\"]\n";
        let err = Rules::parse(bad_color, "p.toml").unwrap_err().to_string();
        assert!(err.contains("protest") && err.contains("#RRGGBB"), "{err}");
        assert!(err.contains("line 3, column 9"), "{err}");
        let empty_name =
            "[[kind]]\nname = \"  \"\ncolor = \"#FF0000\"\n[[kind.trigger]]\nwords = [\"x\"]\n";
        let err = Rules::parse(empty_name, "p.toml").unwrap_err().to_string();
        assert!(
            err.contains("line 2, column 8") && err.contains("empty"),
            "{err}"
        );
        let gap = "[[kind]]\nname = \"p\"\ncolor = \"#FF0000\"\n[[kind.trigger]]\nwords = [\"ok\", \"* marched\"]\n";
        let err = Rules::parse(gap, "p.toml").unwrap_err().to_string();
        assert!(err.contains("line 5, column 16"), "{err}");
        let unknown = "[[kind]]\nname = \"x\"\ncolour = \"#000000\"\n";
        let err = Rules::parse(unknown, "x.toml").unwrap_err().to_string();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn user_kinds_extend_and_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quake.toml");
        std::fs::write(&path, "[[kind]]\nname = \"earthquake\"\ncolor = \"#884400\"\n[[kind.trigger]]\nwords = [\"earthquake\", \"quake\", \"tremor\"]\nnoun = true\n").unwrap();
        let rules = Rules::built_in_and(&[&path]).unwrap();
        assert_eq!(rules.kinds.len(), 7);
        assert_eq!(rules.kinds[6].color, [0x88, 0x44, 0]);
        assert!(
            rules.by_first_word[&word_hash("quake")]
                .iter()
                .all(|&p| rules.patterns[p].kind == 6)
        );
    }
}
