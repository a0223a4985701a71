namespace StaticBriefs.Model.Relations;

/// <summary>
/// One entry of a brief's <c>relations:</c> as written, with where each part is in the file so the model stage can
/// point at the exact name it cannot resolve.
/// </summary>
public sealed record RelationMention
{
    /// <summary>Who or what acts, as written.</summary>
    public required string Subject { get; init; }
    /// <summary>The verb, already checked against <see cref="RelationVerbs"/>.</summary>
    public required RelationVerb Verb { get; init; }
    /// <summary>Who or what is acted on, as written.</summary>
    public required string Object { get; init; }
    /// <summary>A role or team ("pre-training"), if given.</summary>
    public string? Role { get; init; }
    /// <summary>When it happened; null means the brief's date.</summary>
    public DateTimeOffset? Date { get; init; }
    /// <summary>Position of the entry.</summary>
    public required SourcePosition At { get; init; }
    /// <summary>Position of the subject value.</summary>
    public required SourcePosition SubjectAt { get; init; }
    /// <summary>Position of the object value.</summary>
    public required SourcePosition ObjectAt { get; init; }
}

/// <summary>A line and column in an input file (column 0 when unknown).</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column);
