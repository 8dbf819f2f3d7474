"""Calibrating scores: an isotonic map from raw scores to probabilities, and how calibrated scores are.

Used by the ``svpol_confidence`` component (:mod:`svpol.components.confidence`).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Dict, List, Sequence, Tuple


class Calibrator:
    """A monotone map from raw scores to calibrated probabilities (isotonic regression).

    Fitted with the pool-adjacent-violators algorithm; between fitted points the
    map interpolates linearly, outside them it is constant.
    """

    def __init__(self, xs: Sequence[float] = (), ys: Sequence[float] = ()) -> None:
        if len(xs) != len(ys):
            raise ValueError("xs and ys must have the same length")
        self.xs = [float(x) for x in xs]
        self.ys = [float(y) for y in ys]

    @classmethod
    def fit(cls, scores: Sequence[float], outcomes: Sequence[bool]) -> "Calibrator":
        """Fit on raw scores and whether each prediction was right."""
        if len(scores) != len(outcomes):
            raise ValueError("scores and outcomes must have the same length")
        pairs = sorted(zip(scores, outcomes))
        # Blocks of (sum of outcomes, count, mean score); merge while not increasing.
        blocks: List[List[float]] = []
        for score, outcome in pairs:
            blocks.append([float(outcome), 1.0, float(score)])
            while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
                total, count, mean = blocks.pop()
                prev = blocks[-1]
                prev[2] = (prev[2] * prev[1] + mean * count) / (prev[1] + count)
                prev[0] += total
                prev[1] += count
        return cls([b[2] for b in blocks], [b[0] / b[1] for b in blocks])

    def __call__(self, score: float) -> float:
        if not self.xs:
            return float(score)
        if score <= self.xs[0]:
            return self.ys[0]
        if score >= self.xs[-1]:
            return self.ys[-1]
        i = bisect_right(self.xs, score)
        x0, x1, y0, y1 = self.xs[i - 1], self.xs[i], self.ys[i - 1], self.ys[i]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1

    def to_dict(self) -> Dict[str, List[float]]:
        """The fitted points, JSON-able: ``{"xs": [...], "ys": [...]}``."""
        return {"xs": self.xs, "ys": self.ys}

    @classmethod
    def from_dict(cls, data: Dict[str, List[float]]) -> "Calibrator":
        """The calibrator :meth:`to_dict` wrote."""
        return cls(data.get("xs", []), data.get("ys", []))


def reliability_table(
    scores: Sequence[float], outcomes: Sequence[bool], n_bins: int = 10
) -> Tuple[List[Dict[str, float]], float]:
    """Bin predictions by score; return the bins and the expected calibration error.

    Each bin has ``low``, ``high``, ``count``, ``mean_score`` and ``accuracy`` (the
    share of right predictions); the ECE is the count-weighted mean of
    |accuracy - mean_score|.
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be positive, got {n_bins}")
    bins: List[Dict[str, float]] = []
    total = len(scores)
    ece = 0.0
    for b in range(n_bins):
        low, high = b / n_bins, (b + 1) / n_bins
        members = [(s, o) for s, o in zip(scores, outcomes)
                   if low <= s < high or (b == n_bins - 1 and s == high)]
        if not members:
            continue
        mean = sum(s for s, _ in members) / len(members)
        acc = sum(1 for _, o in members if o) / len(members)
        bins.append({"low": low, "high": high, "count": len(members), "mean_score": mean, "accuracy": acc})
        ece += len(members) / total * abs(acc - mean)
    return bins, ece
