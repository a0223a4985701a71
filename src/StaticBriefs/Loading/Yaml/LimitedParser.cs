using StaticBriefs.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StaticBriefs.Loading.Yaml;

/// <summary>
/// Passes YamlDotNet's parser events through, checking each as it goes by, so a file that breaks a limit stops
/// at the event that breaks it: before YamlDotNet's recursive node builder ever sees a cycle, a bomb or a deep
/// nest. Keys must be plain text (a list or mapping as a key has no meaning in front matter or data files).
/// </summary>
internal sealed class LimitedParser(IParser inner) : IParser
{
    private readonly Stack<Open> _open = new();
    private readonly Dictionary<string, Shape> _anchors = new(StringComparer.Ordinal);
    private long _expanded;

    /// <summary>An anchored node's size once expanded, its height, and whether it is a scalar.</summary>
    private readonly record struct Shape(long Size, int Height, bool IsScalar);

    /// <summary>A list or mapping still open.</summary>
    private sealed class Open(AnchorName anchor, bool isMapping)
    {
        public AnchorName Anchor { get; } = anchor;
        public bool IsMapping { get; } = isMapping;
        public bool ExpectKey { get; set; } = isMapping;
        public long Size { get; set; } = 1;
        public int Height { get; set; } = 1;
    }

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        Check(inner.Current!);
        return true;
    }

    private void Check(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case Scalar scalar:
                Key(scalar, isScalar: true);
                Close(scalar.Anchor, new Shape(1, 0, true));
                break;
            case AnchorAlias alias:
                Alias(alias);
                break;
            case SequenceStart start:
                Key(start, isScalar: false);
                Push(start, start.Anchor, isMapping: false);
                break;
            case MappingStart start:
                Key(start, isScalar: false);
                Push(start, start.Anchor, isMapping: true);
                break;
            case SequenceEnd or MappingEnd:
                var done = _open.Pop();
                Close(done.Anchor, new Shape(done.Size, done.Height, false));
                break;
        }
    }

    /// <summary>In a mapping, every other node is a key: it must be text.</summary>
    private void Key(ParsingEvent node, bool isScalar)
    {
        if (_open.Count == 0 || !_open.Peek().IsMapping) return;
        var parent = _open.Peek();
        if (parent.ExpectKey && !isScalar)
            throw new YamlLimitException(node.Start, node.End, DiagnosticCodes.YamlKey,
                "a key must be plain text, not a list or mapping ('? [a, b]: ...' is not supported); write the key as text");
        parent.ExpectKey = !parent.ExpectKey;
    }

    private void Push(ParsingEvent node, AnchorName anchor, bool isMapping)
    {
        if (_open.Count >= YamlLimits.MaxDepth)
            throw new YamlLimitException(node.Start, node.End, DiagnosticCodes.YamlLimit,
                $"lists and mappings are nested more than {YamlLimits.MaxDepth} deep; flatten the structure");
        _open.Push(new Open(anchor, isMapping));
    }

    private void Alias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (_open.Any(open => !open.Anchor.IsEmpty && open.Anchor.Value == name))
            throw new YamlLimitException(alias.Start, alias.End, DiagnosticCodes.YamlLimit,
                $"alias *{name} refers to the node that contains it, which would never end; remove the alias");
        // YamlDotNet reports an unknown anchor without its place; report it here, where the place is known.
        if (!_anchors.TryGetValue(name, out var shape))
            throw new YamlException(alias.Start, alias.End, $"alias *{name} names no anchor &{name} defined before it");
        if (_open.Count > 0 && _open.Peek() is { IsMapping: true, ExpectKey: true } && !shape.IsScalar)
            throw new YamlLimitException(alias.Start, alias.End, DiagnosticCodes.YamlKey,
                $"a key must be plain text, but *{name} is a list or mapping; write the key as text");
        if (_open.Count > 0 && _open.Peek().IsMapping) _open.Peek().ExpectKey = !_open.Peek().ExpectKey;
        _expanded += shape.Size;
        if (_expanded > YamlLimits.MaxAliasExpansion)
            throw new YamlLimitException(alias.Start, alias.End, DiagnosticCodes.YamlLimit,
                $"aliases here expand to more than {YamlLimits.MaxAliasExpansion:N0} values (an alias bomb?); write the values out or use fewer aliases");
        if (_open.Count + shape.Height > YamlLimits.MaxDepth)
            throw new YamlLimitException(alias.Start, alias.End, DiagnosticCodes.YamlLimit,
                $"alias *{name} nests lists and mappings more than {YamlLimits.MaxDepth} deep; flatten the structure");
        Add(shape);
    }

    /// <summary>A node is complete: remember it when anchored, and count it in the node that holds it.</summary>
    private void Close(AnchorName anchor, Shape shape)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = shape;
        Add(shape);
    }

    private void Add(Shape shape)
    {
        if (_open.Count == 0) return;
        var parent = _open.Peek();
        parent.Size += shape.Size;
        parent.Height = Math.Max(parent.Height, shape.Height + 1);
    }
}
