using StaticBriefs.Search;

namespace StaticBriefs.Incremental;

/// <summary>
/// The search index's tokens kept in the build cache, so a cached build tokenizes only documents whose text changed
/// (tokenizing every body was nearly half of a cached build's brief stage). Tokens this build did not ask for are
/// dropped when it commits, as rendered bodies are.
/// </summary>
internal sealed class TokenMemo : ITokenMemo
{
    private readonly BuildCache _cache;

    public TokenMemo(BuildCache cache)
    {
        _cache = cache;
        cache.StartTokenUse();
    }

    public Lexicon Lexicon => _cache.Lexicon;

    public TokenizedText? Find(UInt128 key)
    {
        if (!_cache.Tokens.TryGetValue(key, out var tokens)) return null;
        _cache.TokensUsed.TryAdd(key, 0);
        return tokens;
    }

    public TokenizedText? Peek(UInt128 key) => _cache.Tokens.TryGetValue(key, out var tokens) ? tokens : null;

    /// <inheritdoc/>
    public void MarkUsed(IEnumerable<UInt128> keys)
    {
        foreach (var key in keys) _cache.TokensUsed.TryAdd(key, 0);
    }

    public void Store(UInt128 key, TokenizedText tokens)
    {
        _cache.Tokens[key] = tokens;
        _cache.TokensUsed.TryAdd(key, 0);
    }
}
