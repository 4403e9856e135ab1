using System;
using System.Collections.Generic;
using RnnShapeAnalyzers.ShapeRules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>
    /// Plain TorchSharp modules, one per distinct configuration (a module costs more to build than a
    /// call with tiny tensors), that run the draws of the differential test in this process.
    /// </summary>
    internal sealed class RecurrentModuleCache : IDisposable
    {
        private readonly Dictionary<(RecurrentKind, long, long, long, bool, bool), nn.Module> _modules = new();

        public int Count => _modules.Count;

        /// <summary>Runs the draw on its module, except a call that would kill the process, which is reported as such.</summary>
        public LibTorchOutcome Run(DifferentialCase draw)
        {
            if (ProcessCrashingCalls.KillsTheProcess(draw))
            {
                return LibTorchOutcome.Crashed();
            }

            var key = (draw.Kind, draw.InputSize, draw.HiddenSize, draw.NumLayers, draw.Bidirectional, draw.BatchFirst);
            if (!_modules.TryGetValue(key, out var module))
            {
                module = LibTorchCall.CreateModule(draw);
                _modules.Add(key, module);
            }

            return LibTorchCall.Run(module, draw);
        }

        public void Dispose()
        {
            foreach (var module in _modules.Values)
            {
                module.Dispose();
            }

            _modules.Clear();
        }
    }
}
