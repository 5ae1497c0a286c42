//! The cue lexicon and the word classes the quotes stage reads, compiled once from embedded data.
//!
//! `data/quotes/cues.txt` lists reporting verbs and phrases, inflected here; `data/quotes/grammar.txt`
//! lists function words by class. Cues are found with one Aho-Corasick automaton over the text;
//! word classes are looked up only around cues and quotation marks.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::data::{self, data_file, DataFile, Seen, Unique};
use crate::hash::{FastMap, WordMap};
use crate::span::Span;

const CUES: DataFile<'static> = data_file!("data/quotes/cues.txt");
const GRAMMAR: DataFile<'static> = data_file!("data/quotes/grammar.txt");

/// What kind of reporting expression a cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Verbs of saying ("said", "wrote").
    Speech,
    /// Ways of speaking that attribute quotations only ("continued", "shouted").
    Manner,
    /// Speech verbs that take the hearer as object ("told Reuters").
    Addressee,
    /// Belief, knowledge and evidence ("believes", "shows"): reported clauses only.
    Thought,
    /// Speech verbs that also take a thing as object ("maintains a lab"): a reported clause
    /// only after "that" or a colon, or when a subject pronoun opens it.
    Claim,
    /// Prepositional cues whose source follows ("according to").
    Source,
    /// Verbs whose object is what they report, a stance or a topic ("opposes the plan",
    /// "called for a ban", "talked about the economy"): reported clauses and objects only.
    Object,
    /// Phrases that report an expectation or an impression with nobody named ("is expected
    /// to", "seems to"): the subject and the rest of the clause are what is reported.
    Impersonal,
}

impl CueClass {
    /// The classes as `cues.txt` names them.
    const NAMES: [(&'static str, CueClass); 8] = [
        ("speech", CueClass::Speech),
        ("manner", CueClass::Manner),
        ("addressee", CueClass::Addressee),
        ("thought", CueClass::Thought),
        ("claim", CueClass::Claim),
        ("source", CueClass::Source),
        ("object", CueClass::Object),
        ("impersonal", CueClass::Impersonal),
    ];

    /// True for cues that can attribute words in quotation marks.
    pub(crate) fn attributes_quotes(self) -> bool {
        !matches!(self, CueClass::Thought | CueClass::Impersonal | CueClass::Object)
    }

    /// True for phrases matched as written, never inflected.
    fn is_fixed(self) -> bool {
        matches!(self, CueClass::Source | CueClass::Impersonal)
    }

    /// True for cues that can introduce a reported clause.
    pub(crate) fn reports_clauses(self) -> bool {
        self != CueClass::Manner
    }
}

/// The grammatical form of one cue pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// The base form ("say").
    Base,
    /// Third person singular ("says").
    Present,
    /// Past tense or participle ("said").
    Past,
    /// The -ing form ("saying").
    Ing,
    /// An uninflected phrase ("according to").
    Fixed,
}

/// One pattern of the cue automaton.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueForm {
    /// The class of the lemma.
    pub class: CueClass,
    /// The form of this pattern.
    pub form: Form,
    /// The base or -s form of a lemma marked `*`, mostly a noun ("the report", "states"): a cue
    /// only where a verb must stand ("The audit states:", "Reuters reports that").
    pub nouny: bool,
}

/// Word classes, as bit flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Class(u32);

impl Class {
    pub const MALE: Class = Class(1);
    pub const FEMALE: Class = Class(1 << 1);
    pub const PLURAL: Class = Class(1 << 2);
    pub const NEUTER: Class = Class(1 << 3);
    pub const FIRST_SECOND: Class = Class(1 << 4);
    pub const DETERMINER: Class = Class(1 << 5);
    pub const AUXILIARY: Class = Class(1 << 6);
    pub const ADVERB: Class = Class(1 << 7);
    pub const CLAUSE: Class = Class(1 << 8);
    pub const PREPOSITION: Class = Class(1 << 9);
    pub const HONORIFIC: Class = Class(1 << 10);
    pub const TIME: Class = Class(1 << 11);
    pub const PAST: Class = Class(1 << 12);
    pub const SUBJECT: Class = Class(1 << 13);
    pub const LABEL: Class = Class(1 << 14);
    pub const PLURAL_NOUN: Class = Class(1 << 15);
    pub const ARTICLE: Class = Class(1 << 16);
    pub const PARTICIPLE: Class = Class(1 << 17);
    /// Any personal pronoun.
    pub const PRONOUN: Class =
        Class(Self::MALE.0 | Self::FEMALE.0 | Self::PLURAL.0 | Self::NEUTER.0 | Self::FIRST_SECOND.0);

