using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Fuzz;
using Xunit;

namespace RnnShapeAnalyzers.Tests.ModelCorpus
{
    /// <summary>
    /// The corpus is what its README says and the harness can fail: the markers parse as documented,
    /// every rule has a broken model, and a marker moved off the reported span is caught.
    /// </summary>
    public sealed class ModelCorpusHarnessTests
    {
        /// <summary>The rules the analyzer can prove in source (RNN006, the device, is known at run time only).</summary>
        private static readonly string[] SourceRules = { "RNN001", "RNN002", "RNN003", "RNN004", "RNN005", "RNN007", "RNN008", "RNN009", "RNN010", "RNN011" };

        [Fact]
        public void MarkersGiveTheSpanBetweenThemForEachId()
        {
            const string text = "call(/*~RNN002,RNN003*/h0/*~*/, /*~RNN001*/x[/*~RNN004*/i/*~*/]/*~*/)";

            var expected = DiagnosticMarkers.Parse(text);

            Assert.Equal(
                new[] { "RNN002 h0", "RNN003 h0", "RNN004 i", "RNN001 x[/*~RNN004*/i/*~*/]" },
                expected.Select(e => e.Id + " " + text.Substring(e.Span.Start, e.Span.Length)));
        }

        [Theory]
        [InlineData("call(/*~RNN001*/x)")]
        [InlineData("call(x/*~*/)")]
        [InlineData("call(/*~RNN01*/x/*~*/)")]
        [InlineData("call(/*~RNN001*/ x/*~*/)")]
        [InlineData("call(/*~RNN001*//*~*/x)")]
        public void MalformedMarkersThrow(string text)
            => Assert.Throws<FormatException>(() => DiagnosticMarkers.Parse(text));

        [Fact]
        public void CorpusHasFifteenCorrectModelsAndABrokenModelForEveryRule()
        {
            Assert.True(CorpusFile.Files("Correct").Count() >= 15);
            Assert.All(CorpusFile.Files("Correct"), file => Assert.Empty(CorpusFile.Load(file).Expected));
            Assert.All(CorpusFile.Files("Broken"), file => Assert.NotEmpty(CorpusFile.Load(file).Expected));
            var marked = CorpusFile.Files("Broken").SelectMany(file => CorpusFile.Load(file).Expected).Select(e => e.Id).ToHashSet();
            Assert.Superset(SourceRules.ToHashSet(), marked);
        }

        [Fact]
        public void FixerDiscoveryFindsEveryFixerTheFuzzTestsRun()
            => Assert.Superset(
                CodeFixProbe.Fixers.Select(f => f.GetType()).ToHashSet(),
                CorpusFixes.Fixers.Select(f => f.GetType()).ToHashSet());

        /// <summary>
        /// The dry-run model's RNN001 is on a layer in a local, which the analyzer proves today; moving its
        /// marker by one token must make the comparison fail, and so must removing it.
        /// </summary>
        [Theory]
        [InlineData("/*~RNN001*/torch.zeros(1, 1, Hidden)/*~*/", "torch./*~RNN001*/zeros(1, 1, Hidden)/*~*/")]
        [InlineData("/*~RNN001*/torch.zeros(1, 1, Hidden)/*~*/", "/*~RNN002*/torch.zeros(1, 1, Hidden)/*~*/")]
        [InlineData("/*~RNN001*/torch.zeros(1, 1, Hidden)/*~*/", "torch.zeros(1, 1, Hidden)")]
        public async Task MovedOrMissingMarkerIsAMismatch(string markedSpan, string mutated)
        {
            var original = CorpusFile.Load("Broken/DryRunProbeWithHiddenWidth.cs").Text;
            Assert.Contains(markedSpan, original, StringComparison.Ordinal);
            var text = original.Replace(markedSpan, mutated, StringComparison.Ordinal);

            var analysis = await CorpusAnalysis.AnalyzeAsync(CorpusAnalysis.CreateDocument(text, "Mutated.cs"), CancellationToken.None);

            var (marked, reported) = CorpusAnalysis.MarkedAndReported(text, analysis);
            Assert.Single(reported);
            Assert.NotEqual(marked, reported);
        }
    }
}
