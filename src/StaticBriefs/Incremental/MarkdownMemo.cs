using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;

namespace StaticBriefs.Incremental;

/// <summary>
/// Reuses rendered bodies across builds. The key covers the body, its file and first line (messages and relative
/// links depend on them) and <paramref name="contextKey"/> (pipeline options, base path); the recorded link
/// look-ups cover the rest of the site. Entity auto-links depend on the site's spellings
/// (<paramref name="spellingsKey"/>): a body rendered with other spellings is still valid when none of the
/// spellings that changed can start in its text. Bodies with errors are never cached. Thread-safe.
/// </summary>
internal sealed class MarkdownMemo(
    BuildCache cache, string contextKey, string spellingsKey, IReadOnlyList<(string Spelling, string Path)> spellings) : IMarkdownMemo
{
    /// <summary>Per earlier spellings key: first words of the spellings added, removed or moved since, or null when unknown.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ChangedWords?> _changedFirstWords = new(StringComparer.Ordinal);

    /// <summary>
    /// Link checks read ahead for bodies left in the pack (<see cref="PrepareChecks"/>), with the words they were read
    /// for: each is taken once, and only by a check for those very words.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<UnreadBody, (byte[][] Words, LinkCheck? Check)> _preparedChecks =
        new(ReferenceEqualityComparer.Instance);

    private int _rendered;
    private int _reused;

    public int Rendered => _rendered;

    public int Reused => _reused;

    public RenderedMarkdown Render(
        Model.BodyText markdown, string relativePath, int bodyFirstLine, LinkContext links, DiagnosticBag diagnostics,
        Func<LinkContext, DiagnosticBag, RenderedMarkdown> render)
    {
        var key = Key(markdown, relativePath, bodyFirstLine);
        if (cache.TryGetMarkdown(key, out var entry) && SameLinks(key, ref entry) && entry.StillValid(links))
        {
            Interlocked.Increment(ref _reused);
            cache.MarkdownUsed.TryAdd(key, 0);
            foreach (var warning in entry.Warnings) diagnostics.Add(warning);
            return entry.Result;
        }

        Interlocked.Increment(ref _rendered);
        var recording = new RecordingLinks(links);
        var own = new DiagnosticBag();
        var result = render(recording.Context, own);
        var found = own.Sorted();
        foreach (var diagnostic in found) diagnostics.Add(diagnostic);
        if (!found.Any(d => d.Severity == Severity.Error))
        {
            cache.Markdown[key] = new MarkdownEntry(result, recording.Lookups, [.. found], spellingsKey);
            cache.MarkdownUsed.TryAdd(key, 0);
        }
        return result;
    }

    public bool IsCurrent(Model.BodyText markdown, string relativePath, int bodyFirstLine, LinkContext links)
    {
        var key = Key(markdown, relativePath, bodyFirstLine);
        if (cache.UnreadMarkdown.TryGetValue(key, out var unread) && !cache.Markdown.ContainsKey(key)) return IsCurrentUnread(key, unread, links);
        return cache.TryGetMarkdown(key, out var entry) && SameLinks(key, ref entry) && entry.StillValid(links);
    }

    /// <summary>
    /// <see cref="IsCurrent"/> of a body left in the pack, from its record's bytes: an edit that adds or removes a brief or
    /// an entity asks it of every body, and decoding each one's HTML and text was most of planning such an edit. A damaged
    /// record is not current (rendering the body again reads it as damaged too, and renders it anew).
    /// </summary>
    private bool IsCurrentUnread(string key, UnreadBody unread, LinkContext links)
    {
        var renderedWith = unread.SpellingsKey;
        if (renderedWith is null) return false;
        var changed = renderedWith == spellingsKey ? ChangedWords.None : ChangedSince(renderedWith);
        if (changed is null) return false;
        // With the same spellings there are no words to look for in the text, and the look-ups came with the index.
        var check = changed.Utf8.Length == 0 ? (unread.Lookups() is { } lookups ? new LinkCheck(lookups, false) : null)
            : _preparedChecks.TryRemove(unread, out var prepared) && ReferenceEquals(prepared.Words, changed.Utf8)
            ? prepared.Check : cache.CheckUnread(key, unread, changed.Utf8);
        if (check is null || check.Mentions || !MarkdownEntry.Answered(check.Lookups, links)) return false;
        unread.SpellingsKey = spellingsKey;
        return true;
    }

    /// <summary>
    /// Reads the link checks of the bodies left in the pack among <paramref name="bodies"/> a window of records at a
    /// time (<see cref="BuildCache.CheckUnreadAll"/>): an edit that changes link targets asks every body, and reading
    /// 10,000 records one by one was 10,000 system calls. Each is read with the words <see cref="IsCurrentUnread"/>
    /// would use, and taken by it once.
    /// </summary>
    public void PrepareChecks(IEnumerable<(Model.BodyText Markdown, string RelativePath, int BodyFirstLine)> bodies)
    {
        _preparedChecks.Clear();
        // Every body in memory (preview after its first build): nothing to read ahead, and making each one's key to find
        // that out was a fifth of planning an added brief.
        if (cache.UnreadMarkdown.IsEmpty) return;
        // Every body's key first, on every core: a new entity name in a cached build of 10,000 briefs asks them all, and
        // making their keys one after another was a fifth of planning the edit.
        var all = bodies as IReadOnlyList<(Model.BodyText Markdown, string RelativePath, int BodyFirstLine)> ?? [.. bodies];
        var keys = new string[all.Count];
        Parallel.For(0, all.Count, i => keys[i] = Key(all[i].Markdown, all[i].RelativePath, all[i].BodyFirstLine));
        var asked = new List<(string Key, UnreadBody Unread, byte[][] Words)>();
        for (var i = 0; i < all.Count; i++)
        {
            var key = keys[i];
            if (!cache.UnreadMarkdown.TryGetValue(key, out var unread) || cache.Markdown.ContainsKey(key) || unread.SpellingsKey is not { } renderedWith)
                continue;
            var changed = renderedWith == spellingsKey ? ChangedWords.None : ChangedSince(renderedWith);
            // Only a body whose text must be searched for changed spellings is read: its look-ups are in the index.
            if (changed is not null && changed.Utf8.Length > 0) asked.Add((key, unread, changed.Utf8));
        }
        var checks = cache.CheckUnreadAll(asked);
        for (var i = 0; i < checks.Count; i++) _preparedChecks[checks[i].Unread] = (checks[i].Words, checks[i].Check);
    }

    private ChangedWords? ChangedSince(string renderedWith) => _changedFirstWords.GetOrAdd(renderedWith,
        old => cache.SpellingsFor(old) is { } before ? ChangedWords.Of(ChangedFirstWords(before, spellings)) : null);

    /// <summary>The memo key of a body (a cached build drops the entry of a body an edit replaced).</summary>
    internal string KeyOf(Model.BodyText markdown, string relativePath, int bodyFirstLine) => Key(markdown, relativePath, bodyFirstLine);

    /// <summary>
    /// The body's memo key, made from its hash (known without reading a body left in the build cache); the key made last
    /// for this body object when its context, file and first line are the same (<see cref="BuildCache.MarkdownKeys"/>).
    /// </summary>
    private string Key(Model.BodyText markdown, string relativePath, int bodyFirstLine)
    {
        if (cache.MarkdownKeys.TryGetValue(markdown, out var known) && known.For(contextKey, relativePath, bodyFirstLine)) return known.Key;
        var key = ContentHash.Of(contextKey, relativePath, bodyFirstLine.ToString(CultureInfo.InvariantCulture), markdown.Hash);
        cache.MarkdownKeys.AddOrUpdate(markdown, new MarkdownKey(contextKey, relativePath, bodyFirstLine, key));
        return key;
    }

    /// <summary>
    /// True when the entry's auto-links are what the current spellings give. The matcher only tries spellings
    /// whose first word is a word of the text, and every word it sees is in the body's plain text, so a body
    /// whose plain text contains none of the changed spellings' first words links exactly as before.
    /// </summary>
    private bool SameLinks(string key, ref MarkdownEntry entry)
    {
        if (entry.SpellingsKey == spellingsKey) return true;
        if (entry.SpellingsKey is null) return false;
        if (ChangedSince(entry.SpellingsKey) is not { } changed) return false;
        foreach (var word in changed.Text)
        {
            if (entry.Result.PlainText.Contains(word, StringComparison.Ordinal)) return false;
        }
        entry = entry with { SpellingsKey = spellingsKey };
        cache.Markdown[key] = entry;
        return true;
    }

    private static string[] ChangedFirstWords(
        IReadOnlyList<(string Spelling, string Path)> before, IReadOnlyList<(string Spelling, string Path)> after)
    {
        var changed = new HashSet<(string, string)>(before);
        changed.SymmetricExceptWith(after);
        return [.. changed.Select(pair => EntityMatcher.FirstWord(pair.Item1)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>First words of changed spellings, as text and as UTF-8 (to look for in a record's bytes).</summary>
    private sealed record ChangedWords(string[] Text, byte[][] Utf8)
    {
        public static readonly ChangedWords None = new([], []);

        public static ChangedWords Of(string[] words) => new(words, [.. words.Select(System.Text.Encoding.UTF8.GetBytes)]);
    }
}

/// <summary>A body's memo key and the context, file and first line it was made with (the body's hash is the body's own).</summary>
internal sealed record MarkdownKey(string ContextKey, string RelativePath, int BodyFirstLine, string Key)
{
    /// <summary>True when the key was made with these.</summary>
    public bool For(string contextKey, string relativePath, int bodyFirstLine) =>
        BodyFirstLine == bodyFirstLine && string.Equals(ContextKey, contextKey, StringComparison.Ordinal)
        && string.Equals(RelativePath, relativePath, StringComparison.Ordinal);
}
