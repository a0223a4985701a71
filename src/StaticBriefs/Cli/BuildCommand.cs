using System.CommandLine;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs build</c>: builds the site once.</summary>
internal static class BuildCommand
{
    // Short names as Hugo and the dotnet CLI spell them: -o output, -t theme, -b base URL, -D drafts, -F future.
    // Every long option can also be set through STATICBRIEFS_<NAME> (see OptionValues); the command line wins.
    public static readonly Option<string> Input = new("--input", "-i") { Description = "Folder with the briefs and _site.yml", DefaultValueFactory = _ => "input" };
    public static readonly Option<string> Output = new("--output", "-o") { Description = "Folder to write the site to (replaced only when the build succeeds)", DefaultValueFactory = _ => "output" };
    public static readonly Option<string?> Theme = new("--theme", "-t") { Description = "Theme folder layered over the built-in theme (default: ./theme when it exists); input/_theme/ overrides both" };
    public static readonly Option<string?> BaseUrl = new("--base-url", "-b") { Description = "Absolute URL the site is served from, e.g. https://example.org/briefs-site/ (overrides _site.yml)" };
    public static readonly Option<string?> Config = new("--config") { Description = "Settings file to read instead of input/_site.yml" };
    public static readonly Option<bool> Drafts = new("--drafts", "-D") { Description = "Publish briefs marked draft: true" };
    public static readonly Option<bool> Future = new("--future", "-F") { Description = "Publish briefs dated in the future" };
    public static readonly Option<bool> NoMinify = new("--no-minify") { Description = "Keep HTML, CSS and JS readable" };
    public static readonly Option<bool> Strict = new("--strict") { Description = "Treat unknown companies, people and topics as errors" };
    public static readonly Option<bool> Timings = new("--timings") { Description = "Print how long each stage took and how much work the cache saved" };
    public static readonly Option<bool> NoCache = new("--no-cache") { Description = "Parse and render everything, ignoring and not updating the build cache" };
    public static readonly Option<string?> CacheDir = new("--cache") { Description = "Build cache folder (default: .staticbriefs/cache beside the input folder)" };
    public static readonly Option<bool> Force = new("--force") { Description = "Build into a non-empty output folder StaticBriefs did not write, keeping its files" };
    public static readonly Option<bool> CleanOutput = new("--clean-output") { Description = "Also remove output files StaticBriefs did not write (folders starting with '.', such as .git, are kept)" };

    /// <summary>The default theme folder, used when it exists and no other is named.</summary>
    public const string DefaultThemeDirectory = "theme";

    public static Command Create(CliContext context)
    {
        var command = new Command("build", "Build the site from the input folder into the output folder");
        foreach (var option in new Option[] { Input, Output, Theme, BaseUrl, Config, Drafts, Future, NoMinify, Strict, Timings, NoCache, CacheDir, Force, CleanOutput })
            command.Options.Add(option);
        var verbosity = new VerbosityOptions();
        verbosity.AddTo(command);
        command.SetAction(parse =>
        {
            var values = new OptionValues(parse, context.Environment);
            var options = ReadOptions(values);
            var level = verbosity.Read(values);
            if (UsageErrors(values, context.Stderr)) return 2;
            if (MissingTheme(values, options, context.Stderr)) return 1;
            if (level == Verbosity.Verbose) PrintSettings(options, context.Stdout);
            BuildResult result;
            using (var hold = CollectorHold.For(options, context.HeapOnHugePages))
            {
                result = ProgressDisplay.Run(context, level, progress =>
                {
                    hold.EndForLargeSites(progress);
                    return SiteBuild.Run(options with { Progress = progress }, context.Stderr);
                });
            }
            return new BuildReport(context, level).Print(result, options, values.Get(Timings));
        });
        return command;
    }

    public static BuildOptions ReadOptions(OptionValues values) => new()
    {
        InputDirectory = values.Get(Input),
        OutputDirectory = values.Get(Output),
        ThemeDirectory = values.Get(Theme) ?? DefaultThemeDirectory,
        BaseUrl = values.Get(BaseUrl),
        SettingsFile = values.Get(Config),
        IncludeDrafts = values.Get(Drafts),
        IncludeFuture = values.Get(Future),
        Minify = !values.Get(NoMinify),
        Strict = values.Get(Strict),
        UseCache = !values.Get(NoCache),
        CacheDirectory = values.Get(CacheDir),
        Force = values.Get(Force),
        CleanOutput = values.Get(CleanOutput),
    };

    /// <summary>Prints environment values that could not be read; true when there were any (exit 2).</summary>
    public static bool UsageErrors(OptionValues values, TextWriter stderr)
    {
        foreach (var error in values.Errors) stderr.WriteLine("error: " + error);
        return values.Errors.Count > 0;
    }

    /// <summary>
    /// A theme folder named with <c>--theme</c> (or its variable) must exist: one clear line instead of a build with
    /// the built-in theme the user did not ask for. Without the option, a missing <c>./theme</c> is simply not used.
    /// </summary>
    public static bool MissingTheme(OptionValues values, BuildOptions options, TextWriter stderr)
    {
        if (!values.GivenOrSet(Theme) || Directory.Exists(options.ThemeDirectory)) return false;
        stderr.WriteLine($"{options.ThemeDirectory}: error {DiagnosticCodes.IoError}: theme folder not found; check --theme, or leave it out to use the built-in theme");
        return true;
    }

    private static void PrintSettings(BuildOptions options, TextWriter stdout)
    {
        stdout.WriteLine($"  input     {Path.GetFullPath(options.InputDirectory)}");
        stdout.WriteLine($"  output    {Path.GetFullPath(options.OutputDirectory)}");
        var theme = Directory.Exists(options.ThemeDirectory) ? Path.GetFullPath(options.ThemeDirectory) + " over the built-in theme" : "built-in";
        stdout.WriteLine($"  theme     {theme} (input/_theme/ overrides it)");
        if (options.BaseUrl is not null) stdout.WriteLine($"  base URL  {options.BaseUrl}");
        if (options.SettingsFile is not null) stdout.WriteLine($"  settings  {options.SettingsFile}");
    }
}
