using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// A type's member writes are found from its members' names up (MemberWriteSyntax.NamingAny); they
    /// must be exactly those a walk of the type's own members finds whose written part names a member:
    /// nested types, base-list arguments and attributes excluded, lambdas, local functions and
    /// initializers included.
    /// </summary>
    public class MemberWriteSyntaxTests
    {
        private const string Source = """
            using System;

            class Base { public Base(int x) { } }

            partial class Outer(int seed) : Base(seed = 3)
            {
                private int _count = 1;
                private int Size { get; set; } = 2;

                [Obsolete("x")]
                public void Run(int[] values)
                {
                    _count = values.Length;
                    _count++;
                    --Size;
                    Func<int> f = () => _count = 5;
                    int Local() => Size = 6;
                    Touch(ref _count);
                    var copy = new Outer(1) { Size = 7 };
                    this._count = 11;
                    (_count, var other) = (12, 13);
                    ref int alias = ref _count;
                    // _count = 15 in a comment
                    var text = "_count = 16";
                }

                private static void Touch(ref int value) => value++;

                private sealed class Inner
                {
                    private int _hidden = 8;
                    public void Set() => _hidden = 9;
                }
            }

            partial class Outer
            {
                public Outer() : this(0) => _count = 10;

                private void Escaped() => _c\u006Funt = 14;
            }
            """;

        [Fact]
        public void WritesFoundFromTheNamesAreThoseOfTheTypesOwnMembers()
        {
            var root = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp12)).GetRoot();
            var names = new[] { "_count", "Size", "_hidden", "seed" };
            foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                Assert.Equal(
                    WalkedWrites(declaration, names).Select(Describe).ToList(),
                    MemberWriteSyntax.NamingAny(declaration, names, CancellationToken.None).Select(Describe).ToList());
            }

            var outer = root.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText == "Outer");
            var writes = MemberWriteSyntax.NamingAny(outer, names, CancellationToken.None).Select(Describe).ToList();

            // Not `seed = 3` (a base-list argument), `_hidden = 9` (a nested type), `_count = 10` (the
            // other part of the partial type), `value++` (no member's name), nor the comment and the string.
            Assert.Equal(
                new[]
                {
                    "= 1", "= 2", "_count = values.Length", "_count++", "--Size", "_count = 5", "Size = 6", "ref _count", "Size = 7",
                    "this._count = 11", "(_count, var other) = (12, 13)", "ref _count",
                },
                writes);

            // A Unicode escape in a name: that part is walked instead of searched, with the same result.
            var otherPart = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Last(c => c.Identifier.ValueText == "Outer");
            Assert.Equal(
                new[] { "_count = 10", "_c\\u006Funt = 14" },
                MemberWriteSyntax.NamingAny(otherPart, names, CancellationToken.None).Select(Describe).ToArray());
        }

        [Fact]
        public void WritesFoundFromTheNamesAreThoseAWalkFindsInEverySourceOfTheTests()
        {
            foreach (var (name, text) in IdentifierSearchTests.AllTestSources())
            {
                var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
                foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
                {
                    var names = declaration.Members
                        .SelectMany(member => member switch
                        {
                            BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.ValueText),
                            PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
                            _ => Enumerable.Empty<string>(),
                        })
                        .ToList();
                    Assert.True(
                        WalkedWrites(declaration, names).SequenceEqual(MemberWriteSyntax.NamingAny(declaration, names, CancellationToken.None)),
                        $"{name}: {declaration.Identifier.ValueText}");
                }
            }
        }

        /// <summary>
        /// The definition, by walking: every write syntax in the declaration's members (not in nested
        /// types) that is an initializer or whose written part holds one of the names.
        /// </summary>
        private static IEnumerable<SyntaxNode> WalkedWrites(TypeDeclarationSyntax declaration, IReadOnlyCollection<string> names)
        {
            foreach (var member in declaration.Members)
            {
                if (member is BaseTypeDeclarationSyntax)
                {
                    continue;
                }

                foreach (var node in member.DescendantNodes(descendIntoChildren: n => n is not BaseTypeDeclarationSyntax))
                {
                    if (MemberWriteSyntax.Target(node) is { } target
                        && (node is EqualsValueClauseSyntax || target.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))))
                    {
                        yield return node;
                    }
                }
            }
        }

        private static string Describe(SyntaxNode node) => node.ToString();
    }
}
