"""The production profile's tests. The lead checks in profile.py are plain asserts: pytest shows
their values only in modules it rewrites, by itself test files and conftest.py alone."""

import pytest

pytest.register_assert_rewrite("tests.production.profile")
