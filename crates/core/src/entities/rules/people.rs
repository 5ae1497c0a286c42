//! People and their titles: names after an honorific or a title ("Mr. Hu", "President Hu
//! Jintao"), middle initials, titles inside a tagged name, appositives headed by a title, and the
//! words of a name the tagger left out.

use crate::entities::lexicon::Flags;
use crate::entities::words::WordKind;

use super::lists::{self, lists, ListWord};
use super::{is_title, replace_overlapping, sort, Ctx, Kind, Name};

/// A capitalised word that names nothing but a person: no place, organization, date,
/// nationality or title.
fn plain(cx: &Ctx<'_>, j: usize) -> bool {
    let not_person = Flags::PLACE
        | Flags::ORG_HEAD
        | Flags::ORG_NAME
        | Flags::FAC_HEAD
        | Flags::TIME
        | Flags::DEMONYM
        | Flags::NORP
        | Flags::TITLE
        | Flags::HONORIFIC;
    cx.cap(j) && !cx.p.info[j].caps_line && !(cx.p.info[j].flags | cx.p.info[j].gaz).any(not_person)
}

/// "Mr. Hu": a capitalised run after an honorific is a person; so is one after a title
/// ("President Hu Jintao", "Secretary Rice") when no word of it names a place, an organization,
/// a date or a nationality.
pub(super) fn after_honorifics_and_titles(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut i = r.start;
    while i + 1 < r.end {
        let honorific = p.info[i].flags.has(Flags::HONORIFIC) && p.info[i].cap && cx.cap(i + 1);
        let titled = !honorific
            && is_title(&p.info[i])
            && p.info[i].cap
            && !p.info[i].caps_line
            && plain(cx, i + 1)
            && !(i + 2 < r.end && cx.cap(i + 2) && !plain(cx, i + 2));
        if titled && spans.iter().any(|s| s.kind == Kind::Person && s.words.start <= i + 1 && i + 1 < s.words.end) {
            i += 1;
            continue;
        }
        if honorific || titled {
            let mut j = i + 1;
            while j < r.end && j < i + 4 && (if honorific { cx.cap(j) } else { plain(cx, j) }) {
                j += 1;
            }
            // A name the tagger ran on into this one ("Hu Jintao and Dr.") keeps its start.
            for s in spans.iter_mut() {
                if s.words.start <= i && i < s.words.end {
                    s.words.end = i;
                }
            }
            spans.retain(|s| !(s.words.is_empty() || s.words.start < j && i < s.words.end));
            spans.push(Name::new(i + 1..j, Kind::Person));
            i = j;
        } else {
            i += 1;
        }
    }
}

/// "the Carter administration": an administration is named after its leader.
pub(super) fn administrations(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    for i in r.start + 1..r.end.saturating_sub(1) {
        if cx.word(i + 1) == "administration"
            && plain(cx, i)
            && !p.info[i].upper
            && cx.word(i - 1).eq_ignore_ascii_case("the")
        {
            spans.retain(|s| !(s.words.start <= i && i < s.words.end));
            spans.push(Name::new(i..i + 1, Kind::Person));
        }
    }
    sort(spans);
}

