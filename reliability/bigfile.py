"""A big Strong CSV export, made up but in Strong's own comma layout, for the import kills."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
EXERCISES = (
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Lat Pulldown (Cable)",
    "Overhead Press (Barbell)",
    "Spider curl",
)


def strong_export(path: Path, sessions: int, seed: int = 7) -> Path:
    """`sessions` workouts every other day from 2015 on, 3 exercises × 4 sets, rests between."""
    rng = random.Random(seed)
    lines = [HEADER]
    moment = datetime(2015, 1, 5, 18, 0)
    for number in range(sessions):
        date = moment.strftime("%Y-%m-%d %H:%M:%S")
        name = f'"Workout {number % 3 + 1}"'
        for exercise in rng.sample(EXERCISES, 3):
            for order in range(1, 5):
                weight, reps = rng.choice((40, 60, 80, 100)), rng.randint(3, 12)
                lines.append(
                    f'{date},{name},1h 2m,"{exercise}",{order},{weight}.0,{reps}.0,0,0.0,"","",'
                )
                lines.append(
                    f'{date},{name},1h 2m,"{exercise}",Rest Timer,0,0.0,0,'
                    f"{rng.randint(60, 240)}.0,,,"
                )
        moment += timedelta(days=2, minutes=rng.randint(-90, 90))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
