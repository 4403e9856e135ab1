using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>The nupkg installs like any analyzer package: DLLs under analyzers/dotnet/cs, nothing under lib/.</summary>
    [Collection(PackedAnalyzerCollection.Name)]
    public sealed class PackageLayoutTests
    {
        private readonly PackedAnalyzerFixture _package;

        public PackageLayoutTests(PackedAnalyzerFixture package) => _package = package;

        [Fact]
        public void AnalyzerShapeRulesAndFixerAreUnderAnalyzersDotnetCs()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath);
            var analyzers = archive.Entries.Select(e => e.FullName).Where(n => n.StartsWith("analyzers/", System.StringComparison.Ordinal)).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(
                new[]
                {
                    "analyzers/dotnet/cs/RnnShapeAnalyzers.CodeFixes.dll",
                    "analyzers/dotnet/cs/RnnShapeAnalyzers.ShapeRules.dll",
                    "analyzers/dotnet/cs/RnnShapeAnalyzers.dll",
                },
                analyzers);
        }

        [Fact]
        public void PackageHasNoLibAssetsAndNoDependencies()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath);
            Assert.DoesNotContain(archive.Entries, e => e.FullName.StartsWith("lib/", System.StringComparison.Ordinal));
            var nuspec = ReadNuspec(archive);
            Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
        }

        [Fact]
        public void NuspecIsADevelopmentDependencyWithReadmeAndLicense()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath);
            var metadata = ReadNuspec(archive).Descendants().First(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Equal("RnnShapeAnalyzers", Value("id"));
            Assert.Equal(_package.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("README.md", Value("readme"));
            Assert.Equal("MIT", Value("license"));
            Assert.False(string.IsNullOrWhiteSpace(Value("description")));
            Assert.Contains(archive.Entries, e => e.FullName == "README.md" && e.Length > 500);
            Assert.Contains(archive.Entries, e => e.FullName == "LICENSE");
            Assert.Equal("icon.png", Value("icon"));
            Assert.Contains(archive.Entries, e => e.FullName == "icon.png" && e.Length > 0);
            Assert.False(string.IsNullOrWhiteSpace(Value("releaseNotes")));
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", repository.Attribute("type")?.Value);
            Assert.StartsWith("https://github.com/", repository.Attribute("url")?.Value, System.StringComparison.Ordinal);
        }

        private static XDocument ReadNuspec(ZipArchive archive)
        {
            using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open();
            return XDocument.Load(stream);
        }
    }
}
