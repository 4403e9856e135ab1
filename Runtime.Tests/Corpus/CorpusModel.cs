using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests.Corpus
{
    /// <summary>
    /// One model of the corpus in ModelCorpus/: its source file, the class compiled from it into this
    /// assembly (the class is named after the file), its <c>Run()</c> entry, and what the file documents
    /// in its comments: <c>// output shape: [..]</c> for a correct model, <c>// libtorch: ..</c> (a
    /// fragment of the message libtorch throws) for a broken one.
    /// </summary>
    internal sealed class CorpusModel
    {
        public const string Namespace = "RnnShapeAnalyzers.ModelCorpus";

        private static readonly Regex OutputShapeComment = new Regex(@"^\s*// output shape: \[(?<dims>[0-9, ]*)\]\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private static readonly Regex LibTorchComment = new Regex(@"^\s*// libtorch: (?<message>.+?)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private readonly string _text;

        private CorpusModel(string relativePath, string text, Func<Tensor> run)
        {
            RelativePath = relativePath;
            _text = text;
            Run = run;
        }

        public static string Root { get; } = Path.Combine(FindRepositoryRoot(), "ModelCorpus");

        /// <summary>Path under ModelCorpus/, with forward slashes: "Correct/BiLstmEncoder.cs".</summary>
        public string RelativePath { get; }

        public Func<Tensor> Run { get; }

        /// <summary>The shape the file says <see cref="Run"/> returns.</summary>
        public long[] DocumentedOutputShape
            => Single(OutputShapeComment, "dims").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(long.Parse).ToArray();

        /// <summary>The fragment of libtorch's message the file says <see cref="Run"/> throws with.</summary>
        public string DocumentedLibTorchMessage => Single(LibTorchComment, "message");

        /// <summary>The files of ModelCorpus/<paramref name="folder"/>, as paths relative to ModelCorpus/.</summary>
        public static IEnumerable<string> Files(string folder)
            => Directory.GetFiles(Path.Combine(Root, folder), "*.cs")
                .Select(path => folder + "/" + Path.GetFileName(path))
                .OrderBy(path => path, StringComparer.Ordinal);

        public static CorpusModel Load(string relativePath)
        {
            var text = File.ReadAllText(Path.Combine(Root, relativePath));
            var typeName = Namespace + "." + Path.GetFileNameWithoutExtension(relativePath);
            var type = typeof(CorpusModel).Assembly.GetType(typeName)
                ?? throw new InvalidOperationException($"{relativePath}: no class {typeName} compiled into the test assembly.");
            var run = type.GetMethod("Run", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{relativePath}: {typeName} has no public static Run().");
            return new CorpusModel(relativePath, text, run.CreateDelegate<Func<Tensor>>());
        }

        public override string ToString() => RelativePath;

        private string Single(Regex comment, string group)
        {
            var matches = comment.Matches(_text);
            return matches.Count == 1
                ? matches[0].Groups[group].Value
                : throw new InvalidOperationException($"{RelativePath}: expected exactly one comment matching {comment}, found {matches.Count}.");
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "RnnShapeAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("RnnShapeAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
