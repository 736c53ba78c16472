from strategia.documents.markdown import render


def test_markdown_subset_renders_emphasis_lists_and_tables():
    html = render("**Ważne** i *kursywa*\n\n- jeden\n- dwa\n\n| A | B |\n|---|---|\n| 1 | 2 |")
    assert "<strong>Ważne</strong>" in html and "<em>kursywa</em>" in html
    assert "<li>jeden</li>" in html
    assert '<th scope="col">A</th>' in html and "<td>2</td>" in html


def test_raw_html_and_scripts_are_escaped():
    html = render('<script>alert(1)</script> <img src=x onerror=alert(1)> & "cudzysłów"')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_javascript_links_are_removed():
    assert "javascript:" not in render("[klik](javascript:alert(1))")
