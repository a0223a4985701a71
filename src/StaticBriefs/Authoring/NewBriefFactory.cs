namespace StaticBriefs.Authoring;

/// <summary>The brief <c>staticbriefs new "Title"</c> starts from: front matter with empty lists and a body outline.</summary>
public static class NewBriefFactory
{
    /// <summary>The outline a brief usually follows; the headings become the page's table of contents.</summary>
    public const string BodySkeleton =
        "What happened, in one or two sentences: who did what, and when.\n\n" +
        "## Background\n\n" +
        "## Why it matters\n\n" +
        "## What to watch\n";

    /// <summary>A draft brief titled <paramref name="title"/>, dated <paramref name="now"/>.</summary>
    public static BriefDraft Create(string title, DateTimeOffset now) => new()
    {
        Title = title.Trim(),
        // Whole seconds: the date is read and edited by people.
        Date = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset),
        IncludeTime = true,
        Draft = true,
        Body = BodySkeleton,
    };
}
