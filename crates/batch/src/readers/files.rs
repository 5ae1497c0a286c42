//! Directory trees: which files hold articles, in a stable order.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Format;
use crate::record::{ErrorKind, ErrorRecord};

/// The article files under `dir`, in name order, with their format. Hidden files and
/// directories and files of unknown formats are skipped; an unreadable directory entry is an
/// error record.
pub(crate) fn walk(dir: &Path) -> impl Iterator<Item = Result<(PathBuf, Format), ErrorRecord>> + Send + use<> {
    WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_file() => Format::from_path(e.path()).map(|f| Ok((e.into_path(), f))),
            Ok(_) => None,
            Err(e) => {
                let id = e.path().unwrap_or(Path::new("")).display().to_string();
                Some(Err(ErrorRecord::new(Some(id), ErrorKind::Read, e.to_string())))
            }
        })
}

/// The total size in bytes of the files `paths` name, directories walked as the reader walks them
/// (compressed sizes for gzip files), for a progress bar. Standard input counts as nothing.
pub fn total_size(paths: &[PathBuf]) -> u64 {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    paths.iter().map(|p| if p.is_dir() { walk(p).flatten().map(|(f, _)| size(&f)).sum() } else { size(p) }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_article_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/.hidden")).unwrap();
        for f in ["b/2.txt", "b/1.json.gz", "a.jsonl", "notes.md", ".x.txt", "b/.hidden/3.txt", "c.csv"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let found: Vec<_> = walk(root).map(|r| r.unwrap()).collect();
        let names: Vec<_> = found.iter().map(|(p, f)| (p.strip_prefix(root).unwrap().to_str().unwrap(), *f)).collect();
        assert_eq!(
            names,
            [
                ("a.jsonl", Format::Jsonl),
                ("b/1.json.gz", Format::Json),
                ("b/2.txt", Format::Text),
                ("c.csv", Format::Csv)
            ]
        );
        assert_eq!(total_size(&[root.to_path_buf()]), 4);
    }
}
