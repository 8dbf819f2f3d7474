"""``python -m training.gpu_kit`` (the same as ``python -m training gpu-kit``, without importing the other commands)."""

from . import app

app(prog_name="python -m training.gpu_kit")
