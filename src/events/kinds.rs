//! A set of event kinds, by name: the kinds hidden in the window, the kinds an export draws.
//! Names rather than indices, so a set survives a reload with other rules.

use serde::{Deserialize, Serialize};

use super::rules::Kind;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KindSet(Vec<String>);

impl KindSet {
    #[must_use]
    pub fn new(names: impl IntoIterator<Item = String>) -> Self {
        let mut set = Self::default();
        for name in names {
            if !set.contains(&name) {
                set.0.push(name);
            }
        }
        set
    }

    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|n| n == name)
    }

    /// Adds `name`, or removes it when it is there.
    pub fn toggle(&mut self, name: &str) {
        match self.0.iter().position(|n| n == name) {
            Some(at) => {
                self.0.remove(at);
            }
            None => self.0.push(name.to_owned()),
        }
    }

    #[must_use]
    pub fn names(&self) -> &[String] {
        &self.0
    }

    /// Per kind of `kinds`: in the set.
    #[must_use]
    pub fn members(&self, kinds: &[Kind]) -> Vec<bool> {
        kinds.iter().map(|k| self.contains(&k.name)).collect()
    }

    /// Per kind of `kinds`: not in the set (the shown kinds, when the set holds hidden ones).
    #[must_use]
    pub fn non_members(&self, kinds: &[Kind]) -> Vec<bool> {
        kinds.iter().map(|k| !self.contains(&k.name)).collect()
    }

    /// The first name that is no kind of `kinds`.
    #[must_use]
    pub fn unknown_in(&self, kinds: &[Kind]) -> Option<&str> {
        self.0
            .iter()
            .find(|n| !kinds.iter().any(|k| k.name == **n))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Rules;

    #[test]
    fn toggling_twice_restores_and_masks_follow_the_rules_order() {
        let rules = Rules::built_in();
        let mut hidden = KindSet::default();
        hidden.toggle("missile_test");
        let shown = hidden.non_members(&rules.kinds);
        for (k, kind) in rules.kinds.iter().enumerate() {
            assert_eq!(shown[k], kind.name != "missile_test");
        }
        hidden.toggle("missile_test");
        assert!(hidden.non_members(&rules.kinds).iter().all(|&s| s));
        assert_eq!(KindSet::new(["a".into(), "a".into()]).names().len(), 1);
        assert_eq!(
            KindSet::new(["meeting".into(), "picnic".into()]).unknown_in(&rules.kinds),
            Some("picnic")
        );
    }

    #[test]
    fn saved_as_a_plain_list_of_names() {
        let set = KindSet::new(["meeting".to_owned()]);
        assert_eq!(serde_json::to_string(&set).unwrap(), r#"["meeting"]"#);
    }
}
