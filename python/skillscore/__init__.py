"""skillscore for Python: the skill-fleet reference's API, bit for bit.

    >>> import skillscore
    >>> scores = skillscore.assess_skill_quality(text)            # SkillQualityScores.to_dict()
    >>> scores = skillscore.assess_skill_quality(text, weights={"pattern_count": 0.2})
    >>> report = skillscore.assess("skills/x/SKILL.md", profile="strict")  # quality_assessment.json
    >>> skillscore.skill_quality_metric(example, prediction)      # a DSPy metric

The scoring is the C++ library of the `skillscore` command (the same rules,
the same floats); this package adds no scoring of its own.
"""
from __future__ import annotations

import json
import math
import numbers
import os
from typing import Any, Mapping, Optional

from . import _skillscore

__version__ = _skillscore.__version__
DEFAULT_PROFILE = "skill-fleet-v2"

__all__ = [
    "DEFAULT_PROFILE",
    "FrontmatterError",
    "assess",
    "assess_skill_quality",
    "skill_quality_metric",
    "skill_quality_metric_detailed",
]


class FrontmatterError(ValueError):
    """The frontmatter cannot be used at all (a scalar or a list, an impossible
    date, ...): the reference raises on such text, so this API raises too."""


def _weight_table(weights: Optional[Mapping[str, Any]], profile: str) -> Optional[dict]:
    # As the reference's `weights.get(key, fallback)`: keys that name no score
    # term are never read, so whatever they hold is ignored; the others must
    # be numbers (the reference multiplies by them).
    if weights is None:
        return None
    table = {}
    for key in _skillscore.score_terms(profile):
        if key not in weights:
            continue
        value = weights[key]
        if not isinstance(value, numbers.Real):
            raise TypeError(f"weight of {key!r} must be a number, not {type(value).__name__}")
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"weight of {key!r} must be finite, not {value!r}")
        table[key] = value
    return table


def _assess_text(text: str, profile: str, weights, path: str) -> dict:
    if not isinstance(text, str):
        raise TypeError(f"skill content must be str, not {type(text).__name__}")
    # The library reads text as the reference's CLI does (universal newlines).
    # Known difference: on a str holding "\r" the reference's regexes see the
    # "\r"; here it is a line break, as in a file.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return json.loads(_skillscore.assess_text(text, profile, _weight_table(weights, profile), path))


def assess_skill_quality(skill_content: str, weights: Optional[Mapping[str, float]] = None) -> dict:
    """What the reference's ``assess_skill_quality(skill_content, weights).to_dict()`` returns.

    ``weights`` is the reference's custom table: when given (even empty), a
    score term it does not name takes the reference's per-term fallback, not
    the default table's weight. Raises FrontmatterError where the reference
    itself raises (unusable frontmatter). "\\r\\n" and "\\r" are read as line
    breaks, as the reference's CLI reads files (the reference's function itself,
    given such a str, would see the "\\r").
    """
    a = _assess_text(skill_content, DEFAULT_PROFILE, weights, "SKILL.md")
    for issue in a["issues"]:
        if issue["rule"] == "SS002":
            raise FrontmatterError(issue["message"])
    return a["metrics"]


def assess(path_or_text, profile: str = DEFAULT_PROFILE, weights: Optional[Mapping[str, float]] = None) -> dict:
    """The assessment dict (what ``skillscore score`` writes as quality_assessment.json).

    ``path_or_text``: an ``os.PathLike`` or a str naming an existing file is read
    as the CLI reads it (strict UTF-8, universal newlines); any other str is
    the skill's text. ``profile``: a built-in profile name or a rule file.
    """
    if isinstance(path_or_text, os.PathLike) or (
        isinstance(path_or_text, str) and "\n" not in path_or_text and os.path.isfile(path_or_text)
    ):
        return json.loads(_skillscore.assess_file(os.fspath(path_or_text), profile, _weight_table(weights, profile)))
    return _assess_text(path_or_text, profile, weights, "SKILL.md")


def _skill_content(prediction) -> Any:
    # The reference's duck typing, in its order.
    if hasattr(prediction, "skill_content"):
        return prediction.skill_content
    if hasattr(prediction, "content"):
        return prediction.content
    if hasattr(prediction, "output"):
        return prediction.output
    if isinstance(prediction, str):
        return prediction
    return ""


def _empty_scores() -> dict:
    # SkillQualityScores().to_dict(): the dataclass defaults.
    return {
        "frontmatter_completeness": 0.0, "has_overview": False, "has_when_to_use": False,
        "has_when_to_use_section": False, "has_quick_start": False, "has_quick_reference": False,
        "pattern_count": 0, "has_anti_patterns": False, "has_production_patterns": False,
        "has_key_insights": False, "has_common_mistakes": False, "has_red_flags": False,
        "has_real_world_impact": False, "code_examples_count": 0, "code_examples_quality": 0.0,
        "has_core_principle": False, "has_strong_guidance": False, "has_good_bad_contrast": False,
        "description_quality": 0.0, "uses_progressive_disclosure": False, "skill_style_detected": "",
        "overall_score": 0.0, "issues": [], "strengths": [],
    }


def skill_quality_metric(example, pred, trace=None) -> float:
    """A DSPy metric: the overall score of the prediction's skill content
    (``pred.skill_content``, ``.content``, ``.output``, or ``pred`` itself when
    it is a str); 0.0 when there is none. ``example`` and ``trace`` are unused,
    as in the reference."""
    content = _skill_content(pred)
    if not content:
        return 0.0
    return assess_skill_quality(content)["overall_score"]


def skill_quality_metric_detailed(example, pred, trace=None) -> tuple:
    """As skill_quality_metric, with the scores: ``(overall_score, scores_dict)``
    (the reference returns its SkillQualityScores object; this is its to_dict())."""
    content = _skill_content(pred)
    if not content:
        return 0.0, _empty_scores()
    scores = assess_skill_quality(content)
    return scores["overall_score"], scores
