using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>
    /// What a module did with one call: the shapes it returned, or the exception it threw. For a plain
    /// module that is real libtorch's answer; for a checked one, its check's or libtorch's.
    /// </summary>
    internal sealed class LibTorchOutcome
    {
        private const string ProcessCrash = "SIGSEGV";

        private LibTorchOutcome(Shape? output, Shape? hiddenOut, Shape? cellOut, string? exceptionType, string? message, bool isExpectedExceptionType, string? ruleId = null)
        {
            RuleId = ruleId;
            Output = output;
            HiddenOut = hiddenOut;
            CellOut = cellOut;
            ExceptionType = exceptionType;
            Message = message;
            IsExpectedExceptionType = isExpectedExceptionType;
        }

        /// <summary>True when the call threw.</summary>
        public bool Threw => ExceptionType is not null;

        /// <summary>True for a call not made because it kills the process (see <see cref="ProcessCrashingCalls"/>).</summary>
        public bool IsProcessCrash => ExceptionType == ProcessCrash;

        /// <summary>The output (for cells, the new hidden state); null when the call threw.</summary>
        public Shape? Output { get; }

        /// <summary>h_n, or the cell's new hidden state; null when the call threw.</summary>
        public Shape? HiddenOut { get; }

        /// <summary>c_n of LSTM and LSTMCell; null otherwise.</summary>
        public Shape? CellOut { get; }

        /// <summary>The exception's type name, or null when the call ran.</summary>
        public string? ExceptionType { get; }

        /// <summary>The first line of the exception's message.</summary>
        public string? Message { get; }

        /// <summary>The rule a checked module's <see cref="RnnShapeException"/> names (e.g. RNN002), or null for any other outcome.</summary>
        public string? RuleId { get; }

        /// <summary>
        /// False for an exception type a shape error should never produce (anything but the native
        /// ExternalException and TorchSharp's own IndexOutOfRange, NullReference and Argument exceptions).
        /// </summary>
        public bool IsExpectedExceptionType { get; }

        public static LibTorchOutcome Ran(Shape output, Shape hiddenOut, Shape? cellOut) => new LibTorchOutcome(output, hiddenOut, cellOut, null, null, true);

        /// <summary>A call that kills the process, not made (see <see cref="ProcessCrashingCalls"/>).</summary>
        public static LibTorchOutcome Crashed() => new LibTorchOutcome(null, null, null, ProcessCrash, "not run: libtorch kills the process on this call (see ProcessCrashingCalls)", true);

        public static LibTorchOutcome Failed(System.Exception exception, bool isExpectedType)
            => new LibTorchOutcome(null, null, null, exception.GetType().FullName, exception.Message.Split('\n')[0].Trim(), isExpectedType, (exception as RnnShapeException)?.RuleId);

        public override string ToString() => Threw
            ? $"threw {ExceptionType}: {Message}"
            : $"ran: output {Output}, hidden {HiddenOut}" + (CellOut is null ? string.Empty : $", cell {CellOut}");
    }
}
