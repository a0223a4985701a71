using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// Lets a build reuse bodies rendered by an earlier build. The <c>render</c> callback of <see cref="Render"/> renders
/// for real, against the link context it is given, so a memo can watch which links a body asked about.
/// </summary>
public interface IMarkdownMemo
{
    /// <summary>
    /// Returns a remembered rendering of the body when still valid for <paramref name="links"/>, else renders it. A
    /// remembered one is found by the body's hash: a body left in the build cache is not read for it.
    /// </summary>
    RenderedMarkdown Render(
        Model.BodyText markdown, string relativePath, int bodyFirstLine, LinkContext links, DiagnosticBag diagnostics,
        Func<LinkContext, DiagnosticBag, RenderedMarkdown> render);

    /// <summary>True when <see cref="Render"/> would return a remembered rendering (nothing is rendered or counted).</summary>
    bool IsCurrent(Model.BodyText markdown, string relativePath, int bodyFirstLine, LinkContext links);

    /// <summary>
    /// Tells the memo that <see cref="IsCurrent"/> is about to be asked of every one of <paramref name="bodies"/>, so it
    /// can read what it needs for them at once; <paramref name="bodies"/> is enumerated only when there is something to
    /// read. Nothing by default.
    /// </summary>
    void PrepareChecks(IEnumerable<(Model.BodyText Markdown, string RelativePath, int BodyFirstLine)> bodies)
    {
    }
}
