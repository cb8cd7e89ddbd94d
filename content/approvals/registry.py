"""Which content models need a clinician's sign-off, and how their values are handled.

A model is registered once (`register(Model)`, called from `ContentConfig.ready`); its
patient-facing values are then every concrete, editable field except the bookkeeping
ones below. Values travel as strings (`Field.value_to_string`) so a proposal is plain
JSON and goes back through `Field.to_python`, whatever the field type.
"""

import hashlib
import json

from django.db import models

# Set by the publishing workflow itself, not proposed by editors:
# status by approval, the review stamp by the approving reviewer.
BOOKKEEPING_FIELDS = frozenset(
    {"status", "last_reviewed_on", "reviewed_by", "default_content_hash", "updated_at"}
)

_REGISTERED: list[type[models.Model]] = []


def register(*content_models: type[models.Model]) -> None:
    for model in content_models:
        if model not in _REGISTERED:
            _REGISTERED.append(model)


def registered_models() -> tuple[type[models.Model], ...]:
    return tuple(_REGISTERED)


def is_registered(model) -> bool:
    return model in _REGISTERED


def tracked_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in BOOKKEEPING_FIELDS
    ]


def values_of(obj) -> dict[str, str | None]:
    """The object's patient-facing values as strings (None when empty), keyed by name."""
    return {
        field.name: None if field.value_from_object(obj) is None else field.value_to_string(obj)
        for field in tracked_fields(type(obj))
    }


def apply_values(obj, values: dict[str, str | None]) -> None:
    """Write proposed values onto an (unsaved) object."""
    for field in tracked_fields(type(obj)):
        if field.name in values:
            setattr(obj, field.attname, field.to_python(values[field.name]))


def fingerprint(values: dict[str, str | None]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def field_labels(model) -> dict[str, str]:
    return {field.name: str(field.verbose_name) for field in tracked_fields(model)}


def readable_values(model, values: dict[str, str | None]) -> dict[str, str | None]:
    """Values as a reviewer reads them: a linked item by its name, not its number."""
    readable = dict(values)
    for field in tracked_fields(model):
        if field.is_relation and values.get(field.name):
            related = field.related_model.objects.filter(pk=values[field.name]).first()
            readable[field.name] = str(related) if related else values[field.name]
    return readable
