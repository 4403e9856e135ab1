using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lsp
{
    /// <summary>Every message both ways, timestamped and cut to a readable length, for the failure output.</summary>
    internal sealed class LspTrafficLog
    {
        private const int MaxMessageLength = 2000;
        private const int MaxEntries = 4000;

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentQueue<string> _entries = new ConcurrentQueue<string>();
        private int _dropped;

        public void Sent(string json) => Add("-->", json);

        public void Received(string json) => Add("<--", json);

        public void Note(string text) => Add("---", text);

        public override string ToString()
        {
            var text = string.Join(Environment.NewLine, _entries.ToArray());
            return _dropped == 0 ? text : text + Environment.NewLine + $"... {_dropped} more messages not logged";
        }

        private void Add(string direction, string text)
        {
            if (_entries.Count >= MaxEntries)
            {
                System.Threading.Interlocked.Increment(ref _dropped);
                return;
            }

            var cut = text.Length <= MaxMessageLength ? text : text.Substring(0, MaxMessageLength) + $"... ({text.Length} chars)";
            _entries.Enqueue($"[{_clock.Elapsed.TotalSeconds,7:F2}s] {direction} {cut}");
        }
    }
}
