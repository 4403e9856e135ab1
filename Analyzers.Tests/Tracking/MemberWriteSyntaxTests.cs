using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// A type's member writes are taken from the writes the file's one walk collected; they must be
    /// exactly those a walk of the type's own members finds: nested types, base-list arguments and
    /// attributes excluded, lambdas, local functions and initializers included.
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
            }
            """;

        [Fact]
        public void WritesFromTheFileWalkAreThoseOfTheTypesOwnMembers()
        {
            var root = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp12)).GetRoot();
            var fileWrites = root.DescendantNodes().Where(n => MemberWriteSyntax.Target(n) is not null).ToList();
            foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var walked = MemberWriteSyntax.InMembersOf(declaration, null).Select(Describe).ToList();
                var fromFile = MemberWriteSyntax.InMembersOf(declaration, fileWrites).Select(Describe).ToList();
                Assert.Equal(walked, fromFile);
            }

            var outer = root.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText == "Outer");
            var writes = MemberWriteSyntax.InMembersOf(outer, fileWrites).Select(Describe).ToList();
            Assert.Contains("_count = values.Length", writes);
            Assert.Contains("_count = 5", writes);
            Assert.Contains("Size = 6", writes);
            Assert.Contains("= 2", writes);
            Assert.DoesNotContain("seed = 3", writes);
            Assert.DoesNotContain("_hidden = 9", writes);
            Assert.DoesNotContain("_count = 10", writes); // the other part of the partial type
        }

        private static string Describe(SyntaxNode node) => node.ToString();
    }
}
