//! The source-diversity study: whose voices are quoted, by speaker kind and by gender, over the
//! whole corpus and by outlet, month or an input field; and the most quoted people.
//!
//! Quotes are counted one by one; speakers once per article (the same person quoted five
//! times in an article is one voice there). Gender is counted over quoted people (speakers of
//! kind `person`) and `unknown` is a share of its own: it is never guessed.

use std::collections::{HashMap, HashSet};

use crate::tables::{table, ArticleRow, EntityRow, QuoteRow, Rows};

/// A dimension to break the study down by.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupBy {
    /// The outlet: the page's site name or URL host (`articles.outlet`).
    Outlet,
    /// The month of `published`, `YYYY-MM`.
    Month,
    /// A field of the input records (`byline batch --group-by FIELD`), given with each article.
    Field(String),
}

impl GroupBy {
    /// `outlet`, `month`, or the field's name.
    pub fn name(&self) -> &str {
        match self {
            GroupBy::Outlet => "outlet",
            GroupBy::Month => "month",
            GroupBy::Field(f) => f,
        }
    }

    /// `outlet` and `month` are those dimensions; any other name is an input field.
    pub fn parse(name: &str) -> GroupBy {
        match name {
            "outlet" => GroupBy::Outlet,
            "month" => GroupBy::Month,
            field => GroupBy::Field(field.to_string()),
        }
    }

    /// This dimension's group of an article; `fields` are the values of input fields by name.
    fn group_of(&self, article: &ArticleRow, fields: &[(&str, &str)]) -> String {
        let value = match self {
            GroupBy::Outlet => article.outlet.as_deref(),
            GroupBy::Month => article.published.as_deref().and_then(|d| d.get(..7)),
            GroupBy::Field(name) => fields.iter().find(|(n, _)| n == name).map(|(_, v)| *v),
        };
        value.map_or_else(|| NONE.to_string(), str::to_string)
    }
}

/// The group of articles that do not tell (no outlet, no date, no such field).
pub const NONE: &str = "(none)";
/// The `by` and `group` of the whole corpus.
pub const ALL: &str = "all";

/// Speaker kinds in report order: the contract's (`SpeakerKind::NAMES`, checked by a test), then
/// `none`, a quote whose text names nobody.
pub const KINDS: [&str; 6] = ["person", "organization", "anonymous", "document", "unresolved", "none"];
/// Where `anonymous` stands in [`KINDS`].
const ANONYMOUS: usize = 2;
/// Genders in report order.
pub const GENDERS: [&str; 3] = ["female", "male", "unknown"];

/// Counts of one group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Cell {
    articles: u64,
    quotes: [u64; KINDS.len()],
    speakers: [u64; KINDS.len()],
    gender_quotes: [u64; GENDERS.len()],
    gender_people: [u64; GENDERS.len()],
}

impl Cell {
    fn merge(&mut self, o: &Cell) {
        self.articles += o.articles;
        for (a, b) in [
            (&mut self.quotes[..], &o.quotes[..]),
            (&mut self.speakers[..], &o.speakers[..]),
            (&mut self.gender_quotes[..], &o.gender_quotes[..]),
            (&mut self.gender_people[..], &o.gender_people[..]),
        ] {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
    }
}

/// One quoted person over the corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Person {
    quotes: u64,
    articles: u64,
    /// Articles that gave the person as female, as male.
    gender_votes: [u64; 2],
    roles: Vec<String>,
}

/// Roles kept per person (the first seen).
const ROLES_KEPT: usize = 3;

/// The running study aggregates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Study {
    dims: Vec<GroupBy>,
    /// By (dimension, group): 0 is the whole corpus, `i + 1` is `dims[i]`.
    cells: HashMap<(usize, String), Cell>,
    people: HashMap<String, Person>,
}

const WHOLE: usize = 0;

impl Study {
    /// An empty study broken down by `dims`.
    pub fn new(dims: Vec<GroupBy>) -> Study {
        Study { dims, ..Study::default() }
    }

    /// The dimensions.
    pub fn dims(&self) -> &[GroupBy] {
        &self.dims
    }

    /// Adds the rows of one or more articles; `fields` are the values of the input fields
    /// ([`GroupBy::Field`]) by name, the same for all of them.
    pub fn add(&mut self, rows: &Rows, fields: &[(&str, &str)]) {
        let parsed: Vec<&ArticleRow> = rows.articles.iter().filter(|a| a.error.is_none()).collect();
        for a in parsed {
            let id = a.article_id.as_deref();
            let quotes = rows.quotes.iter().filter(|q| q.article_id.as_deref() == id || rows.articles.len() == 1);
            let entities: HashMap<&str, &EntityRow> = rows
                .entities
                .iter()
                .filter(|e| e.article_id.as_deref() == id || rows.articles.len() == 1)
                .map(|e| (e.entity_id.as_str(), e))
                .collect();
            let cell = self.article_cell(quotes, &entities);
            let mut keys = vec![(WHOLE, ALL.to_string())];
            keys.extend(self.dims.iter().enumerate().map(|(i, d)| (i + 1, d.group_of(a, fields))));
            for key in keys {
                self.cells.entry(key).or_default().merge(&cell);
            }
        }
    }

