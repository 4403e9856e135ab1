#!/usr/bin/env bash
# What RnnShapeAnalyzers adds to a command-line build of a large TorchSharp project.
#
# Generates the analyzer benchmarks' corpus (Benchmarks/Analyzer/TorchSharpModelCorpus.cs: 200
# model files, each a module with an embedding and 3-6 recurrent layers in fields, about 48,700
# lines) as one project referencing TorchSharp 0.107.0, restores it once, then runs
# `dotnet build --no-incremental` of it in rounds, each round building it once per variant:
#   without       no analyzer of ours (the SDK's own analyzers and generators run in every variant)
#   registration  FLOORS=1 only: an analyzer with exactly our registrations, doing nothing
#                 (Benchmarks/Analyzer/EmptySemanticModelAnalyzer.cs)
#   binding       FLOORS=1 only: the same, binding each .call(/.forward( and stopping
#                 (Benchmarks/Analyzer/BindingOnlyAnalyzer.cs): the floor under any analyzer that
#                 checks a call by its types
#   with          RnnShapeAnalyzers, the three DLLs the package puts under analyzers/dotnet/cs
# after WARMUP untimed rounds. It prints each variant's median wall time and its ratio to
# "without" (and the median of the ratios within a round, which load that changes during the run
# moves less), and the CPU time of each build: the client's (user + sys of `dotnet build` and its
# children) plus, with the compiler server, what the server process used during the build, read from
# /proc. A last build with -p:ReportAnalyzer=true -v:d prints the analyzer's own time as the compiler
# measured it.
#
# SHARED=1 (the default) builds as `dotnet build` does for users: csc runs in the compiler server
# (VBCSCompiler), which loads and JIT-compiles the analyzer once and keeps it; the warm-up builds let
# its tiered JIT settle (the analyzer's own time fell from 1.3 s to 0.3 s over the first six builds).
# UseSharedCompilation is passed explicitly: an environment variable UseSharedCompilation=false (this
# machine has one) is read by MSBuild as the property and silently turns the server off, which the
# runs before 2026-11-25 21:00 UTC did without saying so. SHARED=0 runs csc as its own process
# (-p:UseSharedCompilation=false, -nodeReuse:false), as a CI agent that disables the server does:
# every build then loads and JIT-compiles every analyzer, ours included.
#
# The analyzer is toggled with an MSBuild property (-p:RnnShapeAnalyzer=true|false) that adds or
# leaves out the DLLs, built once in Release beforehand; not a ProjectReference, because
# --no-incremental rebuilds the whole project graph and the analyzer's own compilation would be
# counted. The floors are built from eng/floor-analyzers the same way.
#
# Usage: eng/build-overhead.sh                 (RUNS=5 WARMUP=3 FILES=200 FLOORS=1 SHARED=1)
#        RUNS=10 FLOORS=0 WORK=/tmp/x eng/build-overhead.sh
#        SUMMARY=/tmp/x.env eng/build-overhead.sh   also writes the results as key=value lines
# Generated files go to artifacts/build-overhead (git ignores artifacts/), or to $WORK.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
warmup="${WARMUP:-3}"
shared="${SHARED:-1}"
files="${FILES:-200}"
floors="${FLOORS:-1}"
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

variants=(without with)
if [[ "$floors" == 1 ]]; then
  variants=(without registration binding with)
  for floor in Registration Binding; do
    dotnet build "$repo/eng/floor-analyzers/FloorAnalyzers.csproj" -c Release -nologo -v:q -p:Floor="$floor" \
      -p:BaseIntermediateOutputPath="$work/floor-obj-$floor/" -o "$work/floor-$floor" >/dev/null
  done
fi

# Stop the repository's Directory.Build.props (TreatWarningsAsErrors) and central package versions
# from applying: this is built like a user's project.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$work/Directory.Packages.props"
cat > "$work/Models/Models.csproj" <<PROJECT
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
  <ItemGroup Condition="'\$(FloorAnalyzer)' != ''">
    <Analyzer Include="\$(FloorAnalyzer)" />
  </ItemGroup>
