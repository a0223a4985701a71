using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;
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
                documents[i] = keepBodies ? Load(file, bytes.AsSpan(0, length), diagnostics, settings) : LoadForRereading(file, bytes.AsSpan(0, length), diagnostics, settings);
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

    private static (SourceDocument? Document, bool Failed) Load(TreeFile file, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics, SiteSettings settings) =>
        SourceText.Decode(bytes, file.Relative, diagnostics) is { } text ? DocumentLoader.LoadChecked(text, file.Relative, diagnostics, settings.FrontMatter) : default;

    /// <summary>
    /// Loads a document whose brief body is read from its file again when rendered (<see cref="BodyRead"/>): a UTF-8
    /// file is decoded into a pooled buffer, not a string, since only the front matter is kept (the body is hashed and
    /// measured, its start summarised); a document that keeps its body (a page) takes a copy of it.
    /// </summary>
    internal static (SourceDocument? Document, bool Failed) LoadForRereading(TreeFile file, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics, SiteSettings settings)
    {
        if (!SourceText.TryDecodeUtf8Rented(bytes, out var chars, out var length))
        {
            var (read, readFailed) = Load(file, bytes, diagnostics, settings);
            return (read is { Kind: DocumentKind.Brief } ? BodyRead.Later(read, file, SourceText.IsUtf8(bytes), diagnostics) : read, readFailed);
        }
        try
        {
            var (document, failed) = DocumentLoader.LoadChecked(chars.AsMemory(0, length), file.Relative, diagnostics, settings.FrontMatter);
            // Nothing may keep a part of the buffer once it goes back to the pool.
            if (document is { Kind: DocumentKind.Brief }) return (BodyRead.Later(document, file, utf8: true, diagnostics), failed);
            return (document is null ? null : document with { BodySource = new BodyText(document.BodySource.Text) }, failed);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }
}
