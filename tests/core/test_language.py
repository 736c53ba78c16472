"""Polish by default whatever the browser says; English when the visitor chooses it."""

from django.urls import reverse


def test_polish_is_the_default_even_for_an_english_browser(client, municipality):
    response = client.get(reverse("portal:home", kwargs={"municipality_slug": municipality.slug}),
                          HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="pl">' in response.text
    assert "Strona główna" in response.text
    assert response["Content-Language"] == "pl"


def test_the_visitor_can_switch_to_english_and_back(client, municipality):
    home = reverse("portal:home", kwargs={"municipality_slug": municipality.slug})
    client.post(reverse("set_language"), {"language": "en", "next": home})
    response = client.get(home)
    assert '<html lang="en">' in response.text
    assert "Home" in response.text
    client.post(reverse("set_language"), {"language": "pl", "next": home})
    assert '<html lang="pl">' in client.get(home).text


def test_an_unknown_language_cookie_falls_back_to_polish(client, municipality, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    response = client.get(reverse("portal:home", kwargs={"municipality_slug": municipality.slug}))
    assert '<html lang="pl">' in response.text
