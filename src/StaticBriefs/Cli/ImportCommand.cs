using System.CommandLine;
using StaticBriefs.Authoring;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs import FILE</c>: turns a plain-text brief into a draft brief with proposed entities.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Plain-text brief to import" };
        var input = AuthoringOptions.Input();
        var output = new Option<string?>("--output") { Description = "File to write (default: <input>/briefs/<yyyy>/<slug>.md)" };
        var date = AuthoringOptions.Date("today");
        var command = new Command("import",
            "Turn a plain-text brief into a markdown brief: title, summary from the executive-summary bullets, and " +
            "companies, people and topics proposed from <input>/_data/*.yml. It starts as draft: true so you can review " +
            "it; never overwrites a file.");
        command.Arguments.Add(file);
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(date);
        command.SetAction(parse =>
        {
            var source = parse.GetValue(file)!;
            if (!File.Exists(source))
            {
                stderr.WriteLine($"error: {source}: file not found");
                return 1;
            }
            if (ImportSource.Read(source, stderr) is not { } text) return 1;
            if (AuthoringOptions.ReadDate(parse.GetValue(date), stderr) is not { } today) return 2;
            var inputDirectory = parse.GetValue(input)!;

            // A broken data file should not stop an import: report it and propose from what did load.
            var diagnostics = new DiagnosticBag();
            var entities = Directory.Exists(inputDirectory) ? EntityDataLoader.Load(inputDirectory, diagnostics) : [];
            foreach (var diagnostic in diagnostics.Sorted()) stderr.WriteLine(diagnostic with { File = Path.Combine(inputDirectory, diagnostic.File) });

            var draft = PlainTextImporter.Import(text, today, entities);
            var path = parse.GetValue(output) ?? BriefFileWriter.DefaultPath(inputDirectory, draft);
            return AuthoringOptions.Create(path, BriefMarkdownWriter.Write(draft), stdout, stderr);
        });
        return command;
    }
}
