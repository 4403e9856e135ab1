using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>The fuzz corpus really is the test suite's code: every test file contributes and no raw or verbatim literal is left out.</summary>
    public sealed class FuzzCorpusTests
    {
        private readonly ITestOutputHelper _output;

        public FuzzCorpusTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void EveryCodeLiteralOfTheTestsIsInTheCorpus()
        {
            var corpus = FuzzCorpus.Instance;
            foreach (var group in corpus.Sources.GroupBy(s => s.Name.Split(':')[0]))
            {
                _output.WriteLine($"{group.Key}: {group.Count()} sources");
            }

            Assert.Empty(corpus.Unreached);
            var contributing = corpus.Sources.Select(s => s.Name.Split(':')[0]).ToHashSet();
            Assert.All(corpus.TestFiles, file => Assert.Contains(file, contributing));
            Assert.Contains(corpus.Sources, s => s.IsProgram);
        }

        [Fact]
        public void NoMarkupIsLeftInTheCorpus()
            => Assert.All(FuzzCorpus.Instance.Sources, s => Assert.DoesNotContain("{|", s.Text));
    }
}
