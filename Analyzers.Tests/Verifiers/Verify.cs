using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RnnShapeAnalyzers.Tests.Verifiers
{
    /// <summary>Analyzer and code-fix verification with TorchSharp referenced and C# 12.</summary>
    internal static class Verify<TCodeFix>
        where TCodeFix : CodeFixProvider, new()
    {
        /// <summary>
        /// An expected RNN diagnostic. Its additional locations (the dimensions and layer arguments the
        /// analyzer hands to its code fixes) are not compared: they are the analyzer-to-fixer protocol,
        /// and the code-fix tests prove them by the edits they produce.
        /// </summary>
        public static DiagnosticResult Diagnostic(string id)
            => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Analyzes <paramref name="source"/> with or without TorchSharp referenced and expects no
        /// diagnostic at all (compiler errors included).
        /// </summary>
        public static Task NoDiagnosticsAsync(string source, bool referenceTorchSharp)
        {
            var test = new Test { TestCode = source };
            if (!referenceTorchSharp)
            {
                test.TestState.AdditionalReferences.Remove(TestReferences.TorchSharp);
            }

            return test.RunAsync(CancellationToken.None);
        }

        public static Task CodeFixAsync(string source, string fixedSource, string equivalenceKey, int codeActionIndex = 0, params DiagnosticResult[] expected)
        {
            var test = new Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
                CodeActionIndex = codeActionIndex,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Expects the fix with <paramref name="equivalenceKey"/> not to be offered for any diagnostic of
        /// <paramref name="source"/>: if it were, the harness would apply it and the code would change.
        /// </summary>
        public static Task NoCodeFixAsync(string source, string equivalenceKey)
        {
            var test = new Test
            {
                TestCode = source,
                FixedCode = source,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            return test.RunAsync(CancellationToken.None);
        }

        internal sealed class Test : CSharpCodeFixTest<RecurrentShapeAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.None;
                TestState.AdditionalReferences.AddRange(TestReferences.Framework);
                TestState.AdditionalReferences.Add(TestReferences.TorchSharp);
                TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            }

            protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

            protected override CompilationOptions CreateCompilationOptions()
                => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Disable);
        }
    }

    /// <summary>Analyzer-only verification (no fix involved).</summary>
    internal static class Verify
    {
        public static DiagnosticResult Diagnostic(string id) => Verify<EmptyCodeFixProvider>.Diagnostic(id);

        public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => Verify<EmptyCodeFixProvider>.AnalyzerAsync(source, expected);

        public static Task NoDiagnosticsAsync(string source, bool referenceTorchSharp) => Verify<EmptyCodeFixProvider>.NoDiagnosticsAsync(source, referenceTorchSharp);
    }
}
