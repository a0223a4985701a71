namespace StaticBriefs.Model;

/// <summary>
/// The image a document names for itself (<c>image</c>, <c>images</c>, <c>cover</c>, ...), as written: an absolute URL,
/// a path from the site root, or a path beside the document (page bundles). The model resolves it.
/// </summary>
/// <param name="Source">The value as written, with its place.</param>
/// <param name="Alt">Its text alternative, empty when none was given.</param>
public sealed record ImageReference(LocatedText Source, string Alt);
