"""HTML: main text only (no nav/footer/script), paragraphs separated by blank lines, page metadata."""
from __future__ import annotations

from kadrey_kg.loaders.read import read_document

# Page written for this test
PARAGRAPHS = [
    "Meta partage ses revenus avec les hébergeurs de Llama",
    "Un document du procès Kadrey v. Meta, rendu public en mars, montre que Meta reçoit une part des "
    "revenus des entreprises qui hébergent ses modèles Llama.",
    "Les plaignants, des auteurs de romans, reprochent à Meta d'avoir entraîné ses modèles sur des "
    "livres piratés ; Meta invoque l'usage équitable.",
    "Le juge fédéral doit encore trancher plusieurs questions avant un éventuel procès.",
]
PAGE = """<!doctype html>
<html lang="fr"><head>
<meta charset="{charset}">
<title>Meta partage ses revenus | Le Journal Tech</title>
<meta property="og:site_name" content="Le Journal Tech">
<meta property="og:url" content="https://journal.example/og/meta-llama">
<link rel="canonical" href="https://journal.example/2025/03/meta-llama">
<meta property="article:published_time" content="2025-03-21T08:30:00+01:00">
<script>window.dataLayer = [{{"page": "article"}}]; function track() {{ return "tracking code"; }}</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/tech">Tech</a></li><li><a href="/abonnement">S'abonner</a></li></ul></nav>
<header><div class="brand">Le Journal Tech</div></header>
<main><article>
<h1>{p0}</h1>
<p>{p1}</p>
<p>{p2}</p>
<p>{p3}</p>
</article></main>
<aside><h3>Les plus lus</h3><ul><li><a href="/a">Un autre sujet</a></li></ul></aside>
<footer><p>© 2025 Le Journal Tech - Mentions légales - Cookies</p></footer>
<script>track();</script>
</body></html>
"""


def page(charset: str = "utf-8") -> str:
    return PAGE.format(charset=charset, p0=PARAGRAPHS[0], p1=PARAGRAPHS[1], p2=PARAGRAPHS[2], p3=PARAGRAPHS[3])


def test_article_text_only_with_blank_lines_between_paragraphs(write):
    doc = read_document(write("journal.html", page()))
    assert doc.text == "\n\n".join(PARAGRAPHS)
    for boilerplate in ("Accueil", "tracking", "Mentions légales", "Les plus lus", "font-family"):
        assert boilerplate not in doc.text
    assert doc.meta.extra["extractor"] == "trafilatura"


def test_page_metadata(write):
    meta = read_document(write("journal.htm", page())).meta
    assert meta.title == "Meta partage ses revenus avec les hébergeurs de Llama"
    assert meta.date == "2025-03-21"
    assert meta.url == "https://journal.example/2025/03/meta-llama"  # canonical wins over og:url
    assert meta.publisher == "Le Journal Tech"
    assert meta.kind == "news"


def test_declared_latin1_charset(write):
    path = write("journal_latin1.html", page("iso-8859-1"), encoding="latin-1")
    doc = read_document(path)
    assert doc.text == "\n\n".join(PARAGRAPHS)
    assert doc.meta.extra["encoding"] == "iso8859-1"


def test_law_firm_site_is_a_law_firm_note(write):
    html = page().replace("Le Journal Tech", "Dupont &amp; Martin Avocats")
    assert read_document(write("cabinet.html", html)).meta.kind == "law-firm-note"


def test_blog_url_is_a_blog(write):
    html = page().replace("https://journal.example/2025/03/meta-llama", "https://example.org/blog/meta-llama")
    assert read_document(write("billet.html", html)).meta.kind == "blog"


def test_fallback_when_trafilatura_finds_no_main_text(write, caplog):
    html = ("<html><head><title>Note brève</title></head><body><nav>Accueil | Contact</nav>"
            "<p>Audience fixée au 12 mai.</p><footer>Mentions légales</footer></body></html>")
    doc = read_document(write("breve.html", html))
    assert doc.text == "Audience fixée au 12 mai."
    assert doc.meta.extra["extractor"] == "fallback"
    assert doc.meta.title == "Note brève"
    assert "trafilatura found no main text" in caplog.text


def test_html_without_text(write, refusal):
    path = write("empty_page.html", "<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>")
    assert refusal(path) == "file has no main text; nothing to read"


def test_xml_declared_page(write):
    html = ('<?xml version="1.0" encoding="utf-8"?>\n<html><head><title>Décision</title></head><body>'
            "<article><p>" + PARAGRAPHS[1] + "</p><p>" + PARAGRAPHS[2] + "</p></article></body></html>")
    doc = read_document(write("declared.html", html))
    assert PARAGRAPHS[1] in doc.text and PARAGRAPHS[2] in doc.text
    assert "<?xml" not in doc.text


def test_comment_only_page(write, refusal):
    path = write("comment.html", "<!-- nothing here -->")
    assert refusal(path) == "file has no main text; nothing to read"


def test_body_dates_do_not_become_the_page_date(write):
    html = ("<html><head><title>Audience</title></head><body><article><h1>Audience</h1><p>"
            + "Le 3 février 2025, une audience a eu lieu devant le tribunal fédéral de San Francisco. " * 5
            + "</p></article></body></html>")
    assert read_document(write("sans_date.html", html)).meta.date is None
