#!/usr/bin/env bash
# Runs Doyensec's electronegativity over the Electron shell and the renderer together
# (it takes one input directory) and prints its findings.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r electron renderer package.json "$work/"
version=$(node -p "require('electron/package.json').version")
npx electronegativity -i "$work" -o "$work/report.csv" -e "$version" >/dev/null 2>&1 || true
sed "s|$work/||g" "$work/report.csv"
