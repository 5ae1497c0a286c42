//! Entities: people, organizations, places and nationalities, one entity per referent.
//!
//! The stage splits the analysed paragraphs into [`words`], gathers what the [`lexicon`] and the
//! context say about each ([`features`]), tags the capitalised words with a small averaged
//! perceptron ([`tagger`]), repairs the tagger's spans with named passes ([`rules`]), turns them
//! into name-only [`mentions`], groups them into entities ([`grouping`]) and adds [`roles`],
//! titles and [`gender`].

pub(crate) mod features;
pub(crate) mod gender;
pub(crate) mod grouping;
pub(crate) mod lexicon;
pub(crate) mod mentions;
pub(crate) mod nominals;
pub(crate) mod roles;
pub(crate) mod rules;
pub(crate) mod tagger;
pub(crate) mod words;

use crate::article::{Entity, Label, Mention, MentionKind};
use crate::deadline::Deadline;
use crate::doc::Doc;
use crate::segment::Token;
use crate::span::Span;

use features::Prepared;
use lexicon::{Flags, Lexicon};
pub use rules::{Family, RuleSet, RULES};
use tagger::Model;

const MODEL: &[u8] = include_bytes!("../../data/entities/tagger.bin");

/// Finds entity mentions and groups them into entities.
#[derive(Debug)]
pub struct EntityRecognizer {
    lex: &'static Lexicon,
    model: Model,
    rules: RuleSet,
}

impl Default for EntityRecognizer {
    fn default() -> EntityRecognizer {
        EntityRecognizer::new()
    }
}

impl EntityRecognizer {
    /// Loads the gazetteers (once per process, see [`lexicon::shared`]) and the tagger.
    pub fn new() -> EntityRecognizer {
        let model = Model::from_bytes(MODEL).expect("the embedded tagger model is valid");
        EntityRecognizer { lex: lexicon::shared(), model, rules: RuleSet::all() }
    }

    /// A recognizer with another tagger model (as written by `examples/train_ner.rs`), for
    /// training and evaluation.
    pub fn with_model(model: &[u8]) -> Result<EntityRecognizer, tagger::ModelError> {
        Ok(EntityRecognizer { lex: lexicon::shared(), model: Model::from_bytes(model)?, rules: RuleSet::all() })
    }

    /// This recognizer running only the passes after the tagger in `rules`. Default: all of them.
    pub fn with_rules(mut self, rules: RuleSet) -> EntityRecognizer {
        self.rules = rules;
        self
    }

    /// The word lists: honorifics and their gender, first names, places.
    pub fn lexicon(&self) -> &Lexicon {
        self.lex
    }

