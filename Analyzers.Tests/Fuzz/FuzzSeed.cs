using System;
using System.Globalization;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// The seed every random choice of the fuzz tests derives from. A fixed default keeps CI reproducible;
    /// <c>RNNSHAPE_FUZZ_SEED=&lt;int&gt;</c> explores other seeds, and a failure prints the seed to rerun with.
    /// Each source gets its own generator, derived from the seed and the source's name, so the variants of
    /// one source do not change when the corpus grows or the order of sources changes.
    /// </summary>
    internal static class FuzzSeed
    {
        public const string EnvironmentVariable = "RNNSHAPE_FUZZ_SEED";

        public const int Default = 20240611;

        public static int Current { get; } = Read();

        public static Random For(int seed, string key) => new Random(unchecked((seed * 486187739) ^ StableHash(key)));

        /// <summary>FNV-1a: string.GetHashCode is randomized per process and would break reproducibility.</summary>
        private static int StableHash(string text)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return (int)hash;
            }
        }

        private static int Read()
        {
            var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return Default;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                ? seed
                : throw new InvalidOperationException($"{EnvironmentVariable} must be an integer, got '{text}'.");
        }
    }
}
