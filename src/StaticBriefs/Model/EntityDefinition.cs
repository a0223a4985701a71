using System.Collections.Immutable;
using StaticBriefs.Model;

namespace StaticBriefs.Model;

/// <summary>A company, person or topic described in <c>input/_data/*.yml</c>.</summary>
public sealed record EntityDefinition
{
    /// <summary>Which data file it came from.</summary>
    public required TaxonomyKind Kind { get; init; }
    /// <summary>The canonical name, shown on its page.</summary>
    public required string Name { get; init; }
    /// <summary>Other spellings that fold into this entity.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
    /// <summary>A sentence or two about the entity.</summary>
    public string? Description { get; init; }
    /// <summary>Its website.</summary>
    public string? Website { get; init; }
    /// <summary>For people: companies they work at now.</summary>
    public ImmutableArray<string> Current { get; init; } = [];
    /// <summary>For people: companies they worked at before.</summary>
    public ImmutableArray<string> Past { get; init; } = [];
    /// <summary>Data file path relative to the input folder.</summary>
    public required string File { get; init; }
    /// <summary>Line of the entry in that file.</summary>
    public int Line { get; init; }
    /// <summary>Column of the entry in that file (0 when unknown).</summary>
    public int Column { get; init; }
    /// <summary>Line and column of each alias, in the order of <see cref="Aliases"/> (empty when unknown).</summary>
    public ImmutableArray<(int Line, int Column)> AliasPositions { get; init; } = [];
}