    /// The flags as bits.
    #[inline]
    pub fn bits(self) -> u32 {
        self.0
    }

    /// Flags from bits.
    #[inline]
    pub fn from_bits(bits: u32) -> Class {
        Class(bits)
    }

    /// True when any flag of `other` is set.
    #[inline]
    pub fn has(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    fn with(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }

    /// The sections of `grammar.txt` and the classes they give their words.
    const SECTIONS: [(&'static str, Class); 20] = [
        ("pronoun.male", Class::MALE),
        ("pronoun.female", Class::FEMALE),
        ("pronoun.plural", Class::PLURAL),
        ("pronoun.neuter", Class::NEUTER),
        ("pronoun.speaker", Class::FIRST_SECOND),
        ("pronoun.subject", Class::SUBJECT),
        ("determiner", Class::DETERMINER),
        ("auxiliary", Class::AUXILIARY),
        ("adverb", Class::ADVERB),
        ("clause", Class::CLAUSE),
        ("preposition", Class::PREPOSITION),
        ("honorific", Class::HONORIFIC),
        ("honorific.male", Class(Class::HONORIFIC.0 | Class::MALE.0)),
        ("honorific.female", Class(Class::HONORIFIC.0 | Class::FEMALE.0)),
        ("time", Class::TIME),
        ("past", Class::PAST),
        ("label", Class::LABEL),
        ("plural", Class::PLURAL_NOUN),
        ("article", Class::ARTICLE),
        ("participle", Class::PARTICIPLE),
    ];
}

/// The compiled lexicon: built once, shared read-only.
#[derive(Debug)]
pub(crate) struct Lexicon {
    cues: AhoCorasick,
    forms: Vec<CueForm>,
    words: FastMap<Box<[u8]>, Class>,
    /// Cue forms that report only before one of a few words ("declined to", not "declined by").
    only_before: WordMap<Vec<String>>,
}

/// What `cues.txt` compiles to: the patterns, what each is, and the forms limited to the words
/// that may follow them.
type CuePatterns = (Vec<String>, Vec<CueForm>, WordMap<Vec<String>>);

/// Longest word the class table holds; longer words have no class.
const MAX_WORD: usize = 24;

impl Lexicon {
    /// Parses and compiles the embedded data.
    pub(crate) fn new() -> Lexicon {
        let (patterns, forms, only_before) = data::embedded(cue_patterns(CUES));
        // A DFA: the automaton runs over every analysed paragraph, so search speed is what counts.
        let cues = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("the cue lexicon compiles");
        Lexicon { cues, forms, words: data::embedded(word_classes(GRAMMAR)), only_before }
    }

    /// False when the cue `form` (its text) reports only before certain words and `next`, the
    /// word after it, is none of them: "declined to comment", not "prices declined by 3 percent".
    pub(crate) fn allows_next(&self, form: &str, next: Option<&str>) -> bool {
        match self.only_before.get(&form.to_lowercase()) {
            None => true,
            Some(words) => next.is_some_and(|n| words.iter().any(|w| w.eq_ignore_ascii_case(n))),
        }
    }

    /// Cues in `within`, at word boundaries, in text order.
    pub(crate) fn find_cues<'t>(&'t self, text: &'t str, within: Span) -> impl Iterator<Item = (Span, CueForm)> + 't {
        let hay = within.as_str(text);
        self.cues.find_iter(hay).filter_map(move |m| {
            let (s, e) = (m.start(), m.end());
            let before = hay[..s].chars().next_back();
            let after = hay[e..].chars().next();
            let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if inner(before) || inner(after) {
                return None;
            }
            Some((Span::new(s, e).offset(within.start()), self.forms[m.pattern().as_usize()]))
        })
    }

    /// The classes of a word (any case; a curly apostrophe reads as a straight one, and the
    /// period of an abbreviation is ignored: "Mr." is "mr", "didn’t" is "didn't").
    pub(crate) fn class(&self, word: &str) -> Class {
        let word = word.strip_suffix('.').unwrap_or(word);
        let mut buf = [0u8; MAX_WORD];
        let mut n = 0;
        for c in word.chars() {
            let c = if c == '’' { '\'' } else { c };
            if !c.is_ascii() || n == MAX_WORD {
                return Class::default();
            }
            buf[n] = c.to_ascii_lowercase() as u8;
            n += 1;
        }
        self.words.get(&buf[..n]).copied().unwrap_or_default()
    }
}

/// Every cue form of `cues.txt`, lowercase, with what it is.
fn cue_patterns(file: DataFile<'_>) -> data::Result<CuePatterns> {
    let mut patterns = Vec::new();
    let mut forms = Vec::new();
    let mut only_before = WordMap::default();
    let mut seen = std::collections::HashSet::new();
    let mut lemmas = Seen::default();
    for line in file.lines(Unique::Line)? {
        let entry = line.entry()?;
        let Some((class, rest)) = entry.split_once(':') else {
            return Err(line.error("expected `class: lemma` or `class: lemma = forms`"));
        };
        let class = line.class(class.trim(), &CueClass::NAMES)?;
        // `> to comment`: the forms report only before one of these words.
        let (rest, next_words) = match rest.split_once('>') {
            Some((r, n)) => {
                let words: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
                if words.is_empty() {
                    return Err(line.error("`>` needs the words a cue may stand before"));
                }
                (r, words)
            }
            None => (rest, Vec::new()),
        };
        let (lemma, listed) = match rest.split_once('=') {
            Some((l, f)) => (l.trim(), Some(f)),
            None => (rest.trim(), None),
        };
        let (lemma, nouny) = match lemma.strip_suffix('*') {
            Some(l) => (l.trim(), true),
            None => (lemma, false),
        };
        if lemma.is_empty() {
            return Err(line.error("no lemma"));
        }
        lemmas.check(&line, lemma, format_args!("lemma {lemma:?}"))?;
        let mut push = |form: String, kind: Form| {
            if !next_words.is_empty() {
                only_before.insert(form.clone(), next_words.clone());
            }
            if seen.insert(form.clone()) {
                patterns.push(form);
                forms.push(CueForm { class, form: kind, nouny: nouny && matches!(kind, Form::Base | Form::Present) });
            }
        };
        if class.is_fixed() {
            push(lemma.to_lowercase(), Form::Fixed);
            continue;
        }
        push(lemma.to_lowercase(), Form::Base);
        match listed {
            Some(list) => {
                // Irregular verbs list whole forms; a multi-word entry lists whole phrases
                // separated by two or more words, so group them by the lemma's word count.
                let words: Vec<&str> = list.split_whitespace().collect();
                let n = lemma.split_whitespace().count().max(1);
                for chunk in words.chunks(n) {
                    let form = chunk.join(" ").to_lowercase();
                    let kind = form_of(chunk[0]);
                    push(form, kind);
                }
            }
            None => {
                let (head, tail) = match lemma.split_once(' ') {
                    Some((h, t)) => (h, format!(" {t}")),
                    None => (lemma, String::new()),
                };
                let (s, ed, ing) = inflect(head);
                push(format!("{s}{tail}"), Form::Present);
                push(format!("{ed}{tail}"), Form::Past);
                push(format!("{ing}{tail}"), Form::Ing);
            }
        }
    }
    Ok((patterns, forms, only_before))
}

/// The form of a listed inflection, from its ending.
fn form_of(word: &str) -> Form {
    if word.ends_with("ing") {
        Form::Ing
    } else if word.ends_with('s') && !word.ends_with("ss") {
        Form::Present
    } else {
        Form::Past
    }
}

/// Regular English inflections of a verb: third person singular, past, -ing.
fn inflect(v: &str) -> (String, String, String) {
    let v = v.to_lowercase();
    let consonant_y = v.ends_with('y') && !v[..v.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    let s = if consonant_y {
        format!("{}ies", &v[..v.len() - 1])
    } else if v.ends_with(['s', 'x', 'z', 'o']) || v.ends_with("ch") || v.ends_with("sh") {
        format!("{v}es")
    } else {
        format!("{v}s")
    };
    let ed = if v.ends_with('e') {
        format!("{v}d")
    } else if consonant_y {
        format!("{}ied", &v[..v.len() - 1])
    } else {
        format!("{v}ed")
    };
    let ing = if v.ends_with("ie") {
        format!("{}ying", &v[..v.len() - 2])
    } else if v.ends_with('e') && !v.ends_with("ee") {
        format!("{}ing", &v[..v.len() - 1])
    } else {
        format!("{v}ing")
    };
    (s, ed, ing)
}

/// The word table of `grammar.txt`: each word with the classes of its sections.
fn word_classes(file: DataFile<'_>) -> data::Result<FastMap<Box<[u8]>, Class>> {
    let mut out: FastMap<Box<[u8]>, Class> = FastMap::default();
    let mut seen = Seen::default();
    let sections = file.sections(Class::SECTIONS.map(|(name, _)| name), Unique::Line)?;
    for ((_, class), lines) in Class::SECTIONS.iter().zip(sections) {
        for line in lines {
            for w in line.entry()?.split(' ') {
                if w.is_empty() || w.len() > MAX_WORD || w.bytes().any(|b| b.is_ascii_uppercase()) {
                    return Err(line.error(format!("{w:?} is not a lowercase word of at most {MAX_WORD} bytes")));
                }
                seen.check(&line, (class.0, w), format_args!("word {w:?} in its section"))?;
                let e = out.entry(w.as_bytes().into()).or_default();
                *e = e.with(*class);
            }
        }
    }
    Ok(out)
}

/// The embedded files and their readers, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] = &[
    data::Check { file: CUES, read: |f| cue_patterns(f).map(drop), class: data::ClassAt::BeforeColon },
    data::Check { file: GRAMMAR, read: |f| word_classes(f).map(drop), class: data::ClassAt::Section },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(inflect("note"), ("notes".into(), "noted".into(), "noting".into()));
        assert_eq!(inflect("deny"), ("denies".into(), "denied".into(), "denying".into()));
        assert_eq!(inflect("stress"), ("stresses".into(), "stressed".into(), "stressing".into()));
        assert_eq!(inflect("agree"), ("agrees".into(), "agreed".into(), "agreeing".into()));
    }

    #[test]
    fn finds_cues_at_word_boundaries() {
        let lex = Lexicon::new();
        let text = "He said, and she pointed out, unsaid things, according to Reuters; so-called.";
        let found: Vec<(&str, CueClass)> =
            lex.find_cues(text, Span::new(0, text.len())).map(|(s, f)| (s.as_str(text), f.class)).collect();
        assert_eq!(
            found,
            vec![("said", CueClass::Speech), ("pointed out", CueClass::Speech), ("according to", CueClass::Source)]
        );
    }

    #[test]
    fn irregular_and_phrase_forms() {
        let lex = Lexicon::new();
        let text = "She told them. It went on to say. Wrote.";
        let found: Vec<(&str, Form)> =
            lex.find_cues(text, Span::new(0, text.len())).map(|(s, f)| (s.as_str(text), f.form)).collect();
        assert_eq!(found, vec![("told", Form::Past), ("went on to say", Form::Past), ("Wrote", Form::Past)]);
    }

    #[test]
    fn cues_limited_to_the_words_after_them() {
        let lex = Lexicon::new();
        assert!(lex.allows_next("declined", Some("to")) && lex.allows_next("Declines", Some("comment")));
        assert!(!lex.allows_next("declined", Some("by")) && !lex.allows_next("declined", None));
        assert!(lex.allows_next("said", None));
        let text = "Prices declined. It is expected to rain.";
        let found: Vec<(&str, CueClass)> =
            lex.find_cues(text, Span::new(0, text.len())).map(|(s, f)| (s.as_str(text), f.class)).collect();
        assert_eq!(found, vec![("declined", CueClass::Speech), ("is expected to", CueClass::Impersonal)]);
    }

    #[test]
    fn word_classes_any_case() {
        let lex = Lexicon::new();
        assert!(lex.class("He").has(Class::MALE));
        assert!(lex.class("Mrs").has(Class::FEMALE) && lex.class("Mrs").has(Class::HONORIFIC));
        assert!(lex.class("that").has(Class::CLAUSE));
        assert!(lex.class("she").has(Class::PRONOUN));
        assert_eq!(lex.class("Halden"), Class::default());
        assert!(lex.class("Mr.").has(Class::HONORIFIC) && lex.class("didn’t").has(Class::AUXILIARY));
    }
}
