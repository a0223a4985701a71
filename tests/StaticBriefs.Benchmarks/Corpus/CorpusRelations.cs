using System.Text;

namespace StaticBriefs.Benchmarks.Corpus;

/// <summary>
/// The <c>relations:</c> of generated briefs (<c>--relations</c>). Drawn from a random of their own, so a corpus with
/// relations differs from the one without only in these lines and the two can be timed side by side.
/// </summary>
internal static class CorpusRelations
{
    private static readonly string[] PersonVerbs = ["joins", "joins", "leaves", "founds"];
    private static readonly string[] CompanyVerbs = ["invests in", "acquires", "partners with"];
    private static readonly string[] Roles = ["pre-training", "research", "policy", "product", "infrastructure", "safety"];

    /// <summary>Appends a <c>relations:</c> block for a brief naming these companies and people (about two in three briefs get one).</summary>
    public static void Append(StringBuilder text, Random random, string[] companies, string[] people)
    {
        var lines = new List<string>(3);
        if (people.Length > 0 && random.Next(3) != 0)
        {
            var verb = PersonVerbs[random.Next(PersonVerbs.Length)];
            var role = verb == "joins" && random.Next(2) == 0 ? $", role: {Roles[random.Next(Roles.Length)]}" : "";
            lines.Add($"  - {{subject: {people[0]}, verb: {verb}, object: {companies[0]}{role}}}");
            if (people.Length > 1 && random.Next(2) == 0)
                lines.Add($"  - {{subject: {people[1]}, verb: leaves, object: {companies[^1]}}}");
        }
        if (companies.Length > 1 && random.Next(3) == 0)
            lines.Add($"  - {{subject: {companies[0]}, verb: {CompanyVerbs[random.Next(CompanyVerbs.Length)]}, object: {companies[1]}}}");
        if (lines.Count == 0) return;
        text.Append("relations:\n");
        foreach (var line in lines) text.Append(line).Append('\n');
    }
}
