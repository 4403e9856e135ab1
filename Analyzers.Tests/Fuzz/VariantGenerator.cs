using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// The variants of one source: the source itself; the source cut after each of its tokens (all cut
    /// points, or a seeded sample of <see cref="MaxPrefixes"/> of them); and seeded random edits at token
    /// granularity: deletions and duplications of a run of one to three tokens, alone and combined. Every
    /// random choice comes from <see cref="FuzzSeed.For"/> with the seed and the source's name.
    /// </summary>
    internal sealed class VariantGenerator
    {
        public VariantGenerator(int seed) => Seed = seed;

        public int Seed { get; }

        /// <summary>Null: every token boundary.</summary>
        public int? MaxPrefixes { get; init; }

        public int Deletions { get; init; } = 8;

        public int Duplications { get; init; } = 8;

        /// <summary>Variants with two or three deletions/duplications at once.</summary>
        public int Combined { get; init; } = 4;

        public IEnumerable<FuzzVariant> Generate(CorpusSource source)
        {
            var random = FuzzSeed.For(Seed, source.Name);
            yield return new FuzzVariant(source, "original", source.Text);

            foreach (var cut in CutPoints(source.Text, random))
            {
                yield return new FuzzVariant(source, "prefix@" + cut, source.Text.Substring(0, cut));
            }

            for (var i = 0; i < Deletions; i++)
            {
                if (Mutate(source.Text, random, delete: true) is { } deleted)
                {
                    yield return new FuzzVariant(source, deleted.Description, deleted.Text);
                }
            }

            for (var i = 0; i < Duplications; i++)
            {
                if (Mutate(source.Text, random, delete: false) is { } duplicated)
                {
                    yield return new FuzzVariant(source, duplicated.Description, duplicated.Text);
                }
            }

            for (var i = 0; i < Combined; i++)
            {
                var text = source.Text;
                var steps = new List<string>();
                var count = random.Next(2, 4);
                for (var step = 0; step < count; step++)
                {
                    if (Mutate(text, random, delete: random.Next(2) == 0) is { } mutated)
                    {
                        text = mutated.Text;
                        steps.Add(mutated.Description);
                    }
                }

                if (steps.Count > 0)
                {
                    yield return new FuzzVariant(source, string.Join("+", steps), text);
                }
            }
        }

        /// <summary>Number of token boundaries of <paramref name="text"/>, for reporting how many prefixes a full run would have.</summary>
        public static int CountTokenBoundaries(string text) => TokenSpans(text).Select(span => span.End).Distinct().Count();

        private IEnumerable<int> CutPoints(string text, Random random)
        {
            var cuts = TokenSpans(text).Select(span => span.End).Distinct().Where(end => end < text.Length).ToList();
            if (MaxPrefixes is not int max || cuts.Count <= max)
            {
                return cuts;
            }

            // A seeded sample, kept in text order so the output reads naturally.
            return cuts.OrderBy(_ => random.Next()).Take(max).OrderBy(cut => cut).ToList();
        }

        private static (string Text, string Description)? Mutate(string text, Random random, bool delete)
        {
            var spans = TokenSpans(text);
            if (spans.Count == 0)
            {
                return null;
            }

            var length = random.Next(100) switch
            {
                < 60 => 1,
                < 85 => 2,
                _ => 3,
            };
            var first = random.Next(spans.Count);
            var last = Math.Min(spans.Count - 1, first + length - 1);
            var span = TextSpan.FromBounds(spans[first].Start, spans[last].End);
            var range = $"[{span.Start}..{span.End})";
            return delete
                ? (text.Remove(span.Start, span.Length), "delete" + range)
                : (text.Insert(span.End, " " + text.Substring(span.Start, span.Length)), "duplicate" + range);
        }

        /// <summary>The spans of the tokens of <paramref name="text"/> that have text (no end of file, no token the parser made up).</summary>
        private static List<TextSpan> TokenSpans(string text)
            => CSharpSyntaxTree.ParseText(text, FuzzCompilation.ParseOptions)
                .GetRoot()
                .DescendantTokens(descendIntoTrivia: false)
                .Where(token => token.Span.Length > 0 && !token.IsKind(SyntaxKind.EndOfFileToken))
                .Select(token => token.Span)
                .ToList();
    }
}
