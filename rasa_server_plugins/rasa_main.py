"""`python -m rasa_server_plugins.rasa_main ARGS`: Rasa's own command line (`rasa ARGS`) without
jax, as the production Rasa server runs it (`rasa_server_plugins.run`).

TensorFlow imports jax whenever it is installed (tensorflow.lite, to convert JAX models), and the
lock installs it; nothing a Rasa server does uses it, and it costs about 60 MiB resident in each
Rasa process. Marked absent, it makes TensorFlow take its own `except ImportError` path.
"""

from __future__ import annotations

import sys

UNUSED_MODULES = ("jax",)


def main() -> None:
    for name in UNUSED_MODULES:
        sys.modules[name] = None  # type: ignore[assignment]
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
