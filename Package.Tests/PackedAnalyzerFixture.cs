using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>
    /// Packs RnnShapeAnalyzers and RnnShapeAnalyzers.Runtime once for the test run into a local folder feed. The version is unique
    /// per run so a restore can never pick up a stale copy from the global packages folder.
    /// </summary>
    public sealed class PackedAnalyzerFixture : IDisposable
    {
        public PackedAnalyzerFixture()
        {
            Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            WorkDirectory = Path.Combine(Path.GetTempPath(), "rnnshape-package-tests", Version);
            Feed = Path.Combine(WorkDirectory, "feed");
            Directory.CreateDirectory(Feed);

            // Other test projects of the solution may be packing the same projects right now.
            using var packing = RepositoryLock.Acquire("pack", TimeSpan.FromMinutes(10));
            var (exitCode, output) = DotNetCli.Run(RepositoryLayout.Root, TimeSpan.FromMinutes(5),
                "pack", RepositoryLayout.PackageProject, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
            Assert.True(exitCode == 0, "dotnet pack failed:\n" + output);
            PackagePath = Directory.GetFiles(Feed, "RnnShapeAnalyzers." + Version + ".nupkg").Single();

            (exitCode, output) = DotNetCli.Run(RepositoryLayout.Root, TimeSpan.FromMinutes(5),
                "pack", RepositoryLayout.RuntimeProject, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
            Assert.True(exitCode == 0, "dotnet pack of the runtime failed:\n" + output);
            RuntimePackagePath = Directory.GetFiles(Feed, "RnnShapeAnalyzers.Runtime." + Version + ".nupkg").Single();
        }

        public string RuntimePackagePath { get; }

        public string Version { get; }

        public string WorkDirectory { get; }

        public string Feed { get; }

        public string PackagePath { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PackedAnalyzerCollection : ICollectionFixture<PackedAnalyzerFixture>
    {
        public const string Name = "Packed analyzer";
    }
}
