"""Factories for the tests. Dates are relative to the test's clock, never hard-coded into the past."""

import factory
from allauth.account.models import EmailAddress

from strategia.accounts.models import MunicipalityMembership, ProcessMembership, User
from strategia.core.enums import UnitKind
from strategia.core.models import Municipality, TerritorialUnit


class TerritorialUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TerritorialUnit

    name = factory.Sequence(lambda n: f"Gmina Testowa {n}")
    kind = UnitKind.GMINA
    teryt = factory.Sequence(lambda n: f"{1400000 + n:07d}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    slug = factory.Sequence(lambda n: f"gmina-{n}")
    unit = factory.SubFactory(TerritorialUnitFactory)
    kind = "miejsko-wiejska"
    name = factory.LazyAttribute(lambda o: f"Gmina {o.unit.name}")
    name_genitive = factory.LazyAttribute(lambda o: f"Gminy {o.unit.name}")
    name_locative = factory.LazyAttribute(lambda o: f"Gminie {o.unit.name}")
    council_name = "Rada Miejska w Testowie"
    council_name_genitive = "Rady Miejskiej w Testowie"
    office_name = "Urząd Miasta i Gminy Testowo"
    executive_title = "burmistrz"
    executive_name = "Jan Testowy"
    street_address = "ul. Główna 1"
    postal_code = "00-001"
    city = "Testowo"
    controller_name = "Burmistrz Gminy Testowo"
    controller_contact = "ul. Główna 1, 00-001 Testowo"
    dpo_email = "iod@testowo.example"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Użytkownik {n}")
    password = factory.PostGenerationMethodCall("set_password", "haslo-testowe-123")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def user_with_municipality_role(municipality, role, **kwargs) -> User:
    user = UserFactory(**kwargs)
    MunicipalityMembership.objects.create(user=user, municipality=municipality, role=role)
    return user


def user_with_process_role(process, role, **kwargs) -> User:
    user = UserFactory(**kwargs)
    ProcessMembership.objects.create(user=user, process=process, role=role)
    return user
