# Type stubs of the extension normkit._normkit (python/src/module.cc).
from typing import Iterable, Optional, Sequence, TypedDict

__version__: str

class DateDict(TypedDict):
    start: int
    end: int
    text: str
    iso: str
    language: Optional[str]

class RemovedLineDict(TypedDict):
    line: int
    text: str
    rule: str

class CleanedDict(TypedDict):
    title: Optional[str]
    published: Optional[str]
    modified: Optional[str]
    updated: Optional[str]
    authors: list[str]
    photo_credits: list[str]
    removed: list[RemovedLineDict]
    kept_whole: bool
    lines: int
    body: str

class SchemeDict(TypedDict):
    id: str
    title: str
    standard: str
    reversible: bool

class ClusterDict(TypedDict):
    canonical: str
    key: str
    in_lexicon: bool
    count: int
    variants: list[tuple[str, int]]

class Normalizer:
    def __init__(
        self,
        form: str = "nfc",
        punct: bool = False,
        quotes: str = "ascii",
        remove_invisibles: bool = True,
        whitespace: bool = True,
        fix_mojibake: bool = False,
        fix_homoglyphs: bool = False,
    ) -> None: ...
    def normalize(self, text: str) -> str: ...
    def is_normalized(self, text: str) -> bool: ...

class Transliterator:
    def __init__(self, scheme: str, reverse: bool = False) -> None: ...
    def transliterate(self, text: str) -> str: ...
    @property
    def scheme(self) -> str: ...
    @property
    def reverse(self) -> bool: ...

def schemes() -> list[SchemeDict]: ...
def nearest_schemes(id: str) -> list[str]: ...
def icu_transform(id: str, text: str) -> str: ...

class DateFinder:
    def __init__(self, languages: Optional[Sequence[str]] = None) -> None: ...
    def parse(self, line: str) -> Optional[str]: ...
    def find(self, text: str) -> list[DateDict]: ...
    @property
    def languages(self) -> list[str]: ...

class HeaderCleaner:
    def __init__(self, languages: Optional[Sequence[str]] = None) -> None: ...
    def clean(self, article: str, title: str = "") -> CleanedDict: ...

class VariantIndex:
    def __init__(
        self, lexicons: Sequence[tuple[str, str]] = (), builtin: bool = True
    ) -> None: ...
    def key(self, word: str) -> str: ...
    def canonical(self, word: str) -> Optional[str]: ...
    def apply(self, text: str) -> str: ...
    def discover(
        self, texts: Iterable[str], min_count: int = 1, min_spellings: int = 2
    ) -> list[ClusterDict]: ...

class PipelineAudit:
    def __init__(self) -> None: ...
    def add(self, other: PipelineAudit) -> None: ...
    @property
    def rules(self) -> dict[tuple[str, str], dict]: ...
    @property
    def date_years(self) -> dict[int, int]: ...
    @property
    def date_months(self) -> dict[str, int]: ...
    @property
    def length_before(self) -> list[int]: ...
    @property
    def length_after(self) -> list[int]: ...
    @property
    def rewrites(self) -> dict[str, dict[str, int]]: ...
    @property
    def not_json_lines(self) -> list[int]: ...
    @property
    def kept_whole_lines(self) -> list[int]: ...

class Pipeline:
    def __init__(self, recipe: str = "news", origin: str = "") -> None: ...
    def process(self, text: str, title: str = "") -> tuple[str, dict]: ...
    def process_jsonl(
        self,
        data: bytes,
        field: str = "text",
        stats: Optional[dict] = None,
        audit: bool = False,
        first_line: int = 1,
    ) -> bytes: ...
    @property
    def name(self) -> str: ...

def run_command_line(args: Sequence[str]) -> int: ...
