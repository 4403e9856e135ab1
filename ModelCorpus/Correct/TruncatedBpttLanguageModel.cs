using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Truncated backpropagation through time: a long token stream is read in chunks of Chunk steps
    /// (narrow along time), and each chunk starts from the previous chunk's h_n, detached from its graph.
    /// </summary>
    public sealed class TruncatedBpttLanguageModel : nn.Module<Tensor, Tensor>
    {
        private const long Vocabulary = 200;
        private const long EmbeddingSize = 32;
        private const long Hidden = 64;
        private const long Chunk = 10;

        private readonly Embedding embedding;
        private readonly GRU gru;
        private readonly Linear decoder;

        public TruncatedBpttLanguageModel()
            : base(nameof(TruncatedBpttLanguageModel))
        {
            embedding = nn.Embedding(Vocabulary, EmbeddingSize);
            gru = nn.GRU(EmbeddingSize, Hidden);
            decoder = nn.Linear(Hidden, Vocabulary);
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens)
        {
            var steps = tokens.shape[0];
            var state = torch.zeros(1, tokens.shape[1], Hidden);
            var logits = new List<Tensor>();
            for (long start = 0; start < steps; start += Chunk)
            {
                var chunk = embedding.call(tokens.narrow(0, start, Math.Min(Chunk, steps - start)));
                var (output, hN) = gru.call(chunk, state);
                state = hN.detach();
                logits.Add(decoder.call(output));
            }

            return torch.cat(logits, 0);
        }

        public static Tensor Run()
        {
            using var model = new TruncatedBpttLanguageModel();

            // output shape: [25, 2, 200]
            return model.call(torch.randint(Vocabulary, new long[] { 25, 2 }));
        }
    }
}
