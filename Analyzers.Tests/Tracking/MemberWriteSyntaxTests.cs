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
    /// A member's writes are found from its name up (MemberWriteSyntax.Naming); they must be exactly
    /// those a walk of the type's members finds whose written part names it, or its initializer: the
    /// type's own base-list arguments and attributes excluded; lambdas, local functions and nested
    /// types (which may assign the type's private members) included.
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
                private int _other = _count + 1;

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
        public void WritesFoundFromTheNameAreThoseOfTheTypesOwnMembers()
        {
            var root = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp12)).GetRoot();
            foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                foreach (var name in new[] { "_count", "Size", "_hidden", "seed", "value" })
                {
                    Assert.Equal(
                        WalkedWrites(declaration, name).Select(Describe).ToList(),
                        MemberWriteSyntax.Naming(declaration, name, CancellationToken.None).Select(Describe).ToList());
                }
            }

            // Not `seed = 3` (the type's own base-list argument), `_count = 10` (the other part of the partial type),
            // `= 2` and `= _count + 1` (other members' initializers), nor the comment and the string.
            var outer = root.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText == "Outer");
            Assert.Equal(
                new[] { "= 1", "_count = values.Length", "_count++", "_count = 5", "ref _count", "this._count = 11", "(_count, var other) = (12, 13)", "ref _count" },
                MemberWriteSyntax.Naming(outer, "_count", CancellationToken.None).Select(Describe).ToArray());
            Assert.Equal(
                new[] { "= 2", "--Size", "Size = 6", "Size = 7" },
                MemberWriteSyntax.Naming(outer, "Size", CancellationToken.None).Select(Describe).ToArray());
            Assert.Equal(new[] { "= _count + 1" }, MemberWriteSyntax.Naming(outer, "_other", CancellationToken.None).Select(Describe).ToArray());
            // A nested type's write: it may assign the type's private members, and binding tells which member it is.
            Assert.Equal(new[] { "_hidden = 9" }, MemberWriteSyntax.Naming(outer, "_hidden", CancellationToken.None).Select(Describe).ToArray());
            Assert.Empty(MemberWriteSyntax.Naming(outer, "seed", CancellationToken.None));

            // A Unicode escape in a name: that part is walked instead of searched, with the same result.
            var otherPart = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Last(c => c.Identifier.ValueText == "Outer");
            Assert.Equal(
                new[] { "_count = 10", "_c\\u006Funt = 14" },
                MemberWriteSyntax.Naming(otherPart, "_count", CancellationToken.None).Select(Describe).ToArray());
        }

        [Fact]
        public void WritesFoundFromTheNameAreThoseAWalkFindsInEverySourceOfTheTests()
        {
            foreach (var (source, text) in IdentifierSearchTests.AllTestSources())
            {
                var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
                foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
                {
                    var names = declaration.Members.SelectMany(member => member switch
                    {
                        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.ValueText),
                        PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
                        _ => Enumerable.Empty<string>(),
                    });
                    foreach (var name in names)
                    {
                        Assert.True(
                            WalkedWrites(declaration, name).SequenceEqual(MemberWriteSyntax.Naming(declaration, name, CancellationToken.None)),
                            $"{source}: {declaration.Identifier.ValueText}.{name}");
                    }
                }
            }
        }

        /// <summary>
        /// The definition, by walking: every write syntax in the declaration's members (nested types'
        /// included) whose written part holds the name, and the initializer of the declaration's own
        /// member called <paramref name="name"/>.
        /// </summary>
        private static IEnumerable<SyntaxNode> WalkedWrites(TypeDeclarationSyntax declaration, string name)
        {
            foreach (var member in declaration.Members)
            {
                foreach (var node in member.DescendantNodes())
                {
                    var isWrite = node switch
                    {
                        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } variable }
                            => field.Parent == declaration && variable.Identifier.ValueText == name,
                        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }
                            => property.Parent == declaration && property.Identifier.ValueText == name,
                        _ => MemberWriteSyntax.Target(node) is { } target && node is not EqualsValueClauseSyntax
                            && target.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name),
                    };
                    if (isWrite)
                    {
                        yield return node;
                    }
                }
            }
        }

        private static string Describe(SyntaxNode node) => node.ToString();
    }
}