    /// The counts of one article, and its quoted people added to the corpus's.
    fn article_cell<'r>(
        &mut self,
        quotes: impl Iterator<Item = &'r QuoteRow>,
        entities: &HashMap<&str, &EntityRow>,
    ) -> Cell {
        let mut cell = Cell { articles: 1, ..Cell::default() };
        let mut voices: HashSet<(usize, &str)> = HashSet::new();
        let mut people: HashMap<&str, usize> = HashMap::new();
        for q in quotes {
            let kind = q.speaker_kind.as_deref().and_then(|k| KINDS.iter().position(|n| *n == k));
            let kind = kind.unwrap_or(KINDS.len() - 1);
            cell.quotes[kind] += 1;
            let who = q.speaker_entity.as_deref().or(q.speaker_name.as_deref()).or(q.speaker.as_deref());
            if let Some(who) = who {
                if voices.insert((kind, who)) {
                    cell.speakers[kind] += 1;
                }
            }
            if KINDS[kind] != "person" {
                continue;
            }
            let gender = match q.speaker_gender.as_deref() {
                Some("female") => 0,
                Some("male") => 1,
                _ => 2,
            };
            cell.gender_quotes[gender] += 1;
            let Some(name) = q.speaker_name.as_deref() else { continue };
            let entity = q.speaker_entity.as_deref().and_then(|e| entities.get(e));
            let first_time = !people.contains_key(name);
            people.insert(name, gender);
            let p = self.people.entry(name.to_string()).or_default();
            p.quotes += 1;
            if first_time {
                p.articles += 1;
                if gender < 2 {
                    p.gender_votes[gender] += 1;
                }
                for role in entity.map(|e| e.roles.as_str()).unwrap_or("").split("; ").filter(|r| !r.is_empty()) {
                    if p.roles.len() < ROLES_KEPT && !p.roles.iter().any(|r| r == role) {
                        p.roles.push(role.to_string());
                    }
                }
            }
        }
        for g in people.into_values() {
            cell.gender_people[g] += 1;
        }
        cell
    }

    /// Adds another study of the same dimensions.
    pub fn merge(&mut self, other: Study) {
        for (k, c) in other.cells {
            self.cells.entry(k).or_default().merge(&c);
        }
        for (name, o) in other.people {
            let p = self.people.entry(name).or_default();
            p.quotes += o.quotes;
            p.articles += o.articles;
            p.gender_votes[0] += o.gender_votes[0];
            p.gender_votes[1] += o.gender_votes[1];
            for r in o.roles {
                if p.roles.len() < ROLES_KEPT && !p.roles.contains(&r) {
                    p.roles.push(r);
                }
            }
        }
    }

    /// The study's tables: groups ordered whole corpus first, then by dimension; within a
    /// dimension by name (months in time order). `top` limits the people.
    pub fn tables(&self, top: usize) -> StudyTables {
        let mut keys: Vec<&(usize, String)> = self.cells.keys().collect();
        keys.sort();
        let (mut groups, mut kinds, mut genders) = (Vec::new(), Vec::new(), Vec::new());
        for key in keys {
            let c = &self.cells[key];
            let by = if key.0 == WHOLE { ALL.to_string() } else { self.dims[key.0 - 1].name().to_string() };
            let group = key.1.clone();
            let quotes: u64 = c.quotes.iter().sum();
            let people: u64 = c.gender_people.iter().sum();
            let known = c.gender_people[0] + c.gender_people[1];
            groups.push(GroupRow {
                by: by.clone(),
                group: group.clone(),
                articles: int(c.articles),
                quotes: int(quotes),
                people: int(people),
                female_share: share(c.gender_people[0], people),
                female_share_known: share(c.gender_people[0], known),
                anonymous_share: share(c.quotes[ANONYMOUS], quotes),
            });
            for (i, kind) in KINDS.iter().enumerate() {
                kinds.push(KindRow {
                    by: by.clone(),
                    group: group.clone(),
                    kind: kind.to_string(),
                    quotes: int(c.quotes[i]),
                    quote_share: share(c.quotes[i], quotes),
                    speakers: int(c.speakers[i]),
                });
            }
            let person_quotes: u64 = c.gender_quotes.iter().sum();
            for (i, gender) in GENDERS.iter().enumerate() {
                genders.push(GenderRow {
                    by: by.clone(),
                    group: group.clone(),
                    gender: gender.to_string(),
                    quotes: int(c.gender_quotes[i]),
                    quote_share: share(c.gender_quotes[i], person_quotes),
                    people: int(c.gender_people[i]),
                    people_share: share(c.gender_people[i], people),
                });
            }
        }
        let mut people: Vec<PersonRow> = self
            .people
            .iter()
            .map(|(name, p)| PersonRow {
                name: name.clone(),
                gender: match p.gender_votes {
                    [f, m] if f > m => "female",
                    [f, m] if m > f => "male",
                    _ => "unknown",
                }
                .to_string(),
                roles: p.roles.join("; "),
                quotes: int(p.quotes),
                articles: int(p.articles),
            })
            .collect();
        people.sort_by(|a, b| (b.quotes, b.articles, &a.name).cmp(&(a.quotes, a.articles, &b.name)));
        people.truncate(top);
        StudyTables { groups, kinds, genders, people }
    }
}

