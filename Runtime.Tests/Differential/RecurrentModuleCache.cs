using System;
using System.Collections.Generic;
using RnnShapeAnalyzers.ShapeRules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>
    /// One module per distinct configuration (a module costs more to build than a call with tiny
    /// tensors), built on first use by a factory: plain TorchSharp modules by default, or checked ones
    /// (<see cref="CheckedCall.CreateModule"/>). Disposes them all.
    /// </summary>
    internal sealed class RecurrentModuleCache : IDisposable
    {
        private readonly Dictionary<(RecurrentKind, long, long, long, bool, bool), nn.Module> _modules = new();
        private readonly Func<DifferentialCase, nn.Module> _create;

        /// <summary>A cache of plain modules (<see cref="LibTorchCall.CreateModule"/>).</summary>
        public RecurrentModuleCache()
            : this(LibTorchCall.CreateModule)
        {
        }

        public RecurrentModuleCache(Func<DifferentialCase, nn.Module> create) => _create = create;

        public int Count => _modules.Count;

        /// <summary>The module for the draw's configuration.</summary>
        public nn.Module For(DifferentialCase draw)
        {
            var key = (draw.Kind, draw.InputSize, draw.HiddenSize, draw.NumLayers, draw.Bidirectional, draw.BatchFirst);
            if (!_modules.TryGetValue(key, out var module))
            {
                module = _create(draw);
                _modules.Add(key, module);
            }

            return module;
        }

        /// <summary>Runs the draw on its plain module, except a call that would kill the process, which is reported as such.</summary>
        public LibTorchOutcome Run(DifferentialCase draw)
            => ProcessCrashingCalls.KillsTheProcess(draw) ? LibTorchOutcome.Crashed() : LibTorchCall.Run(For(draw), draw);

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
