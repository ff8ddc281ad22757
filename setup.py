"""Package discovery, which pyproject.toml cannot express for one mapping: ``lexicons/`` lives at the top
of the repository as data and ships inside the package as ``framing.lexicons_data``.

Every folder below ``framing/`` and ``lexicons/`` is a package (data folders as namespace packages), so a
new folder of word lists or templates ships without a change here, and setuptools has no folder of data
that it must warn is missing from the configuration. Everything else is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

_SKIP = ["*__pycache__*"]
packages = find_namespace_packages(include=["framing", "framing.*"], exclude=_SKIP)
packages += ["framing.lexicons_data"] + [
    f"framing.lexicons_data.{name}" for name in find_namespace_packages(where="lexicons", exclude=_SKIP)
]
setup(packages=packages, package_dir={"framing.lexicons_data": "lexicons"})
