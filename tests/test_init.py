"""The public face: __all__, docstrings with runnable examples, version."""

from __future__ import annotations

import importlib
import inspect

import pytest

import arnews

PUBLIC_MODULES = ("arnews", "arnews.normalize")


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_names_exist_and_are_sorted_unique(module_name: str) -> None:
    module = importlib.import_module(module_name)
    names = module.__all__
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(module, name), f"{module_name}.__all__ lists missing {name}"


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_public_function_and_class_shows_a_runnable_example(module_name: str) -> None:
    module = importlib.import_module(module_name)
    lacking = []
    for name in module.__all__:
        obj = getattr(module, name)
        if not (inspect.isfunction(obj) or inspect.isclass(obj) or callable(obj)):
            continue
        doc = inspect.getdoc(obj) or ""
        if ">>>" not in doc:
            lacking.append(name)
    assert not lacking, f"{module_name}: no doctest example in {lacking}"


def test_private_modules_stay_private() -> None:
    assert all(not n.startswith("_") for n in arnews.__all__)


def test_version_is_a_string() -> None:
    assert isinstance(arnews.__version__, str)
    assert arnews.__version__.count(".") == 2
