"""The C ROUGE core's build; everything else about the package is in pyproject.toml.

`evalsuite/metrics/_rouge_native.c` needs only a C compiler and pthreads. It is optional: where
it cannot be compiled, pip still installs evalsuite, and ROUGE runs on the pure-Python path
(the same numbers, slower); `evalsuite.metrics.rouge.rouge_core()` says which one is in use.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "evalsuite.metrics._rouge_native",
            sources=["evalsuite/metrics/_rouge_native.c"],
            optional=True,
        )
    ]
)
