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
        let others = !alphanumeric_bytes(u64::from_le_bytes(*chunk)) & TOP_BITS;
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

// Eight bytes at a time: a chunk is a little-endian u64, and each test leaves the top bit set
// in every byte that passes it.

const EVERY_BYTE: u64 = u64::MAX / 255;
const TOP_BITS: u64 = EVERY_BYTE * 0x80;

/// The top bit of each byte whose low seven bits (all of `low7`'s) lie in `lo..=hi`: sums on
/// seven bits never carry into the next byte, and the top bit of `x + (0x80 - lo)` says
/// whether x >= lo.
const fn in_range(low7: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = low7 + EVERY_BYTE * (0x80 - lo as u64);
    let past_hi = low7 + EVERY_BYTE * (0x80 - hi as u64 - 1);
    (from_lo ^ past_hi) & TOP_BITS
}

/// The top bit of each byte of `chunk` that is an ASCII letter or digit.
#[inline]
fn alphanumeric_bytes(chunk: u64) -> u64 {
    let low7 = chunk & !TOP_BITS;
    // Setting bit 5 maps capitals, and only them, onto the lowercase letters.
    let letters = in_range(low7 | (EVERY_BYTE * 0x20), b'a', b'z');
    let digits = in_range(low7, b'0', b'9');
    (letters | digits) & !chunk
}

/// The top bit of each byte of `chunk` that is a C0 control (below 0x20).
#[must_use]
pub const fn control_bytes(chunk: u64) -> u64 {
    in_range(chunk & !TOP_BITS, 0, 0x1f) & !chunk
}

/// `u8::to_ascii_lowercase` on each of the eight bytes of `chunk` at once.
#[must_use]
pub const fn lowercase_chunk(chunk: u64) -> u64 {
    let capitals = in_range(chunk & !TOP_BITS, b'A', b'Z') & !chunk;
    chunk | (capitals >> 2)
}

/// `word` with its ASCII capitals lowercased, written into `buf` if it fits: words looked up
/// in fixed lists, asked of every word near a trigger or a date, need no allocation.
#[must_use]
pub fn lowercase_into<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let slot = buf.get_mut(..word.len())?;
    slot.copy_from_slice(word.as_bytes());
    slot.make_ascii_lowercase();
    // ASCII lowercasing keeps UTF-8 valid: this never fails.
    std::str::from_utf8(slot).ok()
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

    /// `chunk_test(chunk)` against `byte_test` on every byte value at every position of a
    /// chunk, among neighbours at the edges of the arithmetic.
    fn agrees_bytewise(chunk_test: impl Fn([u8; 8]) -> [u8; 8], byte_test: impl Fn(u8) -> u8) {
        for value in 0..=u8::MAX {
            for at in 0..8 {
                for background in [
                    b'A', b'Z', b'a', b'z', b'0', b'@', b'[', 0x1f, 0x20, 0x80, 0xC1, 0xFF,
                ] {
                    let mut bytes = [background; 8];
                    bytes[at] = value;
                    assert_eq!(chunk_test(bytes), bytes.map(&byte_test), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn chunk_tests_agree_with_byte_tests() {
        let top = |b: bool| if b { 0x80 } else { 0 };
        let chunked =
            |f: fn(u64) -> u64| move |bytes: [u8; 8]| f(u64::from_le_bytes(bytes)).to_le_bytes();
        agrees_bytewise(chunked(super::lowercase_chunk), |b| b.to_ascii_lowercase());
        agrees_bytewise(chunked(super::control_bytes), |b| top(b < 0x20));
        agrees_bytewise(chunked(super::alphanumeric_bytes), |b| {
            top(b.is_ascii_alphanumeric())
        });
    }

    #[test]
    fn lowercase_into_lowercases_ascii_capitals_when_the_word_fits() {
        let mut buf = [0u8; 8];
        assert_eq!(super::lowercase_into("ZüRICH", &mut buf), Some("zürich"));
        assert_eq!(super::lowercase_into("Friday", &mut buf), Some("friday"));
        assert_eq!(super::lowercase_into("Wednesday", &mut buf), None);
        assert_eq!(super::lowercase_into("", &mut buf), Some(""));
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
