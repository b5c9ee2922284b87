"""`pip install` of the project brings its runtime dependencies: pyproject.toml declares every pinned
package of requirements.txt, in a range that admits the pin."""
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def pins(path) -> dict[str, Requirement]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    found = (Requirement(line) for line in lines if line and not line.startswith("-"))
    return {canonicalize_name(r.name): r for r in found}


def declared(root) -> dict[str, Requirement]:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonicalize_name(r.name): r for r in map(Requirement, project["dependencies"])}


def test_every_pinned_runtime_package_is_declared_in_a_range_that_admits_its_pin(root):
    pinned, ranges = pins(root / "requirements.txt"), declared(root)
    assert set(pinned) == set(ranges)
    for name, pin in pinned.items():
        (version,) = [spec.version for spec in pin.specifier]
        assert ranges[name].specifier.contains(version), (name, version, str(ranges[name].specifier))
        assert ranges[name].extras == pin.extras, name


def test_test_only_packages_are_not_runtime_dependencies(root):
    dev = pins(root / "requirements-dev.txt")
    assert {"followthemoney", "networkx", "pytest"} <= set(dev)
    assert not {"followthemoney", "networkx", "pytest", "properdocs"} & set(declared(root))
