using System.CommandLine;
using StaticBriefs.Authoring;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs init [DIR]</c>: a new site, ready for <c>build</c> and <c>preview</c>.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("dir") { Description = "Folder to create the site in (default: the current folder)", DefaultValueFactory = _ => "." };
        var date = AuthoringOptions.Date("today for the sample brief");
        var command = new Command("init",
            "Create a new site: input/_site.yml, a sample brief, _data/ stubs, an about page, .gitignore, a tool manifest, " +
            "netlify.toml and a GitHub Pages workflow. Never overwrites a file: if any is already there, nothing is written.");
        command.Arguments.Add(directory);
        command.Options.Add(date);
        command.SetAction(parse =>
        {
            if (AuthoringOptions.ReadDate(parse.GetValue(date), context.Stderr) is not { } today) return 2;
            var folder = parse.GetValue(directory)!;
            var files = SiteScaffold.Files(today, VersionCommand.PackageVersion());
            var inTheWay = SiteScaffold.Write(folder, files);
            if (inTheWay.Count > 0)
            {
                context.Stderr.WriteLine($"error: {inTheWay.Count} file(s) already exist; nothing was written:");
                foreach (var path in inTheWay) context.Stderr.WriteLine("  " + path);
                return 1;
            }
            var stdout = context.Stdout;
            foreach (var file in files) stdout.WriteLine("  created " + Path.Combine(folder, file.RelativePath));
            var cd = folder == "." ? "" : $"cd {folder} && ";
            stdout.WriteLine($"New site in {Path.GetFullPath(folder)}. Next: {cd}staticbriefs preview   (or: staticbriefs build)");
            return 0;
        });
        return command;
    }
}
