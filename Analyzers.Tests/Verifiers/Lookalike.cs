namespace RnnShapeAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// A library that copies the names and signatures of TorchSharp's recurrent API (<c>torch</c>,
    /// <c>torch.nn.RNN</c>, <c>Modules.LSTM</c>, ...) in another namespace. The analyzer must match
    /// TorchSharp's own types, not names, so calls into this are never checked.
    /// </summary>
    internal static class Lookalike
    {
        public const string Library = """
            namespace Lookalike
            {
                public static class torch
                {
                    public class Tensor { }

                    public static Tensor randn(long dim0, long dim1, long dim2) => new Tensor();
                    public static Tensor randn(long rows, long columns) => new Tensor();
                    public static Tensor zeros(long dim0, long dim1, long dim2) => new Tensor();

                    public static class nn
                    {
                        public static Modules.RNN RNN(long inputSize, long hiddenSize, long numLayers = 1, bool batchFirst = false) => new Modules.RNN();
                        public static Modules.LSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool batchFirst = false) => new Modules.LSTM();
                    }
                }

                namespace Modules
                {
                    public sealed class RNN
                    {
                        public (torch.Tensor, torch.Tensor) call(torch.Tensor input, torch.Tensor h0 = null) => (input, h0);
                        public (torch.Tensor, torch.Tensor) forward(torch.Tensor input, torch.Tensor h0) => (input, h0);
                    }

                    public sealed class LSTM
                    {
                        public (torch.Tensor, torch.Tensor, torch.Tensor) call(torch.Tensor input, (torch.Tensor, torch.Tensor)? h0_c0 = null) => (input, null, null);
                    }
                }
            }

            """;

        /// <summary><paramref name="body"/> in a method of a class that uses the lookalike library only.</summary>
        public static string Method(string body) => Library + """
            namespace User
            {
                using Lookalike;
                using static Lookalike.torch;

                class C
                {
                    void M()
                    {

            """ + body + """

                    }
                }
            }

            """;
    }
}
