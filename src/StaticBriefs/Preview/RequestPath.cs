namespace StaticBriefs.Preview;

/// <summary>A request path split into decoded segments, or the reason it was refused.</summary>
internal sealed class RequestPath
{
    private RequestPath(string raw, string[] segments, bool trailingSlash, string? error)
    {
        Raw = raw;
        Segments = segments;
        TrailingSlash = trailingSlash;
        Error = error;
    }

    /// <summary>The path as sent, still percent-encoded, without query.</summary>
    public string Raw { get; }

    /// <summary>Decoded segments; never empty strings, never dot segments.</summary>
    public string[] Segments { get; }

    /// <summary>True when the path ends in '/' (or is just "/").</summary>
    public bool TrailingSlash { get; }

    /// <summary>Why the path was refused, or null when it is usable.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    /// <summary>
    /// Parses the raw request target. We decode it ourselves instead of trusting the server's
    /// already-normalised path: Kestrel collapses "/../" before we see it, which would hide
    /// traversal attempts instead of refusing them, and leaves "%2F" encoded.
    /// </summary>
    public static RequestPath Parse(string rawTarget)
    {
        var path = rawTarget;
        var cut = path.AsSpan().IndexOfAny('?', '#');
        if (cut >= 0)
        {
            path = path[..cut];
        }

        // Absolute-form ("http://host/x") is legal HTTP; keep only its path.
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && path[0] != '/')
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path[slash..];
        }

        if (path.Length == 0 || path[0] != '/')
        {
            return Fail(path, "path must start with '/'");
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return Fail(path, "backslash in path");
        }

        var parts = path[1..].Split('/');
        var trailing = parts[^1].Length == 0;
        var count = trailing ? parts.Length - 1 : parts.Length;
        var segments = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (parts[i].Length == 0)
            {
                // "//etc/passwd" and "/a//b": empty segments are never produced by links we write.
                return Fail(path, "empty path segment");
            }

            var decoded = parts[i].Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(parts[i]) : parts[i];
            var problem = CheckSegment(decoded);
            if (problem is not null)
            {
                return Fail(path, problem);
            }

            segments[i] = decoded;
        }

        return new RequestPath(path, segments, trailing, null);
    }

    private static string? CheckSegment(string segment)
    {
        // Only-dots-and-spaces covers "." and ".." and the Windows spellings ("...", ".. ") that collapse to them.
        if (segment.AsSpan().Trim(" .").IsEmpty)
        {
            return "dot segment";
        }

        foreach (var c in segment)
        {
            if (c is '/' or '\\')
            {
                return "encoded separator";
            }

            // ':' would allow drive letters ("C:") and NTFS streams; no page we generate uses it.
            if (c == ':' || char.IsControl(c))
            {
                return "forbidden character";
            }
        }

        return null;
    }

    private static RequestPath Fail(string raw, string error) => new(raw, [], false, error);
}
