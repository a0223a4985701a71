namespace StaticBriefs.Preview;

/// <summary>Finds where in an HTML page the reload tag goes.</summary>
internal static class HtmlInjection
{
    /// <summary>Offset of the last <c>&lt;/body</c> (any case), or -1 when there is none.</summary>
    internal static int LastIndexOfBodyClose(ReadOnlySpan<byte> html)
    {
        ReadOnlySpan<byte> needle = "</body"u8;
        for (var i = html.Length - needle.Length; i >= 0; i--)
        {
            if (html[i] == '<' && System.Text.Ascii.EqualsIgnoreCase(html.Slice(i, needle.Length), needle))
            {
                return i;
            }
        }

        return -1;
    }
}
