namespace StaticBriefs.Rendering.Views;

/// <summary>A named link, with an optional count (terms) for templates.</summary>
/// <param name="Name">Text to show (raw: templates escape it).</param>
/// <param name="Url">Link target, base path included.</param>
/// <param name="Count">How many briefs, when it is a term.</param>
public sealed record LinkView(string Name, string Url, int Count = 0) : ISharedView;
