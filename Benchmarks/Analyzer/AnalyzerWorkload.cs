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
        private static readonly HashSet<string> WarmedUp = new HashSet<string>(StringComparer.Ordinal);

        private static readonly Lazy<(IReadOnlyList<GeneratedModel> Models, CSharpCompilation Compilation)> Corpus = new Lazy<(IReadOnlyList<GeneratedModel>, CSharpCompilation)>(() =>
        {
            var models = TorchSharpModelCorpus.Generate();
            var compilation = CreateCompilation(models);
            RequireNoErrors(compilation);
            return (models, compilation);
        });

        /// <summary>
        /// The default corpus, compiled once per process and checked for errors. BenchmarkDotNet runs the
        /// global setup for every benchmark case; they all analyse this one compilation, whose metadata
        /// and declarations are then read once (each analysis binds method bodies on its own clone).
        /// </summary>
        public static (IReadOnlyList<GeneratedModel> Models, CSharpCompilation Compilation) CompiledCorpus() => Corpus.Value;

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

        public static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, DiagnosticAnalyzer analyzer, bool logExecutionTime = false, bool concurrent = true)
            => compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: logExecutionTime, reportSuppressedDiagnostics: false));

        /// <summary>
        /// Runs every one of <paramref name="analyses"/> in turn, at least <paramref name="rounds"/> times
        /// and for at least <paramref name="minimum"/>. Roslyn's own code comes from NuGet without
        /// ReadyToRun images, so it starts at tier 0 and is recompiled by the tiered JIT while it runs;
        /// without this, the benchmark measured first (the baseline) runs on slower code than the one
        /// measured after it. Observed: 35 ms vs 12.7 ms for the same single-file request, depending only
        /// on which side went first.
        /// </summary>
        public static void WarmUpAlternately(int rounds, TimeSpan minimum, params Action[] analyses)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            for (var round = 0; round < rounds || stopwatch.Elapsed < minimum; round++)
            {
                foreach (var analysis in analyses)
                {
                    analysis();
                }
            }
        }

        /// <summary>
        /// True the first time it is asked for <paramref name="key"/> in this process. BenchmarkDotNet runs
        /// the global setup once per benchmark case, all in this process (in-process toolchain): the JIT's
        /// work and the compilation's caches are done by the later cases, so only the first needs the
        /// long warm-up.
        /// </summary>
        public static bool FirstSetupInProcess(string key)
        {
            lock (WarmedUp)
            {
                return WarmedUp.Add(key);
            }
        }

        /// <summary>
        /// Throws unless the analyzer reported every mistake the corpus was written with (each file's rule
        /// ids, all in locals-only methods), so that the benchmark measures an analyzer doing its work.
        /// Anything else it reports is not an error here: an analyzer that follows fields may find more.
        /// Returns a line saying what it reported, for the log.
        /// </summary>
        public static string RequireExpectedDiagnostics(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<GeneratedModel> models)
        {
            var actual = diagnostics.Select(d => Path.GetFileName(d.Location.SourceTree?.FilePath ?? string.Empty) + ":" + d.Id).ToList();
            var expected = models.SelectMany(m => m.ExpectedDiagnostics.Select(id => m.FileName + ":" + id)).ToList();
            var missing = expected.Distinct(StringComparer.Ordinal).Where(e => !actual.Contains(e, StringComparer.Ordinal)).OrderBy(e => e, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    "The analyzer did not report the mistakes the corpus was written with." + Environment.NewLine
                    + "missing:  " + string.Join(", ", missing) + Environment.NewLine
                    + "reported: " + string.Join(", ", actual.OrderBy(a => a, StringComparer.Ordinal)));
            }

            var others = actual.Count(a => !expected.Contains(a, StringComparer.Ordinal));
            return string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "{0} files: the analyzer reported {1} diagnostics; {2} mistakes were written into them, each reported; {3} reported elsewhere",
                models.Count,
                actual.Count,
                expected.Count,
                others);
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
}
