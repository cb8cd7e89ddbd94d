"""What a patient may decide at the visit, in the guide's own words.

The values are a public contract like the intake's (the FHIR export and the insights CSV
carry them): add new ones, never rename old ones.
"""

CHOSEN_OPTIONS: dict[str, str] = {
    "topical_minoxidil": "Topical minoxidil (lotion or foam)",
    "oral_minoxidil": "Minoxidil tablets",
    "finasteride": "Finasteride",
    "dutasteride": "Dutasteride",
    "prp": "PRP (platelet-rich plasma)",
    "mesotherapy": "Mesotherapy",
    "prp_with_medicine": "PRP with a standard medicine",
    "hair_transplant": "Hair transplant",
    "devices": "Devices (such as a laser cap or microneedling)",
    "camouflage": "Camouflage (such as hair fibres or a hairpiece)",
    "watchful_waiting": "Watchful waiting",
    "referred_for_diagnosis": "Referred for diagnosis",
    "decided_later": "Decided later",
}

# No treatment decision was made yet: no regret follow-up is asked about these.
NOT_A_CHOICE = frozenset({"decided_later"})


def option_label(value: str) -> str:
    """The option in words; the stored value if it is not (or no longer) known."""
    return CHOSEN_OPTIONS.get(value, value)
