using StaticBriefs.Model.Relations;

namespace StaticBriefs.Authoring;

/// <summary>A relation <c>import</c> found in plain text or <c>new</c> was given, to be written into <c>relations:</c>.</summary>
/// <param name="Subject">Who or what acts, as the data files spell it.</param>
/// <param name="Verb">What happened.</param>
/// <param name="Object">Who or what is acted on.</param>
/// <param name="Role">A role or team, or null.</param>
public sealed record ProposedRelation(string Subject, RelationVerb Verb, string Object, string? Role = null);
