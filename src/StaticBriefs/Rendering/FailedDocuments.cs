using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Rendering;

/// <summary>
/// Documents whose front matter had errors are never published, but their bodies' links are checked in the same run
/// as everything else, so an author migrating a blog sees front matter errors and broken links together instead of
/// one wave after another.
/// </summary>
public static class FailedDocuments
{
    /// <summary>Renders each failed document's body for its diagnostics only; the HTML is dropped.</summary>
    public static void CheckLinks(ImmutableArray<SourceDocument> failed, MarkdownRenderer markdown, DiagnosticBag diagnostics, int maxParallelism)
    {
        if (failed.IsEmpty) return;
        Parallel.ForEach(failed, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism },
            document => markdown.Render(document.BodySource, document.RelativePath, document.BodyFirstLine, diagnostics));
    }
}
