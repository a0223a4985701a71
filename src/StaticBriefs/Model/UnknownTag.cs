namespace StaticBriefs.Model;

/// <summary>
/// A tag that names no known entity: its kind, the key it folds to, and where it is written. Found once, while the
/// brief's tags are resolved, for the checks that warn about it and the taxonomy that names the term by its spellings.
/// </summary>
public readonly record struct UnknownTag(TaxonomyKind Kind, TermKey Key, TagMention Mention);
