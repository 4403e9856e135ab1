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

        /// <summary>
        /// Build, read the warnings from SARIF, apply every rule's first fix with dotnet format (all ids
        /// at once, as users run it), rebuild clean and run on libtorch. SeedExamples covers RNN001 and
        /// RNN003 (the batchFirst flip of an explicit argument); CommonMistakes covers all four rules,
        /// including RNN002's rewrite of both LSTM states, RNN003 adding a missing batchFirst and
        /// RNN004's unsqueeze.
        /// </summary>
        [Theory]
        [InlineData("SeedExamples", 4, new[] { "Example 1: output [10, 32, 20], hidden [1, 32, 20]", "Example 3: output [10, 32, 20], hidden [2, 32, 20]", "All three examples ran." })]
        [InlineData("CommonMistakes", 5, new[] { "RNN001 fixed: output [7, 3, 12]", "RNN002 fixed: output [10, 4, 16], h_n [2, 4, 16]", "RNN003 fixed: output [3, 5, 16], h_n [1, 3, 16]", "RNN004 fixed: output [5, 1, 16]", "All four ran." })]
        public void SampleWarnsWhereExpectedAndRunsAfterDotnetFormatAppliesTheFixes(string sampleName, int expectedWarnings, string[] expectedOutput)
        {
            var sample = PackedSample.Copy(_package, sampleName);
            var expected = ExpectMarkers.Read(File.ReadAllLines(Path.Combine(sample, "Program.cs")));
            Assert.Equal(expectedWarnings, expected.Count);

            var before = BuildAndReadWarnings(sample, "before.sarif");
            Assert.Equal(expected, before);

            var format = DotNetCli.Run(sample, StepTimeout, new[] { "format", "analyzers", sampleName + ".csproj", "--severity", "warn", "--verbosity", "normal", "--diagnostics" }.Concat(RuleIds).ToArray());
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
            foreach (var line in expectedOutput)
            {
                Assert.Contains(line, run.Output, StringComparison.Ordinal);
            }
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

        /// <summary>
        /// The analyzer compiles against Roslyn 4.8 (VS 2022 17.8, .NET 8 SDK) and must load in newer
        /// compilers too: here the compiler from Microsoft.Net.Compilers.Toolset 4.14.0 instead of the SDK's.
        /// </summary>
        [Fact]
        public void WarningsAreTheSameWithTheCompilerFromMicrosoftNetCompilersToolset()
        {
            var sample = PackedSample.Copy(_package);
            var props = Path.Combine(sample, "Directory.Build.props");
            File.WriteAllText(props, File.ReadAllText(props).Replace(
                "</Project>",
                """
                  <PropertyGroup>
                    <!-- The .NET 10 SDK uses its own compiler unless RoslynCompilerType is set; any value other than
                         Core or Framework leaves the toolset package's compiler in place. -->
                    <RoslynCompilerType>Package</RoslynCompilerType>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """,
                StringComparison.Ordinal));

            var expected = ExpectMarkers.Read(File.ReadAllLines(Path.Combine(sample, "Program.cs")));
            var (warnings, output) = BuildAndReadWarningsWithOutput(sample, "toolset.sarif", "-v:d");
            Assert.Contains("microsoft.net.compilers.toolset/4.14.0/tasks/netcore/bincore/csc.dll", output, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(expected, warnings);
        }

        [Fact]
        public void SeverityComesFromEditorConfigInARealBuild()
        {
            var sample = PackedSample.Copy(_package);
            File.WriteAllText(Path.Combine(sample, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.RNN003.severity = error\ndotnet_diagnostic.RNN001.severity = none\n");
            var sarif = Path.Combine(sample, "configured.sarif");
            var build = DotNetCli.Run(sample, StepTimeout, "build", "--no-incremental", "-nodeReuse:false", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
            _output.WriteLine(build.Output);

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("error RNN003", build.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("RNN001", build.Output, StringComparison.Ordinal);

            using var document = JsonDocument.Parse(File.ReadAllText(sarif));
            var levels = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("RNN", StringComparison.Ordinal))
                .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString()))
                .Distinct()
                .ToArray();
            Assert.Equal(new (string?, string?)[] { ("RNN003", "error") }, levels);
        }

        private List<(string Id, int Line)> BuildAndReadWarnings(string sample, string sarifName)
            => BuildAndReadWarningsWithOutput(sample, sarifName).Warnings;

        private (List<(string Id, int Line)> Warnings, string Output) BuildAndReadWarningsWithOutput(string sample, string sarifName, string verbosity = "-v:m")
        {
            var sarif = Path.Combine(sample, sarifName);
            var build = DotNetCli.Run(sample, StepTimeout, "build", "--no-incremental", "-nodeReuse:false", verbosity, "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
            _output.WriteLine(build.Output);
            Assert.True(build.ExitCode == 0, "build failed:\n" + build.Output);

            var warnings = new List<(string, int)>();
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

            warnings.Sort();
            return (warnings, build.Output);
        }
    }
}