</Project>
PROJECT

echo "== restoring once"
dotnet restore "$work/Models/Models.csproj" -nologo -v:q

variant_args() { # $1 = variant; sets the array `args`
  case "$1" in
    without) args=(-p:RnnShapeAnalyzer=false) ;;
    with) args=(-p:RnnShapeAnalyzer=true) ;;
    registration) args=(-p:RnnShapeAnalyzer=false "-p:FloorAnalyzer=$work/floor-Registration/RnnShapeAnalyzers.FloorRegistration.dll") ;;
    binding) args=(-p:RnnShapeAnalyzer=false "-p:FloorAnalyzer=$work/floor-Binding/RnnShapeAnalyzers.FloorBinding.dll") ;;
  esac
}

build() { # $1 = variant; extra arguments follow
  local variant="$1"; shift
  local server=(-p:UseSharedCompilation=true) args=()
  [[ "$shared" == 1 ]] || server=(-nodeReuse:false -p:UseSharedCompilation=false)
  variant_args "$variant"
  dotnet build "$work/Models/Models.csproj" --no-incremental --no-restore -c Release -nologo \
    "${server[@]}" "${args[@]}" "$@"
}

ticks=$(getconf CLK_TCK)
# This user's server of this SDK: the one `dotnet build` talks to (another SDK's, or another user's,
# would be a different process). Whatever else uses the same server meanwhile is counted too.
server_pattern="sdk/$(cd "$work" && dotnet --version)/Roslyn/bincore/VBCSCompiler"
server_cpu() { # CPU seconds the compiler server has used so far, and its pid; "- -" without one
  local pid
  pid=$(pgrep -u "$(id -u)" -f "$server_pattern" | head -1 || true)
  if [[ -z "$pid" || ! -r "/proc/$pid/stat" ]]; then echo "- -"; return; fi
  # Fields 14 and 15 (utime, stime) after the ")" that ends the command name.
  awk -v t="$ticks" -v p="$pid" '{ sub(/.*\) /, ""); printf "%s %.3f\n", p, ($12 + $13) / t }' "/proc/$pid/stat"
}

timed_build() { # prints "wall cpu" in seconds; cpu = client + server CPU during the build, "-" if the server changed
  local TIMEFORMAT='%R %U %S' before after
  before=$(server_cpu)
  { time build "$1" -v:q >"$work/last-build.log" 2>&1; } 2>"$work/last-time.txt" \
    || { cat "$work/last-build.log" >&2; exit 1; }
  after=$(server_cpu)
  awk -v b="$before" -v a="$after" -v shared="$shared" '{
      split(b, x, " "); split(a, y, " ");
      client = $2 + $3;
      if (shared != 1) { printf "%.3f %.3f\n", $1, client }
      else if (x[1] == "-" || x[1] != y[1]) { printf "%.3f -\n", $1 }
      else { printf "%.3f %.3f\n", $1, client + y[2] - x[2] }
    }' "$work/last-time.txt"
}

