//! Byte classes for the scanners that walk every byte of every article.

/// Whether a byte is an ASCII letter or digit, by table: one load where
/// `u8::is_ascii_alphanumeric` is three range tests and a branch, in loops that see every
/// letter of the corpus.
#[inline]
#[must_use]
pub fn is_alphanumeric(b: u8) -> bool {
    ALPHANUMERIC[usize::from(b)]
}

/// The end of the run of ASCII letters and digits that starts at `from` (`from` itself when
/// `bytes[from]` is none). Eight bytes at a time: the scanners walk every word of the corpus
/// this way, and a word is mostly one step.
#[inline]
#[must_use]
pub fn alphanumeric_run_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let others = !alphanumeric_bytes(u64::from_le_bytes(*chunk)) & (EVERY_BYTE * 0x80);
        if others != 0 {
            return at + (others.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && is_alphanumeric(bytes[at]) {
        at += 1;
    }
    at
}

const EVERY_BYTE: u64 = u64::MAX / 255;

/// The top bit of each byte of `chunk` that is an ASCII letter or digit.
#[inline]
fn alphanumeric_bytes(chunk: u64) -> u64 {
    // On the low seven bits of each byte, sums never carry into the next byte; the top bit of
    // `x + (0x80 - lo)` says whether x >= lo.
    let in_range = |x: u64, lo: u64, hi: u64| {
        ((x + EVERY_BYTE * (0x80 - lo)) ^ (x + EVERY_BYTE * (0x80 - hi - 1))) & (EVERY_BYTE * 0x80)
    };
    let low7 = chunk & (EVERY_BYTE * 0x7f);
    // Setting bit 5 maps capitals, and only them, onto the lowercase letters.
    let letters = in_range(low7 | (EVERY_BYTE * 0x20), 0x61, 0x7a);
    let digits = in_range(low7, 0x30, 0x39);
    (letters | digits) & !chunk
}

/// `c.is_alphanumeric()`, answered at once for ASCII and for the typographic punctuation of
/// news text (curly quotes, dashes, ellipses: U+2000–U+206F, none a letter or digit), which
/// would otherwise cost two searches of Unicode tables each.
#[inline]
#[must_use]
pub fn is_alphanumeric_char(c: char) -> bool {
    if c.is_ascii() {
        is_alphanumeric(c as u8)
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

static ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    #[test]
    fn runs_end_at_the_first_byte_that_is_no_ascii_letter_or_digit() {
        // Every byte value at every position of a chunk and of the tail, among letters and
        // digits at the edges of the arithmetic.
        for background in [b'a', b'z', b'A', b'Z', b'0', b'9'] {
            for at in 0..19 {
                for value in 0..=u8::MAX {
                    let mut bytes = [background; 19];
                    bytes[at] = value;
                    for from in [0, 3, 8, 11] {
                        let naive = (from..bytes.len())
                            .find(|&i| !bytes[i].is_ascii_alphanumeric())
                            .unwrap_or(bytes.len());
                        assert_eq!(
                            super::alphanumeric_run_end(&bytes, from),
                            naive,
                            "{bytes:?} {from}"
                        );
                    }
                }
            }
        }
        assert_eq!(super::alphanumeric_run_end(b"ab", 2), 2);
    }

    #[test]
    fn char_test_agrees_with_std() {
        let samples = (0..0x3100).chain(0xFF00..0xFF70).chain([0x1F600, 0x20000]);
        for c in samples.filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn table_agrees_with_std() {
        for b in 0..=u8::MAX {
            assert_eq!(super::is_alphanumeric(b), b.is_ascii_alphanumeric(), "{b}");
        }
    }
}
