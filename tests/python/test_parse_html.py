"""byline.parse_html: HTML pages in, the extracted text and what the page says about itself."""

import pickle

import byline

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Mill Closes | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2024-03-08T09:00:00-05:00">
<meta name="author" content="Ana Ruiz"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Mill Closes</h1>
<p>The old mill closed on Friday, its owners said, after eighty years in the valley.</p>
<p>&ldquo;It is a sad day,&rdquo; said Tom Reed, the mayor.</p></article>
<footer>&copy; Valley Post</footer></body></html>"""


def test_parse_html_text_roles_and_source():
    a = byline.parse_html(PAGE, url="https://example.com/news/mill")
    assert a.title == "Mill Closes"
    assert a.text.startswith("Mill Closes\n\nThe old mill closed on Friday")
    assert [p.role for p in a.paragraphs] == ["title", "body", "body"]
    assert a.authors == ["Ana Ruiz"]
    assert str(a.published) == "2024-03-08"
    s = a.source
    assert isinstance(s, byline.Source)
    assert (s.format, s.url, s.site_name, s.language, s.encoding) == (
        "html", "https://example.com/news/mill", "Valley Post", "en", "utf-8")
    assert s.published_at == "2024-03-08T09:00:00-05:00"
    for q in a.quotes:
        assert a.text[q.start:q.end] == q.text
    d = a.to_dict()
    assert d["source"]["site_name"] == "Valley Post" and d["text"] == a.text
    assert pickle.loads(pickle.dumps(a)) == a


def test_parse_html_bytes_published_and_plain_text_has_no_source():
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("eighty", "eighty \u2013").encode("cp1252")
    a = byline.Parser().parse_html(page, published="2020-01-02")
    assert str(a.published) == "2020-01-02"
    assert "eighty \u2013 years" in a.text and a.source.encoding == "windows-1252"
    assert byline.parse("Mill Closes\n\nThe mill closed.").source is None


def test_a_page_without_an_article_warns():
    a = byline.parse_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert a.text == "" and [w.kind for w in a.warnings] == ["no_article"]
