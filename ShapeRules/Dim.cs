using System;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// One dimension of a tensor shape: a proven size, a named but unknown size (a symbol such as
    /// <c>x.shape[0]</c>, equal only to itself), or simply unknown. Unknown is never a mismatch.
    /// </summary>
    public readonly struct Dim : IEquatable<Dim>
    {
        private readonly long _value;

        private Dim(long value, bool isKnown, string? symbol)
        {
            _value = value;
            IsKnown = isKnown;
            Symbol = symbol;
        }

        /// <summary>A dimension nothing is known about.</summary>
        public static Dim Unknown => default;

        /// <summary>A dimension whose size is proven.</summary>
        public static Dim Of(long value) => new Dim(value, isKnown: true, symbol: null);

        /// <summary>An unknown size with a name: it is provably equal to the same name and nothing else.</summary>
        public static Dim Symbolic(string symbol) => new Dim(0, isKnown: false, symbol ?? throw new ArgumentNullException(nameof(symbol)));

        /// <summary>True when the size is proven.</summary>
        public bool IsKnown { get; }

        /// <summary>The name of an unknown size, or null.</summary>
        public string? Symbol { get; }

        /// <summary>The proven size; only meaningful when <see cref="IsKnown"/>.</summary>
        public long Value => IsKnown ? _value : throw new InvalidOperationException("The dimension is not known.");

        /// <summary>True when both sides are proven (or the same symbol) and equal.</summary>
        public bool IsProvablyEqualTo(Dim other)
        {
            if (IsKnown && other.IsKnown)
            {
                return _value == other._value;
            }

            return Symbol is not null && Symbol == other.Symbol;
        }

        /// <summary>True only when both sizes are proven and differ.</summary>
        public bool IsProvablyDifferentFrom(Dim other) => IsKnown && other.IsKnown && _value != other._value;

        /// <summary>The product, known only when both factors are known (and it does not overflow).</summary>
        public static Dim operator *(Dim left, Dim right)
        {
            if (left.IsKnown && right.IsKnown)
            {
                try
                {
                    return Of(checked(left._value * right._value));
                }
                catch (OverflowException)
                {
                    return Unknown;
                }
            }

            return Unknown;
        }

        /// <inheritdoc/>
        public bool Equals(Dim other) => IsKnown == other.IsKnown && _value == other._value && Symbol == other.Symbol;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Dim other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => IsKnown ? _value.GetHashCode() : (Symbol?.GetHashCode() ?? -1);

        /// <summary>The size, the symbol, or "?".</summary>
        public override string ToString() => IsKnown ? _value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Symbol ?? "?";
    }
}
