namespace StaticBriefs.Model;

/// <summary>
/// The output files of the briefs' pages, and the folders that hold them, for collision messages ("the page of the
/// brief posts/x.md"). Files and folders are listed lazily: only a static file's check needs them, and most sites of
/// briefs have few static files or none, while preview checks collisions after every edit.
/// </summary>
internal sealed class DocumentFiles
{
    private readonly Lazy<Dictionary<string, Brief>> _files;
    private readonly Lazy<Dictionary<string, (List<string> Names, int Count)>> _folders;

    public DocumentFiles(SiteModel site)
    {
        _files = new(() =>
        {
            var files = new Dictionary<string, Brief>(site.Briefs.Length, StringComparer.Ordinal);
            // Two briefs on one URL are SB005 already; the first is enough to name.
            foreach (var brief in site.Briefs) files.TryAdd(SitePaths.FileFor(brief.Path), brief);
            return files;
        });
        _folders = new(() =>
        {
            var folders = new Dictionary<string, (List<string> Names, int Count)>(StringComparer.Ordinal);
            foreach (var (file, brief) in _files.Value.OrderBy(f => f.Value.Source.RelativePath, StringComparer.Ordinal))
            {
                foreach (var folder in GeneratedFiles.Ancestors(file))
                {
                    var (names, count) = folders.GetValueOrDefault(folder + "/", ([], 0));
                    if (names.Count <= OutputCollisions.NamedFiles) names.Add(brief.Source.RelativePath);
                    folders[folder + "/"] = (names, count + 1);
                }
            }
            return folders;
        });
    }

    /// <summary>What a file (or, ending in '/', a folder) of the output is for a brief; null when it is not one.</summary>
    public string? Claim(string path)
    {
        if (!path.EndsWith('/')) return _files.Value.TryGetValue(path, out var brief) ? "the page of the brief " + brief.Source.RelativePath : null;
        if (!_folders.Value.TryGetValue(path, out var found)) return null;
        if (found.Count == 1) return "the page of the brief " + found.Names[0];
        var names = found.Names.Take(OutputCollisions.NamedFiles).ToList();
        var named = string.Join(", ", names) + (found.Count > names.Count ? $" and {found.Count - names.Count:N0} more" : "");
        return $"the pages of the briefs {named}";
    }
}
