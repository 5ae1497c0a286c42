//! Month and weekday names ("Sept.", "Tues.", "May"): one list, read from `data/calendar.txt`,
//! shared by the [time-expression lexicon](crate::timex::lexicon) and the layout's date lines.
//!
//! The names are shared; the date shapes are not. A date line (`layout/dates.rs`) is a whole
//! short paragraph read in three fixed shapes ("Friday, May 8, 2009", "8 May 2009",
//! "2009-05-08") where every name form counts, with or without its period; the time grammar
//! reads running text, where "May" and "Sun." need context and a date may lack its year, day
//! or weekday. Folding the three shapes into the grammar would make date lines depend on the
//! timex stage, which runs last.

use crate::data::{self, data_file, DataFile, Seen, Unique};

const CALENDAR: DataFile<'static> = data_file!("data/calendar.txt");

/// Whether a name is a month's or a weekday's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// Also a name ("Jan", "Jun" without a period): a month only with a day or year after it.
    Dated,
}

/// One written form of a month or weekday name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarName<'a> {
    /// Month or weekday.
    pub class: CalendarClass,
    /// 1-12 for a month, 1 (Monday) to 7 for a weekday.
    pub number: u32,
    /// The lowercase word, without the period an abbreviation needs.
    pub word: &'a str,
    /// How it must appear in running text.
    pub form: NameForm,
}

/// A form as the data writes it ("sept.", "may?", "jan+", "june"): the word and how it must appear.
pub fn split_form(f: &str) -> (&str, NameForm) {
    if let Some(w) = f.strip_suffix('.') {
        (w, NameForm::Abbrev)
    } else if let Some(w) = f.strip_suffix('?') {
        (w, NameForm::Ambiguous)
    } else if let Some(w) = f.strip_suffix('+') {
        (w, NameForm::Dated)
    } else {
        (f, NameForm::Plain)
    }
}

/// Every month and weekday form of the embedded list, in data order.
pub fn calendar_names() -> Vec<CalendarName<'static>> {
    data::embedded(read_calendar(CALENDAR))
}

/// Reads `calendar.txt`: `month` or `weekday`, its number, its forms.
pub(crate) fn read_calendar(file: DataFile<'_>) -> data::Result<Vec<CalendarName<'_>>> {
    let mut out = Vec::new();
    let (mut numbers, mut written) = (Seen::default(), Seen::default());
    for line in file.lines(Unique::Line)? {
        let [class, number, forms] = line.columns(3)?;
        let (class, max) =
            line.class(class, &[("month", (CalendarClass::Month, 12)), ("weekday", (CalendarClass::Weekday, 7))])?;
        let number: u32 = line.number(number)?;
        if !(1..=max).contains(&number) {
            return Err(line.error(format!("number {number} is not between 1 and {max}")));
        }
        numbers.check(&line, (class, number), format_args!("number {number}"))?;
        for f in forms.split(' ') {
            let (word, form) = split_form(f);
            if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(line.error(format!("form {f:?} is not a lowercase word")));
            }
            written.check(&line, (class, f), format_args!("form {f:?}"))?;
            out.push(CalendarName { class, number, word, form });
        }
    }
    Ok(out)
}

/// The embedded file and its reader, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] =
    &[data::Check { file: CALENDAR, read: |f| read_calendar(f).map(drop), class: data::ClassAt::Column(0) }];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_seven_weekdays() {
        let names = calendar_names();
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
        assert!(names.iter().any(|n| n.word == "jan" && n.form == NameForm::Dated));
        assert!(names.iter().all(|n| n.word.bytes().all(|b| b.is_ascii_lowercase())));
    }
}
