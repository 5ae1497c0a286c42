//! Captions of photos and videos: "An example of severe eczema. Image: Jambula.",
//! "Image caption The minister arrives", "A man walks by. (AP Photo/Jane Doe)".

use crate::layout::boilerplate::unbulleted;
use crate::layout::lexicon::LayoutLexicon;
use crate::segment::lexicon::with_ascii_lowercase;

/// Longest paragraph read as a caption, in bytes.
pub(crate) const MAX_CAPTION: usize = 300;
/// Most words in the credit after "Image:".
const MAX_CREDIT_WORDS: usize = 7;

/// A caption, and where its photo credit starts when that is not at the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Caption {
    /// Byte offset (within the paragraph) of a trailing credit label ("Image:"), which starts a sentence.
    pub credit: Option<usize>,
}

/// True for a paragraph that is only a photo credit, with no caption: "Photo: Jane Doe/Agency",
/// "(Image: Agency)", "Photograph by Jane Doe". It describes the page, not the story.
pub(crate) fn credit_only(raw: &str, lex: &LayoutLexicon) -> bool {
    let s = raw.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']', '.']).trim();
    // Most paragraphs fail on their first words: a credit opens with a credit label ("Photo",
    // "File photo").
    let label = |w: &str| with_ascii_lowercase(w, |w| lex.caption_credits.contains(w)).unwrap_or(false);
    let mut ends = s.match_indices([' ', ':']).map(|(i, _)| i);
    let (one, two) = (ends.next().unwrap_or(s.len()), ends.next().unwrap_or(s.len()));
    if s.len() > MAX_CAPTION || !(label(&s[..one]) || label(&s[..two])) {
        return false;
    }
    if credit_label(s, lex) == Some(0) {
        return true;
    }
    let Some(by) = s.find(" by ") else { return false };
    let credit = &s[by + 4..];
    let words = credit.split_whitespace().count();
    let label = &s[..by];
    label.chars().next().is_some_and(char::is_uppercase)
        && lex.caption_credits.contains(&label.to_lowercase())
        && (1..=MAX_CREDIT_WORDS).contains(&words)
        && !credit.contains(". ")
}

/// How far from the end a photo agency's name marks a caption ("... (AP Photo/Jane Doe)"), in bytes.
const TAIL_WINDOW: usize = 60;

/// The paragraph as a caption, if it is one.
pub(crate) fn caption(raw: &str, lex: &LayoutLexicon) -> Option<Caption> {
    if raw.len() > MAX_CAPTION {
        return None;
    }
    if let Some(at) = credit_label(raw, lex) {
        return Some(Caption { credit: (at > 0).then_some(at) });
    }
    let mut tail = raw.len().saturating_sub(TAIL_WINDOW);
    while !raw.is_char_boundary(tail) {
        tail += 1;
    }
    let marked = lex.caption_leads.starts(unbulleted(raw)) || lex.caption_tails.occurs_in(&raw[tail..]);
    marked.then_some(Caption { credit: None })
}

/// Where a trailing "Image: Name." credit starts: a credit word, a colon, then a few words that
/// end the paragraph.
fn credit_label(raw: &str, lex: &LayoutLexicon) -> Option<usize> {
    let colon = memchr::memrchr(b':', raw.as_bytes()).filter(|&i| raw.as_bytes().get(i + 1) == Some(&b' '))?;
    let credit = raw[colon + 2..].trim();
    let words = credit.split_whitespace().count();
    if words == 0 || words > MAX_CREDIT_WORDS || credit.contains(". ") {
        return None;
    }
    // The label is the one or two words before the colon ("Image", "Photo credit").
    let before = &raw[..colon];
    let one = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let two = before[..one].trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
    for start in [two, one] {
        let label = &raw[start..colon];
        let capital = label.chars().next().is_some_and(char::is_uppercase);
        if capital && lex.caption_credits.contains(&label.to_lowercase()) {
            return Some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(s: &str) -> Option<Caption> {
        caption(s, &LayoutLexicon::new())
    }

    #[test]
    fn captions() {
        assert_eq!(cap("An example of severe eczema. Image: Jambula."), Some(Caption { credit: Some(29) }));
        assert_eq!(cap("Playstation VR demo Image: Nick Moreau."), Some(Caption { credit: Some(20) }));
        assert_eq!(cap("Image: Nick Moreau."), Some(Caption { credit: None }));
        assert_eq!(cap("Tweet by a student Image: Twitter / Barack Obama."), Some(Caption { credit: Some(19) }));
        assert!(cap("A man walks past the ministry. (AP Photo/Jane Doe)").is_some());
        assert!(cap("Image caption The minister arrives in Brussels").is_some());
    }

    #[test]
    fn credits_alone() {
        let only = |s: &str| credit_only(s, &LayoutLexicon::new());
        assert!(only("Photo: Jane Doe/Valley Gazette"));
        assert!(only("(Image: Northport Council)"));
        assert!(only("PHOTO: JANE DOE/AGENCY"));
        assert!(only("Photograph by Ann Lee for the Gazette"));
        assert!(only("File photo: Northport Council"));
        assert!(!only("An example of severe eczema. Image: Jambula."));
        assert!(!only("Photo by Ann Lee shows the dam breaking. It was taken on Monday."));
        assert!(!only("Photos by the dozen were taken by tourists on the bridge that day and shared"));
        assert!(!only("The report says: iodine is needed."));
    }

    #[test]
    fn not_captions() {
        assert!(cap("The report says: iodine is needed.").is_none());
        assert!(cap("He said: “The picture: unclear. We wait.”").is_none());
        assert!(cap("Norway may gain practical gains from closer ties with Chile.").is_none());
    }
}
