using System;
using System.Diagnostics;
using System.Text;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>Runs the dotnet CLI as a user would, isolated from the test host's MSBuild environment.</summary>
    internal static class DotNetCli
    {
        public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var start = StartInfo(workingDirectory, arguments);
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish in {timeout}.\n{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }

        /// <summary>
        /// <c>dotnet</c> with <paramref name="arguments"/>, output redirected, and the test host's MSBuild
        /// environment removed; also for long-running children such as a language server.
        /// </summary>
        public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host runs inside `dotnet test`; its MSBuild variables would point the child
            // build at the wrong SDK pieces.
            foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            return start;
        }
    }
}
