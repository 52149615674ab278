#!/usr/bin/env bash
# Checks the demo report (French and English), a report with a consultant's firm, and the
# blank grid against PDF/UA-1 with two checkers from PyPI, installed in a virtual environment
# under target/ (or $TCM_PDF_UA_VENV; nothing system-wide):
#   - page (`page-validation`): a PDF/UA-1 and PDF/A validator; prints each failed rule;
#   - outloud: PDF/UA-1 and WCAG 2.2 checks, including ones a validator cannot make.
#
#   scripts/check-pdf-ua.sh          exits non-zero when page finds a failed rule
#
# veraPDF, the reference validator, is a Java download outside the reachable registries.
# Needs: cargo, python3 with venv.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
venv="${TCM_PDF_UA_VENV:-$root/target/pdf-ua-venv}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --upgrade page-validation outloud

echo "Rendering the demo documents…"
(cd "$root" && cargo run --quiet -p tcm-report --example demo_report -- \
  --pdf "$work/rapport.pdf" --grid "$work/grille.pdf")
(cd "$root" && cargo run --quiet -p tcm-report --example demo_report -- \
  --pdf "$work/report-en.pdf" --lang en --firm "Cabinet Conseil & Associés")

status=0
for file in "$work"/rapport.pdf "$work"/report-en.pdf "$work"/grille.pdf; do
  "$venv/bin/python" - "$file" <<'PY' || status=1
import sys
import page

report = page.validate_pdf(sys.argv[1], profile="ua1")
print(f"page, PDF/UA-1, {sys.argv[1].rsplit('/', 1)[-1]}: "
      f"{'conformant' if report.is_compliant else 'NOT conformant'}, "
      f"{report.rules.failed} of {report.rules.total} rules failed")
for failure in report.failures:
    print(f"  {failure.rule_id}: {failure.message}")
sys.exit(0 if report.is_compliant else 1)
PY
  "$venv/bin/outloud" --fail-on never --no-info "$file" || true
done
exit "$status"
