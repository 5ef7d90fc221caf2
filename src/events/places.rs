//! Place names (countries, regions, major cities) from `assets/places.txt`.

use std::collections::HashSet;
use std::sync::LazyLock;

static PLACES: LazyLock<HashSet<&'static str, crate::similarity::ShortKeyBuild>> =
    LazyLock::new(|| {
        include_str!("../../assets/places.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    });

/// Whether `word` (capitalised as written) is, or is part of, a place name.
#[must_use]
pub fn is_place(word: &str) -> bool {
    PLACES.contains(word)
}
