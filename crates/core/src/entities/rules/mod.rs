//! The rules after the tagger: named passes over the tagger's name spans that fix what a
//! left-to-right tagger trained on little data gets wrong in news text.
//!
//! Each pass lives in the file of its family ([`Family`]) and is declared, with its name and
//! scope, in [`RULES`], the one table that orders them: the paragraph passes run on each
//! paragraph's spans in table order, then the article passes on all spans. Any pass can be
//! switched off ([`RuleSet`]), so what it is worth can be measured (`eval/ner.py --ablation`),
//! and each has golden cases in `tests/data/entities.toml` that name it (`rules = [...]`) and
//! fail without it.

// Every pass has the table's one signature, `&mut Vec<Name>`, though some only edit in place.
#![allow(clippy::ptr_arg)]

mod acronyms;
mod headline;
pub(crate) mod lists;
mod organizations;
mod people;
mod places;
mod products;
mod repeated;
mod teams;

use std::ops::Range;

use crate::entities::features::{Candidate, Info, Prepared};
use crate::entities::lexicon::{self, Flags, Lexicon};
use crate::entities::words::WordKind;

pub(crate) use headline::trimmable;

/// What the tagger took a span for: its kinds, in the tagger's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Person,
    Org,
    Place,
    /// Anything else with a name (events, works, nationalities): the tagger's fourth kind.
    Misc,
}

impl Kind {
    /// The kind of the tagger's kind number.
    pub(crate) fn from_tagger(kind: usize) -> Kind {
        match kind {
            0 => Kind::Person,
            1 => Kind::Org,
            2 => Kind::Place,
            _ => Kind::Misc,
        }
    }
}

/// A name span being repaired: words of one paragraph and what they name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Name {
    /// The words (indices into [`Prepared::words`]).
    pub words: Range<usize>,
    pub kind: Kind,
    /// Its words are a name whatever headline case suggests: a headline name
    /// [`headline::names_from_body`] took from the body.
    pub keep_words: bool,
    /// A team's name on a line of results: its words are a name (as with `keep_words`), even a
    /// lone common word ("Arsenal 2 Everton 0").
    pub team: bool,
}

impl Name {
    pub(crate) fn new(words: Range<usize>, kind: Kind) -> Name {
        Name { words, kind, keep_words: false, team: false }
    }
}

/// The families the passes are filed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Organizations: known names, clubs and campuses, legal forms, bodies of state, joiners,
    /// portfolios, events and laws.
    Organizations,
    /// People and their titles: honorifics, initials, titles inside names, appositives.
    People,
    /// Places: datelines, abbreviated states, "St." and "Mt.".
    Places,
    /// Teams and media: programmes and sections, results tables, places named as teams, stock tickers.
    Teams,
    /// Acronyms defined in brackets.
    Acronyms,
    /// Headline case and capitals: names a wire headline shares with its story.
    Headline,
    /// Names the article repeats where the tagger missed them.
    Repeated,
}

/// Where a pass looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One paragraph's spans at a time.
    Paragraph,
    /// Every span of the article.
    Article,
}

/// One named pass.
pub struct Rule {
    /// Its name, as `RuleSet::without` and the golden cases call it.
    pub name: &'static str,
    pub family: Family,
    pub scope: Scope,
    run: fn(&Ctx<'_>, &mut Vec<Name>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("name", &self.name).field("family", &self.family).finish()
    }
}

const fn rule(name: &'static str, family: Family, scope: Scope, run: fn(&Ctx<'_>, &mut Vec<Name>)) -> Rule {
    Rule { name, family, scope, run }
}

use Family::*;
use Scope::{Article, Paragraph};

