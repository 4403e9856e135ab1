using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RnnShapeAnalyzers.Package.Tests
{
    /// <summary>The <c>// expect: RNN00x ...</c> markers of a sample: where its warnings must be.</summary>
    internal static class ExpectMarkers
    {
        /// <summary>The marked lines, as sorted (id, 1-based line) pairs; an id may repeat on a line.</summary>
        public static List<(string Id, int Line)> Read(string[] lines)
        {
            var expected = new List<(string, int)>();
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Regex.Match(lines[i], @"// expect: (?<ids>(RNN\d{3}\s*)+)$");
                if (marker.Success)
                {
                    foreach (var id in marker.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        expected.Add((id, i + 1));
                    }
                }
            }

            expected.Sort();
            return expected;
        }
    }
}
