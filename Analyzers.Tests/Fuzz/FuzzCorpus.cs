using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Every C# source the analyzer and code-fix tests compile (read from the <c>*Tests.cs</c> files by
    /// <see cref="TestSourceExtractor"/>), with the diagnostic markup removed by the same parser the test
    /// harness uses, plus the seed sample <c>samples/SeedExamples/Program.cs</c>. Sources with the same
    /// text after the markup is removed (a fix test's source and an analyzer test's) appear once.
    /// </summary>
    internal sealed class FuzzCorpus
    {
        private FuzzCorpus(IReadOnlyList<CorpusSource> sources, IReadOnlyList<string> unreached, IReadOnlyList<string> testFiles)
        {
            Sources = sources;
            Unreached = unreached;
            TestFiles = testFiles;
        }

        public static FuzzCorpus Instance { get; } = Load();

        public IReadOnlyList<CorpusSource> Sources { get; }

        /// <summary>Raw or verbatim literals of the test files that no source was built from.</summary>
        public IReadOnlyList<string> Unreached { get; }

        public IReadOnlyList<string> TestFiles { get; }

        /// <summary>Removes <c>[|</c>, <c>|]</c>, <c>{|RNN001:</c>, <c>{|#0:</c> and <c>|}</c> as the test harness does.</summary>
        public static string StripMarkup(string source)
        {
            TestFileMarkupParser.GetSpans(source, out string output, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
            return output;
        }

        private static bool IsBuildOutput(string relativePath)
            => relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0] is "bin" or "obj";

        private static FuzzCorpus Load()
        {
            var sources = new List<CorpusSource>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var unreached = new List<string>();
            // Test files in folders too (Tracking/); the build output has none of its own.
            var testFiles = Directory.GetFiles(RepositoryPaths.AnalyzerTests, "*Tests.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(Path.GetRelativePath(RepositoryPaths.AnalyzerTests, path)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();
            var codeFiles = new List<string>();
            foreach (var path in testFiles)
            {
                var extracted = TestSourceExtractor.Extract(path);

                // Test files without any C# in string literals (meta-tests) have nothing to fuzz.
                if (extracted.Sources.Count > 0 || extracted.Unreached.Count > 0)
                {
                    codeFiles.Add(path);
                }

                unreached.AddRange(extracted.Unreached);
                foreach (var (name, source) in extracted.Sources)
                {
                    var text = StripMarkup(source);
                    if (seen.Add(text))
                    {
                        sources.Add(new CorpusSource(name, text, isProgram: false));
                    }
                }
            }

            sources.Add(new CorpusSource("samples/SeedExamples/Program.cs", File.ReadAllText(RepositoryPaths.SeedSample), isProgram: true));
            return new FuzzCorpus(sources, unreached, codeFiles.Select(Path.GetFileName).ToList()!);
        }
    }
}
