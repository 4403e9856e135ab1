using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>The runtime package is an ordinary library package that depends on managed TorchSharp only.</summary>
    [Collection(PackedAnalyzerCollection.Name)]
    public sealed class RuntimePackageLayoutTests
    {
        private readonly PackedAnalyzerFixture _package;

        public RuntimePackageLayoutTests(PackedAnalyzerFixture package) => _package = package;

        [Fact]
        public void RuntimeAndTheSharedRulesAreUnderLib()
        {
            using var archive = ZipFile.OpenRead(_package.RuntimePackagePath);
            var dlls = archive.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".dll", System.StringComparison.Ordinal)).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "lib/net8.0/RnnShapeAnalyzers.Runtime.dll", "lib/net8.0/RnnShapeAnalyzers.ShapeRules.dll" }, dlls);
        }

        [Fact]
        public void TheOnlyDependencyIsTheManagedTorchSharpPackage()
        {
            using var archive = ZipFile.OpenRead(_package.RuntimePackagePath);
            using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open();
            var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency").ToArray();
            var dependency = Assert.Single(dependencies);
            Assert.Equal("TorchSharp", dependency.Attribute("id")?.Value);
            Assert.Equal("0.107.0", dependency.Attribute("version")?.Value);
        }
    }
}
