using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// The analyzer and the code fixes on thousands of broken versions of the code the tests use: every
    /// corpus source, each of its prefixes cut at a token boundary, and seeded random token deletions and
    /// duplications. Nothing may throw: no exception reaches <c>onAnalyzerException</c>, no AD0001, no
    /// unformattable message, no exception from a fixer, an applied fix, Fix All, or the analyzer on the
    /// fixed code. Rerun with another seed:
    /// <c>RNNSHAPE_FUZZ_SEED=&lt;seed&gt; dotnet test Analyzers.Tests --filter AnalyzerFuzzTests</c>.
    /// </summary>
    public sealed class AnalyzerFuzzTests
    {
        private readonly ITestOutputHelper _output;

        public AnalyzerFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task NoVariantMakesTheAnalyzerOrAFixThrow()
        {
            var seed = FuzzSeed.Current;
            var corpus = FuzzCorpus.Instance;
            var generator = new VariantGenerator(seed);
            var variants = corpus.Sources
                .SelectMany(generator.Generate)
                .GroupBy(variant => variant.Text, StringComparer.Ordinal)
                .Select(group => group.First())
                .ToList();

            var runner = new FuzzRunner();
            await runner.RunAsync(variants);

            var prefixes = variants.Count(v => v.Mutation.StartsWith("prefix@", StringComparison.Ordinal));
            var tokenBoundaries = corpus.Sources.Sum(s => VariantGenerator.CountTokenBoundaries(s.Text));
            _output.WriteLine($"seed {seed} (set {FuzzSeed.EnvironmentVariable} to try another)");
            _output.WriteLine($"corpus: {corpus.Sources.Count} sources from {corpus.TestFiles.Count} test files and the seed sample");
            _output.WriteLine($"variants: {variants.Count} distinct ({corpus.Sources.Count} originals, {prefixes} distinct prefixes of {tokenBoundaries} token boundaries, {variants.Count - prefixes - corpus.Sources.Count} deletions/duplications)");
            _output.WriteLine($"variants with RNN diagnostics: {runner.WithDiagnostics} ({runner.Diagnostics} diagnostics)");
            _output.WriteLine($"code actions offered: {runner.ActionsOffered}, fixes applied: {runner.FixesApplied}, Fix All (document) applied: {runner.FixAllApplied}");
            _output.WriteLine($"time: {runner.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores, {runner.ProcessorTime.TotalSeconds:F1} s of processor time");

            Assert.True(runner.Failures.IsEmpty, runner.Report(seed));

            // A run that never reached the fixes would prove nothing about them.
            Assert.True(variants.Count >= 2000, $"only {variants.Count} variants");
            Assert.True(runner.FixesApplied > 0 && runner.FixAllApplied > 0, "no fix was applied");
        }
    }
}
