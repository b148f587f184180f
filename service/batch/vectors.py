"""Statement vectors computed on the executors, and used again when the output is imported.

Each task encodes its partition's statements (the text import-quotes will store: a split quote's
parts joined) with the service's own encoder and writes
`vectors/part-NNNNN.npy`: one float32 row per line of `statements/part-NNNNN`, in the same order.
`import-quotes OUTPUT_DIR` then takes a statement's vector from there instead of encoding it again
(the encoder gives a text the same vector wherever it runs); a text it does not find is encoded.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

VECTORS = "vectors"
MODEL_FILE = "_MODEL"  # which encoder made the vectors; others are not used


def model_id() -> str:
    """The id of the encoder the service uses."""
    from service.search.embed.model import MODEL_ID

    return MODEL_ID


def import_text(line: str | bytes) -> str:
    """The text import-quotes stores for one statement line, which is what its vector must encode."""
    from service.ingest.importer import parse_line

    raw = line.encode("utf-8") if isinstance(line, str) else line
    try:
        return parse_line(raw)["text"]
    except ValueError:  # a line the import refuses: its vector is never looked up
        return ""


def write_vectors(output_dir: str, index: int, texts: Sequence[str]) -> None:
    """Encode a partition's statement texts and write them as vectors/part-NNNNN.npy (on the executor)."""
    import numpy as np

    from service.search.embed.model import load_encoder

    vectors = load_encoder().encode(list(texts))  # loaded once per Python worker, then reused
    target = Path(output_dir, VECTORS, f"part-{index:05d}.npy")
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    with open(temporary, "wb") as handle:
        np.save(handle, vectors.astype(np.float32, copy=False))
    os.replace(temporary, target)


def prepare_vectors(output_dir: str) -> None:
    """Create vectors/ and record the encoder's id (on the driver)."""
    folder = Path(output_dir, VECTORS)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MODEL_FILE).write_text(model_id() + "\n", encoding="utf-8")


def precomputed(output_dir: str | Path, statement_parts: Sequence[str]) -> dict[str, object]:
    """{statement text: vector} from a batch output, for parts whose vectors match the service's encoder."""
    import numpy as np

    from service.ingest.importer import READ_ERRORS, open_lines

    folder = Path(output_dir, VECTORS)
    try:
        if (folder / MODEL_FILE).read_text(encoding="utf-8").strip() != model_id():
            return {}
    except OSError:
        return {}
    found: dict[str, object] = {}
    for part in statement_parts:
        name = Path(part).name.removesuffix(".gz")
        try:
            vectors = np.load(folder / f"{name}.npy")
            with open_lines(part) as stream:
                texts = [import_text(raw) for raw in stream if raw.strip()]
        except (*READ_ERRORS, ValueError):
            continue  # those statements are encoded at import instead
        if len(texts) == len(vectors):
            found.update((text, row) for text, row in zip(texts, vectors, strict=True) if text)
    return found


class PrecomputedEncoder:
    """An encoder that answers from vectors already computed and encodes only the texts it lacks."""

    def __init__(self, encoder, known: Mapping[str, object]):
        self.encoder, self.known = encoder, known

    def encode(self, texts: Sequence[str], **options):
        """Unit vectors of `texts`, one row each, as the wrapped encoder gives them."""
        import numpy as np

        from service.search.embed.model import DIMENSIONS

        out = np.zeros((len(texts), DIMENSIONS), np.float32)
        missing = []
        for i, text in enumerate(texts):
            row = self.known.get(text)
            if row is None:
                missing.append(i)
            else:
                out[i] = row
        if missing:
            out[missing] = self.encoder.encode([texts[i] for i in missing], **options)
        return out

    def encode_one(self, text: str):
        """The unit vector of one text."""
        return self.encode([text])[0]
