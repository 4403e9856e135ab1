using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs an analyzer on source directly, without the test harness, and returns every analyzer
    /// diagnostic including AD0001 (an exception thrown by the analyzer). Used where the point of a test
    /// is that the analyzer survives code that does not compile.
    /// </summary>
    internal static class AnalyzerRunner
    {
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, DiagnosticAnalyzer? analyzer = null)
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
            return await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        }

        /// <summary>The ids of <paramref name="diagnostics"/>, for readable assertion failures.</summary>
        public static string[] Ids(ImmutableArray<Diagnostic> diagnostics) => diagnostics.Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }
}
