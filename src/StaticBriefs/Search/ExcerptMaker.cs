using System.Text;

namespace StaticBriefs.Search;

/// <summary>Cuts the start of a body to a snippet-sized excerpt at a word boundary, whitespace collapsed.</summary>
internal static class ExcerptMaker
{
    internal static string Make(string? body, int maxLength)
    {
        if (string.IsNullOrEmpty(body)) return string.Empty;
        var builder = new StringBuilder(Math.Min(body.Length, maxLength + 16));
        var space = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
            if (builder.Length > maxLength) break;
        }
        if (builder.Length <= maxLength) return builder.ToString();
        var end = char.IsHighSurrogate(builder[maxLength - 1]) ? maxLength - 1 : maxLength;
        var cut = builder.ToString(0, end);
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > maxLength / 2) cut = cut[..lastSpace];
        return cut.TrimEnd(',', ';', ':', '.', ' ') + "\u2026";
    }
}
