//! Cheap text fingerprints: sorted 64-bit hashes of words or word trigrams, compared by a
//! linear merge (no hashing or allocation at comparison time).

/// Share of the smaller text's word trigrams found in the other above which two articles are
/// copies or rewrites of one report; different stories share almost none.
pub const SAME_STORY_CONTAINMENT: f64 = 0.2;

/// FNV-1a over lowercased bytes: stable across runs and platforms, and fast on short words.
#[must_use]
pub const fn word_hash(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i].to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// A `Hasher` for short string keys (rule words): FNV-1a, much cheaper than `SipHash` here and
/// safe because the keys come from the rules, not from an adversary.
#[derive(Default, Clone, Copy)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Builds [`FnvHasher`]s for `HashMap`s keyed by words.
pub type FnvBuild = std::hash::BuildHasherDefault<FnvHasher>;

/// Sorted, deduplicated hashes of the lowercase word trigrams of `text`: words are runs of
/// alphanumeric characters, each hashed as [`word_hash`] would.
#[must_use]
pub fn shingles(text: &str) -> Vec<u64> {
    const START: u64 = word_hash("");
    let bytes = text.as_bytes();
    // About one word per six bytes, one trigram per word.
    let mut out: Vec<u64> = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut last_two: [u64; 2] = [0; 2];
    let mut words_seen = 0usize;
    let mut hash = START;
    let mut in_word = false;
    let mut i = 0;
    // Byte by byte, decoding only non-ASCII characters: the words of every article with an
    // event are hashed, and nearly all of them are ASCII.
    while i <= bytes.len() {
        let (alphanumeric, len) = match bytes.get(i) {
            None => (false, 1),
            Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            Some(_) => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        };
        if alphanumeric {
            for &b in &bytes[i..i + len] {
                hash = (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
            }
            in_word = true;
        } else if in_word {
            if words_seen >= 2 {
                out.push(last_two[0].rotate_left(42) ^ last_two[1].rotate_left(21) ^ hash);
            }
            last_two = [last_two[1], hash];
            words_seen += 1;
            hash = START;
            in_word = false;
        }
        i += len;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Size of the intersection of two sorted, deduplicated lists.
#[must_use]
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// |A ∩ B| / min(|A|, |B|).
#[must_use]
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    shared(a, b) as f64 / small as f64
}

/// |A ∩ B| / |A ∪ B|.
#[must_use]
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let n = shared(a, b);
    n as f64 / (a.len() + b.len() - n) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_share_trigrams_and_other_stories_do_not() {
        let a = shingles("Ministers met in Tokyo on Friday to discuss the alliance and trade.");
        let b = shingles("ministers met in TOKYO on Friday to discuss the alliance, and trade!");
        let c = shingles("Farm prices fell sharply in the spring as rain ruined the harvest.");
        assert!((containment(&a, &b) - 1.0).abs() < 1e-9);
        assert!(containment(&a, &c) < 0.05);
        assert!((jaccard(&[1, 2, 3], &[2, 3, 4]) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn shingles_hash_word_trigrams_of_any_script() {
        // word_hash folds ASCII case only.
        let trigram = |a: &str, b: &str, c: &str| {
            word_hash(a).rotate_left(42) ^ word_hash(b).rotate_left(21) ^ word_hash(c)
        };
        let mut expected = vec![
            trigram("Über", "den", "gipfel"),
            trigram("den", "gipfel", "2021"),
        ];
        expected.sort_unstable();
        assert_eq!(shingles("— Über den Gipfel, 2021!"), expected);
        assert!(shingles("two words").is_empty());
    }
}
