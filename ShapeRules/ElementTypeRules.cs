using System.Collections.Generic;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// Inputs and states must share the dtype and the device of the layer's parameters. dtypes and
    /// devices are given by name (TorchSharp's <c>ScalarType</c> and <c>Device</c> as text) so the rule
    /// needs no TorchSharp; null means unknown and never breaks the rule.
    /// </summary>
    public static class ElementTypeRules
    {
        /// <summary>RNN005 for each tensor whose dtype differs from <paramref name="parameterType"/>.</summary>
        public static IReadOnlyList<ShapeViolation> CheckElementTypes(RecurrentKind kind, string? parameterType, string? inputType, string? hiddenType = null, string? cellType = null)
        {
            var violations = new List<ShapeViolation>();
            Add(ShapeOperand.Input, inputType);
            Add(ShapeOperand.HiddenState, hiddenType);
            Add(ShapeOperand.CellState, cellType);
            return violations;

            void Add(ShapeOperand operand, string? actual)
            {
                if (parameterType is not null && actual is not null && actual != parameterType)
                {
                    violations.Add(new ShapeViolation(RuleCatalog.ElementType, operand, Shape.UnknownRank, Shape.UnknownRank,
                        new[] { ShapeViolation.NameOf(operand), actual, kind.DisplayName(), parameterType }));
                }
            }
        }

        /// <summary>RNN006 for each tensor on another device than <paramref name="parameterDevice"/>.</summary>
        public static IReadOnlyList<ShapeViolation> CheckDevices(RecurrentKind kind, string? parameterDevice, string? inputDevice, string? hiddenDevice = null, string? cellDevice = null)
        {
            var violations = new List<ShapeViolation>();
            Add(ShapeOperand.Input, inputDevice);
            Add(ShapeOperand.HiddenState, hiddenDevice);
            Add(ShapeOperand.CellState, cellDevice);
            return violations;

            void Add(ShapeOperand operand, string? actual)
            {
                if (parameterDevice is not null && actual is not null && actual != parameterDevice)
                {
                    violations.Add(new ShapeViolation(RuleCatalog.Device, operand, Shape.UnknownRank, Shape.UnknownRank,
                        new[] { ShapeViolation.NameOf(operand), actual, kind.DisplayName(), parameterDevice, "\"" + parameterDevice + "\"" }));
                }
            }
        }
    }
}
