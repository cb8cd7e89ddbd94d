#!/usr/bin/env bash
# One command to a running site: virtualenv, install, migrate, load the guide, serve.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-venv.sh
mkdir -p var
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_guide
echo "hairtx is starting on http://127.0.0.1:8000 (Ctrl+C stops it)"
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
