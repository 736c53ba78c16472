"""Strict CSP with a nonce and no inline code; security headers on every page."""

import re

from django.urls import reverse


def test_pages_carry_a_strict_csp_with_a_fresh_nonce(client, municipality):
    url = reverse("portal:home", kwargs={"municipality_slug": municipality.slug})
    first, second = client.get(url), client.get(url)
    csp = first["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert nonce not in second["Content-Security-Policy"]
    # Every script tag carries the nonce or is external; no inline event handlers or style attributes.
    html = first.text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert f'nonce="{nonce}"' in tag
    assert not re.search(r"\son[a-z]+=", html)
    assert " style=" not in html


def test_security_headers(client, municipality):
    response = client.get(reverse("portal:home", kwargs={"municipality_slug": municipality.slug}))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_htmx_is_configured_not_to_inject_styles_or_evaluate_code(client, municipality):
    html = client.get(reverse("portal:home", kwargs={"municipality_slug": municipality.slug})).text
    assert '"includeIndicatorStyles":false' in html
    assert '"allowEval":false' in html


def test_forms_carry_a_csrf_token_and_posts_without_it_are_refused(municipality):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    url = reverse("news:subscribe", kwargs={"municipality_slug": municipality.slug})
    assert "csrfmiddlewaretoken" in strict.get(url).text
    assert strict.post(url, {"email": "a@example.org"}).status_code == 403
