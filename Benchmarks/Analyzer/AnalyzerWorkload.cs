using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The in-memory compilation the analyzer benchmarks analyse: the generated model corpus, compiled
    /// against the .NET reference assemblies of the installed SDK (packs/Microsoft.NETCore.App.Ref) and
    /// the TorchSharp.dll this project restores, all from disk.
    /// </summary>
    internal static class AnalyzerWorkload
    {
        public static CSharpCompilation CreateCompilation(IReadOnlyList<GeneratedModel> models, bool referenceTorchSharp = true)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            var trees = models.Select(m => CSharpSyntaxTree.ParseText(m.Text, parseOptions, path: m.FileName)).ToArray();
            var references = FrameworkReferences();
            if (referenceTorchSharp)
            {
                references = references.Add(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location));
            }

            return CSharpCompilation.Create(
                "GeneratedModels",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, concurrentBuild: true));
        }

        /// <summary>Throws unless the corpus compiles without errors: a benchmark over broken code would measure error recovery.</summary>
        public static void RequireNoErrors(Compilation compilation)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The generated corpus does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Take(20)));
            }
        }

        public static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, DiagnosticAnalyzer analyzer, bool logExecutionTime = false)
            => compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: logExecutionTime, reportSuppressedDiagnostics: false));

        /// <summary>
        /// Runs <paramref name="first"/> and <paramref name="second"/> alternately, at least
        /// <paramref name="rounds"/> times each and for at least <paramref name="minimum"/>. Roslyn's own
        /// code comes from NuGet without ReadyToRun images, so it starts at tier 0 and is recompiled by
        /// the tiered JIT while it runs; without this, the benchmark measured first (the baseline) runs on
        /// slower code than the one measured after it. Observed: 35 ms vs 12.7 ms for the same single-file
        /// request, depending only on which side went first.
        /// </summary>
        public static void WarmUpAlternately(Action first, Action second, int rounds, TimeSpan minimum)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            for (var round = 0; round < rounds || stopwatch.Elapsed < minimum; round++)
            {
                first();
                second();
            }
        }

        /// <summary>Throws unless the analyzer reported exactly the mistakes the corpus was written with.</summary>
        public static void RequireExpectedDiagnostics(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<GeneratedModel> models)
        {
            var actual = diagnostics.Select(d => Path.GetFileName(d.Location.SourceTree?.FilePath ?? string.Empty) + ":" + d.Id).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var expected = models.SelectMany(m => m.ExpectedDiagnostics.Select(id => m.FileName + ":" + id)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    "The analyzer did not report what the corpus was written to produce." + Environment.NewLine
                    + "expected: " + string.Join(", ", expected) + Environment.NewLine
                    + "actual:   " + string.Join(", ", actual));
            }
        }

        /// <summary>The reference assemblies of the running .NET's major version, from the SDK's packs folder.</summary>
        public static ImmutableArray<MetadataReference> FrameworkReferences()
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
            var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
            var major = Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var refDirectory = Directory.Exists(packs)
                ? Directory.GetDirectories(packs, major + ".*")
                    .Select(d => Path.Combine(d, "ref", "net" + major + ".0"))
                    .Where(Directory.Exists)
                    .OrderByDescending(d => d, StringComparer.Ordinal)
                    .FirstOrDefault()
                : null;
            if (refDirectory is null)
            {
                throw new InvalidOperationException("No reference assemblies for net" + major + ".0 under " + packs + ": is the .NET SDK installed?");
            }

            return Directory.GetFiles(refDirectory, "*.dll")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }
    }

    /// <summary>
    /// The baseline: registers the same kinds of action as RecurrentShapeAnalyzer (compilation start,
    /// operation block start, an invocation operation action and a block end) and does nothing in them,
    /// so what it costs is Roslyn's own cost of driving such an analyzer.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class EmptyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside the benchmarks.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("EMPTY001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
                start.RegisterOperationBlockStartAction(block =>
                {
                    block.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                    block.RegisterOperationBlockEndAction(_ => { });
                }));
        }
    }
}
