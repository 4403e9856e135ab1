using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RnnShapeAnalyzers.Runtime;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>The opt-in shape trace records what went in and out of each checked call, and nothing when off.</summary>
    [Collection(ShapeTraceCollection.Name)]
    public sealed class ShapeTraceTests
    {
        [Fact]
        public void ASubscribedCallbackSeesLayerInputStateAndOutputShapes()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(4, 8, numLayers: 2, batchFirst: true);
            var traces = new List<RecurrentCallTrace>();
            using (RnnShapeTrace.Subscribe(traces.Add))
            {
                lstm.call(torch.randn(3, 5, 4), (torch.zeros(2, 3, 8), torch.zeros(2, 3, 8)));
            }

            var trace = Assert.Single(traces);
            Assert.Equal(RecurrentKind.Lstm, trace.Layer.Kind);
            Assert.Equal(Shape.Of(3, 5, 4), trace.Input);
            Assert.Equal(Shape.Of(2, 3, 8), trace.HiddenState);
            Assert.Equal(Shape.Of(3, 5, 8), trace.Output);
            Assert.Equal(Shape.Of(2, 3, 8), trace.CellOut);
            Assert.Equal(
                "LSTM(inputSize: 4, hiddenSize: 8, numLayers: 2, bidirectional: false, batchFirst: true): input [3, 5, 4] h0 [2, 3, 8] c0 [2, 3, 8] -> output [3, 5, 8] h_n [2, 3, 8] c_n [2, 3, 8]",
                trace.ToString());
        }

        [Fact]
        public void ACellCalledWithoutAStateIsTracedWithTheZerosItFilledIn()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = CheckedNN.GRUCell(4, 6);
            using var rnn = CheckedNN.RNNCell(4, 6);
            using var lstm = CheckedNN.LSTMCell(4, 6);
            using var sequence = CheckedNN.GRU(4, 6);
            var traces = new List<RecurrentCallTrace>();
            using (RnnShapeTrace.Subscribe(traces.Add))
            {
                gru.call(torch.randn(3, 4));
                rnn.call(torch.randn(4));
                lstm.call(torch.randn(3, 4));
                sequence.call(torch.randn(5, 3, 4));
            }

            Assert.Equal(new[] { Shape.Of(3, 6), Shape.Of(6), Shape.Of(3, 6), null }, traces.Select(t => t.HiddenState));
            Assert.Equal(new[] { null, null, Shape.Of(3, 6), null }, traces.Select(t => t.CellState));
            Assert.Equal("LSTMCell(inputSize: 4, hiddenSize: 6): input [3, 4] h0 [3, 6] c0 [3, 6] -> output [3, 6] h_n [3, 6] c_n [3, 6]", traces[2].ToString());
        }

        [Fact]
        public void NothingIsRecordedOnceTheSubscriptionIsDisposed()
        {
            using var scope = torch.NewDisposeScope();
            using var cell = CheckedNN.GRUCell(4, 6);
            var count = 0;
            var subscription = RnnShapeTrace.Subscribe(_ => count++);
            cell.call(torch.randn(2, 4));
            subscription.Dispose();
            subscription.Dispose();
            cell.call(torch.randn(2, 4));
            Assert.Equal(1, count);
            Assert.False(RnnShapeTrace.IsEnabled);
        }

        [Fact]
        public void ADiagnosticListenerSubscriberReceivesTheEvents()
        {
            using var scope = torch.NewDisposeScope();
            using var rnn = CheckedNN.RNN(4, 6);
            var payloads = new List<object?>();
            IDisposable? events = null;
            using (DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
            {
                if (listener.Name == RnnShapeTrace.ListenerName)
                {
                    events = listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e => payloads.Add(e.Value)));
                }
            })))
            {
                rnn.call(torch.randn(5, 2, 4));
                events?.Dispose();
            }

            rnn.call(torch.randn(5, 2, 4));
            var trace = Assert.IsType<RecurrentCallTrace>(Assert.Single(payloads));
            Assert.Equal(Shape.Of(5, 2, 6), trace.Output);
        }

        [Fact]
        public async Task SubscribingAndUnsubscribingWhileOtherThreadsCallIsSafe()
        {
            using var cell = CheckedNN.RNNCell(4, 6);
            var seen = new ConcurrentBag<RecurrentCallTrace>();
            var callers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 300; i++)
                {
                    using var scope = torch.NewDisposeScope();
                    cell.call(torch.randn(1, 4));
                }
            })).ToArray();
            var subscriber = Task.Run(() =>
            {
                for (var i = 0; i < 300; i++)
                {
                    using (RnnShapeTrace.Subscribe(seen.Add))
                    {
                    }
                }
            });
            await Task.WhenAll(callers.Append(subscriber));
            Assert.False(RnnShapeTrace.IsEnabled);
            Assert.All(seen, t => Assert.Equal(Shape.Of(1, 6), t.Output));
        }

        private sealed class Observer<T> : IObserver<T>
        {
            private readonly Action<T> _next;

            public Observer(Action<T> next) => _next = next;

            public void OnCompleted()
            {
            }

            public void OnError(Exception error)
            {
            }

            public void OnNext(T value) => _next(value);
        }
    }

    /// <summary>The trace is process-wide, so its tests do not run in parallel with each other.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ShapeTraceCollection
    {
        public const string Name = "Shape trace";
    }
}
