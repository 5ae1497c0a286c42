//! The time-expression lexicon: calendar words and their meaning, read once from
//! `data/timex/lexicon.txt` (see the header of that file for its format), with the month and
//! weekday names of the shared calendar list (`data/calendar.txt`).

use crate::article::TimexMod;
use crate::calendar_names::{calendar_names, split_form, CalendarClass, CalendarName};
use crate::data::{self, data_file, DataFile, Seen, Unique};
use crate::hash::FastMap;

use super::expr::{DayPart, Holiday, Season, Unit};

const LEXICON: DataFile<'static> = data_file!("data/timex/lexicon.txt");

/// What one word can mean. A word may have several meanings ("second", "last", "may").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lex {
    /// A month, 1-12.
    Month(u32),
    /// A day of the week, 1 (Monday) to 7.
    Weekday(u32),
    /// A unit of time; `plural` for "days".
    Unit(Unit, bool),
    /// A cardinal number word ("three", "a", "dozen").
    Number(u32),
    /// A multiple of ten that takes a hyphenated unit ("twenty-four").
    Tens(u32),
    /// "few", "several", "some": an unspecified amount.
    Few,
    /// "half".
    Half,
    /// An ordinal ("third", "21st"); -1 for "last".
    Ordinal(i32),
    /// "nineties": the decade within a century.
    DecadeWord(u32),
    /// A season.
    Season(Season),
    /// A part of the day.
    DayPart(DayPart),
    /// "today" (0), "yesterday" (-1), "tomorrow" (1); `night` for "tonight".
    DayWord(i32, bool),
    /// A word that is a reference to past, present or future on its own ("now", "recently").
    Ref(&'static str),
    /// An adverb of recurrence ("daily"), with its TIMEX3 value.
    SetAdverb(&'static str),
    /// "last"/"past" (-1), "this"/"current" (0), "next"/"coming" (1).
    Rel(i32),
    /// "ago"/"earlier" (-1), "later"/"hence" (1), after an amount of time.
    Offset(i32),
    /// A modifier before an amount ("about", "more", "less").
    AmountMod(TimexMod),
    /// "more", "less": a modifier with "than".
    Comparative(TimexMod),
    /// A modifier before a period ("early", "mid", "late").
    PeriodMod(TimexMod),
    /// A word that names a clock hour ("noon" = 12, "midnight" = 24).
    ClockWord(u32),
    /// A time zone abbreviation.
    TimeZone,
    /// A word that says the clause is about the future ("will").
    Future,
    /// A word that says the clause is about the past ("said").
    Past,
    /// A present-tense verb ("is", "says").
    Present,
    /// A word ending in "-ed" that is not a past tense ("hundred").
    NotPast,
    /// A member of a context word list.
    Context(Ctx),
    /// A word an expression may start with ("the", "every", "at").
    Start,
    /// A word that makes a "the" before it worth a try ("future", "period", "latest").
    Cue,
    /// The first word of a holiday's name.
    HolidayStart,
}

impl Lex {
    /// True for meanings an expression can start from (not tense cues or context words).
    pub fn is_trigger(self) -> bool {
        !matches!(self, Lex::Future | Lex::Past | Lex::Present | Lex::NotPast | Lex::Context(_) | Lex::TimeZone)
    }
}

/// Context word lists (see `lexicon.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// Words after a number that leave it a year.
    AfterYear,
    /// Words that make an ambiguous month name a month.
    BeforeMonth,
    /// Words that make a number a year even before a noun.
    BeforeYear,
    /// Words after "to" that make it a preposition.
    NotVerb,
    /// Determiners: a participle after one is an adjective ("the reduced dividend").
    Determiner,
    /// Words before "a year" that make it a rate.
    Rate,
    /// Words between an amount and its unit.
    AmountAdj,
    /// Deadline words ("until", "by"): the expression after them lies ahead.
    Until,
    /// "since": the expression after it lies behind.
    Since,
    /// Nouns that make "a three-year period" one duration.
    PeriodNoun,
    /// Nouns of a dated occasion: "in today's session" is a day, "in today's world" is not.
    DayEvent,
    /// Words before "the year" that make it the current one ("for the year").
    CurrentBefore,
    /// Words after "the year" that make it a length or another year ("the year ended June 30").
    CurrentAfter,
    /// Words that make a "last" after them the verb ("to last several weeks").
    LastVerb,
    /// Verbs that end a period on the date after them, a date then behind ("the year ended Jan. 31").
    PeriodEnded,
    /// Plural nouns without an "-s" ("2000 people" is a count, not a year).
    PluralNoun,
    /// Prepositions that make "10:00" after them a clock time ("at 10:00").
    BeforeClock,
    /// Nouns a page calls itself in a notice to its reader ("This article was published ...").
    NoticeSubject,
    /// Verbs of such a notice ("published", "updated").
    NoticeVerb,
}

