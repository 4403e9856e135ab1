using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using RnnShapeAnalyzers.EditorHost.Tests.Lightbulbs;
using RnnShapeAnalyzers.Package.Tests;
using Xunit;
using Xunit.Abstractions;

namespace RnnShapeAnalyzers.EditorHost.Tests
{
    /// <summary>
    /// The lightbulbs as Visual Studio and Rider host them: the sample loaded into an MSBuildWorkspace,
    /// the analyzer and fixers taken from the packed nupkg, every RNN diagnostic offered at least one
    /// fix, and applying the first fix, diagnostic after diagnostic, leaves a clean compilation.
    /// </summary>
    [Collection(RestoredSampleCollection.Name)]
    public sealed class LightbulbTests
    {
        private const int MaxRounds = 10;

        private readonly RestoredSampleFixture _sample;
        private readonly ITestOutputHelper _output;

        public LightbulbTests(RestoredSampleFixture sample, ITestOutputHelper output)
        {
            _sample = sample;
            _output = output;
        }

        [Fact]
        public async Task ThePackedFixersOfferAFixForEveryWarningAndTheFirstFixesLeaveACleanCompilation()
        {
            MSBuildRegistration.EnsureRegistered();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var clock = Stopwatch.StartNew();

            var packed = PackedAnalyzers.Load(_sample.Package.PackagePath, Path.Combine(_sample.Package.WorkDirectory, "analyzers-from-nupkg"));
            Assert.NotEmpty(packed.Analyzers);
            Assert.NotEmpty(packed.CodeFixProviders);
            foreach (var component in packed.Analyzers.Cast<object>().Concat(packed.CodeFixProviders))
            {
                _output.WriteLine("from the nupkg: " + component.GetType().FullName);
                Assert.StartsWith(packed.Directory, component.GetType().Assembly.Location, StringComparison.Ordinal);
            }

            using var workspace = await SampleWorkspace.OpenAsync(_sample.ProjectPath, timeout.Token);
            foreach (var diagnostic in workspace.Diagnostics)
            {
                _output.WriteLine($"workspace: {diagnostic.Kind}: {diagnostic.Message}");
            }

            Assert.DoesNotContain(workspace.Diagnostics, d => d.Kind == WorkspaceDiagnosticKind.Failure);
            var project = workspace.Project;
            // The project itself consumes the package from the feed, as a user's project does.
            Assert.Contains(project.AnalyzerReferences, r => r.FullPath is { } path && path.Replace('\\', '/').Contains(
                $"/rnnshapeanalyzers/{_sample.Package.Version}/analyzers/dotnet/cs/RnnShapeAnalyzers.dll", StringComparison.OrdinalIgnoreCase));
            Assert.Empty(await LightbulbHost.CompilerErrorsAsync(project, timeout.Token));
            _output.WriteLine($"workspace loaded in {clock.Elapsed.TotalSeconds:F1} s");

            var host = new LightbulbHost(packed.Analyzers, packed.CodeFixProviders);
            var documentId = project.Documents.Single(d => d.Name == "Program.cs").Id;
            var before = await host.AnalyzeAsync(project, timeout.Token);
            Assert.Equal(
                ExpectMarkers.Read(File.ReadAllLines(_sample.ProgramPath)),
                Rnn(before).Select(d => (Id: d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(w => w).ToList());

            var rounds = 0;
            while (Rnn(await host.AnalyzeAsync(project, timeout.Token)) is { Length: > 0 } remaining)
            {
                Assert.True(++rounds <= MaxRounds, $"RNN diagnostics remain after {MaxRounds} fixes: {string.Join(", ", remaining.Select(d => d.ToString()))}");
                var document = project.GetDocument(documentId)!;
                CodeAction? first = null;
                foreach (var diagnostic in remaining)
                {
                    var fixes = await host.GetFixesAsync(document, diagnostic, timeout.Token);
                    _output.WriteLine($"round {rounds}: {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}: {string.Join(" | ", fixes.Select(f => f.Title))}");
                    Assert.True(fixes.Count > 0, $"no lightbulb for {diagnostic}");
                    first ??= fixes[0];
                }

                _output.WriteLine($"round {rounds}: applying \"{first!.Title}\"");
                project = (await LightbulbHost.ApplyAsync(first, timeout.Token)).GetProject(project.Id)!;
            }

            var fixedText = (await project.GetDocument(documentId)!.GetTextAsync(timeout.Token)).ToString();
            _output.WriteLine(fixedText);
            Assert.Empty(host.AnalyzerExceptions);
            Assert.Empty(await LightbulbHost.CompilerErrorsAsync(project, timeout.Token));
            Assert.NotEqual(File.ReadAllText(_sample.ProgramPath), fixedText);
            // Example 1's first fix is the one README promises: the author meant batchFirst: false.
            Assert.Contains("var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: false);", fixedText, StringComparison.Ordinal);
            _output.WriteLine($"{rounds} fixes applied, {clock.Elapsed.TotalSeconds:F1} s in all");
        }

        private static Diagnostic[] Rnn(ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics.Where(d => d.Id.StartsWith("RNN", StringComparison.Ordinal)).ToArray();
    }
}
