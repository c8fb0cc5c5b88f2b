# Type stubs of the normkit package (normkit/__init__.py).
from ._errors import NotFoundError as NotFoundError
from ._errors import RuleError as RuleError
from ._errors import RunError as RunError
from ._errors import UnknownSchemeError as UnknownSchemeError
from ._normkit import DateFinder as DateFinder
from ._normkit import HeaderCleaner as HeaderCleaner
from ._normkit import Normalizer as Normalizer
from ._normkit import __version__ as __version__
from ._normkit import icu_transform as icu_transform
from ._normkit import nearest_schemes as nearest_schemes
from ._normkit import schemes as schemes
from ._normkit import Pipeline as _Pipeline
from ._normkit import Transliterator as _Transliterator
from ._normkit import VariantIndex as _VariantIndex
from os import PathLike
from typing import Iterable, Union

class Transliterator(_Transliterator):
    def __init__(self, scheme: str, reverse: bool = False) -> None: ...

class Pipeline(_Pipeline):
    def __init__(self, recipe: str = "news") -> None: ...

class VariantIndex(_VariantIndex):
    def __init__(
        self, lexicons: Iterable[Union[str, PathLike[str]]] = (), builtin: bool = True
    ) -> None: ...
