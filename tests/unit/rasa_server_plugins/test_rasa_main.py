"""The production Rasa server's command line leaves jax out of the process."""

from __future__ import annotations

import subprocess
import sys

from clinic.paths import REPO_ROOT

# Stands in for Rasa's command line: imports TensorFlow, as `rasa run` does, and tells whether
# jax came with it.
PROBE = """
import runpy, sys, types
rasa_cli = types.ModuleType("rasa.__main__")
def main():
    import tensorflow
    print(sys.argv[0], sys.modules.get("jax") is not None, tensorflow.__name__)
rasa_cli.main = main
sys.modules["rasa.__main__"] = rasa_cli
runpy.run_module("rasa_server_plugins.rasa_main", run_name="__main__")
"""


def test_rasa_runs_its_command_line_with_tensorflow_and_without_jax():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["rasa", "False", "tensorflow"]
