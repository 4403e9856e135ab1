using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>
    /// Calls that libtorch 2.10 answers by killing the process (SIGSEGV), which no test may make
    /// in-process. <c>CellCrashTests</c> makes them in a child process.
    /// </summary>
    /// <remarks>
    /// LSTMCell and GRUCell unsqueeze a 1-D input to (1, inputSize) and a (H, H) hx to (1, H, H). Both
    /// pass libtorch's checks (batch 1 = 1, hx.size(1) = H), so the gates come out 3-D, (1, H, gates * H),
    /// and the cell splits them with <c>unsafe_chunk(gates, 1)</c> along the H of the state. When that
    /// yields fewer pieces than the cell reads, it reads past the end of the list. LSTMCell adds its
    /// gates first and chunks the sum: H = 1, 2, 3, 5, 6, ... crash and the rest throw a broadcast
    /// error. GRUCell chunks the hidden gates alone and adds them to the input's, which broadcasts only
    /// for H = 1: that crashes, the rest throw. Anything libtorch rejects before (a wrong feature size,
    /// a wrong cx) throws instead. None of these calls ever runs.
    /// </remarks>
    internal static class ProcessCrashingCalls
    {
        /// <summary>True for a call that kills the process.</summary>
        public static bool KillsTheProcess(DifferentialCase draw)
        {
            var h = draw.HiddenSize;
            if (draw.Input is not [var features] || features != draw.InputSize || draw.Hidden is not [var h0, var h1] || h0 != h || h1 != h)
            {
                return false;
            }

            switch (draw.Kind)
            {
                case RecurrentKind.LstmCell:
                    // cx is checked before the gates are computed: it passes as (H) or (H, anything).
                    var cellPasses = draw.Cell is [var c] ? c == h : draw.Cell is [var c0, _] && c0 == h;
                    return cellPasses && ChunkCount(h, 4) < 4;
                case RecurrentKind.GruCell:
                    return h == 1;
                default:
                    return false;
            }
        }

        /// <summary>How many pieces <c>unsafe_chunk(chunks, dim)</c> makes of a dimension of <paramref name="size"/> (at least 1).</summary>
        private static long ChunkCount(long size, long chunks)
        {
            var piece = (size + chunks - 1) / chunks;
            return (size + piece - 1) / piece;
        }
    }
}
