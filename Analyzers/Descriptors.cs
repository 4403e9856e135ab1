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

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(InputFeatureSize, HiddenStateShape, BatchFirstMixUp, InputRank);

        /// <summary>
        /// The descriptor of a rule the analyzer reports, or null for one the shared rules also check but
        /// only the runtime reports for now (RNN005-RNN008: an empty sequence is found in source too).
        /// </summary>
        public static DiagnosticDescriptor? ForRule(string ruleId) => ruleId switch
        {
            RuleIds.InputFeatureSize => InputFeatureSize,
            RuleIds.HiddenStateShape => HiddenStateShape,
            RuleIds.BatchFirstMixUp => BatchFirstMixUp,
            RuleIds.InputRank => InputRank,
            _ => null,
        };
    }
}
