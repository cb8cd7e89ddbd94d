"""Clinical governance (issue 14): who may sign off, what they signed, and whether the
running site may ship.

- `models`: `ReviewerProfile` (name, profession, registration shown to patients) and
  `RulesetApproval` (who approved which ruleset version and fingerprint, with a snapshot
  of every rule's trigger and texts so the next version can be compared with it).
- `rulebook`: the rulebook generated from the rules registry, its Markdown form, the
  worked examples and the diff against the last signed-off version. No HTTP.
- `services`: approving a ruleset, the approval covering new assessments, and the
  clinical status (ruleset + guide) the command and the deploy check report.
- `checks`: the deploy system check. `audit`: audit-log receivers for the guide's
  publishing workflow (content sends signals; content never imports assessments).
- `views`/`urls`: the rulebook page in the staff area, with the approval form.
"""
