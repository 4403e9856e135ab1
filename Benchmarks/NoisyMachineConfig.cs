using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RnnShapeAnalyzers.Benchmarks
{
    /// <summary>
    /// The job every benchmark here uses, tuned for a small, shared machine (2 cores, other work
    /// running): a fixed number of iterations so a run takes a predictable time, and more of them than
    /// BenchmarkDotNet's short job so the mean settles; the median is shown next to it because it is
    /// less moved by the odd slow iteration. In process, because the out-of-process toolchain builds a
    /// fresh project whose copy of libLibTorchSharp.so does not get eng/TorchSharpNativeFixup.targets
    /// and so does not load on Debian 12.
    /// </summary>
    public sealed class NoisyMachineConfig : ManualConfig
    {
        public NoisyMachineConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(5)
                .WithIterationCount(20)
                .WithId("InProcess"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Median);
            AddColumn(CategoriesColumn.Default);
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        }
    }
}
