//! Month and weekday names ("Sept.", "Tues.", "May"): one list, read from `data/calendar.txt`,
//! shared by the [time-expression lexicon](crate::timex::lexicon) and the layout's date lines.
//!
//! The names are shared; the date shapes are not. A date line (`layout/dates.rs`) is a whole
//! short paragraph read in three fixed shapes ("Friday, May 8, 2009", "8 May 2009",
//! "2009-05-08") where every name form counts, with or without its period; the time grammar
//! reads running text, where "May" and "Sun." need context and a date may lack its year, day
//! or weekday. Folding the three shapes into the grammar would make date lines depend on the
//! timex stage, which runs last.

const DATA: &str = include_str!("../data/calendar.txt");

/// Whether a name is a month's or a weekday's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarClass {
    /// A month, numbered 1-12.
    Month,
    /// A day of the week, numbered 1 (Monday) to 7.
    Weekday,
}

/// How a name must appear in running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameForm {
    /// The word alone ("january", "sept").
    Plain,
    /// An abbreviation: only with its period ("Sept.").
    Abbrev,
    /// Ambiguous with an ordinary word ("May"): needs supporting context.
    Ambiguous,
}

/// One written form of a month or weekday name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarName {
    /// Month or weekday.
    pub class: CalendarClass,
    /// 1-12 for a month, 1 (Monday) to 7 for a weekday.
    pub number: u32,
    /// The lowercase word, without the period an abbreviation needs.
    pub word: &'static str,
    /// How it must appear in running text.
    pub form: NameForm,
}

/// A form as the data writes it ("sept.", "may?", "june"): the word and how it must appear.
pub fn split_form(f: &str) -> (&str, NameForm) {
    if let Some(w) = f.strip_suffix('.') {
        (w, NameForm::Abbrev)
    } else if let Some(w) = f.strip_suffix('?') {
        (w, NameForm::Ambiguous)
    } else {
        (f, NameForm::Plain)
    }
}

/// Every month and weekday form, in data order.
///
/// # Panics
/// When the embedded data is malformed (a build-time mistake, caught by the unit tests).
pub fn calendar_names() -> impl Iterator<Item = CalendarName> {
    DATA.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')).flat_map(|(n, line)| {
        let mut cols = line.split('\t');
        let (class, number, forms) = match (cols.next(), cols.next(), cols.next()) {
            (Some("month"), Some(v), Some(f)) => (CalendarClass::Month, v, f),
            (Some("weekday"), Some(v), Some(f)) => (CalendarClass::Weekday, v, f),
            _ => panic!("calendar.txt line {}: expected month|weekday, number, forms", n + 1),
        };
        let number: u32 = number.parse().unwrap_or_else(|_| panic!("calendar.txt line {}: bad number", n + 1));
        forms.split_whitespace().map(move |f| {
            let (word, form) = split_form(f);
            CalendarName { class, number, word, form }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_seven_weekdays() {
        let names: Vec<_> = calendar_names().collect();
        let numbers = |c: CalendarClass| {
            let mut v: Vec<u32> = names.iter().filter(|n| n.class == c).map(|n| n.number).collect();
            v.dedup();
            v
        };
        assert_eq!(numbers(CalendarClass::Month), (1..=12).collect::<Vec<_>>());
        assert_eq!(numbers(CalendarClass::Weekday), (1..=7).collect::<Vec<_>>());
        let sept = names.iter().find(|n| n.word == "sept" && n.form == NameForm::Abbrev).unwrap();
        assert_eq!((sept.class, sept.number), (CalendarClass::Month, 9));
        assert!(names.iter().any(|n| n.word == "may" && n.form == NameForm::Ambiguous));
        assert!(names.iter().all(|n| n.word.bytes().all(|b| b.is_ascii_lowercase())));
    }
}
