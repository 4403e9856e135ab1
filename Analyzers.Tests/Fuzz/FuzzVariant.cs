namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>A mutated corpus source: which source, what was done to it (enough to rebuild it from the seed), and the text.</summary>
    internal sealed class FuzzVariant
    {
        public FuzzVariant(CorpusSource source, string mutation, string text)
        {
            Source = source;
            Mutation = mutation;
            Text = text;
        }

        public CorpusSource Source { get; }

        /// <summary><c>original</c>, <c>prefix@120</c> (the text up to character 120), <c>delete[120..131)</c>, <c>duplicate[120..131)</c>, joined by <c>+</c> when combined.</summary>
        public string Mutation { get; }

        public string Text { get; }

        public override string ToString() => Source.Name + " " + Mutation;
    }
}
