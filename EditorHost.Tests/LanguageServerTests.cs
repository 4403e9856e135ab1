using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.EditorHost.Tests.Lsp;
using RnnShapeAnalyzers.Package.Tests;
using Xunit;
using Xunit.Abstractions;

namespace RnnShapeAnalyzers.EditorHost.Tests
{
    /// <summary>
    /// What a Neovim, Helix or Emacs user sees: csharp-ls, the version pinned in
    /// .config/dotnet-tools.json, loads the sample that restored our nupkg and, with
    /// <c>csharp.analyzersEnabled</c>, publishes our warnings on the arguments they are about.
    /// </summary>
    [Collection(RestoredSampleCollection.Name)]
    public sealed class LanguageServerTests
    {
        private static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(3);
        private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

        private readonly RestoredSampleFixture _sample;
        private readonly ITestOutputHelper _output;

        public LanguageServerTests(RestoredSampleFixture sample, ITestOutputHelper output)
        {
            _sample = sample;
            _output = output;
        }

        [Fact]
        public Task CSharpLsPublishesTheRnnWarningsOnTheirArguments() =>
            WithLanguageServerAsync(Settings(analyzersEnabled: true), async (editor, clock, cancellationToken) =>
            {
                await editor.OpenAsync(_sample.ProgramPath, cancellationToken);
                var diagnostics = await editor.WaitForDiagnosticsAsync(_sample.ProgramPath, d => RnnDiagnostics(d).Any(), cancellationToken);
                _output.WriteLine($"csharp-ls: RNN diagnostics {clock.Elapsed.TotalSeconds:F1} s after start");

                Assert.Equal(ExpectedRanges.Read(File.ReadAllLines(_sample.ProgramPath)), Ranges(diagnostics));
                Assert.All(RnnDiagnostics(diagnostics), d => Assert.Equal(2, d.GetProperty("severity").GetInt32())); // Warning

                // The analyzers ran because the server asked for the csharp section and got our answer.
                Assert.Contains("workspace/configuration", editor.ServerRequests);
                Assert.Contains("csharp", editor.ConfigurationSections);
            });

        [Fact]
        public Task WithoutAnalyzersEnabledThereAreNoRnnWarningsUntilTheUserTurnsItOn() =>
            WithLanguageServerAsync(Settings(analyzersEnabled: false), async (editor, clock, cancellationToken) =>
            {
                await editor.OpenAsync(_sample.ProgramPath, cancellationToken);
                var off = await editor.WaitForDiagnosticsAsync(_sample.ProgramPath, _ => true, cancellationToken);
                Assert.Empty(RnnDiagnostics(off));
                _output.WriteLine($"csharp-ls: diagnostics without analyzers {clock.Elapsed.TotalSeconds:F1} s after start");

                // The user turns the setting on; csharp-ls re-analyzes an open document on its next edit.
                await editor.ChangeSettingsAsync(Settings(analyzersEnabled: true), cancellationToken);
                await editor.ChangeAsync(_sample.ProgramPath, File.ReadAllText(_sample.ProgramPath) + Environment.NewLine, version: 2, cancellationToken);
                var on = await editor.WaitForDiagnosticsAsync(_sample.ProgramPath, d => RnnDiagnostics(d).Any(), cancellationToken);
                _output.WriteLine($"csharp-ls: RNN diagnostics {clock.Elapsed.TotalSeconds:F1} s after start");
                Assert.Equal(ExpectedRanges.Read(File.ReadAllLines(_sample.ProgramPath)), Ranges(on));
            });

        private static JsonObject Settings(bool analyzersEnabled) =>
            new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = analyzersEnabled } };

        private static IEnumerable<JsonElement> RnnDiagnostics(JsonElement diagnostics) =>
            diagnostics.EnumerateArray().Where(d =>
                d.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.StartsWith("RNN", StringComparison.Ordinal));

        /// <summary>The RNN diagnostics as (code, line, start character, end character), 0-based.</summary>
        private static SortedSet<(string, int, int, int)> Ranges(JsonElement diagnostics) =>
            new SortedSet<(string, int, int, int)>(RnnDiagnostics(diagnostics).Select(d =>
            {
                var start = d.GetProperty("range").GetProperty("start");
                var end = d.GetProperty("range").GetProperty("end");
                Assert.Equal(start.GetProperty("line").GetInt32(), end.GetProperty("line").GetInt32());
                return (d.GetProperty("code").GetString()!, start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32(), end.GetProperty("character").GetInt32());
            }));

        /// <summary>
        /// Starts csharp-ls in the sample folder, initializes a session with <paramref name="settings"/>,
        /// runs <paramref name="session"/>, shuts the server down cleanly, and on any failure writes the
        /// LSP traffic and the server's log to the test output. The server is killed if it outlives the test.
        /// </summary>
        private async Task WithLanguageServerAsync(JsonObject settings, Func<EditorSession, Stopwatch, CancellationToken, Task> session)
        {
            _output.WriteLine($"pack {_sample.PackTime.TotalSeconds:F0} s, sample restore and build {_sample.BuildTime.TotalSeconds:F0} s (once for all tests)");
            InstallToolManifest(_sample.Directory);
            var restore = DotNetCli.Run(_sample.Directory, TimeSpan.FromMinutes(5), "tool", "restore");
            Assert.True(restore.ExitCode == 0, "dotnet tool restore failed:\n" + restore.Output);

            var log = new LspTrafficLog();
            var clock = Stopwatch.StartNew();
            using var server = LanguageServerProcess.Start(_sample.Directory, "tool", "run", "csharp-ls");
            var editor = new EditorSession(server, _sample.Directory, settings, log);
            try
            {
                using var timeout = new CancellationTokenSource(SessionTimeout);
                await editor.InitializeAsync(timeout.Token);
                await session(editor, clock, timeout.Token);

                await editor.ShutdownAsync(timeout.Token);
                Assert.True(server.WaitForExit(ExitTimeout), "csharp-ls did not exit after shutdown and exit");
                Assert.Equal(0, server.ExitCode);
                _output.WriteLine($"csharp-ls: exited {clock.Elapsed.TotalSeconds:F1} s after start");
            }
            catch (Exception)
            {
                _output.WriteLine("LSP traffic:");
                _output.WriteLine(log.ToString());
                _output.WriteLine("csharp-ls stderr:");
                _output.WriteLine(server.Log);
                throw;
            }
        }

        /// <summary>The sample copy gets the repository's tool manifest, so `dotnet tool run` there runs the pinned csharp-ls.</summary>
        private static void InstallToolManifest(string sample)
        {
            var config = Path.Combine(sample, ".config");
            Directory.CreateDirectory(config);
            File.Copy(Path.Combine(RepositoryLayout.Root, ".config", "dotnet-tools.json"), Path.Combine(config, "dotnet-tools.json"), overwrite: true);
        }
    }
}
