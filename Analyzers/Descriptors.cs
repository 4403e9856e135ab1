using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// The diagnostic descriptors. Ids are written as constants at each creation (release tracking and
    /// RS1017 read them there); titles, messages and help links come from the shared rule catalog so
    /// that analyzer and runtime say the same thing.
    /// </summary>
    internal static class Descriptors
    {
        public static readonly DiagnosticDescriptor InputFeatureSize = new DiagnosticDescriptor(
            RuleIds.InputFeatureSize,
            RuleCatalog.InputFeatureSize.Title,
            RuleCatalog.InputFeatureSize.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.InputFeatureSize.Description,
            helpLinkUri: RuleCatalog.InputFeatureSize.HelpLinkUri);

        public static readonly DiagnosticDescriptor HiddenStateShape = new DiagnosticDescriptor(
            RuleIds.HiddenStateShape,
            RuleCatalog.HiddenStateShape.Title,
            RuleCatalog.HiddenStateShape.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.HiddenStateShape.Description,
            helpLinkUri: RuleCatalog.HiddenStateShape.HelpLinkUri);

        public static readonly DiagnosticDescriptor BatchFirstMixUp = new DiagnosticDescriptor(
            RuleIds.BatchFirstMixUp,
            RuleCatalog.BatchFirstMixUp.Title,
            RuleCatalog.BatchFirstMixUp.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.BatchFirstMixUp.Description,
            helpLinkUri: RuleCatalog.BatchFirstMixUp.HelpLinkUri);

        public static readonly DiagnosticDescriptor InputRank = new DiagnosticDescriptor(
            RuleIds.InputRank,
            RuleCatalog.InputRank.Title,
            RuleCatalog.InputRank.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.InputRank.Description,
            helpLinkUri: RuleCatalog.InputRank.HelpLinkUri);

        public static readonly DiagnosticDescriptor ElementType = new DiagnosticDescriptor(
            RuleIds.ElementType,
            RuleCatalog.ElementType.Title,
            RuleCatalog.ElementType.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.ElementType.Description,
            helpLinkUri: RuleCatalog.ElementType.HelpLinkUri);

        public static readonly DiagnosticDescriptor EmptySequence = new DiagnosticDescriptor(
            RuleIds.EmptySequence,
            RuleCatalog.EmptySequence.Title,
            RuleCatalog.EmptySequence.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.EmptySequence.Description,
            helpLinkUri: RuleCatalog.EmptySequence.HelpLinkUri);

        public static readonly DiagnosticDescriptor MissingCellState = new DiagnosticDescriptor(
            RuleIds.MissingCellState,
            RuleCatalog.MissingCellState.Title,
            RuleCatalog.MissingCellState.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.MissingCellState.Description,
            helpLinkUri: RuleCatalog.MissingCellState.HelpLinkUri);

        public static readonly DiagnosticDescriptor RecurrentLayerChain = new DiagnosticDescriptor(
            RuleIds.RecurrentLayerChain,
            RuleCatalog.RecurrentLayerChain.Title,
            RuleCatalog.RecurrentLayerChain.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.RecurrentLayerChain.Description,
            helpLinkUri: RuleCatalog.RecurrentLayerChain.HelpLinkUri);

        public static readonly DiagnosticDescriptor LinearAfterRecurrent = new DiagnosticDescriptor(
            RuleIds.LinearAfterRecurrent,
            RuleCatalog.LinearAfterRecurrent.Title,
            RuleCatalog.LinearAfterRecurrent.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.LinearAfterRecurrent.Description,
            helpLinkUri: RuleCatalog.LinearAfterRecurrent.HelpLinkUri);

        public static readonly DiagnosticDescriptor EmbeddingDimension = new DiagnosticDescriptor(
            RuleIds.EmbeddingDimension,
            RuleCatalog.EmbeddingDimension.Title,
            RuleCatalog.EmbeddingDimension.MessageFormat,
            RuleCatalog.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: RuleCatalog.EmbeddingDimension.Description,
            helpLinkUri: RuleCatalog.EmbeddingDimension.HelpLinkUri);

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            InputFeatureSize, HiddenStateShape, BatchFirstMixUp, InputRank, ElementType, EmptySequence, MissingCellState, RecurrentLayerChain, LinearAfterRecurrent, EmbeddingDimension);

        /// <summary>
        /// The descriptor of a rule the analyzer reports, or null for one only the runtime can know
        /// (RNN006: devices are decided at run time).
        /// </summary>
        public static DiagnosticDescriptor? ForRule(string ruleId) => ruleId switch
        {
            RuleIds.InputFeatureSize => InputFeatureSize,
            RuleIds.HiddenStateShape => HiddenStateShape,
            RuleIds.BatchFirstMixUp => BatchFirstMixUp,
            RuleIds.InputRank => InputRank,
            RuleIds.ElementType => ElementType,
            RuleIds.EmptySequence => EmptySequence,
            RuleIds.MissingCellState => MissingCellState,
            RuleIds.RecurrentLayerChain => RecurrentLayerChain,
            RuleIds.LinearAfterRecurrent => LinearAfterRecurrent,
            RuleIds.EmbeddingDimension => EmbeddingDimension,
            _ => null,
        };
    }
}