median() { { grep -v '^-$' || true; } | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.3f", a / b }'; }

echo "== warm-up (not counted): $warmup build(s) of each variant, alternately: ${variants[*]}"
for ((i = 1; i <= warmup; i++)); do
  for v in "${variants[@]}"; do timed_build "$v" >/dev/null; done
done

# Round i starts with a different variant (the order rotates), so that whatever favours the first or
# the last build of a round does not favour one variant.
declare -A wall cpu round_wall round_cpu pair_wall pair_cpu
n=${#variants[@]}
for ((i = 1; i <= runs; i++)); do
  line="round $i:"
  for ((k = 0; k < n; k++)); do
    v="${variants[$(((i - 1 + k) % n))]}"
    out=$(timed_build "$v") # an assignment, so that a failed build stops the script (set -e)
    read -r w c <<<"$out"
    wall[$v]+="$w "; cpu[$v]+="$c "; round_wall[$v]="$w"; round_cpu[$v]="$c"
    line+="  $v ${w}s (cpu ${c}s)"
  done
  for v in "${variants[@]}"; do
    pair_wall[$v]+="$(ratio "${round_wall[$v]}" "${round_wall[without]}") "
    pair_cpu[$v]+="$(ratio "${round_cpu[$v]}" "${round_cpu[without]}") "
  done
  echo "$line"
done

echo "== analyzer's own time: one more build with -p:ReportAnalyzer=true -v:d (not timed)"
build with -p:ReportAnalyzer=true -v:d >"$work/report-analyzer.log" 2>&1 || { tail -50 "$work/report-analyzer.log" >&2; exit 1; }
# The compiler's report: the total, then a line per analyzer assembly and per analyzer type, with
# seconds and percent first. Only the total, the header and our lines are printed.
grep -E "Total analyzer execution time|Time \(s\) +% +Analyzer|^[[:space:]]*[<0-9.]+[[:space:]]+[<0-9]+[[:space:]]+RnnShapeAnalyzers" "$work/report-analyzer.log" \
  | sed -e 's/^[[:space:]]*//' || echo "(no ReportAnalyzer lines found in $work/report-analyzer.log)"
# A warning appears twice in the log (as reported, and in the summary): count distinct file:line:id.
warnings=$({ grep -oE "[^ /]+\.cs\([0-9]+,[0-9]+\): warning RNN[0-9]+" "$work/report-analyzer.log" || true; } | sort -u | wc -l)
own_seconds=$({ grep -E "^[[:space:]]*[<0-9.]+[[:space:]]+[<0-9]+[[:space:]]+RnnShapeAnalyzers\.RecurrentShapeAnalyzer" "$work/report-analyzer.log" || true; } | head -1 | awk '{ print $1 }')

m_wall0=$(tr ' ' '\n' <<<"${wall[without]}" | grep . | median)
m_cpu0=$(tr ' ' '\n' <<<"${cpu[without]}" | grep . | median)
echo
echo "== result ($runs rounds after $warmup warm-up rounds, $files files, compiler server: $([[ "$shared" == 1 ]] && echo on || echo off))"
printf '%-13s %9s %7s %11s %9s %7s %11s\n' variant "wall (s)" ratio "round ratio" "cpu (s)" ratio "round ratio"
summary=""
for v in "${variants[@]}"; do
  mw=$(tr ' ' '\n' <<<"${wall[$v]}" | grep . | median)
  mc=$(tr ' ' '\n' <<<"${cpu[$v]}" | grep . | median)
  pw=$(tr ' ' '\n' <<<"${pair_wall[$v]}" | grep . | median)
  pc=$(tr ' ' '\n' <<<"${pair_cpu[$v]}" | grep . | median)
  printf '%-13s %9s %7s %11s %9s %7s %11s\n' "$v" "$mw" "$(ratio "$mw" "$m_wall0")" "$pw" "$mc" "$(ratio "$mc" "$m_cpu0")" "$pc"
  summary+="wall_$v=$mw"$'\n'"wall_ratio_$v=$(ratio "$mw" "$m_wall0")"$'\n'"pair_wall_ratio_$v=$pw"$'\n'
  summary+="cpu_$v=$mc"$'\n'"cpu_ratio_$v=$(ratio "$mc" "$m_cpu0")"$'\n'"pair_cpu_ratio_$v=$pc"$'\n'
  summary+="walls_$v=\"${wall[$v]% }\""$'\n'"cpus_$v=\"${cpu[$v]% }\""$'\n'
done
echo "RNN warnings in the ReportAnalyzer build: $warnings"

if [[ -n "${SUMMARY:-}" ]]; then
  {
    echo "runs=$runs"; echo "warmup=$warmup"; echo "files=$files"; echo "shared=$shared"; echo "floors=$floors"
    printf '%s' "$summary"
    echo "report_analyzer_seconds=${own_seconds:-}"
    echo "rnn_warnings=$warnings"
  } > "$SUMMARY"
fi

# The server started for the shared builds is not left behind.
[[ "$shared" == 1 ]] && dotnet build-server shutdown >/dev/null 2>&1 || true
