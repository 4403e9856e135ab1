#!/usr/bin/env bash
# What RnnShapeAnalyzers adds to a command-line build of a large TorchSharp project.
#
# Generates the analyzer benchmarks' corpus (Benchmarks/Analyzer/TorchSharpModelCorpus.cs: 200
# model files, each a module with an embedding and 3-6 recurrent layers in fields, about 48,700
# lines) as one project referencing TorchSharp
# 0.107.0, restores it once, then runs `dotnet build --no-incremental` without and with the analyzer,
# alternately, RUNS times each after one untimed warm-up build of each, and prints the median wall
# times and their ratio; also the median CPU time (user + sys of the build and the csc it starts) and
# its ratio, which other work on a shared machine moves much less than wall time. A last build with
# -p:ReportAnalyzer=true -v:d prints the analyzer's own time as the compiler measured it.
#
# SHARED=1 (the default) builds as `dotnet build` does for users: csc runs in the compiler server,
# which loads and JIT-compiles the analyzer once (in the untimed warm-up) and keeps it. The CPU time
# printed is then the client's only; compare wall times. SHARED=0 runs csc as its own process
# (-p:UseSharedCompilation=false, -nodeReuse:false), as on a CI agent that disables the server: the CPU
# time is all the build's, and every "with" build pays for loading and JIT-compiling the analyzer.
#
# The analyzer is toggled with an MSBuild property (-p:RnnShapeAnalyzer=true|false) that adds or
# leaves out the same three DLLs the package puts under analyzers/dotnet/cs (RnnShapeAnalyzers,
# RnnShapeAnalyzers.ShapeRules, RnnShapeAnalyzers.CodeFixes), built once in Release beforehand. Not a
# ProjectReference: --no-incremental rebuilds the whole project graph, so the analyzer projects would
# be recompiled in every "with" run and counted as analyzer overhead.
#
# Usage: eng/build-overhead.sh            (RUNS=3 FILES=200 by default)
#        RUNS=5 FILES=200 WORK=/tmp/x eng/build-overhead.sh
#        SUMMARY=/tmp/x.env eng/build-overhead.sh   also writes the results as key=value lines
# Generated files go to artifacts/build-overhead (git ignores artifacts/), or to $WORK.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
shared="${SHARED:-1}"
files="${FILES:-200}"
work="${WORK:-$repo/artifacts/build-overhead}"
analyzer_dir="$repo/CodeFixes/bin/Release/netstandard2.0"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building the analyzer (Release) and generating $files model files into $work"
dotnet build "$repo/CodeFixes/RnnShapeAnalyzers.CodeFixes.csproj" -c Release -nologo -v:q >/dev/null
for dll in RnnShapeAnalyzers.dll RnnShapeAnalyzers.ShapeRules.dll RnnShapeAnalyzers.CodeFixes.dll; do
  [[ -f "$analyzer_dir/$dll" ]] || { echo "missing $analyzer_dir/$dll" >&2; exit 1; }
done

rm -rf "$work"
mkdir -p "$work/Models"
dotnet run -c Release --project "$repo/Benchmarks/RnnShapeAnalyzers.Benchmarks.csproj" -- generate-models "$work/Models" "$files"

# Stop the repository's Directory.Build.props (TreatWarningsAsErrors) and central package versions
# from applying: this is built like a user's project.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$work/Directory.Packages.props"
cat > "$work/Models/Models.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <RnnShapeAnalyzer Condition="'\$(RnnShapeAnalyzer)' == ''">true</RnnShapeAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <!-- Only the managed TorchSharp.dll is needed to compile. -->
    <PackageReference Include="TorchSharp" Version="0.107.0" />
  </ItemGroup>
  <ItemGroup Condition="'\$(RnnShapeAnalyzer)' == 'true'">
    <Analyzer Include="$analyzer_dir/RnnShapeAnalyzers.dll" />
    <Analyzer Include="$analyzer_dir/RnnShapeAnalyzers.ShapeRules.dll" />
    <Analyzer Include="$analyzer_dir/RnnShapeAnalyzers.CodeFixes.dll" />
  </ItemGroup>
</Project>
EOF

echo "== restoring once"
dotnet restore "$work/Models/Models.csproj" -nologo -v:q

build() { # $1 = true|false; extra arguments follow
  local with="$1"; shift
  local server=()
  [[ "$shared" == 1 ]] || server=(-nodeReuse:false -p:UseSharedCompilation=false)
  dotnet build "$work/Models/Models.csproj" --no-incremental --no-restore -c Release -nologo \
    "${server[@]}" -p:RnnShapeAnalyzer="$with" "$@"
}