impl Ctx {
    fn from_name(s: &str) -> Option<Ctx> {
        Some(match s {
            "after_year" => Ctx::AfterYear,
            "before_month" => Ctx::BeforeMonth,
            "before_year" => Ctx::BeforeYear,
            "not_verb" => Ctx::NotVerb,
            "determiner" => Ctx::Determiner,
            "rate" => Ctx::Rate,
            "amount_adj" => Ctx::AmountAdj,
            "until" => Ctx::Until,
            "since" => Ctx::Since,
            "period_noun" => Ctx::PeriodNoun,
            "day_event" => Ctx::DayEvent,
            "current_before" => Ctx::CurrentBefore,
            "current_after" => Ctx::CurrentAfter,
            "last_verb" => Ctx::LastVerb,
            "period_ended" => Ctx::PeriodEnded,
            "plural_noun" => Ctx::PluralNoun,
            "before_clock" => Ctx::BeforeClock,
            "notice_subject" => Ctx::NoticeSubject,
            "notice_verb" => Ctx::NoticeVerb,
            _ => return None,
        })
    }
}

/// How a lexicon form must appear in the text (the calendar list's notation, used for every class).
pub use crate::calendar_names::NameForm as Form;

/// One meaning of one form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    /// The meaning.
    pub lex: Lex,
    /// How it must appear.
    pub form: Form,
}

/// A lowercase word of up to [`MAX_WORD`] bytes packed into one integer, so a lookup is one
/// multiply and one compare.
pub type Key = u128;

/// The index of a lowercase ASCII word's (first letter, last letter, length) in the shape table.
#[inline]
fn shape(w: &[u8]) -> Option<usize> {
    let (&first, &last) = (w.first()?, w.last()?);
    if w.len() > MAX_WORD || !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return None;
    }
    Some(((first - b'a') as usize * 26 + (last - b'a') as usize) * (MAX_WORD + 1) + w.len())
}

/// Packs a lowercase word (at most [`MAX_WORD`] bytes) into a [`Key`]: its bytes, zero-padded.
#[inline]
pub fn key(lower: &[u8]) -> Key {
    let mut buf = [0u8; MAX_WORD];
    buf[..lower.len()].copy_from_slice(lower);
    u128::from_le_bytes(buf)
}

/// Longest word the lexicon holds; longer words are never looked up.
pub const MAX_WORD: usize = 16;

/// The compiled lexicon: word → meanings, and multi-word holiday names.
#[derive(Debug)]
pub struct Lexicon {
    words: FastMap<Key, Vec<Entry>>,
    /// Which (first letter, last letter, length) triples occur, to skip most words unhashed.
    shapes: Vec<bool>,
    /// Holiday names as lowercase word sequences (punctuation kept as its own word), longest first.
    pub holidays: Vec<(Vec<Box<str>>, Holiday)>,
}

impl Lexicon {
    /// Parses the embedded lexicon.
    pub fn new() -> Lexicon {
        data::embedded(Lexicon::read(&calendar_names(), LEXICON))
    }

