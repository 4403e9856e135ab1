using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lightbulbs
{
    /// <summary>
    /// Loads analyzer assemblies from one folder, the way IDEs isolate analyzer packages: the package's
    /// own assemblies from the folder, Roslyn and the framework from the host.
    /// </summary>
    internal sealed class PackedAnalyzerLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;

        public PackedAnalyzerLoadContext(string directory)
            : base("analyzers from " + directory)
        {
            _directory = directory;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
