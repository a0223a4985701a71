using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;
using StaticBriefs.Model;

namespace StaticBriefs.Loading;

/// <summary>
/// Bodies read from their file again when rendered, for builds that render each body once (without the cache): the
/// document keeps where its body is in the file and the body's hash, not its text. A file saved between the load and
/// the render no longer holds the body its front matter was read with; that is an error naming the file, so nothing
/// mixed is published.
/// </summary>
internal static class BodyRead
{
    /// <summary>
    /// <paramref name="document"/>, loaded from <paramref name="file"/> (<paramref name="utf8"/>: read as UTF-8), with
    /// its body read from the file each time it is asked for.
    /// </summary>
    public static SourceDocument Later(SourceDocument document, TreeFile file, bool utf8, DiagnosticBag diagnostics)
    {
        var source = document.BodySource;
        var (chars, utf8Bytes) = source.Measure();
        if (chars == 0) return document;
        var place = new Place(file, utf8 ? utf8Bytes : -1, chars, source.Hash);
        return document with { BodySource = BodyText.ReadEachTime(() => Again(place, diagnostics), place.Hash) };
    }

    /// <summary>Where a body is: its file, its length in bytes (-1 unless the file is UTF-8) and in characters.</summary>
    private sealed record Place(TreeFile File, int BodyBytes, int BodyChars, string Hash);

    private static string Again(Place place, DiagnosticBag diagnostics)
    {
        if (Read(place) is { } text && BodyText.HashOf(text) == place.Hash) return text;
        diagnostics.Error(place.File.Relative, 0, DiagnosticCodes.IoError,
            "changed while the site was being built, so its page cannot be made from what was read; build again once it is saved");
        return "";
    }

    /// <summary>
    /// The body is the end of the file's text (FrontMatterReader): a UTF-8 file's last bytes, or the end of another's
    /// text. Front matter saved again above the same body leaves it as it was read.
    /// </summary>
    private static string? Read(Place place)
    {
        // Opening a pipe put in the file's place would wait for a writer: only a regular file is opened again.
        if (FileStatus.Stat(place.File.ReadPath, out _) != FileKind.Regular) return null;
        if (place.BodyBytes >= 0)
            return SourceText.TryReadUtf8Tail(place.File.ReadPath, place.BodyBytes, out var tail) ? tail : null;
        var whole = SourceText.Read(place.File.ReadPath, place.File.Relative, new DiagnosticBag());
        return whole is not null && whole.Length >= place.BodyChars ? whole[^place.BodyChars..] : null;
    }
}