    /// Builds the lexicon from the month and weekday names and `lexicon.txt` (see its header).
    pub(crate) fn read(calendar: &[CalendarName<'_>], file: DataFile<'_>) -> data::Result<Lexicon> {
        let mut words: FastMap<Key, Vec<Entry>> = FastMap::default();
        let mut holidays = Vec::new();
        for name in calendar {
            let lex = match name.class {
                CalendarClass::Month => Lex::Month(name.number),
                CalendarClass::Weekday => Lex::Weekday(name.number),
            };
            words.entry(key(name.word.as_bytes())).or_default().push(Entry { lex, form: name.form });
        }
        let mut seen = Seen::default();
        for line in file.lines(Unique::Line)? {
            let [class, value, forms] = line.columns(3)?;
            if class == "holiday" {
                let h = Holiday::parse(value).ok_or_else(|| line.error(format!("unknown holiday {value:?}")))?;
                for phrase in forms.split('|') {
                    seen.check(&line, (class, value, phrase), format_args!("holiday name {phrase:?}"))?;
                    let pw = phrase_words(phrase);
                    let Some(start) = pw.first() else {
                        return Err(line.error("an empty holiday name"));
                    };
                    let first = Entry { lex: Lex::HolidayStart, form: Form::Plain };
                    let entries = words.entry(key(start.as_bytes())).or_default();
                    if !entries.contains(&first) {
                        entries.push(first);
                    }
                    holidays.push((pw, h));
                }
                continue;
            }
            for form in forms.split(' ') {
                let (word, kind) = split_form(form);
                let lex = parse_lex(class, value, word).map_err(|e| line.error(e))?;
                if word.is_empty() || word.len() > MAX_WORD {
                    return Err(line.error(format!("form {form:?} is empty or longer than {MAX_WORD} bytes")));
                }
                seen.check(&line, (class, value, form), format_args!("form {form:?}"))?;
                words.entry(key(word.as_bytes())).or_default().push(Entry { lex, form: kind });
            }
        }
        holidays.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut shapes = vec![false; 26 * 26 * (MAX_WORD + 1)];
        for &k in words.keys() {
            let bytes = k.to_le_bytes();
            let word: Vec<u8> = bytes.iter().copied().take_while(|&b| b != 0).collect();
            if let Some(s) = shape(&word) {
                shapes[s] = true;
            }
        }
        Ok(Lexicon { words, shapes, holidays })
    }

    /// The meanings of a lowercase word; empty when it is not a calendar word.
    #[inline(always)]
    pub fn get(&self, lower: &[u8]) -> &[Entry] {
        match shape(lower) {
            Some(s) if self.shapes[s] => self.words.get(&key(lower)).map(Vec::as_slice).unwrap_or(&[]),
            _ => &[],
        }
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

/// Splits a phrase into the words the atomiser would make: letter runs, digit runs, single marks.
pub fn phrase_words(phrase: &str) -> Vec<Box<str>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_alpha = None;
    for c in phrase.chars() {
        let class = if c.is_alphabetic() {
            Some(true)
        } else if c.is_ascii_digit() {
            Some(false)
        } else {
            None
        };
        if (class.is_none() || class != cur_alpha) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur).into_boxed_str());
        }
        match class {
            Some(_) => cur.push(c),
            None if !c.is_whitespace() => out.push(c.to_string().into_boxed_str()),
            None => {}
        }
        cur_alpha = class;
    }
    if !cur.is_empty() {
        out.push(cur.into_boxed_str());
    }
    out
}

fn mod_value(s: &str) -> Option<TimexMod> {
    Some(match s {
        "APPROX" => TimexMod::Approx,
        "MORE_THAN" => TimexMod::MoreThan,
        "LESS_THAN" => TimexMod::LessThan,
        "START" => TimexMod::Start,
        "MID" => TimexMod::Mid,
        "END" => TimexMod::End,
        _ => return None,
    })
}

