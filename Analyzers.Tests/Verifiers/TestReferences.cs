using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace RnnShapeAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// What every test compilation references: the running .NET's framework assemblies and TorchSharp,
    /// all from disk, so tests never download reference packs at run time.
    /// </summary>
    internal static class TestReferences
    {
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0");

        public static readonly ImmutableArray<MetadataReference> Framework = LoadFramework();

        public static readonly MetadataReference TorchSharp = MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location);

        /// <summary>RnnShapeAnalyzers.Runtime and the shape rules it exposes, for code that uses the checked layers.</summary>
        public static readonly ImmutableArray<MetadataReference> Runtime = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(RnnShapeAnalyzers.Runtime.CheckedNN).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(RnnShapeAnalyzers.ShapeRules.Shape).Assembly.Location));

        private static ImmutableArray<MetadataReference> LoadFramework()
        {
            var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return trusted.Split(Path.PathSeparator)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
