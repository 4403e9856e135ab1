using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>
    /// The whole user journey on the seed sample, with the packed nupkg restored from a local feed:
    /// build shows the expected warnings (read from SARIF), dotnet format applies the fixes, the fixed
    /// sample builds clean and runs to completion on real TorchSharp.
    /// </summary>
    [Collection(PackedAnalyzerCollection.Name)]
    public sealed class SeedSampleEndToEndTests
    {
        private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);
        private static readonly string[] RuleIds = { "RNN001", "RNN002", "RNN003", "RNN004" };

        private readonly PackedAnalyzerFixture _package;
        private readonly ITestOutputHelper _output;

        public SeedSampleEndToEndTests(PackedAnalyzerFixture package, ITestOutputHelper output)
        {
            _package = package;
            _output = output;
        }

        [Fact]
        public void SeedSampleWarnsWhereExpectedAndRunsAfterDotnetFormatAppliesTheFixes()
        {
            var sample = PackedSample.Copy(_package);
            var expected = ExpectMarkers.Read(File.ReadAllLines(Path.Combine(sample, "Program.cs")));
            Assert.Equal(4, expected.Count);

            var before = BuildAndReadWarnings(sample, "before.sarif");
            Assert.Equal(expected, before);

            var format = DotNetCli.Run(sample, StepTimeout, new[] { "format", "analyzers", "SeedExamples.csproj", "--severity", "warn", "--verbosity", "normal", "--diagnostics" }.Concat(RuleIds).ToArray());
            _output.WriteLine(format.Output);
            Assert.True(format.ExitCode == 0, "dotnet format failed:\n" + format.Output);
            Assert.DoesNotContain("Unable to fix", format.Output, StringComparison.Ordinal);

            var fixedSource = File.ReadAllText(Path.Combine(sample, "Program.cs"));
            _output.WriteLine(fixedSource);
            var after = BuildAndReadWarnings(sample, "after.sarif");
            Assert.Empty(after);

            var run = DotNetCli.Run(sample, StepTimeout, "run", "--no-build");
            _output.WriteLine(run.Output);
            Assert.True(run.ExitCode == 0, "the fixed sample failed:\n" + run.Output);
            Assert.DoesNotContain("RuntimeError", run.Output, StringComparison.Ordinal);
            Assert.Contains("Example 1: output [10, 32, 20], hidden [1, 32, 20]", run.Output, StringComparison.Ordinal);
            Assert.Contains("Example 3: output [10, 32, 20], hidden [2, 32, 20]", run.Output, StringComparison.Ordinal);
            Assert.Contains("All three examples ran.", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void UnfixedSampleThrowsInLibTorchWhereTheAnalyzerWarned()
        {
            var sample = PackedSample.Copy(_package);
            var build = DotNetCli.Run(sample, StepTimeout, "build", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "build failed:\n" + build.Output);

            var run = DotNetCli.Run(sample, StepTimeout, "run", "--no-build");
            _output.WriteLine(run.Output);
            // Example 1, the article's "correct" one, already throws, on the line the analyzer flagged.
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("Expected hidden size 1 10 20, got [1, 32, 20]", run.Output, StringComparison.Ordinal);
            Assert.Contains("Program.cs:line " + ExpectMarkers.Read(File.ReadAllLines(Path.Combine(sample, "Program.cs"))).Min(w => w.Line), run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("All three examples ran.", run.Output, StringComparison.Ordinal);
        }

        private SortedSet<(string Id, int Line)> BuildAndReadWarnings(string sample, string sarifName)
        {
            var sarif = Path.Combine(sample, sarifName);
            var build = DotNetCli.Run(sample, StepTimeout, "build", "--no-incremental", "-nodeReuse:false", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
            _output.WriteLine(build.Output);
            Assert.True(build.ExitCode == 0, "build failed:\n" + build.Output);

            var warnings = new SortedSet<(string, int)>();
            using var document = JsonDocument.Parse(File.ReadAllText(sarif));
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    var id = result.GetProperty("ruleId").GetString()!;
                    if (!id.StartsWith("RNN", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var line = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();
                    warnings.Add((id, line));
                }
            }

            return warnings;
        }
    }
}
