using System.CommandLine;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs theme export [DIR]</c>: copies the built-in theme out for editing.</summary>
internal static class ThemeCommand
{
    public static Command Create(CliContext context)
    {
        var theme = new Command("theme", "Work with the theme built into StaticBriefs");
        var directory = new Argument<string>("dir") { Description = "Folder to write the theme to (default: theme)", DefaultValueFactory = _ => BuildCommand.DefaultThemeDirectory };
        var export = new Command("export",
            "Copy the built-in theme (layouts and assets) into a folder to edit it; build and preview use ./theme when it " +
            "exists, file by file over the built-in one. Never overwrites a file: if any is already there, nothing is written.");
        export.Arguments.Add(directory);
        export.SetAction(parse =>
        {
            var folder = parse.GetValue(directory)!;
            var files = EmbeddedThemeSource.Instance.Files;
            var inTheWay = files.Select(f => Path.Combine(folder, f)).Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
            if (inTheWay.Count > 0)
            {
                context.Stderr.WriteLine($"error: {inTheWay.Count} file(s) already exist; nothing was written:");
                foreach (var path in inTheWay) context.Stderr.WriteLine("  " + path);
                return 1;
            }
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(EmbeddedThemeSource.Instance.ReadBytes(file, new Diagnostics.DiagnosticBag()));
            }
            var hint = Path.GetFullPath(folder) == Path.GetFullPath(BuildCommand.DefaultThemeDirectory) ? "" : $" (pass --theme {folder})";
            context.Stdout.WriteLine($"Wrote {files.Count} theme files to {Path.GetFullPath(folder)}; build and preview now use them{hint}.");
            return 0;
        });
        theme.Subcommands.Add(export);
        return theme;
    }
}
