//! Byte classes for the scanners that walk every byte of every article.

/// Whether a byte is an ASCII letter or digit, by table: one load where
/// `u8::is_ascii_alphanumeric` is three range tests and a branch, in loops that see every
/// letter of the corpus.
#[inline]
#[must_use]
pub fn is_alphanumeric(b: u8) -> bool {
    ALPHANUMERIC[usize::from(b)]
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
