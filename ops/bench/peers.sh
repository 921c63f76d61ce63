#!/usr/bin/env bash
# The sync core against its peers in one run (issue 19, item 1): Triangulate's sync suite, then
# pycrdt (Yrs, the Rust Yjs) and loro on the same workload (ops/bench/peers.py says what it is),
# with each figure's ratio. Installs the peers from PyPI in a virtual environment of its own
# (.build/peers-venv); without network or PyPI it says so and runs Triangulate alone.
#   ops/bench/peers.sh [--documents N] [--repeats R]
set -euo pipefail
cd "$(dirname "$0")/../.."
documents=100000
repeats=3
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) documents=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    *) echo "peers.sh: unknown option $1 (use --documents N, --repeats R)" >&2; exit 64 ;;
  esac
done
venv=.build/peers-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check "pycrdt==0.14.13" "loro==1.17.1" >&2; then
  echo "peers.sh: pycrdt and loro could not be installed from PyPI: the peers are skipped" >&2
fi
swift build -c release --product triangulate-bench >&2
ours=$(mktemp)
trap 'rm -f "$ours"' EXIT
.build/release/triangulate-bench --suite sync --documents "$documents" --repeats "$repeats" > "$ours"
"$venv/bin/python" ops/bench/peers.py --documents "$documents" --repeats "$repeats" --triangulate "$ours"
