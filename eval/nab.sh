#!/usr/bin/env bash
# Scores the `nab` command on NAB's realTweets corpus with NAB's own scorer (run.py --score --normalize),
# at the fixed threshold 0.5 for all three profiles. Nothing from NAB is copied into this repository:
# the data, labels and scorer come from the NAB checkout given as the first argument.
#
#   eval/nab.sh /path/to/NAB [pipeline/target/outage-detector.jar]
#
# Needs python3 with pandas and simplejson (Debian: apt-get install python3-pandas python3-simplejson).
set -euo pipefail

nab=$(cd "${1:?usage: eval/nab.sh NAB_CHECKOUT [JAR]}" && pwd)
jar=$(realpath "${2:-$(dirname "$0")/../pipeline/target/outage-detector.jar}")
# The first python3 that has the scorer's libraries (a pyenv shim may shadow the system one).
python=${PYTHON:-}
if [ -z "$python" ]; then
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import pandas, simplejson' 2>/dev/null; then python=$p; break; fi
  done
fi
[ -n "$python" ] || { echo "nab.sh: no python3 with pandas and simplejson (set PYTHON)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A NAB tree restricted to realTweets: the scorer normalizes over whatever corpus it is given, so the
# data and the label windows are both cut down to that one category.
cp -r "$nab/nab" "$nab/run.py" "$nab/config" "$work/"
mkdir -p "$work/data" "$work/labels" "$work/results"
cp -r "$nab/data/realTweets" "$work/data/"
"$python" - "$nab/labels/combined_windows.json" "$work/labels/windows.json" <<'PY'
import json, sys
windows = json.load(open(sys.argv[1]))
json.dump({k: v for k, v in windows.items() if k.startswith("realTweets/")}, open(sys.argv[2], "w"), indent=2)
PY
# Ours at the fixed 0.5 in every profile; the null detector (the normalization baseline) at NAB's own
# threshold for it, which is above its constant 0.5, so it detects nothing, as NAB intends.
"$python" - "$nab/config/thresholds.json" "$work/thresholds.json" <<'PY'
import json, sys
nab = json.load(open(sys.argv[1]))
ours = {p: {"threshold": 0.5} for p in ("standard", "reward_low_FP_rate", "reward_low_FN_rate")}
json.dump({"outagedetector": ours, "null": nab["null"]}, open(sys.argv[2], "w"), indent=2)
PY

# Our detector, as a stream over each series; NAB expects results/<detector>/<category>/<detector>_<file>.
java -jar "$jar" nab --input "$work/data/realTweets" --output "$work/raw"
mkdir -p "$work/results/outagedetector/realTweets"
for f in "$work"/raw/*.csv; do
  cp "$f" "$work/results/outagedetector/realTweets/outagedetector_$(basename "$f")"
done

cd "$work"
# The null detector is NAB's normalization baseline (score 0); it is run here, on the same corpus.
"$python" run.py -d null --detect --score --skipConfirmation --dataDir data --windowsFile labels/windows.json \
  --resultsDir results --thresholdsFile thresholds.json >/dev/null
"$python" run.py -d outagedetector --score --normalize --skipConfirmation --dataDir data \
  --windowsFile labels/windows.json --resultsDir results --thresholdsFile thresholds.json | grep -v '^$' | tail -8
echo "--- per-file detections (rows scored >= 0.5) ---"
for f in results/outagedetector/realTweets/outagedetector_*.csv; do
  printf '%-40s %s\n' "$(basename "$f" .csv | sed 's/^outagedetector_//')" \
    "$(awk -F, 'NR > 1 && $3 >= 0.5 { n++ } END { print n + 0 }' "$f")"
done
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp -r results "$KEEP/"; fi
