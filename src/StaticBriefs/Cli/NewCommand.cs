using System.CommandLine;
using StaticBriefs.Authoring;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs new "Title"</c>: starts a draft brief with its front matter filled in.</summary>
internal static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var title = new Argument<string>("title") { Description = "The brief's title (quote it in the shell)" };
        var input = AuthoringOptions.Input();
        var date = AuthoringOptions.Date("now");
        var relations = new Option<string[]>("--relation")
        {
            Description = "A relation to start the brief with, e.g. \"Andrej Karpathy joins Anthropic as pre-training\" (repeatable; verbs: "
                + string.Join(", ", Model.Relations.RelationVerbs.Names) + ")",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("new",
            "Create input/briefs/<yyyy>/<slug>.md with its front matter filled in and an outline. It starts as draft: true, " +
            "so builds skip it until you set draft: false (or build with --drafts). Never overwrites a file.");
        command.Arguments.Add(title);
        command.Options.Add(input);
        command.Options.Add(date);
        command.Options.Add(relations);
        command.SetAction(parse =>
        {
            var text = parse.GetValue(title) ?? "";
            if (string.IsNullOrWhiteSpace(text))
            {
                stderr.WriteLine("error: the title is empty; run for example: staticbriefs new \"Anthropic raises $4 billion\"");
                return 2;
            }
            if (AuthoringOptions.ReadDate(parse.GetValue(date), stderr) is not { } now) return 2;
            var proposed = new List<ProposedRelation>();
            foreach (var written in parse.GetValue(relations) ?? [])
            {
                if (RelationProposer.Parse(written) is not { } relation)
                {
                    stderr.WriteLine($"error: --relation \"{written}\" has no known verb between two names; write it as \"Subject verb Object\" "
                        + $"with one of: {string.Join(", ", Model.Relations.RelationVerbs.Names)}");
                    return 2;
                }
                proposed.Add(relation);
            }
            var draft = NewBriefFactory.Create(text, now) with { Relations = [.. proposed] };
            var path = BriefFileWriter.DefaultPath(parse.GetValue(input)!, draft);
            return AuthoringOptions.Create(path, BriefMarkdownWriter.Write(draft), stdout, stderr);
        });
        return command;
    }
}