/// The meaning of a `CLASS VALUE` entry for one of its forms, or why there is none.
fn parse_lex(class: &str, value: &str, word: &str) -> Result<Lex, String> {
    let bad = || format!("bad value {value:?} for class {class:?}");
    let int = || value.parse::<i32>().map_err(|_| bad());
    Ok(match class {
        "unit" => {
            let unit = Unit::from_code(value).ok_or_else(bad)?;
            let singular = unit.singular_forms().contains(&word);
            Lex::Unit(unit, !singular)
        }
        "number" => Lex::Number(int()? as u32),
        "tens" => Lex::Tens(int()? as u32),
        "few" => Lex::Few,
        "half" => Lex::Half,
        "ordinal" => Lex::Ordinal(int()?),
        "decadeword" => Lex::DecadeWord(int()? as u32),
        "season" => Lex::Season(Season::from_code(value).ok_or_else(bad)?),
        "daypart" => Lex::DayPart(DayPart::from_code(value).ok_or_else(bad)?),
        "dayword" => match value.strip_suffix('N') {
            Some(v) => Lex::DayWord(v.parse().map_err(|_| bad())?, true),
            None => Lex::DayWord(int()?, false),
        },
        "ref" => Lex::Ref(static_value(value).ok_or_else(bad)?),
        "set" => Lex::SetAdverb(static_value(value).ok_or_else(bad)?),
        "rel" => Lex::Rel(int()?),
        "offset" => Lex::Offset(int()?),
        "approx" | "below" | "above" => Lex::AmountMod(mod_value(value).ok_or_else(bad)?),
        "comparative" => Lex::Comparative(mod_value(value).ok_or_else(bad)?),
        "early" | "mid" | "late" => Lex::PeriodMod(mod_value(value).ok_or_else(bad)?),
        "clockword" => Lex::ClockWord(int()? as u32),
        "tz" => Lex::TimeZone,
        "future" => Lex::Future,
        "past" => Lex::Past,
        "present" => Lex::Present,
        "notpast" => Lex::NotPast,
        "context" => Lex::Context(Ctx::from_name(value).ok_or_else(bad)?),
        "start" => Lex::Start,
        "cue" => Lex::Cue,
        _ => return Err(format!("unknown class {class:?} (the file's header lists the classes)")),
    })
}

/// TIMEX3 values the lexicon may name, as `'static` strings.
fn static_value(v: &str) -> Option<&'static str> {
    const VALUES: &[&str] = &["PAST_REF", "PRESENT_REF", "FUTURE_REF", "P1D", "P1W", "P1M", "P3M", "P1Y", "PT1H"];
    VALUES.iter().copied().find(|&s| s == v)
}

/// The embedded file and its reader, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] = &[data::Check {
    file: LEXICON,
    read: |f| Lexicon::read(&calendar_names(), f).map(drop),
    class: data::ClassAt::Column(0),
}];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_looks_up() {
        let lex = Lexicon::new();
        let lex_get = |w: &str| lex.get(w.as_bytes());
        assert!(lex_get("tuesday").iter().any(|e| e.lex == Lex::Weekday(2)));
        assert!(lex_get("sept").iter().any(|e| e.lex == Lex::Month(9) && e.form == Form::Abbrev));
        assert!(lex_get("may").iter().any(|e| e.lex == Lex::Month(5) && e.form == Form::Ambiguous));
        assert!(lex_get("days").iter().any(|e| e.lex == Lex::Unit(Unit::Day, true)));
        assert!(lex_get("day").iter().any(|e| e.lex == Lex::Unit(Unit::Day, false)));
        assert!(lex_get("second").len() >= 2);
        assert!(lex_get("walk").is_empty());
        assert!(lex.holidays.iter().any(|(w, _)| w.iter().map(|s| &**s).eq(["new", "year", "'", "s", "day"])));
    }
}
