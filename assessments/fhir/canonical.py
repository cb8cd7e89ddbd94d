"""The URLs that name hairtx's FHIR artefacts, read from the settings in one place."""

from dataclasses import dataclass

from django.conf import settings

from assessments.intake import SCHEMA_VERSION

QUESTIONNAIRE_ID = "hairtx-intake"


@dataclass(frozen=True)
class FhirNames:
    """Canonical URLs of the Questionnaire and code system, and the identifier system.

    ``questionnaire_url`` and ``code_system_url`` are the same for every hairtx site;
    ``identifier_system`` is the clinic's own namespace for reference codes
    (``HAIRTX_FHIR_IDENTIFIER_SYSTEM``), so a health record can tell two clinics'
    ``ABCD2345`` apart.
    """

    questionnaire_url: str
    code_system_url: str
    identifier_system: str
    version: str = SCHEMA_VERSION

    @property
    def versioned_questionnaire(self) -> str:
        """``url|version``: the canonical reference a QuestionnaireResponse carries."""
        return f"{self.questionnaire_url}|{self.version}"


def fhir_names() -> FhirNames:
    return FhirNames(
        questionnaire_url=settings.HAIRTX_FHIR_QUESTIONNAIRE_URL,
        code_system_url=settings.HAIRTX_FHIR_CODE_SYSTEM_URL,
        identifier_system=settings.HAIRTX_FHIR_IDENTIFIER_SYSTEM,
    )
