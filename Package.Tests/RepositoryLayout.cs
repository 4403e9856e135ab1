using System;
using System.IO;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>Paths in the repository these tests work from.</summary>
    internal static class RepositoryLayout
    {
        public static string Root { get; } = FindRoot();

        public static string PackageProject => Path.Combine(Root, "Package", "RnnShapeAnalyzers.Package.csproj");

        public static string RuntimeProject => Path.Combine(Root, "Runtime", "RnnShapeAnalyzers.Runtime.csproj");

        public static string Samples => Path.Combine(Root, "samples");

        public static string SeedSample => Path.Combine(Samples, "SeedExamples");

        public static string NativeFixupTargets => Path.Combine(Root, "eng", "TorchSharpNativeFixup.targets");

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
