"""The top-level API is plain: functions are functions and packages are modules, as readers and tools see them."""

import inspect
import types

import framing


def test_feature_tables_is_a_plain_function_and_features_a_plain_package():
    import framing.features.headlines  # importing a submodule binds the package to framing.features

    assert inspect.isfunction(framing.feature_tables)
    assert type(framing.features) is types.ModuleType
    assert not callable(framing.features)
    assert framing.feature_tables is framing.features.feature_tables


def test_every_name_in_all_is_importable():
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name
