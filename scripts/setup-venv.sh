#!/usr/bin/env bash
# Create .venv with Python 3.13 and install the project (and, with "test", its test extra).
set -euo pipefail
cd "$(dirname "$0")/.."

extra="${1:-}"
if [ ! -x .venv/bin/python ]; then
  python_bin="$(command -v python3.13 || command -v python3)"
  "$python_bin" -m venv .venv
fi
.venv/bin/python -c 'import sys; assert sys.version_info[:2] == (3, 13), sys.version' \
  || { echo "hairtx needs Python 3.13 (.python-version); found another in .venv" >&2; exit 1; }
stamp=".venv/.installed${extra:+-$extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log="$(mktemp)"
  echo "Installing Python packages into .venv (log: $log)"
  target=".${extra:+[$extra]}"
  # uv installs the same packages as pip in ~10 s instead of ~45 s (a fresh venv with the
  # test extra, measured for issue 24); pip is the fallback if uv cannot be had or fails.
  if ! { .venv/bin/python -m pip install "uv==0.13.10" \
         && .venv/bin/uv pip install --python .venv/bin/python -e "$target"; } >"$log" 2>&1; then
    echo "uv could not install the packages; trying pip (log: $log)"
    if ! { .venv/bin/python -m pip install --upgrade pip \
           && .venv/bin/python -m pip install -e "$target"; } >>"$log" 2>&1; then
      tail -40 "$log" >&2
      exit 1
    fi
  fi
  touch "$stamp"
fi
