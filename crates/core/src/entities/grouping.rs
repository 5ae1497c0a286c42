//! One entity per referent: mentions grouped by full name, surname ("Mr. Lukashenko"), first
//! word of names written surname first ("Mr. Xi" → "Xi Jinping"), acronym ("C.I.A."), the tail of
//! an organization's name ("the Foreign Ministry"), and place aliases ("U.S." → "United States").
//! Two people who share a surname stay apart when their first names differ.

use crate::article::{Gender, Label};
use crate::entities::features::Prepared;
use crate::entities::lexicon::{self, Lexicon};
use crate::entities::mentions::Found;
use crate::entities::words::WordKind;

/// A group of mentions of one referent.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// What it is.
    pub label: Label,
    /// Indices of its mentions in the `found` list, in text order.
    pub members: Vec<usize>,
    /// The member with the fullest name.
    pub fullest: usize,
    /// Gender implied by an honorific of any member ("Mr." → male).
    pub title_gender: Option<Gender>,
    /// Gender implied by the first name of the fullest name.
    pub name_gender: Option<Gender>,
}

impl Cluster {
    /// What the names and honorifics say about the person's gender.
    pub fn gender_hint(&self) -> Option<Gender> {
        self.title_gender.or(self.name_gender)
    }
}

/// The alphabetic word keys of a mention's name.
fn name_keys(p: &Prepared, f: &Found) -> Vec<u64> {
    p.words[f.words.clone()].iter().filter(|w| w.kind == WordKind::Alpha).map(|w| w.key).collect()
}

/// Upper-case initials of a name's capitalised words ("Central Intelligence Agency" → "CIA").
fn initials(text: &str, p: &Prepared, f: &Found) -> String {
    p.words[f.words.clone()].iter().filter_map(|w| w.text(text).chars().next().filter(|c| c.is_uppercase())).collect()
}

/// The letters of an acronym ("C.I.A." → "CIA"), or `None` when the mention is not one.
fn acronym(text: &str, p: &Prepared, f: &Found) -> Option<String> {
    if f.words.len() != 1 {
        return None;
    }
    let s = p.words[f.words.start].text(text);
    let letters: String = s.chars().filter(|c| *c != '.' && *c != '&').collect();
    let n = letters.chars().count();
    ((2..=8).contains(&n) && letters.chars().all(|c| c.is_uppercase())).then_some(letters)
}

/// Groups the mentions in `found` (in text order) into clusters, in order of first mention.
pub fn group(text: &str, p: &Prepared, found: &mut [Found], lex: &Lexicon) -> Vec<Cluster> {
    harmonise_labels(p, found);
    let keys: Vec<Vec<u64>> = found.iter().map(|f| name_keys(p, f)).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    for (m, f) in found.iter().enumerate() {
        let gender = f.titles.clone().find_map(|t| lex.title_gender(p.words[t].text(text)));
        let target = match f.label {
            Label::Person => person_target(&clusters, &keys, found, m, gender),
            Label::Org => org_target(text, p, &clusters, &keys, found, m),
            Label::Gpe | Label::Loc => {
                let canon = |i: usize| lex.canonical(lexicon::name_key(keys[i].iter().copied()));
                let c = canon(m);
                clusters.iter().rposition(|cl| {
                    matches!(cl.label, Label::Gpe | Label::Loc) && cl.members.iter().any(|&o| canon(o) == c)
                })
            }
            _ => {
                let k = singular(text, f);
                clusters
                    .iter()
                    .rposition(|cl| cl.label == f.label && cl.members.iter().any(|&o| singular(text, &found[o]) == k))
            }
        };
        let c = match target {
            Some(c) => {
                let cl = &mut clusters[c];
                cl.members.push(m);
                let (old, new) = (&found[cl.fullest], f);
                if (keys[m].len(), new.span.len()) > (keys[cl.fullest].len(), old.span.len()) {
                    cl.fullest = m;
                }
                cl.title_gender = cl.title_gender.or(gender);
                c
            }
            None => {
                let cl =
                    Cluster { label: f.label, members: vec![m], fullest: m, title_gender: gender, name_gender: None };
                clusters.push(cl);
                clusters.len() - 1
            }
        };
        let cl = &mut clusters[c];
        if cl.label == Label::Person && keys[cl.fullest].len() >= 2 {
            let first = &p.words[found[cl.fullest].words.start];
            cl.name_gender = lex.first_name_gender(first.text(text));
        }
    }
    clusters
}

/// Gives every mention of the same name the label most of them have, and a surname the person
/// label of the full name it belongs to.
fn harmonise_labels(p: &Prepared, found: &mut [Found]) {
    use std::collections::HashMap;
    let keys: Vec<u64> = found.iter().map(|f| lexicon::name_key(name_keys(p, f))).collect();
    let mut votes: HashMap<(u64, Label), usize> = HashMap::new();
    for (f, &k) in found.iter().zip(&keys) {
        *votes.entry((k, f.label)).or_default() += 1;
    }
    let surnames: Vec<u64> = found
        .iter()
        .filter(|f| f.label == Label::Person && f.words.len() >= 2)
        .filter_map(|f| name_keys(p, f).last().copied())
        .collect();
    for (f, &k) in found.iter_mut().zip(&keys) {
        if f.label == Label::Norp {
            continue;
        }
        let single = name_keys(p, f);
        if single.len() == 1 && surnames.contains(&single[0]) && f.label != Label::Person {
            f.label = Label::Person;
            continue;
        }
        let mine = votes[&(k, f.label)];
        let best = votes.iter().filter(|((vk, l), _)| *vk == k && *l != Label::Norp).max_by_key(|(_, &n)| n);
        if let Some((&(_, label), &n)) = best {
            if n > mine {
                f.label = label;
            }
        }
    }
}

