namespace StaticBriefs.Incremental;

/// <summary>
/// Identifies the code that produced cached results: StaticBriefs itself and the libraries that shape its output.
/// The build is deterministic, so the module ids change exactly when the code does, and a new version of the
/// generator never reuses pages or bodies made by an old one.
/// </summary>
internal static class GeneratorKey
{
    public static readonly string Value = ContentHash.Of(
        [.. new[]
            {
                typeof(GeneratorKey), typeof(Markdig.Markdown), typeof(Scriban.Template), typeof(NUglify.Uglify), typeof(YamlDotNet.Serialization.Deserializer),
                // Highlighted code depends on the tokenizer and on the grammars it loads.
                typeof(TextMateSharp.Registry.Registry), typeof(TextMateSharp.Grammars.RegistryOptions),
            }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N"))]);
}
