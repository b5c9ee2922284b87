"""Benchmark tools, not part of the installed package: synthetic dossiers (synth.py) and the scale
benchmark that times builds of them (scale.py, `make bench`). Run from the project's root:
`python -m benchmarks.scale --sizes 100`.
"""