    /// Fills `doc.entities`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let text = doc.source.norm();
        let paragraphs: Vec<Span> =
            doc.layout.paragraphs.iter().filter(|p| p.role.is_analysed()).map(|p| p.span).collect();
        let starts: Vec<usize> = doc.sentences.iter().map(|s| s.span.start()).collect();
        let entities = self.entities_until(text, &doc.tokens, &paragraphs, &starts, doc.deadline);
        doc.entities = entities;
    }

    /// The entities of `paragraphs` of `text`, given the segmenter's tokens of those paragraphs
    /// and where sentences start.
    pub fn entities(
        &self,
        text: &str,
        tokens: &[Token],
        paragraphs: &[Span],
        sentence_starts: &[usize],
    ) -> Vec<Entity> {
        self.entities_until(text, tokens, paragraphs, sentence_starts, Deadline::default())
    }

    /// [`EntityRecognizer::entities`], tagging paragraphs until `deadline` (the parser then drops
    /// the unfinished result).
    fn entities_until(
        &self,
        text: &str,
        tokens: &[Token],
        paragraphs: &[Span],
        sentence_starts: &[usize],
        deadline: Deadline,
    ) -> Vec<Entity> {
        let p = Prepared::new(text, tokens, paragraphs, sentence_starts, self.lex);
        let mut tags = Vec::with_capacity(p.words.len());
        let mut feats = Vec::with_capacity(64);
        for r in &p.paragraphs {
            if deadline.expired() {
                return Vec::new();
            }
            tagger::tag(&self.model, text, &p, r, &mut feats, &mut tags);
        }
        let mut found = mentions::mentions(text, &p, &tags, self.lex, self.rules);
        let clusters = grouping::group(text, &p, &mut found, self.lex);
        let genders = gender::genders(text, &p, &found, &clusters);
        let mut nominal = nominals::nominals(text, &p, &found, &clusters, self.lex).into_iter().peekable();
        let mut entities: Vec<Entity> = clusters
            .iter()
            .zip(genders)
            .map(|(cl, gender)| {
                let mut titles: Vec<String> = Vec::new();
                let mut roles: Vec<String> = Vec::new();
                for &m in &cl.members {
                    let f = &found[m];
                    // Plain honorifics ("Mr.", "Ms.") give gender, not a title.
                    let title = |i: &usize| (p.info[*i].flags | p.info[*i].gaz).has(Flags::TITLE);
                    let first = f.titles.clone().find(title);
                    let last = f.titles.clone().rev().find(title);
                    if let (Some(a), Some(b)) = (first, last) {
                        let t = Span::new(p.words[a].span.start(), p.words[b].span.end());
                        push_unique(&mut titles, t.as_str(text));
                    }
                    for r in roles::roles(text, &p, &found, m, self.lex) {
                        push_unique(&mut roles, &r);
                    }
                }
                Entity {
                    label: cl.label,
                    name: found[cl.fullest].span.as_str(text).split_whitespace().collect::<Vec<_>>().join(" "),
                    mentions: cl
                        .members
                        .iter()
                        .map(|&m| Mention { span: found[m].span, kind: MentionKind::Name })
                        .collect(),
                    titles,
                    roles,
                    gender: gender.filter(|_| cl.label == Label::Person).map(|(g, _)| g),
                    gender_by: gender.filter(|_| cl.label == Label::Person).map(|(_, by)| by),
                }
            })
            .collect();
        if nominal.peek().is_some() {
            for (c, span) in nominal {
                entities[c].mentions.push(Mention { span, kind: MentionKind::Nominal });
            }
            for e in &mut entities {
                e.mentions.sort_by_key(|m| m.span.start());
            }
        }
        entities
    }
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(rec: &EntityRecognizer, text: &str) -> Vec<Entity> {
        let all = Span::new(0, text.len());
        let mut tokens = Vec::new();
        crate::segment::Segmenter::new().tokenize(text, all, &mut tokens);
        rec.entities(text, &tokens, &[all], &[0])
    }

    #[test]
    fn odd_input_never_panics() {
        let rec = EntityRecognizer::new();
        let pieces = [
            "Mr.",
            "Mr",
            " ",
            "\n",
            "\n\n",
            "’s",
            "'",
            "-",
            "—",
            "U.S.",
            "O'Brien",
            "A.",
            "of",
            "the",
            "Cup",
            "X-Y",
            "é",
            "😀",
            "“",
            "”",
            ",",
            ".",
            "New",
            "York",
            "Hun",
            "Sen",
            "MOSCOW",
            "Ms. Smith",
            "&",
            "Jr.",
            "\t",
            "Ĳ",
            "ǅ",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for e in entities(&rec, &text) {
                assert!(!e.mentions.is_empty());
                for m in &e.mentions {
                    assert!(m.span.get(&text).is_some(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn long_input_is_linear_enough() {
        let rec = EntityRecognizer::new();
        let para =
            "President Ada Smith of Norland met Mr. Jones in Paris. Ms. Smith said the Acme Corp. deal was done.\n\n";
        let text = para.repeat(2000);
        let start = std::time::Instant::now();
        let e = entities(&rec, &text);
        assert!(e.iter().any(|e| e.name == "Ada Smith" && e.mentions.len() >= 2000));
        // Generous: a quadratic step would take minutes here.
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn people_and_nominal_mentions() {
        let rec = EntityRecognizer::new();
        let text = "The Chinese Foreign Ministry said Mr. Wen would go. The ministry added more.";
        let es = entities(&rec, text);
        let wen = es.iter().position(|e| e.name == "Wen").expect("Mr. Wen");
        assert_eq!(es[wen].label, Label::Person);
        let ministry = es.iter().position(|e| e.name == "Chinese Foreign Ministry").expect("the ministry");
        let nominal = es[ministry].mentions.iter().find(|m| m.kind == MentionKind::Nominal).expect("nominal");
        assert_eq!(nominal.span.as_str(text), "The ministry");
        assert!(es[wen].titles.is_empty(), "Mr. is no title: {:?}", es[wen].titles);
        assert_eq!(rec.lexicon().title_gender("Mrs."), Some(crate::article::Gender::Female));
    }
}