/// Every pass, in the order they run (paragraph passes first).
pub const RULES: &[Rule] = &[
    rule("coded_names", Organizations, Paragraph, organizations::coded_names),
    rule("known_organizations", Organizations, Paragraph, organizations::known_names),
    rule("digit_led_names", Organizations, Paragraph, organizations::digit_led_names),
    rule("after_honorifics_and_titles", People, Paragraph, people::after_honorifics_and_titles),
    rule("legal_forms", Organizations, Paragraph, organizations::legal_forms),
    rule("partners_and_co", Organizations, Paragraph, organizations::partners_and_co),
    rule("words_before_organizations", Organizations, Paragraph, organizations::words_before),
    rule("bodies_of_state", Organizations, Paragraph, organizations::bodies_of_state),
    rule("country_before_body", Organizations, Paragraph, organizations::country_before_body),
    rule("administrations", People, Paragraph, people::administrations),
    rule("initials", People, Paragraph, people::initials),
    rule("article_prefixed_names", People, Paragraph, people::article_prefixed_names),
    rule("titles_inside_names", People, Paragraph, people::titles_inside_names),
    rule("of_phrases", Organizations, Paragraph, organizations::of_phrases),
    rule("peerages", People, Paragraph, people::peerages),
    rule("member_nouns", People, Paragraph, people::member_nouns),
    rule("appositive_titles", People, Paragraph, people::appositive_titles),
    rule("word_before_person", People, Paragraph, people::word_before_person),
    rule("particles_end_no_person", People, Paragraph, people::particles_end_no_person),
    rule("surname_after_first_name", People, Paragraph, people::surname_after_first_name),
    rule("first_name_and_surname", People, Paragraph, people::first_name_and_surname),
    rule("article_before_name", People, Paragraph, people::article_before_name),
    rule("joiner_inside_organization", Organizations, Paragraph, organizations::joiner_inside),
    rule("names_run_to_their_head", Headline, Paragraph, headline::names_run_to_their_head),
    rule("saint_and_mount", Places, Paragraph, places::saint_and_mount),
    rule("place_then_more_name", Teams, Paragraph, teams::place_then_more_name),
    rule("datelines", Places, Paragraph, places::datelines),
    rule("abbreviated_states", Places, Paragraph, places::abbreviated_states),
    rule("lowercase_places", Places, Paragraph, places::lowercase_places),
    rule("places_not_people", Places, Paragraph, places::places_not_people),
    rule("joined_organizations", Organizations, Paragraph, organizations::joined),
    rule("event_and_law_heads", Organizations, Paragraph, organizations::event_and_law_heads),
    rule("organization_nouns", Organizations, Paragraph, organizations::after_org_nouns),
    rule("first_field_of_body", Organizations, Paragraph, organizations::first_field),
    rule("portfolios", Organizations, Paragraph, organizations::portfolios),
    rule("affixed_organizations", Organizations, Paragraph, organizations::affixed),
    rule("bracketed_companies", Organizations, Paragraph, organizations::bracketed_companies),
    rule("products", Organizations, Paragraph, products::products),
    rule("defined_acronyms", Acronyms, Paragraph, acronyms::defined),
    rule("results_tables", Teams, Paragraph, teams::results_tables),
    rule("organizations_named_again", Repeated, Article, repeated::organizations_named_again),
    rule("repeated_names", Repeated, Article, repeated::propagate),
    rule("event_names", Repeated, Article, repeated::event_names),
    rule("programmes_and_sections", Teams, Article, teams::programmes_and_sections),
    rule("headline_names", Headline, Article, headline::names_from_body),
    rule("sports_teams", Teams, Article, teams::sports_teams),
    rule("tickers", Teams, Article, teams::tickers),
];

/// Which passes run: a set over [`RULES`]. The default runs them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleSet(u64);

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet::all()
    }
}

impl RuleSet {
    /// Every pass.
    pub fn all() -> RuleSet {
        RuleSet(if RULES.len() == 64 { u64::MAX } else { (1u64 << RULES.len()) - 1 })
    }

    /// This set without the pass named `name`; `None` when no pass has that name.
    pub fn without(self, name: &str) -> Option<RuleSet> {
        let i = RULES.iter().position(|r| r.name == name)?;
        Some(RuleSet(self.0 & !(1 << i)))
    }

    /// True when the pass at `i` in [`RULES`] runs.
    fn runs(self, i: usize) -> bool {
        self.0 & (1 << i) != 0
    }
}

/// What a pass reads: the text, its words and the lexicon, and the words it works on (one
/// paragraph, or all of them).
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub p: &'a Prepared,
    pub lex: &'a Lexicon,
    /// The paragraph's words, or every word for an article pass.
    pub r: Range<usize>,
}

