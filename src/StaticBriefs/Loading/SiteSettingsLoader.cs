using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;
using StaticBriefs.Model;
using StaticBriefs.Text;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>
/// Reads <c>input/_site.yml</c>, or the file <c>build --config</c> names instead; a site without one gets the
/// defaults of <see cref="SiteSettings"/>.
/// </summary>
public static class SiteSettingsLoader
{
    /// <summary>The settings file's name inside the input folder.</summary>
    public const string FileName = "_site.yml";

    private static readonly string[] KnownKeys =
        ["title", "description", "base_url", "language", "page_size", "author", "allow_html", "auto_link_entities", "search", "social_images",
         "feeds", "permalinks", "broken_links", "external_paths", "relative_aliases", .. FrontMatterSettingsReader.Keys];

    private static readonly string[] SearchKeys = ["docs_per_file"];

    private static readonly string[] FeedKeys = ["entities", "entries"];

    /// <summary>The most briefs a feed may list: feed readers fetch the whole file on every poll.</summary>
    internal const int MaxFeedEntries = 100;

    /// <summary>The most search documents one display file may hold: beyond it each query downloads too much.</summary>
    internal const int MaxDocsPerFile = 100;

    /// <summary>Loads settings from <paramref name="settingsFile"/> when given, else from the input folder, reporting bad values.</summary>
    /// <param name="inputDirectory">The input folder.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="settingsFile">The file named by --config, if any.</param>
    /// <param name="read">Hears the text read, so a cached build can tell whether the next one sees the same.</param>
    public static SiteSettings Load(string inputDirectory, DiagnosticBag diagnostics, string? settingsFile = null, Action<string>? read = null)
    {
        if (settingsFile is not null) return LoadFile(settingsFile, diagnostics, read);
        var text = InputFile.ReadText(inputDirectory, FileName, diagnostics);
        if (text is not null) read?.Invoke(text);
        return text is not null ? Parse(text, diagnostics) : new SiteSettings();
    }

