using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>
    /// Makes one call in a child process, for the calls that kill the process they run in. The test
    /// assembly is also a program (its project sets GenerateProgramFile to false): run with a draw's
    /// arguments, it makes that call and prints what happened.
    /// </summary>
    internal static class ChildProcessCall
    {
        /// <summary>Printed just before the call, so that a crash is told apart from a failure to start.</summary>
        public const string CallingMarker = "calling libtorch";

        /// <summary>The exit code of a process killed by SIGSEGV, as .NET reports it (128 + 11).</summary>
        public const int SegmentationFaultExitCode = 139;

        /// <summary>Runs <paramref name="draw"/> in a child process: its exit code, and what it printed.</summary>
        public static (int ExitCode, string Output) Run(DifferentialCase draw)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(ChildProcessCall).Assembly.Location);
            foreach (var argument in new[]
            {
                draw.Kind.ToString(), Text(draw.InputSize), Text(draw.HiddenSize), Text(draw.NumLayers), draw.Bidirectional.ToString(), draw.BatchFirst.ToString(),
                Format(draw.Input), Format(draw.Hidden), Format(draw.Cell),
            })
            {
                start.ArgumentList.Add(argument);
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The child process for {draw} did not finish in 2 minutes.\n{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }

            void Append(string? line)
            {
                if (line is not null)
                {
                    lock (output)
                    {
                        output.AppendLine(line);
                    }
                }
            }
        }

        /// <summary>The entry point of the test assembly run as a program; without arguments it does nothing.</summary>
        public static int Main(string[] args)
        {
            if (args.Length != 9)
            {
                Console.Error.WriteLine("usage: <kind> <inputSize> <hiddenSize> <numLayers> <bidirectional> <batchFirst> <input> <h0> <c0>, shapes as [2,3], [] or -");
                return args.Length == 0 ? 0 : 2;
            }

            var draw = new DifferentialCase(0, 0, Enum.Parse<RecurrentKind>(args[0]), long.Parse(args[1], CultureInfo.InvariantCulture), long.Parse(args[2], CultureInfo.InvariantCulture),
                long.Parse(args[3], CultureInfo.InvariantCulture), bool.Parse(args[4]), bool.Parse(args[5]), Parse(args[6])!, Parse(args[7]), Parse(args[8]), null, null);
            using var module = LibTorchCall.CreateModule(draw);
            Console.WriteLine(CallingMarker);
            Console.Out.Flush();
            Console.WriteLine(LibTorchCall.Run(module, draw));
            return 0;
        }

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Format(long[]? shape) => shape is null ? "-" : "[" + string.Join(",", shape.Select(Text)) + "]";

        private static long[]? Parse(string text) => text == "-"
            ? null
            : text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();
    }
}
