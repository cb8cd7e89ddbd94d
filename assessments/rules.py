"""The public face of the rules engine; the rules themselves live in
``assessments.reasoning`` (one module per concern). Import from here."""

from assessments.reasoning import (
    HEADLINES,
    RULES,
    RULESET_VERSION,
    Rule,
    all_texts,
    assess,
    ruleset_fingerprint,
)

__all__ = ["HEADLINES", "RULES", "RULESET_VERSION", "Rule", "all_texts", "assess",
           "ruleset_fingerprint"]
