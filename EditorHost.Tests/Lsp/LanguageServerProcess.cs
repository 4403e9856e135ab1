using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using RnnShapeAnalyzers.Package.Tests;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lsp
{
    /// <summary>
    /// A language server started through the dotnet CLI (isolated from the test host's MSBuild
    /// environment) speaking LSP on its stdin/stdout; its stderr is its log. Disposing kills it and its
    /// children if it has not exited by then.
    /// </summary>
    internal sealed class LanguageServerProcess : IDisposable
    {
        private const int MaxLogLength = 200_000;

        private readonly Process _process;
        private readonly StringBuilder _log = new StringBuilder();

        private LanguageServerProcess(Process process)
        {
            _process = process;
        }

        /// <summary>What the server writes: LSP messages.</summary>
        public Stream Output => _process.StandardOutput.BaseStream;

        /// <summary>What the server reads: LSP messages.</summary>
        public Stream Input => _process.StandardInput.BaseStream;

        /// <summary>The server's stderr so far.</summary>
        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public static LanguageServerProcess Start(string workingDirectory, params string[] arguments)
        {
            var start = DotNetCli.StartInfo(workingDirectory, arguments);
            start.RedirectStandardInput = true;
            start.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var process = new Process { StartInfo = start };
            var server = new LanguageServerProcess(process);
            process.ErrorDataReceived += (_, e) => server.AppendLog(e.Data);
            process.Start();
            process.BeginErrorReadLine();
            return server;
        }

        public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit((int)timeout.TotalMilliseconds);

        public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }

            _process.Dispose();
        }

        private void AppendLog(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                if (_log.Length < MaxLogLength)
                {
                    _log.AppendLine(line);
                }
            }
        }
    }
}
