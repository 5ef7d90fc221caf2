//! Which names in a report are people, and the words that tell one person from another:
//! shared by detection (who took part) and merging (two reports of different people are
//! different events).

/// Sorted hashes of the words of the person-like names among `names`: "Defense Secretary Lloyd
/// Austin" → lloyd, austin. Titles, places and institutions are shared by too many stories to
/// tell events apart.
pub fn name_words(names: &[String]) -> Vec<u64> {
    let mut out: Vec<u64> = names
        .iter()
        .filter(|n| is_person_like(n))
        .flat_map(|n| n.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() > 2 && !is_title_in_any_case(w))
        .map(crate::similarity::word_hash)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A name with no place or institution word in it, and not all capitals (NATO, U.S.).
fn is_person_like(name: &str) -> bool {
    !name.split_whitespace().any(|w| {
        let bare = w
            .trim_end_matches(['’', '\'', 's'])
            .trim_end_matches(['’', '\'']);
        super::places::is_place(bare)
            || is_institution(bare)
            || w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    })
}

fn is_institution(w: &str) -> bool {
    matches!(
        w,
        "House"
            | "Senate"
            | "Congress"
            | "Parliament"
            | "Ministry"
            | "Department"
            | "Forces"
            | "Force"
            | "Council"
            | "Union"
            | "Nations"
            | "Republic"
            | "Party"
            | "Bank"
            | "Company"
            | "Corp"
            | "Inc"
            | "Agency"
            | "Committee"
            | "University"
            | "Court"
            | "Army"
            | "Navy"
            | "Command"
            | "Organization"
            | "Association"
            | "Government"
            | "Office"
            | "Institute"
            | "Commission"
            | "Assembly"
            | "Strategy"
            | "Constitution"
            | "COVID-19"
            | "Omicron"
            | "Self-Defense"
            | "Among"
            | "Japanese"
            | "American"
            | "Chinese"
            | "Korean"
            | "Russian"
            | "British"
            | "French"
            | "German"
            | "European"
    )
}

/// [`is_title`] of `w` lowercased: on the stack for ASCII words, which nearly all names are.
fn is_title_in_any_case(w: &str) -> bool {
    if !w.is_ascii() {
        return is_title(&w.to_lowercase());
    }
    // None: longer than any title.
    crate::ascii::lowercase_into(w, &mut [0u8; 16]).is_some_and(is_title)
}

/// A title or connective lowercased: words of a name that do not tell people apart.
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "minister"
            | "secretary"
            | "president"
            | "prime"
            | "foreign"
            | "defense"
            | "defence"
            | "state"
            | "ambassador"
            | "chief"
            | "general"
            | "newly"
            | "former"
            | "interim"
            | "deputy"
            | "vice"
            | "chairman"
            | "senator"
            | "governor"
            | "mayor"
            | "king"
            | "queen"
            | "prince"
            | "envoy"
            | "spokesman"
            | "spokeswoman"
            | "the"
            | "and"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_found_in_any_case_as_by_lowercasing() {
        let words = [
            "Minister",
            "SECRETARY",
            "Spokeswoman",
            "the",
            "Austin",
            "Zürich",
            "\u{212A}ing",
            "Ministerialdirektorin",
            "Vice",
            "vICE",
            "",
        ];
        for w in words {
            assert_eq!(is_title_in_any_case(w), is_title(&w.to_lowercase()), "{w}");
        }
    }
}
