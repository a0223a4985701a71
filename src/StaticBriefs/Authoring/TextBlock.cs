namespace StaticBriefs.Authoring;

/// <summary>What a piece of a plain-text brief is.</summary>
internal enum TextBlockKind
{
    /// <summary>A markdown heading (<c># ...</c>) written in the text.</summary>
    Heading,
    /// <summary>"Executive Summary", "TL;DR", "Key takeaways": the bullets under it are the summary.</summary>
    SummaryMarker,
    /// <summary>A short line with no closing punctuation, such as "Strategic Deep-Dive": a section title.</summary>
    Label,
    /// <summary>A bullet or numbered item.</summary>
    Bullet,
    /// <summary>Prose.</summary>
    Paragraph,
}

/// <summary>One block of a plain-text brief, its decoration (bullet mark, '#') removed.</summary>
internal sealed record TextBlock(TextBlockKind Kind, string Text);
