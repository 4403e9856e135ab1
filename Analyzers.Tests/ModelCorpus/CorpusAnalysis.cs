using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RnnShapeAnalyzers.Tests.Fuzz;
using RnnShapeAnalyzers.Tests.Verifiers;

namespace RnnShapeAnalyzers.Tests.ModelCorpus
{
    /// <summary>
    /// A corpus file as the only document of a project that references TorchSharp and the framework,
    /// compiled as Runtime.Tests compiles it (latest C#, nullable enabled), and analyzed as a host does
    /// (<see cref="AnalyzerProbe"/>: concurrent, analyzer exceptions kept). The diagnostics point into
    /// the document's own tree, so the code fixes can be run on them.
    /// </summary>
    internal static class CorpusAnalysis
    {
        private static readonly AdhocWorkspace Workspace = new AdhocWorkspace();

        private static readonly ImmutableArray<MetadataReference> References = TestReferences.Framework.Add(TestReferences.TorchSharp);

        public static Document CreateDocument(string text, string name)
        {
            var projectId = ProjectId.CreateNewId();

            // Never applied to the workspace: each file gets a fresh solution, so theories can run in parallel.
            var solution = Workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "ModelCorpus",
                "ModelCorpus",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: References));
            var documentId = DocumentId.CreateNewId(projectId);
            return solution.AddDocument(documentId, name, SourceText.From(text)).GetDocument(documentId)!;
        }

        public static async Task<CorpusAnalysisResult> AnalyzeAsync(Document document, CancellationToken cancellationToken)
        {
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            var run = await AnalyzerProbe.RunAsync(compilation, cancellationToken).ConfigureAwait(false);
            return new CorpusAnalysisResult(errors, run);
        }

        /// <summary>"RNN010 at 37:36 `output`": id, 1-based line and column, and the exact text of the span.</summary>
        public static string Describe(string id, TextSpan span, SourceText text)
        {
            var start = text.Lines.GetLinePosition(span.Start);
            return $"{id} at {start.Line + 1}:{start.Character + 1} `{text.ToString(span)}`";
        }

        public static string Describe(Diagnostic diagnostic)
            => diagnostic.Location.SourceTree is { } tree
                ? Describe(diagnostic.Id, diagnostic.Location.SourceSpan, tree.GetText())
                : diagnostic.Id + " (no source location)";

        /// <summary>
        /// What the file marks and what the analyzer reported on it, each diagnostic described by id and
        /// exact span (<see cref="Describe(string, TextSpan, SourceText)"/>), both sorted: equal exactly
        /// when the analyzer reported the marked diagnostics and nothing else.
        /// </summary>
        public static (string[] Expected, string[] Actual) MarkedAndReported(string text, CorpusAnalysisResult analysis)
        {
            var source = SourceText.From(text);
            var expected = DiagnosticMarkers.Parse(text).Select(e => Describe(e.Id, e.Span, source));
            var actual = analysis.Diagnostics.Select(Describe);
            return (expected.OrderBy(d => d, StringComparer.Ordinal).ToArray(), actual.OrderBy(d => d, StringComparer.Ordinal).ToArray());
        }

        public static string[] DescribeAll(IEnumerable<Diagnostic> diagnostics)
            => diagnostics.Select(d => Describe(d) + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The compiler errors of a corpus compilation and what the analyzer did with it.</summary>
    internal sealed class CorpusAnalysisResult
    {
        public CorpusAnalysisResult(ImmutableArray<Diagnostic> compilerErrors, AnalyzerRun run)
        {
            CompilerErrors = compilerErrors;
            Run = run;
        }

        public ImmutableArray<Diagnostic> CompilerErrors { get; }

        public AnalyzerRun Run { get; }

        /// <summary>Every analyzer diagnostic, of any id.</summary>
        public ImmutableArray<Diagnostic> Diagnostics => Run.Diagnostics;

        /// <summary>The RNN diagnostics in source order.</summary>
        public ImmutableArray<Diagnostic> Rnn
            => Run.Rnn.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

        /// <summary>Analyzer exceptions, AD diagnostics and unformatted messages: each is a failure whatever the file.</summary>
        public IEnumerable<string> AnalyzerFailures => Run.Failures;
    }
}
