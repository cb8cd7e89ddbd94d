"""``manage.py assess FILE.json``: print the reasoned Summary for one answer set.

FILE holds either an ``IntakeAnswers`` object (intake schema 3, or schema 2 when it says
``"intake_schema": 2``; see ``intake_versions``) or a FHIR ``QuestionnaireResponse`` to the
hairtx Questionnaire (told apart by its ``resourceType``), so answers collected in any
FHIR form tool get the same summary. Exit 0 with the Summary JSON on stdout; exit 2 with
plain messages on stderr when the file cannot be read or the answers are not valid (one
``question: message`` per line; for a response, ``linkId: reason``). A file that is too
large, nests too deep or holds an endless number gets one line and exit 2 too, and no
message passes a control character from the file to the terminal (untrusted_json).
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from pydantic import ValidationError

from assessments.fhir.response import ResponseMismatch, response_answers_as_given
from assessments.intake import IntakeAnswers, field_errors
from assessments.intake_versions import AsGiven, read_answers
from assessments.rules import assess
from assessments.untrusted_json import MAX_BYTES, Refused, loads, printable

INVALID_INPUT = 2


class Command(BaseCommand):
    help = (
        "Read IntakeAnswers JSON, or a FHIR QuestionnaireResponse, from FILE (or - for "
        "stdin) and print the Summary as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to an answers JSON file, or - to read stdin")

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            # Messages quote the file (its linkIds, its resourceType): escape what a
            # terminal would obey, line by line.
            lines = str(error).split("\n")
            raise CommandError("\n".join(printable(line) for line in lines),
                               returncode=error.returncode) from None

    def handle(self, *args, file: str, **options):
        data = self._read_answers(file)
        as_given = None
        if "resourceType" in data:
            answers, as_given = self._answers_from_fhir(file, data)
        else:
            answers, as_given = self._answers(file, data)
        summary = assess(answers, as_given=as_given)
        self.stdout.write(json.dumps(summary.model_dump(mode="json", by_alias=True), indent=2))

    def _answers(self, file: str, data: dict) -> tuple[IntakeAnswers, AsGiven]:
        try:
            return read_answers(data)
        except ValidationError as exc:
            lines = [
                f"{key}: {message}"
                for key, messages in field_errors(exc).items()
                for message in messages
            ]
            raise CommandError(
                f"The answers in {file} are not valid:\n" + "\n".join(lines),
                returncode=INVALID_INPUT,
            ) from None

    def _answers_from_fhir(self, file: str, data: dict) -> tuple[IntakeAnswers, AsGiven]:
        kind = data["resourceType"]
        if kind != "QuestionnaireResponse":
            raise CommandError(
                f"{file} holds a FHIR {kind!s:.60}; assess reads a QuestionnaireResponse "
                "to the hairtx Questionnaire, or an answers file.",
                returncode=INVALID_INPUT,
            )
        try:
            return response_answers_as_given(data)
        except ResponseMismatch as exc:
            raise CommandError(
                f"The QuestionnaireResponse in {file} does not fit the hairtx Questionnaire:\n"
                + "\n".join(str(problem) for problem in exc.problems),
                returncode=INVALID_INPUT,
            ) from None

    def _read_answers(self, file: str) -> dict:
        try:
            if file == "-":
                raw = sys.stdin.buffer.read(MAX_BYTES + 1)
            else:
                with open(file, "rb") as handle:
                    raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(
                f"Cannot read {file}: {exc.strerror or exc}.", returncode=INVALID_INPUT
            ) from None
        if len(raw) > MAX_BYTES:
            raise CommandError(
                f"{file} is larger than {MAX_BYTES:,} bytes; an answers file is a few "
                "kilobytes.", returncode=INVALID_INPUT)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CommandError(
                f"{file} is not UTF-8 text. Save it as UTF-8 and try again.",
                returncode=INVALID_INPUT,
            ) from None
        try:
            data = loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"{file} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
                returncode=INVALID_INPUT,
            ) from None
        except Refused as refusal:
            raise CommandError(f"{file} cannot be read: {refusal}.",
                               returncode=INVALID_INPUT) from None
        if not isinstance(data, dict):
            raise CommandError(
                f"{file} must hold one JSON object of answers, not a {type(data).__name__}.",
                returncode=INVALID_INPUT,
            )
        return data
