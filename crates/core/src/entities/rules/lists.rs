//! The word lists of the rules after the tagger that the tagger's lexicon does not carry
//! (`data/entities/rule_words.txt`): product nouns, and the lower-case bodies a place names
//! for itself ("Milltown police").

use std::sync::LazyLock;

use crate::data::{self, data_file, DataFile};
use crate::entities::lexicon::{key, KeyMap};

const RULE_WORDS: DataFile<'static> = data_file!("data/entities/rule_words.txt");

/// What a word of `rule_words.txt` is (a bit set: a word may be two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum ListWord {
    /// A noun written after a product's name ("phone", "headset").
    Product = 1,
    /// The head of a body a place names for itself ("police", "council").
    BodyHead = 2,
    /// A word before such a head ("fire department", "county council").
    BodyModifier = 4,
    /// A title of the peerage, a person's whole name with "of" and a place ("Duchess").
    Peerage = 8,
    /// A member of something named with "of" ("a Hall of Famer").
    MemberNoun = 16,
    /// A particle of a phrasal verb ("Carry On", "Give Up").
    Particle = 32,
    /// An article joined to a name by a hyphen ("al" of "al-Sadr").
    NameArticle = 64,
}

const SECTIONS: [(&str, ListWord); 7] = [
    ("product", ListWord::Product),
    ("body_head", ListWord::BodyHead),
    ("body_modifier", ListWord::BodyModifier),
    ("peerage", ListWord::Peerage),
    ("member_noun", ListWord::MemberNoun),
    ("particle", ListWord::Particle),
    ("name_article", ListWord::NameArticle),
];

/// The lists, by word key.
#[derive(Debug)]
pub(crate) struct Lists {
    words: KeyMap<u8>,
}

impl Lists {
    /// True when the word with key `k` is in list `w`.
    pub(crate) fn is(&self, k: u64, w: ListWord) -> bool {
        self.words.get(&k).is_some_and(|&b| b & w as u8 != 0)
    }
}

/// A word that is a lower-case article joined by a hyphen to a capitalised name ("al-Sadr").
pub(crate) fn article_prefixed(word: &str) -> bool {
    // Asked of every word: a byte loop, as words are short and most have no hyphen.
    let hyphen = word.bytes().position(|b| b == b'-');
    hyphen.map(|i| (&word[..i], &word[i + 1..])).is_some_and(|(article, name)| {
        name.starts_with(char::is_uppercase) && lists().is(key(article), ListWord::NameArticle)
    })
}

/// The embedded lists, read once.
pub(crate) fn lists() -> &'static Lists {
    static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists { words: data::embedded(read(RULE_WORDS)) });
    &LISTS
}

fn read(file: DataFile<'_>) -> data::Result<KeyMap<u8>> {
    let mut out: KeyMap<u8> = KeyMap::default();
    file.each_section_word(SECTIONS, |_, w, class| {
        *out.entry(key(w)).or_default() |= class as u8;
        Ok(())
    })?;
    Ok(out)
}

/// The embedded file and its reader, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] =
    &[data::Check { file: RULE_WORDS, read: |f| read(f).map(drop), class: data::ClassAt::Section }];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_know_their_words() {
        let l = lists();
        assert!(l.is(key("phone"), ListWord::Product));
        assert!(l.is(key("police"), ListWord::BodyHead));
        assert!(l.is(key("fire"), ListWord::BodyModifier));
        assert!(!l.is(key("fire"), ListWord::BodyHead));
        assert!(!l.is(key("minister"), ListWord::Product));
        assert!(l.is(key("Duchess"), ListWord::Peerage));
        assert!(!l.is(key("President"), ListWord::Peerage));
        assert!(l.is(key("Famers"), ListWord::MemberNoun));
        assert!(l.is(key("Up"), ListWord::Particle));
        assert!(article_prefixed("al-Sadr") && article_prefixed("el-Sayed"));
        assert!(!article_prefixed("al-") && !article_prefixed("well-Known") && !article_prefixed("al-sadr"));
    }
}
