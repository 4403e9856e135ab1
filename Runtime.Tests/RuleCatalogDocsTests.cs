using System;
using System.IO;
using System.Linq;
using RnnShapeAnalyzers.ShapeRules;
using Xunit;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// Every rule in the catalog, including the run-time-only ones the analyzer has no descriptor for,
    /// has its docs page under the title the catalog gives it.
    /// </summary>
    public sealed class RuleCatalogDocsTests
    {
        public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(r => r.Id));

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void DocsPageHeaderIsTheCatalogTitle(string id)
        {
            var rule = RuleCatalog.All.Single(r => r.Id == id);
            var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), page + " is missing");
            Assert.Equal("# " + id + ": " + rule.Title, File.ReadLines(page).First());
        }

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