    /// <summary>Loads settings from a file named on the command line, which must exist.</summary>
    public static SiteSettings LoadFile(string path, DiagnosticBag diagnostics, Action<string>? read = null)
    {
        if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            diagnostics.Error(path, 0, DiagnosticCodes.BadSettings, "settings file not found; check the path given to --config");
            return new SiteSettings();
        }
        if (InputFile.ReadGiven(path, diagnostics) is { } text)
        {
            read?.Invoke(text);
            return Parse(text, diagnostics, path);
        }
        // A file named on the command line that cannot be read (a pipe, a dangling link) is the user's mistake, not
        // an optional file: the build must not go on with defaults.
        diagnostics.Error(path, 0, DiagnosticCodes.BadSettings, "cannot be read as a settings file; give --config a regular YAML file");
        return new SiteSettings();
    }

    /// <summary>Parses the settings text; problems are reported against <paramref name="file"/>.</summary>
    public static SiteSettings Parse(string text, DiagnosticBag diagnostics, string file = FileName)
    {
        var settings = new SiteSettings();
        if (!YamlReader.TryLoad(text, file, 1, DiagnosticCodes.BadSettings, "file is", diagnostics, out var root)) return settings;
        if (root is null) return settings;
        if (root is not YamlMappingNode map)
        {
            diagnostics.Error(file, (int)Math.Max(1, root.Start.Line), DiagnosticCodes.BadSettings,
                "must be 'key: value' lines such as 'title: My briefs'", (int)Math.Max(1, root.Start.Column));
            return settings;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var (line, keyColumn) = ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
            var column = (int)Math.Max(1, valueNode.Start.Column);
            var valueLine = (int)Math.Max(1, valueNode.Start.Line);
            var value = (valueNode as YamlScalarNode)?.Value;
            if (!KnownKeys.Contains(key))
            {
                var hint = KeySuggester.Closest(key, KnownKeys);
                diagnostics.Warning(file, line, DiagnosticCodes.UnknownKey,
                    hint is null ? $"unknown setting '{key}' is ignored" : $"unknown setting '{key}': did you mean '{hint}'?", keyColumn);
                continue;
            }
            if (key == "search")
            {
                settings = ParseSearch(valueNode, settings, file, line, diagnostics);
                continue;
            }
            if (key == "feeds")
            {
                settings = ParseFeeds(valueNode, settings, file, line, diagnostics);
                continue;
            }
            if (key == "permalinks")
            {
                settings = LinkSettings.Permalinks(valueNode, settings, file, line, diagnostics);
                continue;
            }
            if (key == "external_paths")
            {
                settings = LinkSettings.ExternalPaths(valueNode, settings, file, diagnostics);
                continue;
            }
            if (FrontMatterSettingsReader.Keys.Contains(key))
            {
                settings = settings with { FrontMatter = FrontMatterSettingsReader.Read(key, valueNode, settings.FrontMatter, file, diagnostics) };
                continue;
            }
            if (value is null)
            {
                diagnostics.Error(file, valueLine, DiagnosticCodes.BadSettings, $"'{key}' must be a single value", column);
                continue;
            }
            settings = key switch
            {
                "title" => settings with { Title = value },
                "description" => settings with { Description = value },
                "language" => settings with { Language = value },
                "author" => settings with { Author = value },
                "base_url" => ParseBaseUrl(value, valueLine, diagnostics, file, column) is { } url ? settings with { BaseUrl = url } : settings,
                "page_size" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0
                    ? settings with { PageSize = size }
                    : Bad(settings, file, valueLine, column, "'page_size' must be a whole number above 0", diagnostics),
                "allow_html" => settings with { AllowHtml = ParseBool(value, key, file, valueLine, column, diagnostics) },
                "auto_link_entities" => settings with { AutoLinkEntities = ParseBool(value, key, file, valueLine, column, diagnostics) },
                "broken_links" => LinkSettings.BrokenLinks(value, settings, file, valueLine, column, diagnostics),
                "relative_aliases" => LinkSettings.RelativeAliases(value, settings, file, valueLine, column, diagnostics),
                "social_images" => settings with { SocialImages = ParseBool(value, key, file, valueLine, column, diagnostics) },
                _ => settings,
            };
        }
        return settings;
    }

    /// <summary>
    /// Reads an absolute http(s) base URL and makes sure it ends in '/'. Stricter than <see cref="UrlPolicy"/> (which
    /// it also applies): every link of the site is built on it, so it must be absolute.
    /// </summary>
    public static Uri? ParseBaseUrl(string value, int line, DiagnosticBag diagnostics, string file = FileName, int column = 0)
    {
        var text = value.EndsWith('/') ? value : value + "/";
        if (UrlPolicy.IsAllowed(value) && UrlPolicy.SchemeOf(value) is "http" or "https"
            && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return url;
        diagnostics.Error(file, line, DiagnosticCodes.BadSettings,
            $"'base_url: {value}' must be an absolute URL such as https://example.org/ or https://example.org/briefs-site/", column);
        return null;
    }

    /// <summary>The <c>search:</c> section: <c>docs_per_file</c>.</summary>
    private static SiteSettings ParseSearch(YamlNode node, SiteSettings settings, string file, int line, DiagnosticBag diagnostics)
    {
        if (node is not YamlMappingNode map)
            return Bad(settings, file, line, 0, "'search' must be a section, e.g. search: { docs_per_file: 8 }", diagnostics);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var at = (int)keyNode.Start.Line;
            var atColumn = (int)keyNode.Start.Column;
            if (!SearchKeys.Contains(key))
            {
                var hint = KeySuggester.Closest(key, SearchKeys);
                diagnostics.Warning(file, at, DiagnosticCodes.UnknownKey,
                    hint is null ? $"unknown setting 'search.{key}' is ignored" : $"unknown setting 'search.{key}': did you mean '{hint}'?", atColumn);
                continue;
            }
            var text = (valueNode as YamlScalarNode)?.Value;
            settings = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxDocsPerFile
                ? settings with { SearchDocsPerFile = count }
                : Bad(settings, file, (int)valueNode.Start.Line, (int)valueNode.Start.Column, $"'search.docs_per_file' must be a whole number from 1 to {MaxDocsPerFile}", diagnostics);
        }
        return settings;
    }

    /// <summary>The <c>feeds:</c> section: <c>entities</c> (full, summary or none) and <c>entries</c> (1 to 100).</summary>
    private static SiteSettings ParseFeeds(YamlNode node, SiteSettings settings, string file, int line, DiagnosticBag diagnostics)
    {
        if (node is not YamlMappingNode map)
            return Bad(settings, file, line, 0, "'feeds' must be a section, e.g. feeds: { entities: summary }", diagnostics);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!FeedKeys.Contains(key))
            {
                var hint = KeySuggester.Closest(key, FeedKeys);
                diagnostics.Warning(file, (int)keyNode.Start.Line, DiagnosticCodes.UnknownKey,
                    hint is null ? $"unknown setting 'feeds.{key}' is ignored" : $"unknown setting 'feeds.{key}': did you mean '{hint}'?", (int)keyNode.Start.Column);
                continue;
            }
            var text = (valueNode as YamlScalarNode)?.Value;
            if (key == "entries")
            {
                settings = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxFeedEntries
                    ? settings with { FeedEntries = count }
                    : Bad(settings, file, (int)valueNode.Start.Line, (int)valueNode.Start.Column,
                        $"'feeds.entries' must be a whole number from 1 to {MaxFeedEntries}: how many of the newest briefs each feed lists", diagnostics);
                continue;
            }
            settings = text switch
            {
                "full" => settings with { EntityFeeds = EntityFeeds.Full },
                "summary" => settings with { EntityFeeds = EntityFeeds.Summary },
                "none" => settings with { EntityFeeds = EntityFeeds.None },
                _ => Bad(settings, file, (int)valueNode.Start.Line, (int)valueNode.Start.Column,
                    "'feeds.entities' must be full (whole briefs), summary (title, summary and link) or none (no entity feeds)", diagnostics),
            };
        }
        return settings;
    }

    private static bool ParseBool(string value, string key, string file, int line, int column, DiagnosticBag diagnostics)
    {
        if (value is "true" or "True" or "yes") return true;
        if (value is "false" or "False" or "no") return false;
        diagnostics.Error(file, line, DiagnosticCodes.BadSettings, $"'{key}' must be true or false", column);
        return false;
    }

    private static SiteSettings Bad(SiteSettings settings, string file, int line, int column, string message, DiagnosticBag diagnostics)
    {
        diagnostics.Error(file, line, DiagnosticCodes.BadSettings, message, column);
        return settings;
    }
}