/// Runs the paragraph passes of `set` on `spans`, the spans of paragraph `r`.
pub(crate) fn paragraph(text: &str, p: &Prepared, lex: &Lexicon, r: Range<usize>, set: RuleSet, spans: &mut Vec<Name>) {
    let cx = Ctx { text, p, lex, r };
    run(&cx, Paragraph, set, spans);
}

/// Runs the article passes of `set` on every span of the article.
pub(crate) fn article(text: &str, p: &Prepared, lex: &Lexicon, set: RuleSet, spans: &mut Vec<Name>) {
    let cx = Ctx { text, p, lex, r: 0..p.words.len() };
    run(&cx, Article, set, spans);
}

fn run(cx: &Ctx<'_>, scope: Scope, set: RuleSet, spans: &mut Vec<Name>) {
    for (i, rule) in RULES.iter().enumerate() {
        if rule.scope == scope && set.runs(i) {
            (rule.run)(cx, spans);
        }
    }
}

impl Ctx<'_> {
    /// A capitalised candidate word of the paragraph.
    fn cap(&self, i: usize) -> bool {
        i < self.r.end && self.p.info[i].candidate == Candidate::Name && self.p.info[i].cap
    }

    fn word(&self, i: usize) -> &str {
        self.p.words[i].text(self.text)
    }

    /// A word with a digit: a code is no organization's word ("rated A-1 of | Harbor Bank Ltd").
    fn coded(&self, s: Range<usize>) -> bool {
        s.into_iter().any(|i| self.word(i).bytes().any(|c| c.is_ascii_digit()))
    }

    /// Where the well-known organization's name that starts at word `i` ends ("Sheffield |
    /// Wednesday", "Real | Madrid"); `None` when none starts there.
    fn org_phrase_end(&self, i: usize) -> Option<usize> {
        let (p, r) = (self.p, &self.r);
        let first = &p.info[i];
        let mut e = i + 1;
        while e < r.end && p.info[e].gaz_pos == 2 {
            e += 1;
        }
        // "the Labour party" is no "Labour Party": the name ends at its last capitalised word.
        while e > i + 1 && !p.info[e - 1].cap && p.words[e - 1].kind != WordKind::Possessive {
            e -= 1;
        }
        // "Standard and Poor's | Corp": its legal form may follow.
        if e < r.end && p.info[e].cap && p.info[e].flags.has(Flags::COMPANY) {
            e += 1;
        }
        (first.gaz_pos == 1 && first.gaz.has(Flags::ORG_NAME)).then_some(e)
    }

    /// The key of the name a span's words spell.
    fn span_key(&self, s: &Range<usize>) -> u64 {
        span_key(self.p, s)
    }
}

/// The key of the name a span's words spell.
pub(crate) fn span_key(p: &Prepared, s: &Range<usize>) -> u64 {
    lexicon::name_key(p.words[s.clone()].iter().map(|w| w.key))
}

/// Puts `new` spans in place of the ones they overlap, keeping text order.
fn replace_overlapping(spans: &mut Vec<Name>, new: Vec<Name>) {
    if new.is_empty() {
        return;
    }
    spans.retain(|s| !new.iter().any(|n| n.words.start < s.words.end && s.words.start < n.words.end));
    spans.extend(new);
    sort(spans);
}

/// Puts spans back in text order.
fn sort(spans: &mut [Name]) {
    spans.sort_by_key(|s| s.words.start);
}

/// A well-known organization's one-word name that is also a common word ("Congress", "Arsenal"),
/// which the article writes capitalised mid-sentence too: at a sentence's start it is the name.
pub(crate) fn known_org(info: &Info) -> bool {
    info.gaz_pos == 1 && info.gaz.has(Flags::ORG_NAME) && info.doc & 2 != 0
}

/// A word that names a country or a political region, by the gazetteers or the word lists.
fn names_nation(info: &Info) -> bool {
    (info.gaz | info.flags).any(Flags::COUNTRY | Flags::REGION_GPE)
}

/// An honorific, a one-word title, or a word of a title phrase ("Prime Minister").
pub(crate) fn is_title(info: &Info) -> bool {
    info.flags.any(Flags::HONORIFIC | Flags::TITLE) || info.gaz.has(Flags::TITLE)
}
