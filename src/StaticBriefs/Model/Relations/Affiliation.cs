namespace StaticBriefs.Model.Relations;

/// <summary>
/// A dated entry of a person's <c>current</c> or <c>past</c> list in <c>_data/people.yml</c>
/// (<c>{company: Tesla, role: Director of AI, from: 2017-06-01, to: 2022-07-13}</c>).
/// </summary>
public sealed record Affiliation
{
    /// <summary>The company, as written.</summary>
    public required string Company { get; init; }
    /// <summary>The role, if given.</summary>
    public string? Role { get; init; }
    /// <summary>When the person joined, if known.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>When the person left, if known (only past affiliations have one).</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>Where the entry is in the data file.</summary>
    public SourcePosition At { get; init; }
}