impl StudyTables {
    /// Writes the four tables into `dir` (`study_groups`, `study_kinds`, `study_genders`,
    /// `study_people`, each `.csv` and/or `.parquet`).
    pub fn write(&self, dir: &std::path::Path, formats: crate::writers::TableFormats) -> std::io::Result<()> {
        use crate::writers::write_table;
        write_table(dir, formats, self.groups.clone())?;
        write_table(dir, formats, self.kinds.clone())?;
        write_table(dir, formats, self.genders.clone())?;
        write_table(dir, formats, self.people.clone())
    }
}

fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `part / whole`, 0 for an empty whole.
fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The study's four tables.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct StudyTables {
    /// One row per group: articles, quotes, quoted people, shares.
    pub groups: Vec<GroupRow>,
    /// Quotes and speakers by speaker kind, per group.
    pub kinds: Vec<KindRow>,
    /// Quotes and quoted people by gender, per group.
    pub genders: Vec<GenderRow>,
    /// The most quoted people.
    pub people: Vec<PersonRow>,
}

table! {
    /// One row per group of articles (`all`, each outlet, month or field value): how many voices and whose.
    "study_groups" => struct GroupRow {
        /// The dimension: `all`, `outlet`, `month` or the `--group-by` field.
        by: String,
        /// The group: `all`, an outlet, a month (`YYYY-MM`), a field value, or `(none)`.
        group: String,
        /// Articles parsed.
        articles: i64,
        /// Quotes.
        quotes: i64,
        /// Quoted people (speakers of kind `person`), each counted once per article.
        people: i64,
        /// Share of quoted people who are women, `unknown` included in the whole.
        female_share: f64,
        /// Share of quoted people who are women among those whose gender is known.
        female_share_known: f64,
        /// Share of quotes from anonymous sources.
        anonymous_share: f64,
    }
}

table! {
    /// Quotes and speakers by speaker kind, per group.
    "study_kinds" => struct KindRow {
        /// The dimension: `all`, `outlet`, `month` or the `--group-by` field.
        by: String,
        /// The group.
        group: String,
        /// `person`, `organization`, `anonymous`, `document`, `unresolved`, or `none` (the text names nobody).
        kind: String,
        /// Quotes.
        quotes: i64,
        /// Share of the group's quotes.
        quote_share: f64,
        /// Distinct speakers, each counted once per article.
        speakers: i64,
    }
}

table! {
    /// Quotes and quoted people (speakers of kind `person`) by gender, per group.
    "study_genders" => struct GenderRow {
        /// The dimension: `all`, `outlet`, `month` or the `--group-by` field.
        by: String,
        /// The group.
        group: String,
        /// `female`, `male` or `unknown` (never guessed).
        gender: String,
        /// Quotes by people of that gender.
        quotes: i64,
        /// Share of the group's quotes by people.
        quote_share: f64,
        /// Quoted people, each counted once per article.
        people: i64,
        /// Share of the group's quoted people.
        people_share: f64,
    }
}