/// "Viktor V. | Orlov": a name that ends in an initial goes on into the next one.
pub(super) fn initials(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (&spans[k].words, &spans[k + 1].words);
        let initial = is_initial(cx, a.end - 1) || (a.end < b.start && (a.end..b.start).all(|i| is_initial(cx, i)));
        if initial && b.start <= a.end + 2 && (a.end..b.start).all(|i| is_initial(cx, i)) {
            let merged = spans[k].words.start..spans[k + 1].words.end;
            spans[k] = Name::new(merged, Kind::Person);
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// "New York Attorney General Elliot Spitzer": a title inside a name splits a place or an
/// organization from the person after it; "Indonesian | Energy Minister": the title the name ran
/// into is no part of it, nor are the common words between a country or nationality and a title
/// ("U.S. Energy | Secretary").
pub(super) fn titles_inside_names(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut people = Vec::new();
    for n in spans.iter_mut() {
        let s = &mut n.words;
        // A title word after "of" names a portfolio ("Department of Justice").
        let title = |i: usize| {
            p.info[i].cap
                && (p.info[i].flags.any(Flags::TITLE | Flags::HONORIFIC) || p.info[i].gaz.has(Flags::TITLE))
                && cx.word(i - 1) != "of"
        };
        let t = (s.start + 1..s.end).find(|&i| title(i)).unwrap_or(s.end);
        let mut e = t;
        while e < s.end && title(e) {
            e += 1;
        }
        if t < s.end && (s.start..t).all(|i| !title(i)) {
            if e < s.end {
                people.push(Name::new(e..s.end, Kind::Person));
                let place = p.info[s.start].gaz.any(Flags::PLACE) || p.info[s.start].flags.any(Flags::PLACE);
                n.kind = if place { Kind::Place } else { Kind::Org };
                s.end = t;
            } else if n.kind != Kind::Person {
                s.end = t;
            }
        }
        if n.kind != Kind::Person && s.end < r.end && title(s.end) {
            if let Some((g, k)) = place_before_title(cx, s.clone()) {
                (s.end, n.kind) = (g, k);
            }
        }
    }
    spans.extend(people);
    sort(spans);
}

/// "Tomas Halden, the prime minister of ...": an appositive headed by a title describes a person.
pub(super) fn appositive_titles(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    for s in spans.iter_mut() {
        let company = cx.p.info[s.words.end - 1].flags.has(Flags::COMPANY);
        if s.kind != Kind::Person && s.words.len() <= 3 && !company && appositive_title(cx, s.words.end) {
            s.kind = Kind::Person;
        }
    }
}

/// "was Hun | Sen": a capitalised word mid-sentence right before a person's name is part of it.
pub(super) fn word_before_person(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    for k in 0..spans.len() {
        let i = spans[k].words.start;
        let free = k == 0 || spans[k - 1].words.end < i;
        if spans[k].kind != Kind::Person || i == r.start || !free || p.info[i].sent_start || !cx.cap(i - 1) {
            continue;
        }
        let w = &p.info[i - 1];
        let blocked = Flags::TIME
            | Flags::HONORIFIC
            | Flags::TITLE
            | Flags::DEMONYM
            | Flags::NORP
            | Flags::PLACE
            | Flags::ORG_HEAD
            | Flags::ORG_NAME
            | Flags::LOWER;
        if !w.sent_start && !w.upper && !w.flags.any(blocked) && w.gaz.is_empty() {
            spans[k].words.start = i - 1;
        }
    }
}

/// "The Merlin Express left", "the Silver Arrow": a name right after "the" whose last word is
/// no surname names a train, a ship or a show, not a person ("the Tom Hanks film" and "the
/// Duchess of Kentmere" keep their person).
pub(super) fn article_before_name(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    for s in spans.iter_mut() {
        let (a, b) = (s.words.start, s.words.end);
        if s.kind != Kind::Person || a == cx.r.start || b - a < 2 || !cx.word(a - 1).eq_ignore_ascii_case("the") {
            continue;
        }
        let last = &p.info[b - 1];
        // "the Duchess of Kentmere": a title before the name makes it a person's.
        if !last.flags.has(Flags::SURNAME) && last.gaz.is_empty() && !p.info[a].caps_line && !is_title(&p.info[a]) {
            s.kind = Kind::Misc;
        }
    }
}

/// "James | Cleverly": a capitalised word right after a lone first name is the surname.
pub(super) fn surname_after_first_name(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let mut k = 0;
    while k < spans.len() {
        let (s, kind) = (spans[k].words.clone(), spans[k].kind);
        let j = s.end;
        // The next word is free, or a one-word name the tagger could not place.
        let next = spans.get(k + 1).filter(|n| n.words.start == j).cloned();
        let free = next.as_ref().is_none_or(|n| n.words.len() == 1 && n.kind == Kind::Misc);
        let first_name = p.info[s.start].flags.any(Flags::FIRST_M | Flags::FIRST_F | Flags::FIRST_U);
        let surname = |j: usize| {
            cx.cap(j)
                && !p.info[j].sent_start
                && !p.info[j].flags.any(Flags::TIME | Flags::ORG_HEAD | Flags::HONORIFIC | Flags::TITLE)
                && !p.info[j].gaz.any(Flags::PLACE)
        };
        if kind == Kind::Person && s.len() == 1 && first_name && free && surname(j) {
            spans[k].words.end = j + 1;
            if next.is_some() {
                spans.remove(k + 1);
            }
        }
        k += 1;
    }
}

/// "Paul Boltz of Harbor Partners said": a first name and a capitalised word after it that is no
/// common word, place, title or organization word name a person, where the tagger left both out.
/// A capitalised word before or after them makes a longer name, left to the tagger.
pub(super) fn first_name_and_surname(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    // What neither word of such a name may be.
    const NOT: Flags = Flags::LOWER
        .union(Flags::TIME)
        .union(Flags::ORG_HEAD)
        .union(Flags::HONORIFIC)
        .union(Flags::TITLE)
        .union(Flags::COMPANY)
        .union(Flags::DEMONYM)
        .union(Flags::NORP);
    let (p, r) = (cx.p, &cx.r);
    let mut new = Vec::new();
    // The first span that does not end before word `i`.
    let mut k = 0;
    let mut i = r.start;
    while i + 1 < r.end {
        while k < spans.len() && spans[k].words.end <= i {
            k += 1;
        }
        let free = spans.get(k).is_none_or(|s| s.words.start > i + 1);
        let (a, b) = (&p.info[i], &p.info[i + 1]);
        let first = cx.cap(i)
            && a.flags.any(Flags::FIRST_M | Flags::FIRST_F)
            && !a.flags.any(NOT)
            && !(a.flags | a.gaz).any(Flags::PLACE)
            && !a.closed
            && !a.upper
            && !a.caps_line
            && !a.title_line
            && (i == r.start || a.sent_start || !cx.cap(i - 1));
        let surname = cx.cap(i + 1)
            && p.words[i + 1].kind == WordKind::Alpha
            && !b.sent_start
            && !b.upper
            && !b.flags.any(NOT)
            && !(b.flags | b.gaz).any(Flags::PLACE)
            && !cx.cap(i + 2);
        if free && first && surname {
            new.push(Name::new(i..i + 2, Kind::Person));
            i += 2;
        } else {
            i += 1;
        }
    }
    if !new.is_empty() {
        spans.extend(new);
        super::sort(spans);
    }
}

/// True when ", the prime minister of" or ", a senior adviser," follows word `at - 1`: an
/// appositive whose head noun (its last lower-case word before "of" or a stop) is a title.
/// Capitalised words may come before the head ("a former Acme adviser"); in ", a private British
/// company" the head is "company", not the rank "private".
fn appositive_title(cx: &Ctx<'_>, at: usize) -> bool {
    let (p, end) = (cx.p, cx.r.end);
    if at + 2 >= end || cx.word(at) != "," || !matches!(cx.word(at + 1), "the" | "a" | "an") {
        return false;
    }
    let mut head = None;
    for i in at + 2..end.min(at + 7) {
        let w = &p.words[i];
        if w.kind != WordKind::Alpha || cx.word(i) == "of" {
            break;
        }
        if !p.info[i].cap {
            head = Some(i);
        }
    }
    head.is_some_and(|h| p.info[h].flags.has(Flags::TITLE))
}

/// "U.S. Energy | Secretary", "Indonesian Energy | Minister": where a name before a title is a
/// country or nationality and then common words, those words belong to the title. Returns where
/// the place ends and its kind.
fn place_before_title(cx: &Ctx<'_>, s: std::ops::Range<usize>) -> Option<(usize, Kind)> {
    let p = cx.p;
    let first = &p.info[s.start];
    let mut g = s.start + 1;
    while g < s.end && p.info[g].gaz_pos == 2 {
        g += 1;
    }
    let common = (g..s.end).all(|i| p.info[i].flags.has(Flags::LOWER) && !p.info[i].flags.has(Flags::ORG_HEAD));
    if g == s.end || !common {
        return None;
    }
    let f = first.gaz | first.flags;
    if f.any(Flags::COUNTRY | Flags::REGION_GPE) {
        Some((g, Kind::Place))
    } else if f.has(Flags::DEMONYM) {
        Some((g, Kind::Misc))
    } else {
        None
    }
}

/// A one-letter word with a period ("V.").
fn is_initial(cx: &Ctx<'_>, i: usize) -> bool {
    let t = cx.word(i);
    t.len() == 2 && t.ends_with('.') && t.starts_with(|c: char| c.is_uppercase())
}

/// "the Duchess of Kentmere", "the Earl of Marlow": a title of the peerage with "of" and a
/// capitalised run is one person, whose name holds the title; the place is no mention of its
/// own. A head word in the run makes it a building or a body instead ("Prince of Wales Hospital").
pub(super) fn peerages(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut people = Vec::new();
    let mut i = r.start;
    while i + 2 < r.end {
        if !(cx.cap(i) && lists().is(p.words[i].key, ListWord::Peerage) && cx.word(i + 1) == "of" && cx.cap(i + 2)) {
            i += 1;
            continue;
        }
        let mut e = i + 2;
        while e < r.end && cx.cap(e) && !p.info[e].sent_start && !p.info[e].flags.has(Flags::TIME) {
            e += 1;
        }
        let head = (i + 2..e).any(|j| p.info[j].flags.any(Flags::ORG_HEAD | Flags::FAC_HEAD | Flags::LOC_HEAD));
        if !head {
            people.push(Name::new(i..e, Kind::Person));
        }
        i = e;
    }
    replace_overlapping(spans, people);
}

/// "a Hall of Famer", "two Hall of Famers": a name with "of" and a member noun is a common noun.
pub(super) fn member_nouns(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let member = |i: usize| i < cx.r.end && lists().is(cx.p.words[i].key, ListWord::MemberNoun);
    let of_member = |i: usize| i + 1 < cx.r.end && cx.word(i) == "of" && member(i + 1);
    spans.retain(|s| !(s.words.clone().any(of_member) || of_member(s.words.end)));
}

/// "Carry On", "Bring It Up": a person's name never ends in a particle or a function word, nor
/// is it followed by one written capitalised; the words are a title of a work. The surname
/// lists hold some function words ("On"), so only a particle that is a surname is left alone. Headline case
/// capitalises such words anyway ("Varga On Trade"), so it says nothing there.
pub(super) fn particles_end_no_person(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let particle = |j: usize| {
        let info = &p.info[j];
        info.cap
            && !info.sent_start
            && !info.title_line
            && !info.caps_line
            && (info.closed || lists().is(p.words[j].key, ListWord::Particle) && !info.flags.has(Flags::SURNAME))
    };
    for s in spans.iter_mut() {
        let last = s.words.end - 1;
        let ends = s.words.len() >= 2 && particle(last);
        // Only a name of common words runs on into a particle ("Carry | On"); a name before
        // one may end a greeting ("@ AnnLee | This Sunday").
        let common = s.words.clone().all(|j| p.info[j].flags.has(Flags::LOWER));
        let followed = common && s.words.end < cx.r.end && particle(s.words.end);
        if s.kind == Kind::Person && (ends || followed) {
            s.kind = Kind::Misc;
        }
    }
}

/// "Moqtada al-Sadr", "Ali al-Hakim": a name in Arabic ends in a word that starts with a
/// lower-case article ("al-", "el-"), which the tagger may leave out. It joins the name right
/// before it, or the capitalised word before it that names nothing else; alone, it is a
/// well-known organization's name ("al-Qaeda") or is left to the names the article repeats.
pub(super) fn article_prefixed_names(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut k = 0;
    let mut added = Vec::new();
    for i in r.clone() {
        if !lists::article_prefixed(cx.word(i)) {
            continue;
        }
        while k < spans.len() && spans[k].words.end < i {
            k += 1;
        }
        if let Some(s) = spans.get_mut(k) {
            if s.words.end == i && s.kind != Kind::Place {
                s.words.end = i + 1;
                continue;
            }
            if s.words.contains(&i) {
                continue;
            }
        }
        let before = i > r.start && spans.get(k).is_none_or(|s| s.words.start > i - 1) && {
            let info = &p.info[i - 1];
            cx.cap(i - 1)
                && !info.flags.any(Flags::LOWER | Flags::TIME | Flags::TITLE | Flags::HONORIFIC | Flags::PLACE)
                && !info.gaz.any(Flags::PLACE | Flags::ORG_NAME)
                && !info.closed
        };
        if before {
            added.push(Name::new(i - 1..i + 1, Kind::Person));
        } else if cx.lex.word(p.words[i].key).has(Flags::ORG_NAME) {
            added.push(Name::new(i..i + 1, Kind::Org));
        }
    }
    spans.extend(added);
    sort(spans);
}
