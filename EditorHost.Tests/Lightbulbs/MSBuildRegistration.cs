using Microsoft.Build.Locator;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lightbulbs
{
    /// <summary>
    /// Points the process at the .NET SDK's own MSBuild. Call it before any method that uses
    /// MSBuildWorkspace is compiled: MSBuild assemblies loaded before registration cannot be redirected,
    /// so the workspace code lives in <see cref="SampleWorkspace"/>, never in the caller.
    /// </summary>
    internal static class MSBuildRegistration
    {
        private static readonly object Gate = new object();

        public static void EnsureRegistered()
        {
            lock (Gate)
            {
                if (!MSBuildLocator.IsRegistered)
                {
                    MSBuildLocator.RegisterDefaults();
                }
            }
        }
    }
}
