"""Where the tests find the shared data and the normkit binary (set by
ctest; see python/CMakeLists.txt)."""
import os
import pathlib

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("NORMKIT_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))
SHARED_DIR = pathlib.Path(os.environ.get("NORMKIT_SHARED_DIR", SOURCE_DIR.parent / "shared"))


def shared_file(relative):
    """A file of ../shared, or a skip with a message (a failure under CI=1)."""
    path = SHARED_DIR / relative
    if not path.exists():
        message = f"{path} not found: the shared data sits beside the checkout as ../shared"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def article():
    return shared_file("samples/seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def normkit_bin():
    binary = os.environ.get("NORMKIT_BIN")
    if not binary or not os.access(binary, os.X_OK):
        pytest.skip("NORMKIT_BIN (the normkit binary) is not set; run the tests through ctest")
    return binary
