using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;

namespace StaticBriefs.Loading;

/// <summary>The load stage: reads settings, entity data and every markdown file of the input folder.</summary>
public static class SiteLoader
{
    /// <summary>
    /// Reads the input folder; documents load in parallel, problems go to <paramref name="diagnostics"/>. With
    /// <paramref name="keepBodies"/> false (a build without the cache, which renders each body once) briefs keep only
    /// their body's hash and read it from the file again when it is rendered (<see cref="BodyText.ReadEachTime"/>).
    /// </summary>
    public static LoadedSite Load(string inputDirectory, DiagnosticBag diagnostics, string? settingsFile = null, bool keepBodies = true)
    {
        var settings = SiteSettingsLoader.Load(inputDirectory, diagnostics, settingsFile);
        var entities = EntityDataLoader.Load(inputDirectory, diagnostics);
        var files = InputScanner.Scan(inputDirectory, diagnostics);
        var markdown = files.Markdown;

        var documents = new (SourceDocument? Document, bool Failed)[markdown.Length];
        Parallel.For(0, markdown.Length, i =>
        {
            var file = markdown[i];
            if (SourceText.ReadRented(file.ReadPath, file.Relative, diagnostics, out var length) is not { } bytes) return;
            try
            {
                if (SourceText.Decode(bytes.AsSpan(0, length), file.Relative, diagnostics) is not { } text) return;
                var (document, failed) = DocumentLoader.LoadChecked(text, file.Relative, diagnostics, settings.FrontMatter);
                documents[i] = (!keepBodies && document is { Kind: DocumentKind.Brief }
                    ? BodyRead.Later(document, file, SourceText.IsUtf8(bytes.AsSpan(0, length)), diagnostics)
                    : document, failed);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        });
        return LoadedSite.Create(settings, [.. documents.Where(d => !d.Failed && d.Document is not null).Select(d => d.Document!)], files.Static, entities) with
        {
            Failed = [.. documents.Where(d => d.Failed && d.Document is not null).Select(d => d.Document!)],
        };
    }
}
