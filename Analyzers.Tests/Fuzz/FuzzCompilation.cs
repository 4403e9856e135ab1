using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnShapeAnalyzers.Tests.Verifiers;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// How a variant is compiled: one shared set of metadata references (framework, TorchSharp and the
    /// runtime's checked layers), so Roslyn reads each assembly once for the whole run; the test snippets
    /// as a library, the seed sample as the console program it is, with the SDK's implicit usings.
    /// </summary>
    internal static class FuzzCompilation
    {
        public static readonly ImmutableArray<MetadataReference> References = TestReferences.Framework.Add(TestReferences.TorchSharp).AddRange(TestReferences.Runtime);

        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives the seed sample.</summary>
        public const string ImplicitUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;

            """;

        public static CSharpCompilationOptions Options(bool isProgram)
            => new CSharpCompilationOptions(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(isProgram ? NullableContextOptions.Enable : NullableContextOptions.Disable);

        /// <summary>
        /// The compilations every variant is added to. A compilation made from another by adding trees
        /// keeps its bound references, so the framework's and TorchSharp's symbols are loaded once for
        /// the whole run instead of once per variant.
        /// </summary>
        private static readonly CSharpCompilation Library = Bound(CSharpCompilation.Create("Fuzz", null, References, Options(isProgram: false)));

        private static readonly CSharpCompilation Program = Bound(CSharpCompilation.Create(
            "Fuzz",
            new[] { CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "ImplicitUsings.cs") },
            References,
            Options(isProgram: true)));

        public static CSharpCompilation Create(string text, bool isProgram)
            => Create(CSharpSyntaxTree.ParseText(text, ParseOptions, "Variant.cs"), isProgram);

        /// <summary>A compilation of <paramref name="tree"/>, which may be a workspace document's own tree.</summary>
        public static CSharpCompilation Create(SyntaxTree tree, bool isProgram) => (isProgram ? Program : Library).AddSyntaxTrees(tree);

        private static CSharpCompilation Bound(CSharpCompilation compilation)
        {
            _ = compilation.GetTypeByMetadataName("TorchSharp.torch");
            return compilation;
        }
    }
}
