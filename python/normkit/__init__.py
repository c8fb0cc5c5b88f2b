"""normkit: normalization, transliteration, dates, header cleaning and name
variants for scraped multilingual text, with the engines of the `normkit`
command line.

    import normkit
    pipeline = normkit.Pipeline("news")
    text, metadata = pipeline.process(article)
    normkit.Transliterator("ru/bgn_pcgn").transliterate("Токаев")  # 'Tokayev'
    normkit.DateFinder(["ru"]).parse("20 июня 2022,, 14:01")     # '2022-06-20T14:01'

Every object is immutable and may be shared by threads (calls release the
GIL) and pickled (it is rebuilt from its arguments). normkit.dask runs a
recipe over JSON Lines shards on a Dask cluster.
"""

import os

from ._errors import NotFoundError, RuleError, RunError, UnknownSchemeError
from ._normkit import (
    DateFinder,
    HeaderCleaner,
    Normalizer,
    PipelineAudit,
    __version__,
    icu_transform,
    nearest_schemes,
    schemes,
)
from ._normkit import Pipeline as _Pipeline
from ._normkit import Transliterator as _Transliterator
from ._normkit import VariantIndex as _VariantIndex

__all__ = [
    "DateFinder",
    "HeaderCleaner",
    "Normalizer",
    "NotFoundError",
    "Pipeline",
    "PipelineAudit",
    "RuleError",
    "RunError",
    "Transliterator",
    "UnknownSchemeError",
    "VariantIndex",
    "__version__",
    "icu_transform",
    "schemes",
]


class Transliterator(_Transliterator):
    __doc__ = _Transliterator.__doc__

    def __init__(self, scheme, reverse=False):
        """scheme: an id such as 'ru/bgn_pcgn' (see schemes()); reverse: Latin
        back to Cyrillic, for reversible schemes. An unknown id raises
        UnknownSchemeError with the nearest ids."""
        try:
            super().__init__(scheme, reverse)
        except NotFoundError as error:
            if any(s["id"] == scheme for s in schemes()):
                raise
            raise UnknownSchemeError(str(error), scheme, nearest_schemes(scheme)) from None


class Pipeline(_Pipeline):
    __doc__ = _Pipeline.__doc__

    def __init__(self, recipe="news"):
        """recipe: a recipe's name ('news', from rules/recipes) or the path of
        a recipe file of your own (a name with a '/' or ending in .toml), as
        `normkit run --recipe` takes it."""
        if "/" in recipe or recipe.endswith(".toml"):
            with open(recipe, encoding="utf-8") as f:
                super().__init__(f.read(), recipe)
        else:
            super().__init__(recipe)


class VariantIndex(_VariantIndex):
    __doc__ = _VariantIndex.__doc__

    def __init__(self, lexicons=(), builtin=True):
        """lexicons: paths of lexicon files of your own (the rules/variants
        format, as `normkit variants --lexicon` takes them); builtin: also the
        built-in lexicon. A broken lexicon raises RuleError with its place."""
        texts = []
        for path in lexicons:
            with open(path, encoding="utf-8") as f:
                texts.append((os.fspath(path), f.read()))
        super().__init__(texts, builtin)
