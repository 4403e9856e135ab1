using System;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Benchmarks
{
    /// <summary>What every benchmark class sets up the same way: inference mode, one thread, a fixed seed.</summary>
    internal static class TorchSetup
    {
        /// <summary>Disables autograd until the returned object is disposed; one intra-op thread for steadier numbers.</summary>
        public static IDisposable ForInference()
        {
            torch.set_num_threads(1);
            torch.manual_seed(20251125);
            return torch.no_grad();
        }

        /// <summary>Throws when the plain and the checked module disagree: the benchmark would compare different work.</summary>
        public static void RequireSame(Tensor plain, Tensor @checked, string what)
        {
            if (!plain.shape.AsSpan().SequenceEqual(@checked.shape) || !torch.eq(plain, @checked).all().item<bool>())
            {
                throw new InvalidOperationException($"{what}: the checked module's output differs from the plain module's; are the weights the same?");
            }

            if (plain.requires_grad || @checked.requires_grad)
            {
                throw new InvalidOperationException($"{what}: the output requires grad; the benchmark is meant to run under no_grad.");
            }
        }
    }
}
