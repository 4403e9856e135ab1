using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnShapeAnalyzers.Tests.Fuzz;
using RnnShapeAnalyzers.Tests.ModelCorpus;
using Xunit;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// The analyzer finds its calls and a type's member writes by searching the source text for names
    /// (IdentifierSearch), not by walking every node: it must find exactly the identifier tokens a walk
    /// finds, whatever else the text holds (the names in comments, strings, longer identifiers, verbatim
    /// identifiers, Unicode escapes).
    /// </summary>
    public class IdentifierSearchTests
    {
        private static readonly string[] CallNames = { "call", "forward" };

        private static readonly CSharpParseOptions Options = new CSharpParseOptions(LanguageVersion.Preview);

        private const string Tricky = """
            using System;

            /// <summary>Calls <see cref="M.call(int)"/>; call me.</summary>
            class M
            {
                public int call(int x) => x;
                public int forward(int x) => x;
                public int callback;
                public int recall;

                public int Run(M m, M? maybe)
                {
                    // m.call(1) in a comment
                    /* m.forward(2) in another */
                    var s = "m.call(3)" + @"call" + $"{m.call(4)} and call";
            #if call
                    m.call(5);
            #endif
                    var v = m.@call(6) + m.forward(7) + (maybe?.call(8) ?? 0) + m.callback + m.recall;
                    Func<int, int> f = m.call;
                    return v + f(9) + m.forward(m.call(10));
                }
            }
            """;

        [Fact]
        public void FindsTheIdentifiersAndNothingElse()
        {
            var root = CSharpSyntaxTree.ParseText(Tricky, Options).GetRoot();
            var found = IdentifierSearch.Find(root, CallNames, CancellationToken.None);

            // The two declarations; in Run the call inside the interpolation, the three of `v`'s line, the
            // method group and the two of the last line. Not the names in the doc comment, the comments,
            // the strings, the interpolation's text, the #if and the line it leaves out, nor the longer names.
            Assert.Equal(
                new[] { "call", "forward", "call", "@call", "forward", "call", "call", "forward", "call" },
                found.Select(token => token.Text).ToArray());
            Assert.Equal(found.OrderBy(token => token.SpanStart).ToList(), found);
            Assert.Equal(IdentifierSearch.FindByWalking(root, CallNames, CancellationToken.None), found);
        }

        [Fact]
        public void AUnicodeEscapedNameIsFound()
        {
            var root = CSharpSyntaxTree.ParseText(
                """
                class M
                {
                    int call(int x) => x;
                    int Run() => c\u0061ll(1) + this.cal\u006C(2);
                }
                """,
                Options).GetRoot();

            var found = IdentifierSearch.Find(root, CallNames, CancellationToken.None);

            Assert.Equal(new[] { "call", "c\\u0061ll", "cal\\u006C" }, found.Select(token => token.Text).ToArray());
        }

        [Fact]
        public void ANameWithAFormattingCharacterIsFound()
        {
            // A soft hyphen inside a name: the compiler leaves it out of the name's value.
            var source = "class M { int call(int x) => x; int Run() => ca\u00ADll(1) + this.call(2); }";
            var root = CSharpSyntaxTree.ParseText(source, Options).GetRoot();

            var found = IdentifierSearch.Find(root, CallNames, CancellationToken.None);

            Assert.Equal(new[] { "call", "ca\u00ADll", "call" }, found.Select(token => token.Text).ToArray());
        }

        [Fact]
        public void InAnInnerScopeOnlyItsTokensAreFound()
        {
            var root = CSharpSyntaxTree.ParseText(Tricky, Options).GetRoot();
            var run = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(method => method.Identifier.ValueText == "Run");

            var found = IdentifierSearch.Find(run, CallNames, CancellationToken.None);

            Assert.Equal(7, found.Count);
            Assert.All(found, token => Assert.True(run.Span.Contains(token.Span)));
        }

        [Fact]
        public void FindsWhatAWalkFindsInEverySourceOfTheTests()
        {
            var checkedSources = 0;
            foreach (var (name, text) in AllTestSources())
            {
                var root = CSharpSyntaxTree.ParseText(text, Options).GetRoot();

                // The calls' names, and every field, property and local name the source declares.
                var declaredNames = root.DescendantNodes()
                    .Select(node => node switch
                    {
                        VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
                        PropertyDeclarationSyntax property => property.Identifier.ValueText,
                        _ => null,
                    })
                    .OfType<string>()
                    .Distinct()
                    .ToList();
                foreach (var names in new[] { CallNames, declaredNames.ToArray() })
                {
                    var searched = IdentifierSearch.Find(root, names, CancellationToken.None);
                    var walked = IdentifierSearch.FindByWalking(root, names, CancellationToken.None);
                    Assert.True(walked.SequenceEqual(searched), $"{name}: searched {searched.Count} tokens, walked {walked.Count}");
                }

                checkedSources++;
            }

            Assert.True(checkedSources > 100, $"only {checkedSources} sources");
        }

        /// <summary>Every source the analyzer tests compile, and every file of ModelCorpus/.</summary>
        internal static IEnumerable<(string Name, string Text)> AllTestSources()
        {
            foreach (var source in FuzzCorpus.Instance.Sources)
            {
                yield return (source.Name, source.Text);
            }

            foreach (var folder in new[] { "Correct", "Broken" })
            {
                foreach (var path in CorpusFile.Files(folder))
                {
                    yield return (path, CorpusFile.Load(path).Text);
                }
            }
        }
    }
}
