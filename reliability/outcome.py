"""What one case of the harness reports: tries, things lost, and the tries that went wrong."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    case: str
    tried: int = 0
    lost: int = 0  # sets, sessions or files that did not survive
    problems: list[str] = field(default_factory=list)  # one line per try that went wrong

    @property
    def ok(self) -> int:
        """Tries that passed every check."""
        return self.tried - len(self.problems)

    def fail(self, problem: str) -> None:
        self.problems.append(problem)

    def __str__(self) -> str:
        lines = [f"{self.case}: tried {self.tried}, lost {self.lost}, ok {self.ok}"]
        lines += [f"  - {problem}" for problem in self.problems[:10]]
        return "\n".join(lines)


def table(outcomes: list[Outcome]) -> str:
    """The Markdown table `make reliability` prints (and the README shows)."""
    rows = ["| case | tried | lost | ok |", "|---|---:|---:|---:|"]
    rows += [f"| {o.case} | {o.tried} | {o.lost} | {o.ok} |" for o in outcomes]
    return "\n".join(rows)
