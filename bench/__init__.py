"""Benchmarks: `make bench` (python -m bench.run) prints the figures of issue 7 as one table."""
