//! Roles given by a page's markup (the HTML stage): they stand where the markup speaks, and
//! the rules decide the rest.

use crate::article::Role;
use crate::doc::Layout;
use crate::layout::byline;
use crate::layout::lexicon::LayoutLexicon;
use crate::span::Span;

/// Sets the roles the markup gives (`given[i]` for paragraph `i`) over the roles the rules found
/// from each paragraph's content. Title, caption and byline markup always wins; a heading only
/// where the rules saw plain body text (a subhead reading "Related stories" stays furniture).
/// A byline the markup names gives its authors.
pub(super) fn apply(
    given: &[Option<Role>],
    text: &str,
    spans: &[Span],
    roles: &mut [Role],
    layout: &mut Layout,
    lex: &LayoutLexicon,
) {
    for (i, role) in given.iter().enumerate() {
        let Some(role) = *role else { continue };
        if role == Role::Heading && roles[i] != Role::Body {
            continue;
        }
        if role == Role::Byline && roles[i] != Role::Byline {
            let raw = spans[i].as_str(text);
            if let Some(b) = byline::byline(raw, lex).or_else(|| byline::unlabelled_byline(raw, lex)) {
                super::add_names(&mut layout.authors, b.authors);
            }
        }
        roles[i] = role;
    }
}
