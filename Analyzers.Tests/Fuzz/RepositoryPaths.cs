using System;
using System.IO;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>Where the test sources and the seed sample are: found from the test binaries, up to the solution.</summary>
    internal static class RepositoryPaths
    {
        public static string Root { get; } = FindRoot();

        public static string AnalyzerTests => Path.Combine(Root, "Analyzers.Tests");

        public static string SeedSample => Path.Combine(Root, "samples", "SeedExamples", "Program.cs");

        private static string FindRoot()
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
