//! Gender of people, from honorifics and titles ("Mr.", "Queen"), first names (US Census lists)
//! and the pronouns that follow their mentions. It serves pronoun resolution in quotes.

use crate::article::{Gender, GenderBy, Label};
use crate::entities::features::Prepared;
use crate::entities::grouping::Cluster;
use crate::entities::mentions::Found;
use crate::entities::words::WordKind;

const MALE_PRONOUNS: &[&str] = &["he", "him", "his", "himself"];
const FEMALE_PRONOUNS: &[&str] = &["she", "her", "hers", "herself"];

/// The gender of a pronoun ("he" → male), if it has one.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    let is = |list: &[&str]| list.iter().any(|p| word.eq_ignore_ascii_case(p));
    if is(MALE_PRONOUNS) {
        Some(Gender::Male)
    } else if is(FEMALE_PRONOUNS) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of each cluster (`None` for all but people, and when the text does not tell),
/// with the strongest evidence that agrees with it.
pub fn genders(text: &str, p: &Prepared, found: &[Found], clusters: &[Cluster]) -> Vec<Option<(Gender, GenderBy)>> {
    let mut cluster_of = vec![usize::MAX; found.len()];
    for (c, cl) in clusters.iter().enumerate() {
        for &m in &cl.members {
            cluster_of[m] = c;
        }
    }
    // Honorifics outweigh first names, which outweigh pronouns.
    let mut votes: Vec<[i32; 2]> = clusters
        .iter()
        .map(|cl| {
            let mut v = [0, 0];
            for (g, w) in [(cl.title_gender, 10), (cl.name_gender, 3)] {
                match g {
                    Some(Gender::Male) => v[0] += w,
                    Some(Gender::Female) => v[1] += w,
                    None => {}
                }
            }
            v
        })
        .collect();
    // A pronoun votes for the closest person mentioned before it in its paragraph or the one before.
    let mut para = 0;
    let mut next = 0;
    let mut last_person: Option<(usize, usize)> = None;
    for (i, w) in p.words.iter().enumerate() {
        while para + 1 < p.paragraphs.len() && p.paragraphs[para].end <= i {
            para += 1;
        }
        while next < found.len() && found[next].words.end <= i {
            if found[next].label == Label::Person {
                last_person = Some((next, para));
            }
            next += 1;
        }
        // Pronouns are short words; most words are ruled out by their length alone.
        if w.kind != WordKind::Alpha || w.span.len() > 7 {
            continue;
        }
        let Some(g) = pronoun_gender(w.text(text)) else { continue };
        if let Some((m, at)) = last_person {
            if para - at <= 1 && cluster_of[m] != usize::MAX {
                votes[cluster_of[m]][usize::from(g == Gender::Female)] += 1;
            }
        }
    }
    clusters
        .iter()
        .zip(votes)
        .map(|(cl, [m, f])| {
            let gender = match (cl.label, m.cmp(&f)) {
                (Label::Person, std::cmp::Ordering::Greater) => Gender::Male,
                (Label::Person, std::cmp::Ordering::Less) => Gender::Female,
                _ => return None,
            };
            let by = if cl.title_gender == Some(gender) {
                GenderBy::Honorific
            } else if cl.name_gender == Some(gender) {
                GenderBy::FirstName
            } else {
                GenderBy::Pronoun
            };
            Some((gender, by))
        })
        .collect()
}
