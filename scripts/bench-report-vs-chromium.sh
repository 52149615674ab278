#!/usr/bin/env bash
# Times our PDF report against Debian's Chromium printing the same content as HTML, side by
# side in one run, on the demo assessment (TCM-92 grid, five respondents, the charts, the
# roadmap, and the follow-up over AUDITS audits: the workshop after yearly self-assessments).
#
#   scripts/bench-report-vs-chromium.sh [RUNS] [AUDITS]     (default 10 runs, 4 audits)
#
# Both sides are whole processes, start-up included: ours renders the PDF (and nothing else);
# Chromium loads the HTML rendering of the same report and prints it to PDF. Uses hyperfine
# when installed, otherwise a loop timed with `date +%s%N` that prints each side's median.
# Needs: cargo, chromium (apt-get install -y chromium), pdftotext (poppler-utils).
set -euo pipefail

runs=${1:-10}
audits=${2:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }

echo "Building the demo renderer (release)…"
cargo build --release --quiet -p tcm-report --example demo_report --manifest-path "$root/Cargo.toml"
target_dir=$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" \
  | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
demo="$target_dir/release/examples/demo_report"

# The HTML that Chromium prints: the same blocks and the same SVG charts as our PDF.
"$demo" --audits "$audits" --html "$work/report.html"

ours=("$demo" --audits "$audits" --pdf "$work/ours.pdf")
chromium_cmd=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run
  --user-data-dir="$work/profile" --no-pdf-header-footer
  --print-to-pdf="$work/chromium.pdf" "file://$work/report.html")

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" -N \
    --command-name "ours (printpdf)" "${ours[*]}" \
    --command-name "chromium --print-to-pdf" "${chromium_cmd[*]}"
else
  median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1e6}'; }
  "${ours[@]}"; "${chromium_cmd[@]}" >/dev/null 2>&1   # warm-up
  : >"$work/ours.ns"; : >"$work/chromium.ns"
  for _ in $(seq "$runs"); do
    start=$(date +%s%N); "${ours[@]}"; end=$(date +%s%N)
    echo $((end - start)) >>"$work/ours.ns"
    start=$(date +%s%N); "${chromium_cmd[@]}" >/dev/null 2>&1; end=$(date +%s%N)
    echo $((end - start)) >>"$work/chromium.ns"
  done
  ours_ms=$(median <"$work/ours.ns")
  chromium_ms=$(median <"$work/chromium.ns")
  echo "ours (printpdf):          median ${ours_ms} ms over $runs runs"
  echo "chromium --print-to-pdf:  median ${chromium_ms} ms over $runs runs"
  awk -v a="$ours_ms" -v b="$chromium_ms" 'BEGIN { printf "chromium / ours: %.1f×\n", b / a }'
fi
# Both documents hold the same sections, the roadmap and the follow-up among them.
for pdf in ours chromium; do
  text=$(pdftotext "$work/$pdf.pdf" - 2>/dev/null | tr '\n' ' ' || true)
  for section in "Feuille de route" "Suivi d’un audit à l’autre" "Annexe"; do
    case "$text" in
      *"$section"*) ;;
      *) echo "the $pdf PDF lacks the section « $section »" >&2; exit 1 ;;
    esac
  done
done
echo "Both PDFs hold the roadmap, the follow-up over $audits audits and the appendix."
echo "Pages: ours $(pdfinfo "$work/ours.pdf" 2>/dev/null | awk '/^Pages/ {print $2}'), chromium $(pdfinfo "$work/chromium.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')"
