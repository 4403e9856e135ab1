using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using RnnShapeAnalyzers.Package.Tests;

namespace RnnShapeAnalyzers.EditorHost.Tests
{
    /// <summary>
    /// Where each <c>// expect:</c> marker of the seed sample puts its diagnostic, as an editor shows it:
    /// on the argument of the marked <c>call(input, state)</c> the rule is about (the input for RNN001 and
    /// RNN004, the state for RNN002 and RNN003), 0-based like LSP positions.
    /// </summary>
    internal static class ExpectedRanges
    {
        public static SortedSet<(string Id, int Line, int StartCharacter, int EndCharacter)> Read(string[] lines)
        {
            var ranges = new SortedSet<(string, int, int, int)>();
            foreach (var (id, oneBasedLine) in ExpectMarkers.Read(lines))
            {
                var line = lines[oneBasedLine - 1];
                var call = Regex.Match(line, @"\.call\((?<input>[^,()]+),\s*(?<state>[^,()]+)\)");
                if (!call.Success)
                {
                    throw new InvalidOperationException($"line {oneBasedLine} has an expect marker but no call(input, state): {line}");
                }

                var argument = id is "RNN002" or "RNN003" ? call.Groups["state"] : call.Groups["input"];
                ranges.Add((id, oneBasedLine - 1, argument.Index, argument.Index + argument.Length));
            }

            return ranges;
        }
    }
}
