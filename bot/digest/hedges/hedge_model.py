"""The shipped hedge model: one scorer per register and the gate between them, in one model file.

`hedge_model.json` is written by `bench/train_hedges.py` in the model-file
envelope (`bot.digest.model_files`) and read by `load_hedge_model`, which fails
loudly when the file is missing or does not fit the code: there is no quiet
fall-back to marking by the cue patterns alone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.digest.hedges.cue_lexicon import ENGLISH
from bot.digest.hedges.register import RegisterGate
from bot.digest.hedges.scorer import HedgeScorer
from bot.digest.model_files import model_envelope, package_model_path, read_model_file

DEFAULT_MODEL_PATH = package_model_path("bot.digest.hedges", "hedge_model.json")
MODEL_KIND = "hedge-marker"
MODEL_FORMAT = 3
TRAINER = "bench.train_hedges"
# What the weights are keyed by: the scorers' feature families (see `scorer.tokens_with_features`), the
# gate's stems, and the cue pattern names (a renamed or added pattern needs a retrained model, not
# weights that silently stop applying).
FEATURES: tuple[str, ...] = (
    ("family:w", "family:s", "family:l", "family:r", "family:cue", "family:kind", "family:lex", "gate:stems")
    + tuple(sorted({p.name for p in ENGLISH.patterns} | {"modal:may", ENGLISH.consequence_name}))
)


@dataclass(frozen=True)
class HedgeModel:
    general: HedgeScorer  # news, encyclopaedia and other general prose (learned from WikiWeasel)
    scientific: HedgeScorer  # biomedical papers (learned from the BioScope abstracts)
    register: RegisterGate  # which of the two a sentence is written in

    def scorer_for(self, sentence: str, scientific: bool | None = None) -> HedgeScorer:
        """The scorer of the text's register (`scientific`), or of the sentence's own when it is not given."""
        if scientific is None:
            scientific = self.register.is_scientific(sentence)
        return self.scientific if scientific else self.general

    def envelope(self, trained_on: str, data_sha256: str) -> dict[str, Any]:
        payload = {"general": self.general.payload(), "scientific": self.scientific.payload(),
                   "register": self.register.payload()}
        return model_envelope(MODEL_KIND, MODEL_FORMAT, FEATURES, trained_on, data_sha256, payload)


@functools.lru_cache(maxsize=4)
def load_hedge_model(path: Path = DEFAULT_MODEL_PATH) -> HedgeModel:
    """The model stored at `path`; raises `ModelFileError` when it is missing or does not fit the code."""
    payload = read_model_file(path, MODEL_KIND, MODEL_FORMAT, FEATURES, TRAINER).payload
    return HedgeModel(
        HedgeScorer.from_payload(payload["general"]),
        HedgeScorer.from_payload(payload["scientific"]),
        RegisterGate.from_payload(payload["register"]),
    )
