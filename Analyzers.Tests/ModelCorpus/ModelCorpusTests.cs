using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace RnnShapeAnalyzers.Tests.ModelCorpus
{
    /// <summary>
    /// The analyzer and its code fixes on the model corpus (ModelCorpus/README.md), models written as
    /// TorchSharp users write them and run on real libtorch by Runtime.Tests: silent on every correct
    /// model; on every broken model exactly the marked diagnostics at the marked spans, and fixes that
    /// leave it compiling without diagnostics.
    /// </summary>
    public sealed class ModelCorpusTests
    {
        public static TheoryData<string> CorrectModels => new TheoryData<string>(CorpusFile.Files("Correct"));

        public static TheoryData<string> BrokenModels => new TheoryData<string>(CorpusFile.Files("Broken"));

        [Theory]
        [MemberData(nameof(CorrectModels))]
        public async Task CorrectModelHasNoDiagnostics(string file)
        {
            var corpusFile = CorpusFile.Load(file);
            var analysis = await CorpusAnalysis.AnalyzeAsync(CorpusAnalysis.CreateDocument(corpusFile.Text, file), CancellationToken.None);

            AssertNone("compiler errors", CorpusAnalysis.DescribeAll(analysis.CompilerErrors));
            AssertNone("analyzer failures", analysis.AnalyzerFailures);
            AssertNone("diagnostics on a correct model", CorpusAnalysis.DescribeAll(analysis.Diagnostics));
        }

        [Theory]
        [MemberData(nameof(BrokenModels))]
        public async Task BrokenModelHasExactlyTheMarkedDiagnostics(string file)
        {
            var corpusFile = CorpusFile.Load(file);
            var analysis = await CorpusAnalysis.AnalyzeAsync(CorpusAnalysis.CreateDocument(corpusFile.Text, file), CancellationToken.None);

            AssertNone("compiler errors", CorpusAnalysis.DescribeAll(analysis.CompilerErrors));
            AssertNone("analyzer failures", analysis.AnalyzerFailures);
            var (marked, reported) = CorpusAnalysis.MarkedAndReported(corpusFile.Text, analysis);
            Assert.Equal(marked, reported);
        }

        [Theory]
        [MemberData(nameof(BrokenModels))]
        public async Task CodeFixesLeaveTheBrokenModelCompilingWithoutDiagnostics(string file)
        {
            var corpusFile = CorpusFile.Load(file);

            var failures = await CorpusFixes.CheckAsync(CorpusAnalysis.CreateDocument(corpusFile.Text, file), CancellationToken.None);

            AssertNone("code-fix failures", failures);
        }

        /// <summary>Fails with every item in full (Assert.Empty shortens long strings).</summary>
        private static void AssertNone(string what, IEnumerable<string> problems)
        {
            var list = problems.ToList();
            Assert.True(list.Count == 0, $"{list.Count} {what}:{Environment.NewLine}{string.Join(Environment.NewLine, list)}");
        }
    }
}