fn person_target(
    clusters: &[Cluster],
    keys: &[Vec<u64>],
    found: &[Found],
    m: usize,
    gender: Option<Gender>,
) -> Option<usize> {
    let k = &keys[m];
    let (first, last) = (*k.first()?, *k.last()?);
    let compatible = |cl: &Cluster| {
        cl.label == Label::Person && !(gender.is_some() && cl.gender_hint().is_some() && gender != cl.gender_hint())
    };
    let full = |cl: &Cluster| &keys[cl.fullest];
    if k.len() >= 2 {
        // The same full name (a middle initial aside), or a surname seen alone before.
        if let Some(c) = clusters.iter().rposition(|cl| {
            let f = full(cl);
            compatible(cl) && f.len() >= 2 && f[0] == first && f[f.len() - 1] == last
        }) {
            return Some(c);
        }
        return clusters.iter().rposition(|cl| {
            let f = full(cl);
            compatible(cl)
                && f.len() == 1
                && (f[0] == last || f[0] == first)
                && found[cl.fullest].label == Label::Person
        });
    }
    clusters
        .iter()
        .rposition(|cl| compatible(cl) && full(cl).last() == Some(&last))
        .or_else(|| clusters.iter().rposition(|cl| compatible(cl) && full(cl).len() >= 2 && full(cl)[0] == first))
}

fn org_target(
    text: &str,
    p: &Prepared,
    clusters: &[Cluster],
    keys: &[Vec<u64>],
    found: &[Found],
    m: usize,
) -> Option<usize> {
    let k = &keys[m];
    let orgs = || clusters.iter().enumerate().rev().filter(|(_, cl)| cl.label == Label::Org);
    if let Some((c, _)) = orgs().find(|(_, cl)| cl.members.iter().any(|&o| &keys[o] == k)) {
        return Some(c);
    }
    // An acronym of a name seen before, or a name whose acronym was seen before.
    let mine = acronym(text, p, &found[m]);
    let my_initials = initials(text, p, &found[m]);
    if let Some((c, _)) = orgs().find(|(_, cl)| {
        cl.members.iter().any(|&o| {
            let other = &found[o];
            match &mine {
                Some(a) => other.words.len() >= 2 && initials(text, p, other) == *a,
                None => k.len() >= 2 && acronym(text, p, other).is_some_and(|a| a == my_initials),
            }
        })
    }) {
        return Some(c);
    }
    // "Foreign Ministry" after "Chinese Foreign Ministry", or the other way round, when only one
    // organization fits.
    if k.len() >= 2 {
        let fits: Vec<usize> = orgs()
            .filter(|(_, cl)| {
                let f = &keys[cl.fullest];
                f.len() != k.len() && (f.ends_with(k) || k.ends_with(f)) && f.len().min(k.len()) >= 2
            })
            .map(|(c, _)| c)
            .collect();
        if fits.len() == 1 {
            return Some(fits[0]);
        }
    }
    None
}

/// The key of a name with a plural "s" dropped ("Russians" and "Russian" are one group).
fn singular(text: &str, f: &Found) -> u64 {
    let s = f.span.as_str(text);
    let s = if f.label == Label::Norp { s.strip_suffix('s').unwrap_or(s) } else { s };
    lexicon::key(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn clusters(text: &str, names: &[(&str, Label)]) -> Vec<Vec<String>> {
        let lex = Lexicon::new();
        let p = Prepared::new(text, &[Span::new(0, text.len())], &[0], &lex);
        let mut found = Vec::new();
        let mut from = 0;
        for &(name, label) in names {
            let at = from + text[from..].find(name).unwrap();
            from = at + name.len();
            let first = p.words.iter().position(|w| w.span.start() == at).unwrap();
            let last = p.words.iter().position(|w| w.span.end() == at + name.len()).unwrap();
            let titles =
                if first > 0 && lex.is_title(p.words[first - 1].text(text)) { first - 1..first } else { first..first };
            found.push(Found { words: first..last + 1, span: Span::new(at, at + name.len()), label, titles });
        }
        group(text, &p, &mut found, &lex)
            .into_iter()
            .map(|c| c.members.iter().map(|&m| found[m].span.as_str(text).to_string()).collect())
            .collect()
    }

    #[test]
    fn people() {
        let got = clusters(
            "Xi Jinping met Vladimir V. Putin. Mr. Xi and Mr. Putin talked; Putin left. Bill Clinton and Hillary Clinton came. Mrs. Clinton spoke.",
            &[
                ("Xi Jinping", Label::Person),
                ("Vladimir V. Putin", Label::Person),
                ("Xi", Label::Person),
                ("Putin", Label::Person),
                ("Putin", Label::Person),
                ("Bill Clinton", Label::Person),
                ("Hillary Clinton", Label::Person),
                ("Clinton", Label::Person),
            ],
        );
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], ["Xi Jinping", "Xi"]);
        assert_eq!(got[1], ["Vladimir V. Putin", "Putin", "Putin"]);
        assert_eq!(got[2], ["Bill Clinton"]);
        assert_eq!(got[3], ["Hillary Clinton", "Clinton"]);
    }

    #[test]
    fn organizations_and_places() {
        let got = clusters(
            "The Central Intelligence Agency and the C.I.A. said the Chinese Foreign Ministry and the Foreign Ministry met in the U.S. and the United States.",
            &[
                ("Central Intelligence Agency", Label::Org),
                ("C.I.A.", Label::Org),
                ("Chinese Foreign Ministry", Label::Org),
                ("Foreign Ministry", Label::Org),
                ("U.S.", Label::Gpe),
                ("United States", Label::Gpe),
            ],
        );
        assert_eq!(got.len(), 3, "{got:?}");
    }
}
