//! Cheap text fingerprints: sorted 64-bit hashes of words or word trigrams, compared by a
//! linear merge (no hashing or allocation at comparison time).

/// Share of the smaller text's word trigrams found in the other above which two articles are
/// copies or rewrites of one report; different stories share almost none.
pub const SAME_STORY_CONTAINMENT: f64 = 0.2;

/// A word's hash with ASCII case folded: its bytes in little-endian chunks of eight (the last
/// zero-padded), one multiplication each, seeded with the length so that "ab" is not "ab\0".
/// Every word of every article is hashed, and a byte-at-a-time hash would chain a multiply
/// per letter. Stable across runs and platforms; const, for tables built at compile time.
#[must_use]
pub const fn word_hash(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut hash = word_hash_seed(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let mut chunk = 0;
        let mut k = 0;
        while k < 8 && at + k < bytes.len() {
            chunk |= (bytes[at + k] as u64) << (8 * k);
            k += 1;
        }
        hash = word_hash_chunk(hash, crate::ascii::lowercase_chunk(chunk));
        at += 8;
    }
    hash
}

/// Where [`word_hash`] starts for a word of `len` bytes.
const fn word_hash_seed(len: usize) -> u64 {
    ShortKeyHasher::K ^ len as u64
}

/// [`word_hash`] one chunk further: up to eight of the word's bytes, little-endian, zero past
/// its end, ASCII capitals already lowercased by [`crate::ascii::lowercase_chunk`].
const fn word_hash_chunk(hash: u64, lowered: u64) -> u64 {
    let h = (hash ^ lowered).wrapping_mul(ShortKeyHasher::K);
    h ^ (h >> 32)
}

/// A word of some text as [`scan_word`] reads it.
pub(crate) struct WordScan {
    /// [`word_hash`] of the word.
    pub hash: u64,
    pub ascii: bool,
    /// It holds an ASCII capital.
    pub capital: bool,
}

/// [`word_hash`] of the word `bytes[start..end]` (not empty), read eight bytes at a time
/// where `word_hash` gathers them one by one for `const` use, and in the same pass whether
/// the word is ASCII and holds a capital: the scanners that split every article call this.
pub(crate) fn scan_word(bytes: &[u8], start: usize, end: usize) -> WordScan {
    let mut hash = word_hash_seed(end - start);
    let (mut high_bits, mut capitals) = (0, 0);
    let mut at = start;
    while at < end {
        let chunk = load_chunk(bytes, at, end);
        let lowered = crate::ascii::lowercase_chunk(chunk);
        high_bits |= chunk & 0x8080_8080_8080_8080;
        capitals |= lowered ^ chunk;
        hash = word_hash_chunk(hash, lowered);
        at += 8;
    }
    WordScan {
        hash,
        ascii: high_bits == 0,
        capital: capitals != 0,
    }
}

/// Bytes `at..end` of `bytes` (one to eight) as a little-endian word, zero past `end`: one
/// wide load when eight bytes are there to read.
fn load_chunk(bytes: &[u8], at: usize, end: usize) -> u64 {
    let n = (end - at).min(8);
    let mut chunk = [0u8; 8];
    match bytes.get(at..at + 8) {
        Some(wide) => chunk.copy_from_slice(wide),
        None => chunk[..n].copy_from_slice(&bytes[at..at + n]),
    }
    u64::from_le_bytes(chunk) & (u64::MAX >> (8 * (8 - n)))
}

/// A `Hasher` for short keys (rule words, names, packed integers): eight bytes per
/// multiplication, much cheaper than `SipHash` here and safe because no adversary picks the
/// keys to collide.
#[derive(Default, Clone, Copy)]
pub struct ShortKeyHasher(u64);

impl ShortKeyHasher {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    fn mix(&mut self, value: u64) {
        let h = (self.0 ^ value).wrapping_mul(Self::K);
        self.0 = h ^ (h >> 32);
    }
}

