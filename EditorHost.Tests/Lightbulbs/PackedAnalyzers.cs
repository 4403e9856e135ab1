using System;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lightbulbs
{
    /// <summary>
    /// The analyzers and code-fix providers a nupkg ships under analyzers/dotnet/cs, found and created
    /// the way IDEs do it: by their <c>[DiagnosticAnalyzer]</c> and <c>[ExportCodeFixProvider]</c> attributes.
    /// </summary>
    internal sealed class PackedAnalyzers
    {
        private const string AnalyzerFolder = "analyzers/dotnet/cs/";

        private PackedAnalyzers(string directory, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> codeFixProviders)
        {
            Directory = directory;
            Analyzers = analyzers;
            CodeFixProviders = codeFixProviders;
        }

        /// <summary>Where the package's assemblies were extracted and loaded from.</summary>
        public string Directory { get; }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        public ImmutableArray<CodeFixProvider> CodeFixProviders { get; }

        public static PackedAnalyzers Load(string packagePath, string extractTo)
        {
            System.IO.Directory.CreateDirectory(extractTo);
            using (var archive = ZipFile.OpenRead(packagePath))
            {
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
                {
                    entry.ExtractToFile(Path.Combine(extractTo, entry.Name), overwrite: true);
                }
            }

            var context = new PackedAnalyzerLoadContext(extractTo);
            var types = System.IO.Directory.GetFiles(extractTo, "*.dll")
                .Select(context.LoadFromAssemblyPath)
                .SelectMany(a => a.GetTypes())
                .Where(t => t.IsClass && !t.IsAbstract)
                .ToArray();

            var analyzers = types
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var fixers = types
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp))
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            return new PackedAnalyzers(extractTo, analyzers, fixers);
        }
    }
}
