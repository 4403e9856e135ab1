using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Runs <see cref="RecurrentShapeAnalyzer"/> on a compilation the way a host does (concurrent
    /// execution on) and keeps what would show up as AD0001: every exception the analyzer driver caught
    /// from an analyzer, through <c>onAnalyzerException</c>, and any AD diagnostic it reported. One analyzer
    /// instance serves every compilation, as in an IDE.
    /// </summary>
    internal static class AnalyzerProbe
    {
        public static readonly RecurrentShapeAnalyzer Analyzer = new RecurrentShapeAnalyzer();

        public static async Task<AnalyzerRun> RunAsync(Compilation compilation, CancellationToken cancellationToken, params DiagnosticAnalyzer[] companions)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(Analyzer).AddRange(companions);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return new AnalyzerRun(diagnostics, exceptions.ToList());
        }
    }

    /// <summary>The diagnostics of one analyzer run, and what went wrong in it.</summary>
    internal sealed class AnalyzerRun
    {
        public AnalyzerRun(ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions)
        {
            Diagnostics = diagnostics;
            Exceptions = exceptions;
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>Exceptions the driver caught from an analyzer (each would be an AD0001 in a build).</summary>
        public IReadOnlyList<string> Exceptions { get; }

        /// <summary>RNN001-RNN004.</summary>
        public ImmutableArray<Diagnostic> Rnn => Diagnostics.Where(d => d.Id.StartsWith("RNN", StringComparison.Ordinal)).ToImmutableArray();

        /// <summary>
        /// Exceptions, AD diagnostics (AD0001 and any other driver diagnostic), and RNN diagnostics whose
        /// message could not be formatted: Roslyn swallows the FormatException of a diagnostic created with
        /// arguments that do not fit its descriptor and shows the raw format, <c>{0}</c> and all.
        /// </summary>
        public IEnumerable<string> Failures
            => Exceptions
                .Concat(Diagnostics.Where(d => d.Id.StartsWith("AD", StringComparison.Ordinal)).Select(d => d.ToString()))
                .Concat(Rnn.Where(d => Placeholder.IsMatch(d.GetMessage(CultureInfo.InvariantCulture))).Select(d => "unformatted message: " + d));

        private static readonly Regex Placeholder = new Regex(@"\{\d+\}", RegexOptions.CultureInvariant);
    }
}