timed_build() { # prints "wall cpu" in seconds; cpu = user + sys of the build and its children (csc)
  local TIMEFORMAT='%R %U %S'
  { time build "$1" -v:q >"$work/last-build.log" 2>&1; } 2>"$work/last-time.txt" \
    || { cat "$work/last-build.log" >&2; exit 1; }
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/last-time.txt"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== warm-up (not counted): one build without, one with the analyzer"
timed_build false >/dev/null
timed_build true >/dev/null

wall_without=(); cpu_without=(); wall_with=(); cpu_with=()
for ((i = 1; i <= runs; i++)); do
  out=$(timed_build false); read -r w c <<<"$out"; wall_without+=("$w"); cpu_without+=("$c")
  echo "run $i without analyzer: wall $w s, cpu $c s"
  out=$(timed_build true); read -r w c <<<"$out"; wall_with+=("$w"); cpu_with+=("$c")
  echo "run $i with analyzer:    wall $w s, cpu $c s"
done

m_without=$(printf '%s\n' "${wall_without[@]}" | median)
m_with=$(printf '%s\n' "${wall_with[@]}" | median)
ratio=$(awk -v a="$m_with" -v b="$m_without" 'BEGIN { printf "%.3f", a / b }')
c_without=$(printf '%s\n' "${cpu_without[@]}" | median)
c_with=$(printf '%s\n' "${cpu_with[@]}" | median)
cpu_ratio=$(awk -v a="$c_with" -v b="$c_without" 'BEGIN { printf "%.3f", a / b }')
# Run i "with" directly follows run i "without": the median of these pair ratios is less moved by load
# that changes during the script than the ratio of the medians.
pair_ratios() { # $1 = name of the "with" array, $2 = name of the "without" array
  local -n a="$1" b="$2"
  for ((j = 0; j < ${#a[@]}; j++)); do awk -v x="${a[j]}" -v y="${b[j]}" 'BEGIN { printf "%.3f\n", x / y }'; done
}
pairs_wall=$(pair_ratios wall_with wall_without | tr '\n' ' ')
pairs_cpu=$(pair_ratios cpu_with cpu_without | tr '\n' ' ')
pair_wall=$(pair_ratios wall_with wall_without | median)
pair_cpu=$(pair_ratios cpu_with cpu_without | median)

echo "== analyzer's own time: one more build with -p:ReportAnalyzer=true -v:d (not timed)"
build true -p:ReportAnalyzer=true -v:d >"$work/report-analyzer.log" 2>&1 || { tail -50 "$work/report-analyzer.log" >&2; exit 1; }
# The compiler's report: the total, then a line per analyzer assembly and per analyzer type, with
# seconds and percent first. Only the total, the header and our lines are printed.
grep -E "Total analyzer execution time|Time \(s\)|^[[:space:]]*[<0-9.]+[[:space:]]+[<0-9]+[[:space:]]+RnnShapeAnalyzers" "$work/report-analyzer.log" \
  | sed -e 's/^[[:space:]]*//' || echo "(no ReportAnalyzer lines found in $work/report-analyzer.log)"
# (|| true: with pipefail, a grep that finds nothing would end the script.)
warnings=$({ grep -E "warning RNN00[1-4]" "$work/last-build.log" || true; } | sort -u | wc -l)
own_seconds=$({ grep -E "^[[:space:]]*[<0-9.]+[[:space:]]+[<0-9]+[[:space:]]+RnnShapeAnalyzers\.RecurrentShapeAnalyzer" "$work/report-analyzer.log" || true; } | head -1 | awk '{ print $1 }')

echo
echo "== result ($runs runs each, $files files, compiler server: $([[ "$shared" == 1 ]] && echo on || echo off))"
echo "wall, median without analyzer: $m_without s   (runs: ${wall_without[*]})"
echo "wall, median with analyzer:    $m_with s   (runs: ${wall_with[*]})"
echo "wall ratio with / without:     $ratio"
echo "cpu,  median without analyzer: $c_without s   (runs: ${cpu_without[*]})"
echo "cpu,  median with analyzer:    $c_with s   (runs: ${cpu_with[*]})"
echo "cpu ratio with / without:      $cpu_ratio"
echo "median of per-run-pair ratios: wall $pair_wall (pairs: $pairs_wall), cpu $pair_cpu (pairs: $pairs_cpu)"
echo "RNN warnings in the last timed build: $warnings"

if [[ -n "${SUMMARY:-}" ]]; then
  cat > "$SUMMARY" <<EOF
runs=$runs
files=$files
shared=$shared
wall_without=$m_without
wall_with=$m_with
wall_ratio=$ratio
cpu_without=$c_without
cpu_with=$c_with
cpu_ratio=$cpu_ratio
pair_wall_ratio=$pair_wall
pair_cpu_ratio=$pair_cpu
report_analyzer_seconds=${own_seconds:-}
rnn_warnings=$warnings
EOF
fi

# The server started for the shared builds is not left behind.
[[ "$shared" == 1 ]] && dotnet build-server shutdown >/dev/null 2>&1 || true
