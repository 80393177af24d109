"""The long reliability and security harness: `make reliability` (python -m reliability.run).

One module per family of cases (kill, disk, corrupt, network, fuzz, terminal, security).
Each case returns an Outcome: how many times it was tried, what was lost, what went wrong.
The normal test suite (tests/test_reliability_*.py) runs the same cases a few times each.
"""