impl std::hash::Hasher for ShortKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        let load = |at: usize| {
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(word)
        };
        let mut at = 0;
        while at + 8 <= len {
            self.mix(load(at));
            at += 8;
        }
        // The last bytes in one step, with the length so that "ab" is not "ab\0": the last
        // eight again (overlapping) when there are that many, else gathered one by one.
        let tail = if at == len {
            return;
        } else if len >= 8 {
            load(len - 8)
        } else {
            bytes
                .iter()
                .rev()
                .fold(0, |acc, &b| acc << 8 | u64::from(b))
        };
        self.mix(tail ^ ((len as u64) << 58));
    }

    fn write_u8(&mut self, value: u8) {
        self.mix(u64::from(value) | 1 << 62);
    }

    fn write_u32(&mut self, value: u32) {
        self.mix(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.mix(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.mix(value as u64);
    }
}

/// Builds [`ShortKeyHasher`]s for `HashMap`s keyed by words or integers.
pub type ShortKeyBuild = std::hash::BuildHasherDefault<ShortKeyHasher>;

/// Sorted, deduplicated hashes of the word trigrams of `text`, ASCII case folded: words are
/// runs of alphanumeric characters, hashed by [`word_hash`] eight bytes per step.
#[must_use]
pub fn shingles(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    // About one word per six bytes, one trigram per word.
    let mut out: Vec<u64> = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut last_two: [u64; 2] = [0; 2];
    let mut words_seen = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() && !crate::ascii::is_alphanumeric(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            match bytes.get(i) {
                Some(&b) if crate::ascii::is_alphanumeric(b) => {
                    i = crate::ascii::alphanumeric_run_end(bytes, i + 1);
                }
                Some(b) if !b.is_ascii() => match text[i..].chars().next() {
                    Some(c) if crate::ascii::is_alphanumeric_char(c) => i += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        if i == start {
            // A character that is no letter or digit ("—", "’").
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let hash = scan_word(bytes, start, i).hash;
        if words_seen >= 2 {
            out.push(last_two[0].rotate_left(42) ^ last_two[1].rotate_left(21) ^ hash);
        }
        last_two = [last_two[1], hash];
        words_seen += 1;
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
    fn scanned_words_hash_as_word_hash_does_wherever_they_end() {
        // Words shorter and longer than a chunk, at the very end of the text (no wide load),
        // capitalised or not, ASCII or not.
        for text in [
            "Hypersonic missile",
            "a",
            "Teleconferences",
            "Japan’s talks",
            "U.S.-Japan X",
        ] {
            let bytes = text.as_bytes();
            for start in 0..text.len() {
                for end in start + 1..=text.len() {
                    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                        continue;
                    }
                    let word = &text[start..end];
                    let WordScan {
                        hash,
                        ascii,
                        capital,
                    } = scan_word(bytes, start, end);
                    assert_eq!(hash, word_hash(word), "{word:?}");
                    assert_eq!(ascii, word.is_ascii(), "{word:?}");
                    assert_eq!(
                        capital,
                        word.bytes().any(|b| b.is_ascii_uppercase()),
                        "{word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_hash_folds_ascii_case_only_and_counts_every_byte() {
        assert_eq!(word_hash("Hypersonic"), word_hash("HYPERSONIC"));
        assert_eq!(word_hash("two-plus-two"), word_hash("Two-Plus-Two"));
        assert_ne!(word_hash("Über"), word_hash("über"));
        assert_ne!(word_hash("a"), word_hash("a\0"));
        assert_ne!(word_hash("missile"), word_hash("missiles"));
        assert_ne!(word_hash("teleconference"), word_hash("teleconferences"));
        assert_ne!(word_hash(""), word_hash("\0"));
    }

    #[test]
    fn shingles_hash_word_trigrams_of_any_script() {
        let a = shingles("— Über den Gipfel, 2021!");
        assert_eq!(a.len(), 2);
        assert_eq!(a, shingles("Über DEN gipfel 2021"));
        // ASCII case only is folded; other letters are compared as they are.
        assert_ne!(a, shingles("über den Gipfel 2021"));
        assert_ne!(a, shingles("Über den Gipfel 2022"));
        assert_ne!(
            shingles("ab cd efghijklmnop"),
            shingles("ab cd efghijklmnoq")
        );
        assert!(shingles("two words").is_empty());
    }
}
