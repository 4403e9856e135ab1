using System;
using System.Diagnostics;
using System.Threading;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// The opt-in shape trace: when a callback is subscribed or a <see cref="DiagnosticListener"/>
    /// subscriber listens to <see cref="ListenerName"/>, every checked call records its layer and the
    /// shapes that went in and came out. When nobody listens, a checked call pays one field read and
    /// one <see cref="DiagnosticListener.IsEnabled()"/> check.
    /// </summary>
    /// <remarks>
    /// Thread safety: subscribing and unsubscribing are atomic and may happen on any thread while other
    /// threads run checked calls; a call sees either the old or the new set of callbacks. Callbacks run
    /// on the thread that made the recurrent call and may run concurrently with each other.
    /// </remarks>
    public static class RnnShapeTrace
    {
        /// <summary>The name of the <see cref="DiagnosticListener"/>; events are named <see cref="EventName"/>.</summary>
        public const string ListenerName = "RnnShapeAnalyzers.Runtime";

        /// <summary>The event name; its payload is a <see cref="RecurrentCallTrace"/>.</summary>
        public const string EventName = "RecurrentCall";

        private static readonly DiagnosticListener Listener = new DiagnosticListener(ListenerName);
        private static Action<RecurrentCallTrace>? _callbacks;

        /// <summary>Calls <paramref name="callback"/> for every checked call until the returned object is disposed.</summary>
        public static IDisposable Subscribe(Action<RecurrentCallTrace> callback)
        {
            if (callback is null)
            {
                throw new ArgumentNullException(nameof(callback));
            }

            Update(current => current + callback);
            return new Subscription(callback);
        }

        internal static bool IsEnabled => Volatile.Read(ref _callbacks) is not null || Listener.IsEnabled(EventName);

        internal static void Record(RecurrentCallTrace trace)
        {
            Volatile.Read(ref _callbacks)?.Invoke(trace);
            if (Listener.IsEnabled(EventName))
            {
                Listener.Write(EventName, trace);
            }
        }

        private static void Update(Func<Action<RecurrentCallTrace>?, Action<RecurrentCallTrace>?> change)
        {
            Action<RecurrentCallTrace>? seen, updated;
            do
            {
                seen = Volatile.Read(ref _callbacks);
                updated = change(seen);
            }
            while (Interlocked.CompareExchange(ref _callbacks, updated, seen) != seen);
        }

        private sealed class Subscription : IDisposable
        {
            private Action<RecurrentCallTrace>? _callback;

            public Subscription(Action<RecurrentCallTrace> callback) => _callback = callback;

            public void Dispose()
            {
                var callback = Interlocked.Exchange(ref _callback, null);
                if (callback is not null)
                {
                    Update(current => current - callback);
                }
            }
        }
    }
}
