//! Noun phrases around a cue: the speaker before the verb ("Mr. Wen said"), after it
//! ("said Geoff Garin"), behind an appositive ("Tomas Halden, the director of ..., said")
//! and the subject of a participle ("Marek issued a statement suggesting that ...").
//!
//! There is no tagger here: function words come from the grammar lexicon, names from
//! capitalisation, verbs from cues, irregular past forms and the -ed ending.

use std::ops::Range;

use super::context::{starts_upper, Ctx, Cue, WINDOW};
use super::lexicon::{Class, CueClass, Form};

/// Longest noun phrase followed, in words.
const MAX_NP: usize = 9;
/// Longest noun phrase followed, in tokens (punctuation included).
const MAX_NP_TOKENS: usize = 3 * MAX_NP;
/// Farthest an appositive's opening comma is looked for, in tokens.
const MAX_APPOSITIVE: usize = 30;
/// Most adjuncts stepped over between a subject and its verb.
const MAX_ADJUNCTS: usize = 3;
/// Longest quoted title stepped over inside an appositive, in tokens (marks included).
const MAX_TITLE: usize = 12;

impl Ctx<'_> {
    /// Who a cue names as its source, as a token range: the subject before the verb, the
    /// inverted subject after it, the noun phrase after "according to", or the subject of the
    /// clause a participle hangs on. `lo..hi` bounds the search (the sentence).
    pub(crate) fn speaker_of(&self, cue: &Cue, lo: usize, hi: usize) -> Option<Range<usize>> {
        let (a, b) = (cue.toks.start, cue.toks.end);
        if cue.class == CueClass::Source {
            return self.np_after(b, hi);
        }
        let finite_ing = a > lo && self.class(a - 1).has(Class::AUXILIARY);
        if cue.form == Form::Ing && !finite_ing {
            return self.main_subject(a, lo);
        }
        // Inverted after a comma or a closing mark: "“…,” said Mr. X", "…, said one official
        // involved in the talks". A noun phrase followed by an auxiliary is the subject of a
        // reported clause instead ("said the plan would fail").
        let p = self.skip_back(a, lo, false);
        let after_mark = p > 0
            && (self.quote_at(p - 1).is_some() || (p > 1 && self.word(p - 1) == "," && self.quote_at(p - 2).is_some()));
        let after_punct = p == lo || !self.is_word(p - 1);
        let inverted = || {
            let np = self.np_after(b, hi)?;
            let next = np.end;
            let ends = next >= hi
                || !self.is_word(next)
                || if after_mark {
                    // "…,” described the impact as “…”": an object, not an inverted subject.
                    let as_quote = self.word(next) == "as" && self.quote_at(next + 1).is_some();
                    !self.class(next).has(Class::AUXILIARY) && !as_quote
                } else {
                    matches!(self.word(next), "who" | "whose" | "which" | "as" | "while" | "when")
                };
            ends.then_some(np)
        };
        if after_mark && cue.form != Form::Ing {
            if let Some(np) = inverted() {
                return Some(self.name_after_role(np, hi));
            }
        }
        if let Some(s) = self.subject_before(a, lo) {
            return Some(s);
        }
        if after_punct && !after_mark && cue.form != Form::Ing && cue.class != CueClass::Addressee {
            if let Some(np) = inverted() {
                return Some(self.name_after_role(np, hi));
            }
        }
        // "Trump called on her to resign and said, …": the subject of the first verb.
        if p > lo && self.is_word(p - 1) && matches!(self.word(p - 1), "and" | "but" | "or") {
            return self.main_subject(p - 1, lo);
        }
        None
    }

    /// "said Vale Bank chief economist, Tom Reed.": a role (a phrase headed by a lowercase noun)
    /// set off from the name after it by a comma gives the name, when the name ends the sentence
    /// or a relative clause follows it. A name stays ("said Ann Cole of Derry, N.H."), and so
    /// does a role followed by anything else ("said the leader, adding …", "the schools, Vale
    /// College, …").
    fn name_after_role(&self, role: Range<usize>, hi: usize) -> Range<usize> {
        let comma = role.end;
        // The head: the last word before a preposition ("his best friend at Vale College").
        let head = (role.start + 1..comma).find(|&t| self.class(t).has(Class::PREPOSITION)).unwrap_or(comma) - 1;
        let ends_in_noun = self.is_word(head) && !starts_upper(self.word(head));
        if !ends_in_noun || comma + 1 >= hi || self.word(comma) != "," || !self.is_capitalized(comma + 1) {
            return role;
        }
        let name = self.np_after(comma + 1, hi).filter(|np| {
            let e = np.end;
            let ends = e >= hi
                || self.ends_sentence(e)
                || self.word(e) == ","
                    && e + 1 < hi
                    && matches!(self.word(e + 1).to_ascii_lowercase().as_str(), "who" | "whose");
            np.start == comma + 1 && ends && self.is_name(np.clone()) && !self.class(np.start).has(Class::TIME)
        });
        name.unwrap_or(role)
    }

    /// The subject of the verb at token `verb`: skips auxiliaries and adverbs, then takes the
    /// noun phrase before them, looking past an appositive or relative clause between commas,
    /// and past adjuncts between subject and verb ("the ministry on Friday said", "the group
    /// this week published", "Beck has in the past described").
    pub(crate) fn subject_before(&self, verb: usize, lo: usize) -> Option<Range<usize>> {
        let mut i = self.skip_back(verb, lo, true);
        for _ in 0..MAX_ADJUNCTS {
            // "Sen. Paul Ryan (R-Wis.) said": step over a parenthesis.
            if i > lo && self.word(i - 1) == ")" {
                let open = (lo.max(i.saturating_sub(MAX_APPOSITIVE))..i - 1).rev().find(|&t| self.word(t) == "(")?;
                i = self.skip_back(open, lo, true);
            }
            if i > lo && self.word(i - 1) == "," {
                return self.behind_appositive(i - 1, lo);
            }
            // "a message that said", "Smith, who said": the antecedent and its relative pronoun.
            if i > lo
                && self.is_word(i - 1)
                && matches!(self.word(i - 1).to_ascii_lowercase().as_str(), "who" | "which" | "that")
            {
                // "Jon Hale (who had asked …) said" too.
                let mut j = i - 1;
                if j > lo && matches!(self.word(j - 1), "," | "(") {
                    j -= 1;
                }
                return Some(self.np_before(j, lo).map_or(i - 1, |np| np.start)..i);
            }
            let np = self.np_before(i, lo)?;
            if let Some(start) = self.adjunct_start(np.clone(), lo) {
                i = self.skip_back(start, lo, true);
                // "A report released last year found": the participle the time belongs to.
                if i > lo + 1 && self.verb_like(i - 1) && self.cue_starting_at(i - 1).is_none() && self.nominal(i - 2) {
                    i -= 1;
                }
                continue;
            }
            // "is the only country promised ...": a noun phrase after a copula is no subject.
            if np.start > lo && self.is_word(np.start - 1) && self.class(np.start - 1).has(Class::AUXILIARY) {
                return None;
            }
            // "Mr. Varga and Mr. Li promised": names joined by "and" speak together.
            if np.start > lo + 1 && self.word(np.start - 1) == "and" && self.is_name(np.clone()) {
                if let Some(first) = self.np_before(np.start - 1, lo).filter(|f| self.is_name(f.clone())) {
                    return Some(first.start..np.end);
                }
            }
            return Some(self.antecedent_of_relative(np.start, lo).unwrap_or(np));
        }
        None
    }

    /// Where the adjunct starts when the noun phrase `np` before a verb is one rather than its
    /// subject: a time ("this week", "two weeks ago", "less than a month ago", a bare number),
    /// or a phrase a lowercase preposition governs after a verb or auxiliary ("has in the past
    /// described") or ending in a time word ("Visa at the time said").
    fn adjunct_start(&self, np: Range<usize>, lo: usize) -> Option<usize> {
        let mut start = np.start;
        let time = self.is_time_phrase(np.clone());
        // "less than two weeks ago", "more than a year ago".
        if time && start > lo + 1 && self.word(start - 1) == "than" && matches!(self.word(start - 2), "less" | "more") {
            start -= 2;
        }
        let p = start.checked_sub(1).filter(|&p| {
            p > lo
                && self.is_word(p)
                && !self.is_capitalized(p)
                && self.class(p).has(Class::PREPOSITION)
                && self.word(p) != "of"
        });
        let Some(p) = p else {
            return time.then_some(start);
        };
        // "has in the past described", but not "was to begin on what Ann described".
        let after_verb = self.is_word(p - 1) && !np.clone().any(|t| self.is_capitalized(t)) && {
            let c = self.class(p - 1);
            c.has(Class::AUXILIARY) || c.has(Class::SUBJECT)
        };
        // "who in 2010 said": a year after a preposition.
        let number = np.clone().all(|t| self.is_number(t));
        (time || number || after_verb || self.class(np.end - 1).has(Class::TIME)).then_some(p)
    }

    /// A time word: lowercase, singular or plural ("week", "weeks"), or a capitalised day
    /// ("Tuesday"; "Times" and "Time" are mastheads more often than times).
    fn is_time_word(&self, t: usize) -> bool {
        let w = self.word(t);
        if starts_upper(w) {
            return w.ends_with("day") && self.class(t).has(Class::TIME);
        }
        self.class(t).has(Class::TIME) || self.lex.class(w.strip_suffix('s').unwrap_or(w)).has(Class::TIME)
    }

    /// True when every word of `r` tells a time: time words ("week", "weeks", "Tuesday") or
    /// "ago", with numbers and determiners ("this week", "two years ago", "3 days ago").
    fn is_time_phrase(&self, r: Range<usize>) -> bool {
        let mut time = false;
        for t in r {
            let w = self.word(t);
            if w == "ago" {
                time = true;
            } else if self.is_number(t) {
                continue;
            } else if !self.is_word(t) {
                return false;
            } else if self.is_time_word(t) {
                time |= !self.class(t).has(Class::DETERMINER);
            } else if !self.class(t).has(Class::DETERMINER) {
                return false;
            }
        }
        time
    }

    /// "A nurse who treated the driver said": the noun phrase that opens the clause before a
    /// relative "who", not the last noun inside the relative clause. Only over words (no comma,
    /// quote or sentence end between), so "Smith, who …" stays with the appositive rule.
    fn antecedent_of_relative(&self, np_start: usize, lo: usize) -> Option<Range<usize>> {
        let from = lo.max(np_start.saturating_sub(MAX_APPOSITIVE));
        let who = (from..np_start)
            .rev()
            .take_while(|&t| self.is_word(t) && self.quote_at(t).is_none())
            .find(|&t| self.word(t).eq_ignore_ascii_case("who"))?;
        let antecedent = self.np_before(who, lo)?;
        let opens_clause = antecedent.start == lo || !self.is_word(antecedent.start - 1);
        (antecedent.end == who && opens_clause).then_some(antecedent)
    }

    /// Steps back over adverbs (and auxiliaries and contractions, when `aux`) before token `i`.
    fn skip_back(&self, mut i: usize, lo: usize, aux: bool) -> usize {
        let lo = lo.max(i.saturating_sub(WINDOW));
        while i > lo {
            let t = i - 1;
            let skip = self.is_word(t) && {
                let c = self.class(t);
                // "he’s said": the contraction of "has" after a pronoun, not a possessive.
                let has = matches!(self.word(t), "’s" | "'s") && t > lo && self.class(t - 1).has(Class::SUBJECT);
                (aux && (c.has(Class::AUXILIARY) || has)) || c.has(Class::ADVERB) || self.is_ly_adverb(t)
            };
            if !skip {
                break;
            }
            i = t;
        }
        i
    }

    /// The subject before `comma`, which closes an appositive or relative clause: "X, the
    /// director of Y, said" gives X; "his counterpart, Wen Bo, said" gives the name.
    fn behind_appositive(&self, comma: usize, lo: usize) -> Option<Range<usize>> {
        let mut j = comma;
        let mut open = None;
        while j > lo && comma - j < MAX_APPOSITIVE {
            j -= 1;
            let w = self.word(j);
            if w == "," {
                open = Some(j);
                break;
            }
            // "Ann Ortiz, the author of “Deep Water,” said": a quoted title inside the appositive,
            // after a word of it.
            if let Some(q) = self.quote_at(j) {
                let title = self.quoted_toks[q].clone();
                let names_it = title.start > lo && self.is_word(title.start - 1) && {
                    let c = self.class(title.start - 1);
                    c.has(Class::PREPOSITION) || c.has(Class::DETERMINER)
                };
                if names_it && title.len() <= MAX_TITLE {
                    j = title.start;
                    continue;
                }
                break;
            }
            if self.ends_sentence(j) || matches!(w, ";" | ":" | "(" | ")") {
                break;
            }
        }
        let open = open?;
        let inside = open + 1..comma;
        if inside.is_empty() {
            return None;
        }
        let mut before = self.np_before(open, lo);
        // "Sanders, meanwhile, who …, said": an adverb or time set off by commas is no subject.
        if let Some(b) = before.clone().filter(|b| b.start > lo + 1 && self.word(b.start - 1) == ",") {
            if self.is_time_phrase(b.clone()) || self.skip_back(b.end, b.start, false) == b.start {
                before = self.np_before(b.start - 1, lo);
            }
        }
        if self.class(inside.start).has(Class::CLAUSE) {
            return before;
        }
        if self.is_name(inside.clone()) {
            return match before {
                Some(b) if self.is_name(b.clone()) => Some(b),
                _ => Some(inside),
            };
        }
        before.or_else(|| self.np_before(comma, open + 1))
    }

    /// The subject of the clause that a participle ("saying", "telling him") depends on: the
    /// subject of the nearest finite verb before it.
    pub(crate) fn main_subject(&self, participle: usize, lo: usize) -> Option<Range<usize>> {
        let lo = lo.max(participle.saturating_sub(WINDOW));
        // "with Cruz recently promising to ...": the participle's own subject.
        let p = self.skip_back(participle, lo, false);
        if let Some(np) = self.np_before(p, lo) {
            if np.start > lo && self.word(np.start - 1).eq_ignore_ascii_case("with") {
                return Some(np);
            }
        }
        let mut t = participle;
        while t > lo {
            t -= 1;
            if let Some(q) = self.quote_at(t) {
                t = self.quoted_toks[q].start; // a quoted object: "called Trump a “blowhard,” and said"
                continue;
            }
            if self.ends_sentence(t) {
                break;
            }
            // "made an unprompted call": an -ed word after a determiner is an adjective.
            let adjective = t > 0 && self.is_word(t - 1) && self.class(t - 1).has(Class::DETERMINER);
            if self.is_word(t) && !starts_upper(self.word(t)) && !adjective && self.is_finite_verb(t) {
                if let Some(s) = self.subject_before(t, lo) {
                    return Some(s);
                }
            }
        }
        None
    }

    /// A lowercase verb in a finite-looking form: a cue in the past or present, an irregular
    /// past, or a word ending in -ed.
    fn is_finite_verb(&self, t: usize) -> bool {
        if let Some(k) = self.cue_starting_at(t) {
            return matches!(self.cues[k].form, Form::Past | Form::Present);
        }
        self.verb_like(t)
    }

    /// A lowercase word that looks like a verb: an irregular past or a word ending in -ed.
    pub(crate) fn verb_like(&self, t: usize) -> bool {
        let w = self.word(t);
        if starts_upper(w) {
            return false;
        }
        self.class(t).has(Class::PAST) || (w.len() > 4 && w.ends_with("ed"))
    }

    /// A lowercase adverb in -ly that does not follow a determiner ("the family" is a noun).
    pub(crate) fn is_ly_adverb(&self, t: usize) -> bool {
        let w = self.word(t);
        w.len() > 4
            && w.ends_with("ly")
            && !starts_upper(w)
            && !(t > 0 && self.is_word(t - 1) && self.class(t - 1).has(Class::DETERMINER))
    }

    /// A word that can head or sit inside a noun phrase.
    fn nominal(&self, t: usize) -> bool {
        if !self.is_word(t) {
            return false;
        }
        let c = self.class(t);
        let function =
            c.has(Class::CLAUSE) || c.has(Class::AUXILIARY) || c.has(Class::PREPOSITION) || c.has(Class::SUBJECT);
        !function && (self.is_capitalized(t) || !self.verb_like(t))
    }

    /// True when the tokens are a name: capitalised words, with initials, hyphens and "of".
    pub(crate) fn is_name(&self, r: Range<usize>) -> bool {
        let mut caps = 0;
        for t in r {
            if self.is_word(t) {
                if self.is_capitalized(t) {
                    caps += 1;
                } else if !matches!(self.word(t), "of" | "de" | "van" | "von" | "bin" | "al") {
                    return false;
                }
            } else if !matches!(self.word(t), "." | "-" | "’" | "'") {
                return false;
            }
        }
        caps > 0
    }

    /// The noun phrase that ends right before token `end`, starting no earlier than `lo`.
    pub(crate) fn np_before(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        if end <= lo {
            return None;
        }
        if self.is_word(end - 1) && self.class(end - 1).has(Class::SUBJECT) {
            return Some(end - 1..end);
        }
        let lo = lo.max(end.saturating_sub(MAX_NP_TOKENS));
        let mut start = end;
        let mut words = 0;
        while start > lo {
            let t = start - 1;
            let w = self.word(t);
            if !self.is_word(t) {
                let keep = match w {
                    "." => self.is_abbreviation_dot(t),
                    "’" | "'" => t > lo && self.joined(t - 1) && self.is_word(t - 1),
                    "-" | "&" => t > lo && self.joined(t - 1) && self.joined(t),
                    // "three in 10 said", "47% say": poll shares stand for people.
                    "%" => t > lo && self.is_number(t - 1),
                    _ => self.is_number(t),
                };
                if !keep {
                    break;
                }
                start = t;
                continue;
            }
            let c = self.class(t);
            if c.has(Class::DETERMINER) && !c.has(Class::CLAUSE) {
                // "Speaker of the House Rep. Paul Ryan": "of the" inside a name.
                if t > lo + 1 && self.word(t - 1) == "of" && self.is_capitalized(t - 2) && words < MAX_NP {
                    start = t - 1;
                    continue;
                }
                // "the only other country": determiners stack at the front.
                start = t;
                while start > lo && self.is_word(start - 1) && {
                    let d = self.class(start - 1);
                    d.has(Class::DETERMINER) && !d.has(Class::CLAUSE) && !d.has(Class::PRONOUN)
                } {
                    start -= 1;
                }
                // "one in three", "nine out of 10": a share of people.
                if let Some(share) = self.share_before(start, lo) {
                    start = share;
                }
                break;
            }
            if c.has(Class::CLAUSE) || c.has(Class::AUXILIARY) || c.has(Class::SUBJECT) {
                break;
            }
            if c.has(Class::PREPOSITION) {
                // "the director of the council", "officials in Kyiv": a preposition inside a
                // noun phrase, when a noun stands before it.
                if start < end && t > lo && self.nominal(t - 1) && words < MAX_NP {
                    start = t;
                    continue;
                }
                break;
            }
            let lower = !starts_upper(w);
            if lower && (self.verb_like(t) || self.cue_starting_at(t).is_some()) && !self.polled(t, end, lo) {
                break;
            }
            words += 1;
            if words > MAX_NP {
                break;
            }
            start = t;
        }
        self.trim_np(start..end)
    }

    /// "those surveyed say", "voters polled said": a participle right before the verb that
    /// follows a quantifier or a plural noun belongs to the subject.
    fn polled(&self, t: usize, end: usize, lo: usize) -> bool {
        if t + 1 != end || t <= lo || !self.is_word(t - 1) || !self.word(t).ends_with("ed") {
            return false;
        }
        let c = self.class(t - 1);
        let w = self.word(t - 1);
        let plural = w.ends_with('s') && !w.ends_with("ss") && !c.has(Class::SUBJECT) && !c.has(Class::AUXILIARY);
        (c.has(Class::DETERMINER) && !c.has(Class::ARTICLE)) || c.has(Class::PLURAL_NOUN) || plural
    }

    /// The start of "N in" or "N out of" before token `t` ("one in | three"), when N is a
    /// number or a quantifier.
    fn share_before(&self, t: usize, lo: usize) -> Option<usize> {
        let of = t > lo + 2 && self.word(t - 1) == "of" && self.word(t - 2) == "out";
        let joint = if of { t - 2 } else { t.checked_sub(1).filter(|&j| j > lo && self.word(j) == "in")? };
        let n = joint - 1;
        let c = self.class(n);
        (self.is_number(n) || (c.has(Class::DETERMINER) && !c.has(Class::ARTICLE))).then_some(n)
    }

    /// A number token ("10", "1,200").
    fn is_number(&self, t: usize) -> bool {
        self.tokens[t].kind == crate::segment::TokenKind::Number
    }

    /// The noun phrase that starts at token `start`, ending before `hi`.
    pub(crate) fn np_after(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        if start >= hi {
            return None;
        }
        if self.is_word(start) && self.class(start).has(Class::SUBJECT) {
            return Some(start..start + 1);
        }
        let hi = hi.min(start + MAX_NP_TOKENS);
        let mut end = start;
        let mut words = 0;
        let mut after_preposition = true;
        while end < hi {
            let t = end;
            let w = self.word(t);
            if !self.is_word(t) {
                let keep = match w {
                    "." => self.is_abbreviation_dot(t) && t + 1 < hi && self.is_capitalized(t + 1),
                    "’" | "'" => t > 0 && self.joined(t - 1) && self.joined(t),
                    "-" | "&" => t > 0 && self.joined(t - 1) && self.joined(t),
                    // "a 2015 survey", "the 2009 paper": a year or count after the determiner.
                    _ => t > start && self.is_number(t) && self.class(t - 1).has(Class::DETERMINER),
                };
                if !keep {
                    break;
                }
                end += 1;
                continue;
            }
            let c = self.class(t);
            if c.has(Class::DETERMINER) && !c.has(Class::CLAUSE) {
                if !after_preposition {
                    break;
                }
                end += 1;
                after_preposition = false;
                continue;
            }
            if c.has(Class::CLAUSE) || c.has(Class::AUXILIARY) || c.has(Class::SUBJECT) {
                break;
            }
            if c.has(Class::PREPOSITION) {
                let of = w.eq_ignore_ascii_case("of") || (t + 1 < hi && self.is_capitalized(t + 1));
                if of && end > start && t + 1 < hi && (self.nominal(t + 1) || self.class(t + 1).has(Class::DETERMINER))
                {
                    end += 1;
                    after_preposition = true;
                    continue;
                }
                break;
            }
            let lower = !starts_upper(w);
            if end > start
                && (c.has(Class::TIME) || (lower && (self.verb_like(t) || self.cue_starting_at(t).is_some())))
            {
                break;
            }
            words += 1;
            if words > MAX_NP {
                break;
            }
            after_preposition = false;
            end += 1;
        }
        self.trim_np(start..end)
    }

    /// Drops punctuation, prepositions and determiners left dangling at either end.
    fn trim_np(&self, mut r: Range<usize>) -> Option<Range<usize>> {
        let dangling = |t: usize| {
            !(self.is_word(t) || self.is_number(t) || self.word(t) == "%") || {
                let c = self.class(t);
                c.has(Class::PREPOSITION) || c.has(Class::CLAUSE)
            }
        };
        while r.start < r.end
            && (!(self.is_word(r.start) || self.is_number(r.start)) || self.class(r.start).has(Class::PREPOSITION))
        {
            r.start += 1;
        }
        // A lone quantifier is a phrase of its own ("Several said"); an article is not.
        let article = |t: usize, len: usize| {
            self.class(t).has(Class::DETERMINER) && (len > 1 || self.class(t).has(Class::ARTICLE))
        };
        while r.start < r.end && (dangling(r.end - 1) || article(r.end - 1, r.end - r.start)) {
            if self.word(r.end - 1) == "." && self.is_abbreviation_dot(r.end - 1) && r.end - r.start > 1 {
                break;
            }
            r.end -= 1;
        }
        (r.start < r.end).then_some(r)
    }
}
