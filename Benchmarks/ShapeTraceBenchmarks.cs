using System;
using BenchmarkDotNet.Attributes;
using RnnShapeAnalyzers.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Benchmarks
{
    /// <summary>
    /// What the opt-in shape trace costs: the tiny checked GRUCell forward with nobody listening
    /// (the baseline) and with a no-op callback subscribed, which makes every call build a
    /// <see cref="RecurrentCallTrace"/> of six shapes.
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class ShapeTraceBenchmarks
    {
        private IDisposable _noGrad = null!;
        private CheckedGRUCell _gruCell = null!;
        private Tensor _step = null!;
        private Tensor _h0 = null!;
        private IDisposable? _subscription;
        private int _traced;

        [GlobalSetup(Target = nameof(TraceOff))]
        public void SetupTraceOff() => Setup();

        [GlobalSetup(Target = nameof(TraceOn))]
        public void SetupTraceOn()
        {
            Setup();
            _subscription = RnnShapeTrace.Subscribe(_ => { });
            using (torch.NewDisposeScope())
            {
                // A subscription that records nothing would make the comparison meaningless.
                using var probe = RnnShapeTrace.Subscribe(_ => _traced++);
                _gruCell.call(_step, _h0);
            }

            if (_traced != 1)
            {
                throw new InvalidOperationException("The shape trace did not record the checked call.");
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _subscription?.Dispose();
            _subscription = null;
            _gruCell.Dispose();
            _step.Dispose();
            _h0.Dispose();
            _noGrad.Dispose();
        }

        [Benchmark(Baseline = true, Description = "checked GRUCell, trace off")]
        public void TraceOff() => _gruCell.call(_step, _h0).Dispose();

        [Benchmark(Description = "checked GRUCell, trace on (no-op callback)")]
        public void TraceOn() => _gruCell.call(_step, _h0).Dispose();

        private void Setup()
        {
            _noGrad = TorchSetup.ForInference();
            _gruCell = CheckedNN.GRUCell(4, 8);
            _gruCell.eval();
            _step = torch.randn(1, 4);
            _h0 = torch.zeros(1, 8);
        }
    }
}
