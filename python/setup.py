"""Builds and installs the normkit Python package with Debian's setuptools
and CMake, no package index needed:

    python3 -m venv --system-site-packages venv
    venv/bin/pip install --no-index --no-build-isolation ./python

The extension normkit._normkit is built by the project's CMake (target
normkit_python) with static normkit libraries, so the installed package
holds the engines itself and needs only Debian's ICU, RE2, utf8proc,
Boost.Locale, zstd and zlib at run time."""
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent  # the repository: CMakeLists.txt, the C++ sources


def version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(normkit VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        jobs = os.environ.get("JOBS") or str(os.cpu_count() or 1)
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                        "-DBUILD_SHARED_LIBS=OFF", "-DNORMKIT_BUILD_TESTS=OFF",
                        "-DNORMKIT_BUILD_BENCHMARKS=OFF", "-DNORMKIT_INSTALL=OFF",
                        f"-DPython3_EXECUTABLE={sys.executable}"], check=True)
        subprocess.run(["cmake", "--build", str(build), "-j", jobs, "--target",
                        "normkit_python"], check=True)
        built = next((build / "python" / "normkit").glob("_normkit*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    name="normkit",
    version=version(),
    description="Normalization, transliteration, dates and header cleaning for scraped text",
    packages=["normkit"],
    package_dir={"normkit": str((HERE / "normkit").relative_to(HERE))},
    package_data={"normkit": ["*.pyi", "py.typed"]},
    ext_modules=[Extension("normkit._normkit", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    zip_safe=False,
)
