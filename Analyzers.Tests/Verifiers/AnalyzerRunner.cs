using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs an analyzer on source directly, without the test harness, and returns the compiler errors
    /// and every analyzer diagnostic, AD0001 (an exception thrown by the analyzer) included. Used where
    /// the point of a test is that the analyzer survives code that does not compile.
    /// </summary>
    internal static class AnalyzerRunner
    {
        public static async Task<(ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<Diagnostic> AnalyzerDiagnostics)> RunAsync(string source, DiagnosticAnalyzer? analyzer = null)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
            var compilation = CSharpCompilation.Create(
                "HalfTyped",
                new[] { tree },
                TestReferences.Framework.Add(TestReferences.TorchSharp),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer ?? new RecurrentShapeAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            return (errors, await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false));
        }

        /// <summary>Id and message of each diagnostic, so a failed assertion shows what was reported.</summary>
        public static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
    }
}
