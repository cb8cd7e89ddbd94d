#!/usr/bin/env bash
# One command to a running site: virtualenv, install, migrate, load the guide, then the
# web server and one background worker (it makes the summary PDFs) beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-venv.sh
mkdir -p var
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_guide
.venv/bin/python manage.py run_worker &
worker_pid=$!
# The worker stops with the server: it finishes the PDF in hand, then exits.
trap 'kill -TERM "$worker_pid" 2>/dev/null || true; wait "$worker_pid" 2>/dev/null || true' EXIT
echo "hairtx is starting on http://127.0.0.1:8000 with a background worker (Ctrl+C stops both)"
.venv/bin/python manage.py runserver 127.0.0.1:8000
