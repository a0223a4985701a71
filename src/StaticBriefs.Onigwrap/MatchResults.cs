namespace Onigwrap;

/// <summary>Where one capture group of a match lies in the searched text, in characters.</summary>
public interface IOnigCaptureIndex
{
    /// <summary>The group's number (0: the whole match).</summary>
    int Index { get; }

    /// <summary>Where the group starts (0 when it took part in no match).</summary>
    int Start { get; }

    /// <summary>Where the group ends.</summary>
    int End { get; }

    /// <summary>How many characters the group spans.</summary>
    int Length { get; }
}

/// <summary>The pattern of a scanner that matched first, and its groups.</summary>
public interface IOnigNextMatchResult
{
    /// <summary>The position of the pattern in the scanner's list.</summary>
    int GetIndex();

    /// <summary>Every group of the match, group 0 first.</summary>
    IOnigCaptureIndex[] GetCaptureIndices();
}

/// <summary>
/// Where one pattern matched: each group's start and end as Oniguruma gave them (-1 for a group that took part in no
/// match). The groups become <see cref="IOnigCaptureIndex"/> objects only for a match the scanner returns, once. A
/// scanner keeps one a pattern and fills it again at each search (<see cref="Reset"/>); the captures it gave out stay
/// as they were.
/// </summary>
internal sealed class SearchResult
{
    private int[] _starts = [];
    private int[] _ends = [];
    private int _groups;
    private IOnigCaptureIndex[]? _captures;

    /// <summary>Where the whole match starts.</summary>
    public int Location => Math.Max(_starts[0], 0);

    /// <summary>Makes room for <paramref name="groups"/> groups and forgets the last match; the arrays to fill.</summary>
    public (int[] Starts, int[] Ends) Reset(int groups)
    {
        if (_starts.Length < groups)
        {
            _starts = new int[groups];
            _ends = new int[groups];
        }
        _groups = groups;
        _captures = null;
        return (_starts, _ends);
    }

    /// <summary>The groups, as the scanner's result gives them.</summary>
    public IOnigCaptureIndex[] Captures()
    {
        if (_captures is not null) return _captures;
        var captures = new IOnigCaptureIndex[_groups];
        for (var group = 0; group < captures.Length; group++) captures[group] = new CaptureIndex(group, _starts[group], _ends[group]);
        return _captures = captures;
    }
}

/// <summary>The result the scanner gives: the pattern's position in its list and its match's groups.</summary>
internal sealed class NextMatch(int index, IOnigCaptureIndex[] captures) : IOnigNextMatchResult
{
    public int GetIndex() => index;

    public IOnigCaptureIndex[] GetCaptureIndices() => captures;
}

/// <summary>
/// A group's place. A group that took part in no match reads as empty at 0, and a negative length as 0, as the
/// package gives them.
/// </summary>
internal sealed class CaptureIndex(int index, int start, int end) : IOnigCaptureIndex
{
    public int Index { get; } = index;

    public int Start { get; } = Math.Max(start, 0);

    public int End { get; } = Math.Max(start, 0) + Math.Max(end - start, 0);

    public int Length => End - Start;
}
