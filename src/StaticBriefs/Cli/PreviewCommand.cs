using System.CommandLine;
using StaticBriefs.Building;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs preview</c>: builds, serves the site locally, and rebuilds and reloads on every change.</summary>
internal static class PreviewCommand
{
    /// <summary>How often <c>--poll</c> lists the watched folders when no interval is given.</summary>
    private const int DefaultPollMilliseconds = 500;

    public static Command Create(CliContext context)
    {
        // Own option instances: an option object belongs to one command. Short names and STATICBRIEFS_* variables as build's.
        var input = new Option<string>("--input", "-i") { Description = "Folder with the briefs and _site.yml", DefaultValueFactory = _ => "input" };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for the preview build (default: .staticbriefs/preview beside the input folder, so output/ is left alone)" };
        var theme = new Option<string?>("--theme", "-t") { Description = "Theme folder layered over the built-in theme (default: ./theme when it exists); input/_theme/ overrides both" };
        var baseUrl = new Option<string?>("--base-url", "-b") { Description = "Base URL whose path prefix is previewed (its host becomes the preview address)" };
        var drafts = new Option<bool>("--drafts", "-D") { Description = "Publish briefs marked draft: true" };
        var future = new Option<bool>("--future", "-F") { Description = "Publish briefs dated in the future" };
        var minify = new Option<bool>("--minify") { Description = "Minify as build does: markdown bodies' HTML, CSS and JS (off by default: readable and faster)" };
        var strict = new Option<bool>("--strict") { Description = "Treat unknown companies, people and topics as errors" };
        var port = new Option<int>("--port", "-p") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => 5080 };
        var force = new Option<bool>("--force") { Description = "Build into a non-empty --output folder StaticBriefs did not write, keeping its files" };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but loopback exposes your drafts to the network", DefaultValueFactory = _ => "127.0.0.1" };
        var poll = new Option<int?>("--poll")
        {
            Description = $"Find changes by listing the folders every N milliseconds (default {DefaultPollMilliseconds}) instead of file-system notifications: for containers and network drives",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => null,
            CustomParser = result => result.Tokens.Count == 0 ? DefaultPollMilliseconds : int.TryParse(result.Tokens[0].Value, out var ms) ? ms : ParseError(result),
        };
        var verbosity = new VerbosityOptions();
        var command = new Command("preview", "Build the site, serve it locally and rebuild and reload open pages on every change");
        foreach (var option in new Option[] { input, output, theme, baseUrl, drafts, future, minify, strict, port, host, poll, force })
            command.Options.Add(option);
        verbosity.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var values = new OptionValues(parse, context.Environment);
            var inputDirectory = values.Get(input);
            var options = new BuildOptions
            {
                InputDirectory = inputDirectory,
                OutputDirectory = values.Get(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar))!, ".staticbriefs", "preview"),
                // The default folder under .staticbriefs/ is StaticBriefs' own: whatever is in it may be replaced.
                Force = values.Get(output) is null || values.Get(force),
                CleanOutput = values.Get(output) is null,
                LockTimeout = TimeSpan.FromSeconds(30),
                ThemeDirectory = values.Get(theme) ?? BuildCommand.DefaultThemeDirectory,
                BaseUrl = values.Get(baseUrl),
                IncludeDrafts = values.Get(drafts),
                IncludeFuture = values.Get(future),
                Minify = values.Get(minify),
                Strict = values.Get(strict),
                // Each edit would otherwise write the whole index into a new folder; nothing caches a preview.
                VersionSearchIndex = false,
            };
            var settings = new PreviewSettings(values.Get(host), values.Get(port), values.Get(poll) is { } ms ? TimeSpan.FromMilliseconds(ms) : null, verbosity.Read(values));
            if (BuildCommand.UsageErrors(values, context.Stderr)) return 2;
            if (settings.Port is < 0 or > 65535 || settings.Poll is { TotalMilliseconds: < 10 })
            {
                context.Stderr.WriteLine("error: --port must be between 0 and 65535, and --poll at least 10 ms");
                return 2;
            }
            if (values.GivenOrSet(theme) && !Directory.Exists(options.ThemeDirectory))
            {
                context.Stderr.WriteLine($"{options.ThemeDirectory}: error {Diagnostics.DiagnosticCodes.IoError}: theme folder not found; run from the site's folder or pass --theme DIR");
                return 1;
            }
            return await PreviewLoop.RunAsync(options, settings, context.Stdout, context.Stderr, ct);
        });
        return command;
    }

    private static int ParseError(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError("--poll takes a number of milliseconds, e.g. --poll 1000");
        return 0;
    }
}

/// <summary>How preview serves and watches.</summary>
/// <param name="Host">Address to listen on.</param>
/// <param name="Port">Port (0: any free one).</param>
/// <param name="Poll">List the folders at this interval instead of using notifications; null for notifications.</param>
/// <param name="Verbosity">How much to print.</param>
internal sealed record PreviewSettings(string Host, int Port, TimeSpan? Poll, Verbosity Verbosity);
