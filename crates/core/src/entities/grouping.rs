//! One entity per referent: mentions grouped by full name, surname ("Mr. Varga"), first
//! word of names written surname first ("Mr. Hu" → "Hu Jintao"), acronym ("C.I.A."), the tail of
//! an organization's name ("the Foreign Ministry"), and place aliases ("U.S." → "United States").
//! Two people who share a surname stay apart when their first names differ.

use crate::article::{Gender, Label};
use crate::entities::features::Prepared;
use crate::entities::lexicon::{self, Flags, KeyMap, Lexicon};
use crate::entities::mentions::Found;
use crate::entities::words::{Word, WordKind};

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

/// The alphabetic word keys of a mention's name. A part of a word ("Norway" of
/// "Norway-Sweden") is keyed by its own text.
fn name_keys(text: &str, p: &Prepared, f: &Found) -> Vec<u64> {
    if f.words.len() == 1 && p.words[f.words.start].span != f.span {
        return vec![lexicon::key(f.span.as_str(text))];
    }
    // A word that starts with a digit is keyed too when it has letters ("3M", "7-Eleven"), not a
    // bare number ("Channel 4").
    let keyed = |w: &&Word| {
        w.kind == WordKind::Alpha || w.kind == WordKind::Number && w.text(text).contains(char::is_alphabetic)
    };
    p.words[f.words.clone()].iter().filter(keyed).map(|w| w.key).collect()
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

/// Where to look clusters up, so grouping stays linear in the number of mentions. Lists may
/// hold stale entries (a cluster whose fullest name changed); look-ups check the cluster itself.
#[derive(Default)]
struct Index {
    /// People by the last word of their fullest name.
    person_last: KeyMap<Vec<usize>>,
    /// People with a name of two words or more, by its first word.
    person_first: KeyMap<Vec<usize>>,
    /// Organizations by the name key of each mention, by the initials of their longer names,
    /// by their acronyms, and by the last word of their fullest name.
    org_name: KeyMap<usize>,
    org_initials: KeyMap<usize>,
    org_acronym: KeyMap<usize>,
    org_last: KeyMap<Vec<usize>>,
    /// Organizations by the first words of names that end in an organization word
    /// ("Beecham" of "Beecham Group Plc").
    org_prefix: KeyMap<usize>,
    /// Places by canonical name key; other labels by label and singular key.
    place: KeyMap<usize>,
    other: KeyMap<usize>,
}

fn push(map: &mut KeyMap<Vec<usize>>, k: u64, c: usize) {
    let v = map.entry(k).or_default();
    if v.last() != Some(&c) {
        v.push(c);
    }
}

/// Groups the mentions in `found` (in text order) into clusters, in order of first mention.
pub fn group(text: &str, p: &Prepared, found: &mut [Found], lex: &Lexicon) -> Vec<Cluster> {
    harmonise_labels(text, p, found, lex);
    let keys: Vec<Vec<u64>> = found.iter().map(|f| name_keys(text, p, f)).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut ix = Index::default();
    for (m, f) in found.iter().enumerate() {
        let gender = f.titles.clone().find_map(|t| lex.title_gender(p.words[t].text(text)));
        let name = lexicon::name_key(keys[m].iter().copied());
        let target = match f.label {
            Label::Person => person_target(&clusters, &ix, &keys, found, m, gender),
            Label::Org => org_target(text, p, &clusters, &ix, &keys, found, m),
            Label::Gpe | Label::Loc => ix.place.get(&lex.canonical(name)).copied(),
            _ => ix.other.get(&(singular(text, f) ^ f.label as u64)).copied(),
        };
        let c = match target {
            Some(c) => {
                let cl = &mut clusters[c];
                cl.members.push(m);
                let (old, new) = (&found[cl.fullest], f);
                // The fullest name; among equals, one not written in capitals.
                let rank = |f: &Found, n: usize| {
                    let s = f.span.as_str(text);
                    (n, f.span.len(), s.chars().any(char::is_lowercase))
                };
                if rank(new, keys[m].len()) > rank(old, keys[cl.fullest].len()) {
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
        let full = &keys[cl.fullest];
        match cl.label {
            Label::Person => {
                if full.len() >= 2 {
                    cl.name_gender = lex.first_name_gender(p.words[found[cl.fullest].words.start].text(text));
                    push(&mut ix.person_first, full[0], c);
                }
                if let Some(&last) = full.last() {
                    push(&mut ix.person_last, last, c);
                }
            }
            Label::Org => {
                ix.org_name.insert(name, c);
                if keys[m].len() >= 2 {
                    ix.org_initials.insert(lexicon::key(&initials(text, p, f)), c);
                }
                if let Some(a) = acronym(text, p, f) {
                    ix.org_acronym.insert(lexicon::key(&a), c);
                }
                if let Some(&last) = full.last() {
                    push(&mut ix.org_last, last, c);
                }
                if company_name(p, f) {
                    for n in 1..keys[m].len() {
                        ix.org_prefix.entry(lexicon::name_key(keys[m][..n].iter().copied())).or_insert(c);
                    }
                }
            }
            Label::Gpe | Label::Loc => {
                ix.place.insert(lex.canonical(name), c);
            }
            _ => {
                ix.other.insert(singular(text, f) ^ f.label as u64, c);
            }
        }
    }
    clusters
}

/// An organization's name of two words or more that ends in an organization word ("Beecham
/// Group Plc", "Merrill Lynch and Co").
fn company_name(p: &Prepared, f: &Found) -> bool {
    f.label == Label::Org && f.words.len() >= 2 && p.info[f.words.end - 1].flags.has(Flags::ORG_HEAD)
}

/// Gives every mention of the same name the label most of them have, a surname the person
/// label of the full name it belongs to, and the first words of a company's name ("BEECHAM" in
/// a headline, "Merrill" after "Merrill Lynch and Co") the organization label.
fn harmonise_labels(text: &str, p: &Prepared, found: &mut [Found], lex: &Lexicon) {
    let keys: Vec<u64> = found.iter().map(|f| lexicon::name_key(name_keys(text, p, f))).collect();
    let mut prefixes: KeyMap<()> = KeyMap::default();
    for f in found.iter().filter(|f| company_name(p, f)) {
        let words = name_keys(text, p, f);
        for n in 1..words.len() {
            prefixes.insert(lexicon::name_key(words[..n].iter().copied()), ());
        }
    }
    let mut votes: KeyMap<[usize; 10]> = KeyMap::default();
    for (f, &k) in found.iter().zip(&keys) {
        votes.entry(k).or_default()[f.label as usize] += 1;
    }
    // "Norvale said it", "Acme's capital": names spoken of as "it" are organizations.
    let mut it: KeyMap<()> = KeyMap::default();
    for (f, &k) in found.iter().zip(&keys) {
        let e = f.words.end;
        let said = p.words.get(e).is_some_and(|w| matches!(w.text(text), "said" | "says" | "reported" | "announced"));
        if said && p.words.get(e + 1).is_some_and(|w| matches!(w.text(text), "it" | "its")) {
            it.insert(k, ());
        }
    }
    let mut surnames: KeyMap<()> = KeyMap::default();
    // Names written with "Mr." or "Ms." somewhere: "Wen Bo" is a person because of "Mr. Wen".
    let mut honoured: KeyMap<()> = KeyMap::default();
    for f in found.iter().filter(|f| f.label == Label::Person) {
        let words = name_keys(text, p, f);
        if words.len() >= 2 {
            surnames.insert(words[words.len() - 1], ());
        }
        if f.titles.clone().any(|t| lex.word(p.words[t].key).has(Flags::HONORIFIC)) {
            honoured.extend(words.iter().map(|&w| (w, ())));
        }
    }
    for (f, &k) in found.iter_mut().zip(&keys) {
        let titled = f.titles.clone().any(|t| lex.word(p.words[t].key).any(Flags::HONORIFIC | Flags::TITLE));
        let first = &p.info[f.words.start];
        let place = (first.flags | first.gaz).any(Flags::PLACE);
        let first_name = first.flags.any(Flags::FIRST_M | Flags::FIRST_F) && f.words.len() >= 2;
        if matches!(f.label, Label::Person | Label::Gpe | Label::Loc)
            && f.words.len() <= 3
            && !titled
            && !place
            && (prefixes.contains_key(&k) && f.words.len() <= 2 || it.contains_key(&k) && !first_name)
        {
            f.label = Label::Org;
            continue;
        }
        if f.label == Label::Norp || f.label == Label::Person {
            continue;
        }
        let words = name_keys(text, p, f);
        let all_caps = p.words[f.words.clone()].iter().all(|w| w.text(text).starts_with(char::is_uppercase));
        let named = |k: Option<&u64>| k.is_some_and(|k| honoured.contains_key(k));
        let honoured_name = words.len() <= 3 && all_caps && (named(words.first()) || named(words.last()));
        // A country is nobody's surname, however a name ran into it ("Harcourt Canada").
        let country = (first.flags | first.gaz).any(Flags::COUNTRY | Flags::STATE | Flags::REGION_GPE);
        if honoured_name || (words.len() == 1 && surnames.contains_key(&words[0]) && !country) {
            f.label = Label::Person;
            continue;
        }
        let v = votes[&k];
        let mine = v[f.label as usize];
        let (best, n) = LABELS
            .iter()
            .map(|&l| (l, v[l as usize]))
            .filter(|&(l, _)| l != Label::Norp)
            .fold((f.label, mine), |acc, x| if x.1 > acc.1 { x } else { acc });
        if n > mine {
            f.label = best;
        }
    }
}

const LABELS: [Label; 10] = [
    Label::Person,
    Label::Org,
    Label::Gpe,
    Label::Loc,
    Label::Norp,
    Label::Fac,
    Label::Event,
    Label::Product,
    Label::WorkOfArt,
    Label::Law,
];

fn person_target(
    clusters: &[Cluster],
    ix: &Index,
    keys: &[Vec<u64>],
    found: &[Found],
    m: usize,
    gender: Option<Gender>,
) -> Option<usize> {
    let k = &keys[m];
    let (first, last) = (*k.first()?, *k.last()?);
    // A gender hint that says otherwise keeps people apart ("Mr. Clinton", "Hillary Clinton").
    let fits = |hint: Option<Gender>| !(gender.is_some() && hint.is_some() && gender != hint);
    let full = |c: usize| &keys[clusters[c].fullest];
    let person = |list: Option<&Vec<usize>>, ok: &dyn Fn(usize) -> bool| {
        list.and_then(|l| l.iter().rev().copied().find(|&c| clusters[c].label == Label::Person && ok(c)))
    };
    let newest = |list: Option<&Vec<usize>>, ok: &dyn Fn(usize) -> bool| {
        person(list, &|c| fits(clusters[c].gender_hint()) && ok(c))
    };
    if k.len() >= 2 {
        // The same full name (a middle initial aside), or a surname seen alone before.
        let same = |c: usize| full(c).len() >= 2 && full(c)[0] == first && full(c).last() == Some(&last);
        if let Some(c) = newest(ix.person_last.get(&last), &same) {
            return Some(c);
        }
        let alone = |c: usize| full(c).len() == 1 && found[clusters[c].fullest].label == Label::Person;
        let by_last = newest(ix.person_last.get(&last), &|c| alone(c) && full(c)[0] == last);
        let by_first = newest(ix.person_last.get(&first), &|c| alone(c) && full(c)[0] == first);
        return by_last.max(by_first);
    }
    // "Mr. Hu" → "Hu Jintao": the family name comes first, so the first-name list's gender of
    // that word says nothing; only a title's gender can tell them apart.
    let family_first = |c: usize| fits(clusters[c].title_gender) && full(c).len() >= 2 && full(c)[0] == first;
    newest(ix.person_last.get(&last), &|c| full(c).last() == Some(&last))
        .or_else(|| person(ix.person_first.get(&first), &family_first))
}

fn org_target(
    text: &str,
    p: &Prepared,
    clusters: &[Cluster],
    ix: &Index,
    keys: &[Vec<u64>],
    found: &[Found],
    m: usize,
) -> Option<usize> {
    let k = &keys[m];
    if let Some(&c) = ix.org_name.get(&lexicon::name_key(k.iter().copied())) {
        return Some(c);
    }
    // An acronym of a name seen before, or a name whose acronym was seen before.
    let hit = match acronym(text, p, &found[m]) {
        Some(a) => ix.org_initials.get(&lexicon::key(&a)),
        None if k.len() >= 2 => ix.org_acronym.get(&lexicon::key(&initials(text, p, &found[m]))),
        None => None,
    };
    if let Some(&c) = hit {
        return Some(c);
    }
    if let Some(&c) = ix.org_prefix.get(&lexicon::name_key(k.iter().copied())) {
        return Some(c);
    }
    // "Foreign Ministry" after "Chinese Foreign Ministry", or the other way round, when only one
    // organization fits.
    if k.len() >= 2 {
        let mut fits = ix.org_last.get(k.last()?)?.iter().copied().filter(|&c| {
            let f = &keys[clusters[c].fullest];
            f.len() != k.len() && (f.ends_with(k) || k.ends_with(f)) && f.len().min(k.len()) >= 2
        });
        let first = fits.next()?;
        if fits.all(|c| c == first) {
            return Some(first);
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
        let lex = crate::entities::lexicon::shared();
        let p = crate::entities::features::prepare(text, &[0]);
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
        group(text, &p, &mut found, lex)
            .into_iter()
            .map(|c| c.members.iter().map(|&m| found[m].span.as_str(text).to_string()).collect())
            .collect()
    }

    #[test]
    fn people() {
        let got = clusters(
            "Hu Jintao met Viktor V. Orlov. Mr. Hu and Mr. Orlov talked; Orlov left. Bill Clinton and Hillary Clinton came. Mrs. Clinton spoke.",
            &[
                ("Hu Jintao", Label::Person),
                ("Viktor V. Orlov", Label::Person),
                ("Hu", Label::Person),
                ("Orlov", Label::Person),
                ("Orlov", Label::Person),
                ("Bill Clinton", Label::Person),
                ("Hillary Clinton", Label::Person),
                ("Clinton", Label::Person),
            ],
        );
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], ["Hu Jintao", "Hu"]);
        assert_eq!(got[1], ["Viktor V. Orlov", "Orlov", "Orlov"]);
        assert_eq!(got[2], ["Bill Clinton"]);
        assert_eq!(got[3], ["Hillary Clinton", "Clinton"]);
    }

    #[test]
    fn family_name_first_whatever_the_first_name_lists_say() {
        // "Li" is also a woman's first name in the lists; "Mr. Li" is still Li Wei.
        let got = clusters("Li Wei met the press. Mr. Li left.", &[("Li Wei", Label::Person), ("Li", Label::Person)]);
        assert_eq!(got, [["Li Wei", "Li"]]);
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
