//! Byte classes for the scanners that walk every byte of every article.

/// Whether a byte is an ASCII letter or digit, by table: one load where
/// `u8::is_ascii_alphanumeric` is three range tests and a branch, in loops that see every
/// letter of the corpus.
#[inline]
#[must_use]
pub fn is_alphanumeric(b: u8) -> bool {
    ALPHANUMERIC[usize::from(b)]
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
    fn table_agrees_with_std() {
        for b in 0..=u8::MAX {
            assert_eq!(super::is_alphanumeric(b), b.is_ascii_alphanumeric(), "{b}");
        }
    }
}
