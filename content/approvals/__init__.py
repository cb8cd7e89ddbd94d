"""Two-person publishing for the guide (issue 14).

An editor's change to anything patients read is kept as a `ContentChange` until a
clinical reviewer approves it (then it is applied and published) or sends it back with
a comment. Nobody decides on their own change. The reviewer sees a word-level diff
against the version patients see now.

- `registry`: which content models need sign-off, and how their values are read,
  fingerprinted and written back (one `register` line per model).
- `models`: `ContentChange`, the proposal and its decision (the history of both steps).
- `diff`: word-level differences between two versions, as safe HTML.
- `services`: propose, approve, send back, and what is published without approval.
- `signals`: `change_recorded`, sent after every step so that the audit log (which
  lives in `assessments`) can record it: `content` never imports `assessments`.
- `admin`: the reviewers' queue and the editors' side of the admin.
"""
