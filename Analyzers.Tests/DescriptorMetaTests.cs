using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>What every descriptor owes its users: help, a proper title, a message with shapes, a release-tracking line, a fixer.</summary>
    public sealed class DescriptorMetaTests
    {
        private static readonly DiagnosticDescriptor[] Descriptors = new RecurrentShapeAnalyzer().SupportedDiagnostics.ToArray();

        public static TheoryData<string> RuleIds => new(Descriptors.Select(d => d.Id));

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void HelpLinkPointsAtAnExistingDocsPageWhoseHeaderNamesTheRule(string id)
        {
            var descriptor = Descriptor(id);
            Assert.Equal(RuleCatalog.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), page + " is missing");
            Assert.StartsWith("# " + id + ": " + descriptor.Title, File.ReadLines(page).First(), StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void TitleIsASentenceWithoutAFinalPeriod(string id)
        {
            var title = Descriptor(id).Title.ToString();
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.True(char.IsUpper(title[0]), title);
            Assert.False(title.EndsWith(".", StringComparison.Ordinal), title);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void MessageNamesTheActualShapeAndWhatIsExpected(string id)
        {
            var message = Descriptor(id).MessageFormat.ToString();
            Assert.Contains("{0}", message, StringComparison.Ordinal);
            Assert.True(
                message.Contains("expect", StringComparison.Ordinal) || message.Contains("needs", StringComparison.Ordinal),
                "the message should say what is expected: " + message);
            Assert.False(message.EndsWith(".", StringComparison.Ordinal), message);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void EveryRuleIsAWarningEnabledByDefaultAndTrackedForRelease(string id)
        {
            var descriptor = Descriptor(id);
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            var unshipped = File.ReadAllLines(Path.Combine(RepositoryRoot(), "Analyzers", "AnalyzerReleases.Unshipped.md"));
            Assert.Contains(unshipped, line => line.StartsWith(id + " | " + descriptor.Category + " | Warning |", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void EveryRuleHasACodeFixWhereAFixIsKnowable(string id)
        {
            var fixers = typeof(ShapeCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
                .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
                .ToList();
            if (RulesWithoutAFix.Contains(id))
            {
                Assert.DoesNotContain(fixers, f => f.FixableDiagnosticIds.Contains(id));
                return;
            }

            Assert.Single(fixers, f => f.FixableDiagnosticIds.Contains(id));
        }

        /// <summary>
        /// RNN007: the code cannot know how long the sequence should be (docs/rules/RNN007.md says what to
        /// check instead); RNN006 is reported at run time only.
        /// </summary>
        private static readonly string[] RulesWithoutAFix = { "RNN006", "RNN007" };

        private static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "RnnShapeAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("RnnShapeAnalyzers.sln not found");
        }
    }
}
