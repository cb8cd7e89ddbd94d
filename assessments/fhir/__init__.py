"""HL7 FHIR R4 views of the intake, the answers and the summary, for clinic systems.

* ``questionnaire``: the intake as a FHIR ``Questionnaire``, generated from
  ``assessments.intake`` (never a hand-kept copy);
* ``response``: an answer set as a ``QuestionnaireResponse`` and back again, refusing a
  response that does not fit the Questionnaire with the ``linkId`` and the reason;
* ``bundle``: one assessment as a ``Bundle`` (the response plus a ``DocumentReference``
  carrying the summary PDF);
* ``export``: the Django side (stored assessments and PDFs -> NDJSON lines);
* ``canonical``: the URLs that name it all (settings); ``views``/``urls``: the public
  ``/fhir/Questionnaire/hairtx-intake``.

The first three are plain functions over ``fhir.resources`` models (FHIR R4B, whose
Questionnaire, QuestionnaireResponse, DocumentReference and Bundle are those of R4): no
HTTP, no database. Every resource is built through the ``fhir.resources`` models, so
what leaves hairtx has been validated against the FHIR structure definitions.
"""
