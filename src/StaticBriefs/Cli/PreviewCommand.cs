using System.CommandLine;
using StaticBriefs.Building;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs preview</c>: builds, serves the site locally, and rebuilds and reloads on every change.</summary>
internal static class PreviewCommand
{
    // Own option instances: an option object belongs to one command.
    private static readonly Option<string> Input = new("--input") { Description = "Folder with the briefs and _site.yml", DefaultValueFactory = _ => "input" };
    private static readonly Option<string?> Output = new("--output") { Description = "Folder for the preview build (default: .staticbriefs/preview beside the input folder, so output/ is left alone)" };
    private static readonly Option<string> Theme = new("--theme") { Description = "Theme folder (files under input/_theme/ override it)", DefaultValueFactory = _ => "theme" };
    private static readonly Option<string?> BaseUrl = new("--base-url") { Description = "Base URL whose path prefix is previewed (its host becomes the preview address)" };
    private static readonly Option<bool> Drafts = new("--drafts") { Description = "Publish briefs marked draft: true" };
    private static readonly Option<bool> Future = new("--future") { Description = "Publish briefs dated in the future" };
    private static readonly Option<bool> Minify = new("--minify") { Description = "Minify as build does: markdown bodies' HTML, CSS and JS (off by default: readable and faster)" };
    private static readonly Option<bool> Strict = new("--strict") { Description = "Treat unknown companies, people and topics as errors" };
    private static readonly Option<int> Port = new("--port") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => 5080 };
    private static readonly Option<bool> Force = new("--force") { Description = "Build into a non-empty --output folder StaticBriefs did not write, keeping its files" };
    private static readonly Option<string> Host = new("--host") { Description = "Address to listen on; anything but loopback exposes your drafts to the network", DefaultValueFactory = _ => "127.0.0.1" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("preview", "Build the site, serve it locally and rebuild and reload open pages on every change");
        foreach (var option in new Option[] { Input, Output, Theme, BaseUrl, Drafts, Future, Minify, Strict, Port, Host, Force })
            command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Port) is < 0 or > 65535) result.AddError("--port must be between 0 and 65535");
        });
        command.SetAction(async (parse, ct) =>
        {
            var input = parse.GetValue(Input)!;
            var given = parse.GetValue(Output);
            var options = new BuildOptions
            {
                InputDirectory = input,
                OutputDirectory = given ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar))!, ".staticbriefs", "preview"),
                // The default folder under .staticbriefs/ is StaticBriefs' own: whatever is in it may be replaced.
                Force = given is null || parse.GetValue(Force),
                CleanOutput = given is null,
                LockTimeout = TimeSpan.FromSeconds(30),
                ThemeDirectory = parse.GetValue(Theme)!,
                BaseUrl = parse.GetValue(BaseUrl),
                IncludeDrafts = parse.GetValue(Drafts),
                IncludeFuture = parse.GetValue(Future),
                Minify = parse.GetValue(Minify),
                Strict = parse.GetValue(Strict),
            };
            return await PreviewLoop.RunAsync(options, parse.GetValue(Host)!, parse.GetValue(Port), stdout, stderr, ct);
        });
        return command;
    }
}
