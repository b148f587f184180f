"""plain(): the same dicts as dataclasses.asdict, for the records an answer carries."""

from __future__ import annotations

from collections import namedtuple
from dataclasses import asdict, dataclass, field

import pytest

from service.models import Speaker, StoredArticle, StoredQuote
from service.search.claims import analyse_claim
from service.search.comparison import compare
from service.search.plain import plain

Point = namedtuple("Point", "x y")


@dataclass(frozen=True)
class Leaf:
    name: str
    value: float | None
    flags: tuple[bool, ...] = ()


@dataclass
class Tree:
    leaves: list[Leaf]
    by_name: dict[str, Leaf]
    pair: tuple[Leaf, int]
    point: Point
    nested: list[list[int]] = field(default_factory=list)
    other: set[int] = field(default_factory=set)


def test_nested_records_convert_as_asdict_does():
    leaf = Leaf("a", 1.5, (True, False))
    tree = Tree([leaf, Leaf("b", None)], {"a": leaf}, (leaf, 3), Point(leaf, 2), [[1, 2], []], {4, 5})
    converted = plain(tree)
    assert converted == asdict(tree)
    assert type(converted["pair"]) is tuple and type(converted["point"]) is Point
    assert converted["other"] is not tree.other  # copied, as asdict deep-copies what it does not rebuild
    assert converted["nested"][0] is not tree.nested[0]


@pytest.mark.parametrize(
    "claim",
    [
        "Ms. Okafor said 5,000 riders used the line last week",
        "The ministry said more than 3,200 people were displaced in 2016",
        "nobody said anything about numbers",
    ],
)
def test_a_comparison_converts_as_asdict_does(claim):
    article = StoredArticle(7, "Riders return to the harbour line", "2019-03-04", "Coast Herald", None, None)
    quote = StoredQuote(
        3,
        "About 4,000 riders used the line last week, up from 3,000.",
        "direct",
        Speaker("Ada Okafor", "transit director"),
        said_on="2019-03-02",
        article=article,
    )
    comparison = compare(analyse_claim(claim), quote)
    assert plain(comparison) == asdict(comparison)
