"""Decision quality (issue 26): the decision recorded at the visit, the regret scale
asked months later, and what both show the clinic.

A sub-package of ``assessments`` rather than an app of its own: a decision and its
follow-ups belong to one assessment (they are deleted with it, by the retention purge or
by the patient) and its migrations sit beside the assessment's. Like ``governance`` and
``fhir``, it keeps its own modules so that other work on the staff pages merges easily.

- ``options``: the options a patient may choose, in the guide's words. No HTTP.
- ``regret``: the Ottawa Decision Regret Scale: its wording, citation and scoring. No HTTP.
- ``schedule``: when a follow-up opens (3 and 12 months after the decision). No HTTP.
- ``calendar``: the ``.ics`` reminder file (RFC 5545, made with ``icalendar``). No HTTP.
- ``models``: ``Decision`` (one per assessment), ``DecisionRevision`` (its history) and
  ``FollowUp`` (the patient's answers, one per wave).
- ``services``: recording a decision and a follow-up, each audited. No HTTP.
- ``insights``, ``charts``, ``insights_context``: the decision-quality blocks of the
  insights page (tables as ``Cell``s, charts as SVG) and what its views add.
- ``fhir``: the regret Questionnaire, the follow-up as a QuestionnaireResponse and the
  decision as an Observation.
- ``forms``/``views``/``urls``: the staff form, the patient's follow-up and reminder.
"""
