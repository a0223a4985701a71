namespace StaticBriefs.Model;

/// <summary>What the assembler publishes.</summary>
/// <param name="IncludeDrafts">Publish briefs marked <c>draft: true</c>.</param>
/// <param name="IncludeFuture">Publish briefs dated after <paramref name="Now"/>.</param>
/// <param name="Now">The build's clock, passed in so builds and tests are reproducible.</param>
/// <param name="Strict">Treat unknown entity tags as errors instead of warnings.</param>
public sealed record AssemblyOptions(bool IncludeDrafts, bool IncludeFuture, DateTimeOffset Now, bool Strict = false);
