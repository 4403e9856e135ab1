using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// An editor cancels analysis whenever the user types. On a large source (the whole corpus, several
    /// times over, each source in its own namespace), a cancellation in the middle of the analysis must end
    /// it with <see cref="OperationCanceledException"/> and nothing else: no exception through
    /// <c>onAnalyzerException</c>, no AD0001, no other exception type. The point of cancellation is
    /// chosen two ways: by a companion analyzer that cancels when the driver reaches the N-th invocation
    /// (while our analyzer runs on other method bodies), and after a fraction of an uncancelled run's time.
    /// Afterwards the same analyzer instance still reports exactly what it did before.
    /// </summary>
    public sealed class CancellationTests
    {
        private const int Copies = 4;

        private readonly ITestOutputHelper _output;

        public CancellationTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task CancellingMidAnalysisEndsWithOperationCanceledOnly()
        {
            var source = LargeSource();
            var compilation = FuzzCompilation.Create(source, isProgram: false);

            // Timed on a second run: the first one also pays for loading and JIT-compiling everything.
            await AnalyzerProbe.RunAsync(compilation, CancellationToken.None);
            var stopwatch = Stopwatch.StartNew();
            var baseline = await AnalyzerProbe.RunAsync(compilation, CancellationToken.None);
            var fullTime = stopwatch.Elapsed;
            Assert.Empty(baseline.Failures);
            Assert.NotEmpty(baseline.Rnn);
            var invocations = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Count();
            _output.WriteLine($"source: {source.Length} characters, {invocations} invocations; uncancelled: {baseline.Rnn.Length} RNN diagnostics in {fullTime.TotalMilliseconds:F0} ms");

            var outcomes = new List<string>();
            var failures = new List<string>();
            foreach (var invocation in new[] { 1, 10, 100, invocations / 2, invocations - 10 })
            {
                using var cancellation = new CancellationTokenSource();
                var trigger = new CancelAtInvocationAnalyzer(cancellation, invocation);
                outcomes.Add($"at invocation {invocation}: " + await RunCancelledAsync(compilation, cancellation, failures, trigger));
            }

            foreach (var fraction in new[] { 0.05, 0.25, 0.5, 0.75 })
            {
                using var cancellation = new CancellationTokenSource(TimeSpan.FromTicks((long)(fullTime.Ticks * fraction)));
                outcomes.Add($"after {fraction:P0} of the time: " + await RunCancelledAsync(compilation, cancellation, failures));
            }

            foreach (var outcome in outcomes)
            {
                _output.WriteLine(outcome);
            }

            Assert.Empty(failures);
            Assert.Contains(outcomes, o => o.EndsWith("canceled", StringComparison.Ordinal));

            var after = await AnalyzerProbe.RunAsync(compilation, CancellationToken.None);
            Assert.Empty(after.Failures);
            Assert.Equal(baseline.Rnn.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal), after.Rnn.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal));
        }

        private static async Task<string> RunCancelledAsync(Compilation compilation, CancellationTokenSource cancellation, List<string> failures, params DiagnosticAnalyzer[] companions)
        {
            try
            {
                var run = await AnalyzerProbe.RunAsync(compilation, cancellation.Token, companions);
                failures.AddRange(run.Failures);
                return "completed";
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return "canceled";
            }
            catch (Exception exception)
            {
                failures.Add("threw " + exception);
                return "threw " + exception.GetType().Name;
            }
        }

        /// <summary>Every corpus library source, <see cref="Copies"/> times, each in its own namespace, in one file.</summary>
        private static string LargeSource()
        {
            var text = new StringBuilder();
            var sources = FuzzCorpus.Instance.Sources.Where(s => !s.IsProgram).ToList();
            for (var copy = 0; copy < Copies; copy++)
            {
                for (var i = 0; i < sources.Count; i++)
                {
                    text.Append("namespace Copy").Append(copy).Append(".Source").Append(i).Append("\n{\n").Append(sources[i].Text).Append("}\n");
                }
            }

            return text.ToString();
        }

        /// <summary>Cancels the analysis when the driver has reached the N-th invocation, while our analyzer works on other method bodies.</summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: it is handed to the driver directly, never loaded by a compiler.
        private sealed class CancelAtInvocationAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
        {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside a test.
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TEST003", "t", "t", "t", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

            private readonly CancellationTokenSource _cancellation;
            private readonly int _invocation;
            private int _seen;

            public CancelAtInvocationAnalyzer(CancellationTokenSource cancellation, int invocation)
            {
                _cancellation = cancellation;
                _invocation = invocation;
            }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(
                    _ =>
                    {
                        if (Interlocked.Increment(ref _seen) == _invocation)
                        {
                            _cancellation.Cancel();
                        }
                    },
                    OperationKind.Invocation);
            }
        }
    }
}
