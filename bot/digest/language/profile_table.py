"""langdetect's 55 language profiles, repacked in one compact file that loads in milliseconds.

langdetect reads its profiles from 55 JSON files into a dict of 87,598 n-grams, each
with a list of 55 floats: about 0.3 to 0.4 s of CPU and 68 MB of Python objects in
every process that detects a language. The same numbers are kept here as a sparse
table (184,129 non-zero entries: language index and n-gram count per row, langdetect's
`n_words` per language) in `langdetect_profiles.json`, written by
`python -m bench.build_language_profiles` from the installed langdetect's files. A row's
probabilities are computed as langdetect's `DetectorFactory.add_profile` computes them
(`1.0 * count / n_words[len(gram) - 1]`, one IEEE division), so they are equal to the
last bit; the languages are in sorted order, so the table does not depend on the order
in which a file system lists langdetect's files.
"""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path
from typing import Any, Callable

import numpy
from langdetect import DetectorFactory

from bot.digest.model_files import ModelFile, ModelFileError, model_envelope, package_model_path, read_model_file
from bot.digest.word_memo import word_memo

PROFILE_KIND = "langdetect-profiles"
PROFILE_FORMAT = 1
PROFILE_FILE = "langdetect_profiles.json"
BUILDER = "bench.build_language_profiles"  # not a trainer: it repacks langdetect's files, no data needed
_GRAM_SEPARATOR = "\n"  # no n-gram holds one: langdetect normalises every control character to a space
SEED = 0  # langdetect samples n-grams at random: a fixed seed makes its answers reproducible
_ROW_CACHE = 4_096  # rows: one page draws about 28 not drawn before; a row takes about 600 bytes


def _encode(array: numpy.ndarray) -> str:
    return base64.b64encode(array.tobytes()).decode("ascii")


def _decode(text: str, dtype: str) -> numpy.ndarray:
    return numpy.frombuffer(base64.b64decode(text), dtype=numpy.dtype(dtype))


class ProfileTable:
    """What a langdetect `Detector` reads from its factory (`langlist`, `seed`), with the n-gram table
    as a dict of n-gram -> row number (`grams`) and `row(number)`, the 55 probabilities of an n-gram."""

    def __init__(self, languages: list[str], n_words: numpy.ndarray, grams: list[str],
                 row_starts: numpy.ndarray, row_languages: numpy.ndarray, row_counts: numpy.ndarray) -> None:
        self.langlist = list(languages)
        self.seed = SEED
        self.grams: dict[str, int] = dict(zip(grams, range(len(grams))))
        self._starts = row_starts
        self._languages = row_languages
        # one n-gram length per entry: langdetect divides by the count of n-grams of that length in the language
        lengths = numpy.fromiter(map(len, grams), dtype=numpy.int64, count=len(grams))
        entry_lengths = numpy.repeat(lengths, numpy.diff(row_starts))
        self._probabilities = row_counts.astype(numpy.float64) / n_words[row_languages, entry_lengths - 1].astype(numpy.float64)
        # filled with real rows when a worker warms up (`word_memo`): any row costs what another does
        self.row: Callable[[int], numpy.ndarray] = word_memo(_ROW_CACHE, filler=functools.partial(iter, range(len(grams))))(self._row)

    @property
    def word_lang_prob_map(self) -> dict[str, int]:
        """The name langdetect's `Detector` reads its n-grams under (here n-gram -> row number)."""
        return self.grams

    def _row(self, index: int) -> numpy.ndarray:
        start, end = self._starts[index], self._starts[index + 1]
        row = numpy.zeros(len(self.langlist))
        row[self._languages[start:end]] = self._probabilities[start:end]
        return row

    def get_lang_list(self) -> list[str]:
        return list(self.langlist)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ProfileTable:
        languages = list(payload["languages"])
        return cls(
            languages,
            numpy.array(payload["n_words"], dtype=numpy.int64).reshape(len(languages), 3),
            payload["grams"].split(_GRAM_SEPARATOR),
            _decode(payload["row_starts"], "<i4"),
            _decode(payload["row_languages"], "<u1"),
            _decode(payload["row_counts"], "<i4"),
        )


def table_payload(profiles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The file's payload from langdetect's profile files as decoded JSON (name -> {"freq", "n_words", ...})."""
    languages = sorted(profiles)
    grams = sorted({gram for profile in profiles.values() for gram in profile["freq"]})
    if any(_GRAM_SEPARATOR in gram for gram in grams):
        raise ValueError("an n-gram holds the separator")
    starts, entry_languages, counts = [0], [], []
    for gram in grams:
        for index, language in enumerate(languages):
            count = profiles[language]["freq"].get(gram, 0)
            if count and 1 <= len(gram) <= 3:  # langdetect keeps longer grams as all-zero rows
                entry_languages.append(index)
                counts.append(count)
        starts.append(len(counts))
    return {
        "languages": languages,
        "n_words": [list(profiles[language]["n_words"][:3]) for language in languages],
        "grams": _GRAM_SEPARATOR.join(grams),
        "row_starts": _encode(numpy.array(starts, dtype="<i4")),
        "row_languages": _encode(numpy.array(entry_languages, dtype="<u1")),
        "row_counts": _encode(numpy.array(counts, dtype="<i4")),
    }


def table_envelope(profiles: dict[str, dict[str, Any]], source: str, data_sha256: str) -> dict[str, Any]:
    return model_envelope(PROFILE_KIND, PROFILE_FORMAT, [], source, data_sha256, table_payload(profiles))


def read_langdetect_profiles(directory: Path) -> dict[str, dict[str, Any]]:
    """langdetect's profile files, by language name (as `DetectorFactory.load_profile` reads them)."""
    profiles = {}
    for path in sorted(Path(directory).iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        profiles[data["name"]] = data
    return profiles


def shipped_table_file() -> ModelFile:
    try:
        return read_model_file(package_model_path("bot.digest.language", PROFILE_FILE), PROFILE_KIND, PROFILE_FORMAT)
    except ModelFileError as exc:
        raise ModelFileError(f"{exc}; rebuild it with `python -m {BUILDER}`") from exc


def langdetect_factory(languages: list[str], directory: Path | None = None) -> DetectorFactory:
    """langdetect's own factory over its own files, its languages in the given order: the reference
    `FastDetector` over the table is compared with (the order decides the last bits of a sum)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.utils.lang_profile import LangProfile

    profiles = read_langdetect_profiles(Path(directory or PROFILES_DIRECTORY))
    factory = DetectorFactory()
    for index, language in enumerate(languages):
        factory.add_profile(LangProfile(**profiles[language]), index, len(languages))
    factory.set_seed(SEED)
    return factory


@functools.lru_cache(maxsize=1)
def profile_table() -> ProfileTable:
    """The shipped table, loaded once per process (about 20 ms)."""
    return ProfileTable.from_payload(shipped_table_file().payload)
