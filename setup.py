"""Builds the extension and the binary with the project's own CMake build
(see pyproject.toml). SKILLSCORE_BUILD_DIR: an already configured and built
tree to take them from (the packaging test uses the ctest build tree instead
of compiling everything twice)."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def version() -> str:
    m = re.search(r"project\(skillscore VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text())
    return m.group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        prebuilt = os.environ.get("SKILLSCORE_BUILD_DIR")
        build = Path(prebuilt) if prebuilt else ROOT / "build-python"
        if not prebuilt:
            generator = ["-G", "Ninja"] if shutil.which("ninja") else []
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), *generator,
                            "-DCMAKE_BUILD_TYPE=Release", "-DSKILLSCORE_BUILD_TESTS=OFF",
                            "-DSKILLSCORE_BUILD_PYTHON=ON", f"-DPython3_EXECUTABLE={sys.executable}"],
                           check=True)
            subprocess.run(["cmake", "--build", str(build), "--target", "_skillscore", "skillscore",
                            "-j", str(os.cpu_count() or 2)], check=True)
        module = Path(self.get_ext_fullpath(ext.name))
        module.parent.mkdir(parents=True, exist_ok=True)
        built = sorted((build / "python").glob("_skillscore*.so"))
        if not built:
            sys.exit(f"setup.py: no _skillscore module under {build / 'python'} (configure with -DSKILLSCORE_BUILD_PYTHON=ON)")
        shutil.copyfile(built[0], module)
        bindir = module.parent / "bin"
        bindir.mkdir(exist_ok=True)
        shutil.copy2(build / "skillscore", bindir / "skillscore")


setup(
    version=version(),
    ext_modules=[Extension("skillscore._skillscore", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    # Beside the CMake tree, not in build/ (the project's own CMake build).
    options={"build": {"build_base": "build-python/setuptools"}},
    zip_safe=False,
)
