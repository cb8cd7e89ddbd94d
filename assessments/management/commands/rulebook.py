"""Write the rulebook as Markdown: `python manage.py rulebook [--output FILE]`.

Generated from the rules registry (assessments/governance/rulebook.py): every rule,
its trigger, inputs, texts, severities, guide sections and sources, the worked examples
as today's rules answer them, and what changed since the last signed-off ruleset.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from assessments.governance import rulebook, services
from assessments.governance.views import approval_sentence


class Command(BaseCommand):
    help = "Write the rulebook (every rule, its texts and the worked examples) as Markdown."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path,
                            help="File to write (default: print to standard output).")

    def handle(self, *args, output: Path | None = None, **options):
        previous = services.last_other_approval()
        text = rulebook.to_markdown(
            approved_snapshot=previous.rules_snapshot if previous else None,
            approval_line=approval_sentence(services.current_approval()),
        )
        if output is None:
            self.stdout.write(text, ending="")
            return
        output.write_text(text, encoding="utf-8")
        self.stderr.write(f"Rulebook written to {output}")
