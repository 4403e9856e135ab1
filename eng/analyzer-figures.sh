#!/usr/bin/env bash
# The analyzer's performance figures of issue #5 in one go, printed as a table against the targets:
#
#   1. `dotnet build` of the generated 200-file TorchSharp project, with / without the analyzer: <= 1.02
#      (eng/build-overhead.sh, RUNS=12 WARMUP=6 FILES=200, with the two floor analyzers);
#   2. whole-corpus analysis, RecurrentShapeAnalyzer / EmptySemanticModelAnalyzer (an analyzer that
#      registers the same action and does nothing): <= 1.5 (AnalyzerOverheadBenchmarks);
#   3. Model000.cs (about 300 lines) analysed alone inside that compilation: the analyzer's median
#      added time <= 2 ms (SingleFileBenchmarks, and the analyzer's own time from analyzer-time);
#
# and, without a target, a project without TorchSharp (NoTorchSharpBenchmarks: the analyzer registers
# nothing beyond compilation start, asserted in its setup) and how the analysis of one method grows with 100, 500 and 2000 calls in it
# (LongMethodScalingBenchmarks, and the own time from analyzer-time).
#
# BenchmarkDotNet runs with a short job, the attribute config's job with fewer iterations (the
# command-line counts override NoisyMachineConfig's 5 warm-up / 20 measured): 2 warm-up and 9 measured
# iterations for the corpus and the single file, 1 and 5 for the long methods, which take up to a
# second each. The whole script took 14 minutes on a heavily loaded 2-core machine; its parts are
# sized to take about 10 together on a quiet one.
#
# Usage: eng/analyzer-figures.sh                 (writes to artifacts/analyzer-figures)
#        OUT=/tmp/figures eng/analyzer-figures.sh
#        QUICK=1 eng/analyzer-figures.sh         (a smoke test of the script: 1-2 iterations, 20 files,
#                                                 one build each; its figures mean nothing)
# Every input of the table stays in $OUT: BenchmarkDotNet's reports, analyzer-time's output,
# build-overhead.sh's output, the 1-minute load average every 15 s (loadavg.txt), and figures.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$repo/artifacts/analyzer-figures}"
bench="$repo/Benchmarks/bin/Release/net10.0/RnnShapeAnalyzers.Benchmarks.dll"

if [[ "${QUICK:-0}" == 1 ]]; then
  main_job=(--warmupCount 1 --iterationCount 2)
  scaling_job=(--warmupCount 1 --iterationCount 2)
  time_rounds=(1 5 1)
  build_runs=1 build_warmup=1 build_files=20
else
  main_job=(--warmupCount 2 --iterationCount 9)
  scaling_job=(--warmupCount 1 --iterationCount 5)
  time_rounds=(3 100 3)
  build_runs=12 build_warmup=6 build_files=200
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rm -rf "$out"
mkdir -p "$out"
started=$(date -u '+%Y-%m-%d %H:%M:%S')
commit=$(git -C "$repo" rev-parse --short HEAD)
dirty=$(git -C "$repo" status --porcelain --untracked-files=no | grep -q . && echo " (with uncommitted changes)" || true)

# The machine is shared: what else ran shows in the load average, kept next to the figures.
( while true; do echo "$(date -u '+%H:%M:%S') $(cut -d' ' -f1 /proc/loadavg)"; sleep 15; done ) >"$out/loadavg.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

echo "== building the benchmarks (Release)"
dotnet build "$repo/Benchmarks/RnnShapeAnalyzers.Benchmarks.csproj" -c Release -nologo -v:q >"$out/build-benchmarks.log" 2>&1 \
  || { tail -30 "$out/build-benchmarks.log" >&2; exit 1; }

echo "== BenchmarkDotNet: whole corpus, single file, no TorchSharp (${main_job[*]})"
(cd "$out" && dotnet "$bench" --filter '*AnalyzerOverheadBenchmarks*' '*SingleFileBenchmarks*' '*NoTorchSharpBenchmarks*' "${main_job[@]}" \
  --exporters json --artifacts "$out/bdn-corpus" >"$out/bdn-corpus.log" 2>&1) \
  || { tail -40 "$out/bdn-corpus.log" >&2; exit 1; }

echo "== BenchmarkDotNet: one long method (${scaling_job[*]})"
(cd "$out" && dotnet "$bench" --filter '*LongMethodScalingBenchmarks*' "${scaling_job[@]}" \
  --exporters json --artifacts "$out/bdn-scaling" >"$out/bdn-scaling.log" 2>&1) \
  || { tail -40 "$out/bdn-scaling.log" >&2; exit 1; }

echo "== analyzer-time ${time_rounds[*]} (the analyzer's own time)"
dotnet "$bench" analyzer-time "${time_rounds[@]}" --tsv "$out/analyzer-time.tsv" >"$out/analyzer-time.txt" 2>&1 \
  || { tail -40 "$out/analyzer-time.txt" >&2; exit 1; }

echo "== eng/build-overhead.sh (RUNS=$build_runs WARMUP=$build_warmup FILES=$build_files)"
RUNS=$build_runs WARMUP=$build_warmup FLOORS=1 FILES=$build_files WORK="$out/build-overhead" SUMMARY="$out/build-overhead.env" \
  "$repo/eng/build-overhead.sh" >"$out/build-overhead.txt" 2>&1 \
  || { tail -40 "$out/build-overhead.txt" >&2; exit 1; }

finished=$(date -u '+%Y-%m-%d %H:%M:%S')
load=$(awk '{ print $2 }' "$out/loadavg.txt" | sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%s to %s (median %s, %d samples)", v[1], v[NR], v[int((NR + 1) / 2)], NR }')
{
  echo "Commit $commit$dirty, $started to $finished UTC; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')); .NET SDK $(dotnet --version)."
  echo "1-minute load average during the run: $load."
  echo
  dotnet "$bench" analyzer-figures "$out"
} | tee "$out/figures.md"
echo
echo "(inputs and logs: $out)"
