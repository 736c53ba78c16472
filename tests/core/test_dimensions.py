from strategia.core.dimensions import STATUTORY_DIMENSIONS, Dimension


def test_the_three_statutory_dimensions_and_environmental_practice():
    assert [d.value for d in Dimension] == ["social", "economic", "spatial", "environmental"]
    assert {Dimension.SOCIAL, Dimension.ECONOMIC, Dimension.SPATIAL} == STATUTORY_DIMENSIONS
    assert Dimension.SPATIAL.citation == "art. 10e ust. 3 pkt 1 u.s.g."
    assert not Dimension.ENVIRONMENTAL.is_statutory


def test_dimension_labels_are_polish_by_default():
    from django.utils import translation

    with translation.override("pl"):
        assert [str(d.label) for d in Dimension] == ["społeczny", "gospodarczy", "przestrzenny", "środowiskowy"]