table! {
    /// The most quoted people, with their gender and roles.
    "study_people" => struct PersonRow {
        /// The person's name.
        name: String,
        /// `female`, `male` or `unknown`: what most articles quoting the person tell.
        gender: String,
        /// Roles from appositives, joined with `; ` (the first three seen).
        roles: String,
        /// Quotes over the corpus.
        quotes: i64,
        /// Articles quoting the person.
        articles: i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_the_contracts_then_none() {
        assert_eq!(&KINDS[..5], byline_core::SpeakerKind::NAMES);
        assert_eq!(KINDS[ANONYMOUS], byline_core::SpeakerKind::Anonymous.as_str());
        assert_eq!(KINDS[5], "none");
    }

    /// One article: its outlet and date, and its quotes as (speaker kind, name, entity gender).
    fn article(id: &str, outlet: Option<&str>, published: &str, quotes: &[(&str, Option<&str>, Option<&str>)]) -> Rows {
        let aid = Some(id.to_string());
        let entity_of = |name: Option<&str>| name.map(|n| format!("e-{n}"));
        Rows {
            articles: vec![ArticleRow {
                article_id: aid.clone(),
                outlet: outlet.map(str::to_string),
                published: Some(published.to_string()),
                ..ArticleRow::default()
            }],
            quotes: quotes
                .iter()
                .map(|(kind, name, gender)| QuoteRow {
                    article_id: aid.clone(),
                    speaker: (*kind != "none").then(|| name.unwrap_or("he").to_string()),
                    speaker_name: name.map(str::to_string),
                    speaker_entity: entity_of(*name),
                    speaker_kind: (*kind != "none").then(|| kind.to_string()),
                    speaker_gender: gender.map(str::to_string),
                    ..QuoteRow::default()
                })
                .collect(),
            entities: quotes
                .iter()
                .filter_map(|(_, name, _)| {
                    Some(EntityRow {
                        article_id: aid.clone(),
                        entity_id: entity_of(*name)?,
                        name: (*name)?.to_string(),
                        roles: "mayor of Port Vell".into(),
                        ..EntityRow::default()
                    })
                })
                .collect(),
            ..Rows::default()
        }
    }

    fn row<R>(rows: &[R], pick: impl Fn(&R) -> bool) -> &R {
        rows.iter().find(|r| pick(r)).expect("a row")
    }

    #[test]
    fn people_count_once_per_article_and_unknown_is_kept() {
        let mut s = Study::new(vec![GroupBy::Outlet, GroupBy::Month]);
        let ana = ("person", Some("Ana Ruiz"), Some("female"));
        s.add(
            &article(
                "a",
                Some("Daily"),
                "2024-03-06",
                &[ana, ana, ("person", Some("Bo Lind"), None), ("anonymous", Some("officials"), None)],
            ),
            &[],
        );
        s.add(
            &article("b", None, "2024-04-01", &[ana, ("document", Some("a report"), None), ("none", None, None)]),
            &[],
        );
        let t = s.tables(10);
        let all = row(&t.groups, |g| g.by == "all");
        assert_eq!((all.articles, all.quotes, all.people), (2, 7, 3));
        assert!((all.female_share - 2.0 / 3.0).abs() < 1e-9 && (all.female_share_known - 1.0).abs() < 1e-9);
        let female = row(&t.genders, |g| g.by == "all" && g.gender == "female");
        assert_eq!((female.quotes, female.people), (3, 2));
        let unknown = row(&t.genders, |g| g.by == "all" && g.gender == "unknown");
        assert_eq!((unknown.quotes, unknown.people), (1, 1));
        let person = row(&t.kinds, |k| k.by == "all" && k.kind == "person");
        assert_eq!((person.quotes, person.speakers), (4, 3));
        let none = row(&t.kinds, |k| k.by == "all" && k.kind == "none");
        assert_eq!((none.quotes, none.speakers), (1, 0));
        let daily = row(&t.groups, |g| g.by == "outlet" && g.group == "Daily");
        assert_eq!((daily.quotes, daily.anonymous_share), (4, 0.25));
        assert_eq!(row(&t.groups, |g| g.by == "outlet" && g.group == NONE).articles, 1);
        assert_eq!(row(&t.groups, |g| g.by == "month" && g.group == "2024-04").quotes, 3);
        let p = &t.people[0];
        assert_eq!((p.name.as_str(), p.gender.as_str(), p.quotes, p.articles), ("Ana Ruiz", "female", 3, 2));
        assert_eq!(p.roles, "mayor of Port Vell");
        assert_eq!(t.people[1].gender, "unknown");
    }

    #[test]
    fn a_field_groups_and_merging_equals_adding() {
        let a = article("a", None, "2024-03-06", &[("person", Some("Ana Ruiz"), Some("female"))]);
        let b = article("b", None, "2024-03-07", &[("organization", Some("the ministry"), None)]);
        let dims = vec![GroupBy::parse("category"), GroupBy::parse("month")];
        let mut one = Study::new(dims.clone());
        one.add(&a, &[("category", "sport")]);
        one.add(&b, &[]);
        let (mut left, mut right) = (Study::new(dims.clone()), Study::new(dims));
        left.add(&a, &[("category", "sport")]);
        right.add(&b, &[]);
        left.merge(right);
        assert_eq!(left.tables(5), one.tables(5));
        let t = one.tables(5);
        assert_eq!(row(&t.groups, |g| g.by == "category" && g.group == "sport").people, 1);
        assert_eq!(row(&t.groups, |g| g.by == "category" && g.group == NONE).quotes, 1);
        assert_eq!(row(&t.groups, |g| g.by == "month" && g.group == "2024-03").articles, 2);
    }
}
