using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using RnnShapeAnalyzers.Tests.Fuzz;

namespace RnnShapeAnalyzers.Tests.ModelCorpus
{
    /// <summary>
    /// One file of ModelCorpus/ (see its README.md): its text, read as is, and the diagnostics it marks.
    /// Correct models mark none.
    /// </summary>
    internal sealed class CorpusFile
    {
        private CorpusFile(string relativePath, string text, ImmutableArray<ExpectedDiagnostic> expected)
        {
            RelativePath = relativePath;
            Text = text;
            Expected = expected;
        }

        public static string Root => Path.Combine(RepositoryPaths.Root, "ModelCorpus");

        /// <summary>Path under ModelCorpus/, with forward slashes: "Broken/EmbeddingDimMismatchTagger.cs".</summary>
        public string RelativePath { get; }

        public string Text { get; }

        public ImmutableArray<ExpectedDiagnostic> Expected { get; }

        /// <summary>The files of ModelCorpus/<paramref name="folder"/>, as paths relative to ModelCorpus/.</summary>
        public static IEnumerable<string> Files(string folder)
            => Directory.GetFiles(Path.Combine(Root, folder), "*.cs")
                .Select(path => folder + "/" + Path.GetFileName(path))
                .OrderBy(path => path, StringComparer.Ordinal);

        public static CorpusFile Load(string relativePath)
        {
            var text = File.ReadAllText(Path.Combine(Root, relativePath));
            return new CorpusFile(relativePath, text, DiagnosticMarkers.Parse(text));
        }

        public override string ToString() => RelativePath;
    }
}
