using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Hashing;
using System.Reflection;

namespace StaticBriefs.Incremental;

/// <summary>
/// Hashes everything a template can see: every public property and field of the page's view objects, recursively.
/// Hashing the views themselves (rather than a hand-picked list of their inputs) means a field added to a view later
/// cannot silently go stale in a cached page. Objects shared between pages (cards, term links, the site view, feed
/// entries: <see cref="Rendering.Views.ISharedView"/>) are hashed once per build and remembered by reference; a page's
/// own views are hashed where they are met and not held. Thread-safe.
/// </summary>
internal sealed class ViewHasher
{
    private const int MaxDepth = 32;
    private readonly ConcurrentDictionary<Type, Func<object, object?>[]> _members = new();
    private readonly ConcurrentDictionary<object, byte[]> _shared = new(ReferenceEqualityComparer.Instance);
    // The hashes the last build's hasher remembered (preview's): views are immutable, and an edit that moves briefs
    // carries unchanged cards over as the same objects, so their hashes are taken from there rather than made again.
    // Only that build's table is held, never a chain of earlier ones: what this build uses is copied into its own.
    private readonly ConcurrentDictionary<object, byte[]>? _earlier;

    /// <summary>A hasher for one build.</summary>
    public ViewHasher()
    {
    }

    /// <summary>A hasher for one build that also finds the hashes <paramref name="earlier"/> (the last build's) remembered.</summary>
    public ViewHasher(ViewHasher? earlier) => _earlier = earlier?._shared;

    private ViewHasher(ConcurrentDictionary<object, byte[]> shared) => _shared = shared;

    /// <summary>
    /// A hasher remembering only this one's hashes of the objects <paramref name="carried"/> picks (those a later build
    /// can be handed again): a page's own views are never shown again, and holding them all would hold every view of a
    /// whole build (about 250 MiB at 10,000 briefs) until the next edit.
    /// </summary>
    public ViewHasher Narrowed(Func<object, bool> carried)
    {
        ArgumentNullException.ThrowIfNull(carried);
        var kept = new ConcurrentDictionary<object, byte[]>(ReferenceEqualityComparer.Instance);
        foreach (var (value, hash) in _shared)
        {
            if (carried(value)) kept.TryAdd(value, hash);
        }
        return new ViewHasher(kept);
    }

    /// <summary>The hash of a value's visible content, or null when the graph is too deep to be a view (never cache it).</summary>
    public string? Hash(object? value)
    {
        var hash = new XxHash128();
        return Append(hash, value, 0) ? Convert.ToHexStringLower(hash.GetCurrentHash()) : null;
    }

    private bool Append(XxHash128 hash, object? value, int depth)
    {
        if (depth > MaxDepth) return false;
        switch (value)
        {
            case null:
                Tag(hash, "null");
                return true;
            case string text:
                Tag(hash, "s");
                ContentHash.Append(hash, text);
                return true;
            case Rendering.Theme.TrustedHtml html:
                // A value, not a shared object: hashed like a string (with its own tag), never remembered by reference.
                Tag(hash, "html");
                ContentHash.Append(hash, html.Value);
                return true;
            case DateTimeOffset date:
                Tag(hash, "dto");
                ContentHash.Append(hash, date.ToString("O", CultureInfo.InvariantCulture));
                return true;
            case DateTime time:
                Tag(hash, "dt");
                ContentHash.Append(hash, time.ToString("O", CultureInfo.InvariantCulture));
                return true;
            case Enum or bool or char or Uri:
                Tag(hash, value.GetType().FullName!);
                ContentHash.Append(hash, value.ToString());
                return true;
            case IFormattable number when value.GetType().IsPrimitive || value is decimal:
                Tag(hash, value.GetType().FullName!);
                ContentHash.Append(hash, number.ToString(null, CultureInfo.InvariantCulture));
                return true;
            case IEnumerable<KeyValuePair<string, object?>> map:
                // Sorted by key: a dictionary's enumeration order is not part of what it means.
                Tag(hash, "map");
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    ContentHash.Append(hash, key);
                    if (!Append(hash, item, depth + 1)) return false;
                }
                return true;
            case IEnumerable sequence:
                Tag(hash, "seq");
                foreach (var item in sequence)
                {
                    if (!Append(hash, item, depth + 1)) return false;
                }
                Tag(hash, "end");
                return true;
            default:
                return AppendObject(hash, value, depth);
        }
    }

    private bool AppendObject(XxHash128 hash, object value, int depth)
    {
        // A page's own views are hashed where they are met: remembered, they would all live as long as the hasher.
        if (value is not Rendering.Views.ISharedView)
        {
            if (Own(value, depth) is not { } pageOwn) return false;
            hash.Append(pageOwn);
            return true;
        }
        if (!_shared.TryGetValue(value, out var own) && _earlier?.TryGetValue(value, out own) == true) _shared.TryAdd(value, own!);
        else if (own is null)
        {
            own = Own(value, depth);
            if (own is null) return false;
            _shared.TryAdd(value, own);
        }
        hash.Append(own);
        return true;
    }

    /// <summary>An object's own hash: its type and its members'; null when the graph is too deep.</summary>
    private byte[]? Own(object value, int depth)
    {
        var inner = new XxHash128();
        Tag(inner, value.GetType().FullName!);
        foreach (var member in _members.GetOrAdd(value.GetType(), Accessors))
        {
            if (!Append(inner, member(value), depth + 1)) return null;
        }
        return inner.GetCurrentHash();
    }

    private static void Tag(XxHash128 hash, string tag) => ContentHash.Append(hash, tag);

    /// <summary>
    /// Public instance properties and fields, ordered by name: what Scriban exposes to templates. View records listed
    /// for templates are read through those getters (the same properties: ViewAccessorsTests holds the lists to the
    /// records), which cost a fraction of reflection's on the thousands of views a partial rebuild hashes.
    /// </summary>
    internal static Func<object, object?>[] Accessors(Type type) =>
        [.. Members(type).Select(m => m.Get)];

    /// <summary>The members <see cref="Accessors"/> reads, with their names, in the order it reads them.</summary>
    internal static IEnumerable<(string Name, Func<object, object?> Get)> Members(Type type) =>
        Rendering.Theme.ViewAccessors.MembersOf(type) is { } listed && !HasPublicFields(type)
            ? listed.OrderBy(m => m.Name, StringComparer.Ordinal)
            : Reflected(type);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification =
        "Views are types of this assembly, which the ahead-of-time build keeps whole (TrimmerRootAssembly), as Scriban needs too.")]
    private static bool HasPublicFields(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Instance).Length > 0;

    /// <summary>The members by reflection, for types templates read by reflection too.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification =
        "Views are types of this assembly, which the ahead-of-time build keeps whole (TrimmerRootAssembly), as Scriban needs too.")]
    internal static IEnumerable<(string Name, Func<object, object?> Get)> Reflected(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
            .Select(p => (p.Name, Get: (Func<object, object?>)p.GetValue));
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance)
            .Select(f => (f.Name, Get: (Func<object, object?>)f.GetValue));
        return properties.Concat(fields)
            .Where(m => m.Name != "EqualityContract")
            .OrderBy(m => m.Name, StringComparer.Ordinal);
    }
}
