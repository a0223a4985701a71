using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;

namespace StaticBriefs.Loading;

/// <summary>The load stage: reads settings, entity data and every markdown file of the input folder.</summary>
public static class SiteLoader
{
    /// <summary>Reads the input folder; documents load in parallel, problems go to <paramref name="diagnostics"/>.</summary>
    public static LoadedSite Load(string inputDirectory, DiagnosticBag diagnostics, string? settingsFile = null)
    {
        var settings = SiteSettingsLoader.Load(inputDirectory, diagnostics, settingsFile);
        var entities = EntityDataLoader.Load(inputDirectory, diagnostics);
        var (markdown, statics) = InputScanner.Scan(inputDirectory);

        var documents = new SourceDocument?[markdown.Length];
        Parallel.For(0, markdown.Length, i =>
        {
            var relative = markdown[i];
            var text = SourceText.Read(Path.Combine(inputDirectory, relative));
            documents[i] = DocumentLoader.Load(text, relative, diagnostics);
        });
        return new LoadedSite(settings, [.. documents.OfType<SourceDocument>()], statics, entities);
    }
}
