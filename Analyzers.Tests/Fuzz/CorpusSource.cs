namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// One C# source of the fuzz corpus: where it came from (test file and line, or the sample), its text
    /// with the test markup removed, and whether it is a program with top-level statements and implicit
    /// usings (the seed sample) rather than a library source like the test snippets.
    /// </summary>
    internal sealed class CorpusSource
    {
        public CorpusSource(string name, string text, bool isProgram)
        {
            Name = name;
            Text = text;
            IsProgram = isProgram;
        }

        public string Name { get; }

        public string Text { get; }

        public bool IsProgram { get; }

        public override string ToString() => Name;
    }
}
