using System;
using System.IO;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>
    /// A copy of a sample (samples/SeedExamples unless named) outside the repository that restores
    /// RnnShapeAnalyzers from the packed nupkg's local feed, as a user's project would.
    /// </summary>
    internal static class PackedSample
    {
        public static string Copy(PackedAnalyzerFixture package, string sampleName = "SeedExamples")
        {
            var target = Path.Combine(package.WorkDirectory, "sample-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryLayout.Samples, sampleName)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(target, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="rnnshape-local-feed" value="{package.Feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(target, "Directory.Build.props"), $"""
                <Project>
                  <PropertyGroup>
                    <RnnShapeAnalyzersVersion>{package.Version}</RnnShapeAnalyzersVersion>
                    <RnnShapeNativeFixupTargets>{RepositoryLayout.NativeFixupTargets}</RnnShapeNativeFixupTargets>
                  </PropertyGroup>
                </Project>
                """);
            return target;
        }
    }
}
