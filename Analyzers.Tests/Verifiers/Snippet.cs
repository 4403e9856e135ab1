namespace RnnShapeAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Wraps a method body in the usings and class every test uses, so a test shows only the lines that
    /// matter. Source and fixed source go through the same wrapper, so their text differs only where the
    /// fix edits it.
    /// </summary>
    internal static class Snippet
    {
        public const string Usings = """
            using System;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            """;

        /// <summary><paramref name="body"/> as the body of <c>void M(<paramref name="parameters"/>)</c> in class <paramref name="className"/>.</summary>
        public static string Method(string body, string parameters = "", string members = "", string className = "C")
            => Usings + "class " + className + "\n{\n" + members + "    void M(" + parameters + ")\n    {\n" + Indent(body) + "    }\n}\n";

        private static string Indent(string body)
        {
            var lines = body.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
            var result = new System.Text.StringBuilder();
            foreach (var line in lines)
            {
                result.Append(line.Length == 0 ? string.Empty : "        " + line).Append('\n');
            }

            return result.ToString();
        }
    }
}
