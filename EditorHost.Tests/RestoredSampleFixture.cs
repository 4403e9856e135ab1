using System;
using System.Diagnostics;
using System.IO;
using RnnShapeAnalyzers.Package.Tests;
using Xunit;

namespace RnnShapeAnalyzers.EditorHost.Tests
{
    /// <summary>
    /// The packed nupkg in a local feed, and one copy of samples/SeedExamples that restores it, built
    /// once so every host finds project.assets.json and the referenced assemblies. The hosts only read
    /// the copy; fixes are applied in memory.
    /// </summary>
    public sealed class RestoredSampleFixture : IDisposable
    {
        public RestoredSampleFixture()
        {
            var clock = Stopwatch.StartNew();
            Package = new PackedAnalyzerFixture();
            PackTime = clock.Elapsed;

            clock.Restart();
            Directory = PackedSample.Copy(Package);
            var build = DotNetCli.Run(Directory, TimeSpan.FromMinutes(8), "build", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "restoring and building the sample failed:\n" + build.Output);
            BuildTime = clock.Elapsed;
        }

        public PackedAnalyzerFixture Package { get; }

        /// <summary>The sample copy: SeedExamples.csproj, Program.cs, nuget.config and Directory.Build.props.</summary>
        public string Directory { get; }

        public string ProjectPath => Path.Combine(Directory, "SeedExamples.csproj");

        public string ProgramPath => Path.Combine(Directory, "Program.cs");

        public TimeSpan PackTime { get; }

        public TimeSpan BuildTime { get; }

        public void Dispose() => Package.Dispose();
    }

    [CollectionDefinition(Name)]
    public sealed class RestoredSampleCollection : ICollectionFixture<RestoredSampleFixture>
    {
        public const string Name = "Restored sample";
    }
}
