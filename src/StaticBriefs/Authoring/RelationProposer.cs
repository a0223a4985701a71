using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Rendering.Markdown.EntityLinks;

namespace StaticBriefs.Authoring;

/// <summary>
/// Proposes relations from plain text: two known entities in one sentence with a verb phrase between them
/// ("Andrej Karpathy, a central figure in modern AI history, has joined Anthropic's pre-training team" gives
/// Andrej Karpathy joins Anthropic, role pre-training). Only pairs whose kinds fit the verb are proposed; the author
/// reviews them in the draft.
/// </summary>
public static partial class RelationProposer
{
    /// <summary>At most this many relations are proposed for one text.</summary>
    public const int MaxProposals = 10;

    private static readonly (Regex Pattern, RelationVerb Verb)[] Phrases =
    [
        (Joins(), RelationVerb.Joins),
        (Leaves(), RelationVerb.Leaves),
        (Founds(), RelationVerb.Founds),
        (Acquires(), RelationVerb.Acquires),
        (InvestsIn(), RelationVerb.InvestsIn),
        (PartnersWith(), RelationVerb.PartnersWith),
    ];

    /// <summary>The relations <paramref name="text"/> states between entities of <paramref name="entities"/>, in order of appearance.</summary>
    public static ImmutableArray<ProposedRelation> Propose(ImmutableArray<EntityDefinition> entities, string text)
    {
        var spellings = new List<(string Spelling, string Path)>();
        for (var i = 0; i < entities.Length; i++)
        {
            if (entities[i].Kind == TaxonomyKind.Topics) continue;
            var id = i.ToString(CultureInfo.InvariantCulture);
            foreach (var spelling in entities[i].Aliases.Prepend(entities[i].Name)) spellings.Add((spelling, id));
        }
        if (spellings.Count == 0) return [];
        var matcher = new EntityMatcher(spellings);
        var result = new List<ProposedRelation>();
        foreach (var sentence in SentenceSplit().Split(text))
        {
            var mentions = matcher.Matches(sentence).ToList();
            for (var m = 1; m < mentions.Count; m++)
            {
                var (subjectAt, subjectLength, subjectId) = mentions[m - 1];
                var (objectAt, objectLength, objectId) = mentions[m];
                if (subjectId == objectId) continue;
                var between = sentence[(subjectAt + subjectLength)..objectAt];
                var subject = entities[int.Parse(subjectId, CultureInfo.InvariantCulture)];
                var obj = entities[int.Parse(objectId, CultureInfo.InvariantCulture)];
                foreach (var (pattern, verb) in Phrases)
                {
                    if (!pattern.IsMatch(between)) continue;
                    if (!verb.SubjectKinds().Contains(subject.Kind) || !verb.ObjectKinds().Contains(obj.Kind)) break;
                    var role = RoleAfter().Match(sentence[(objectAt + objectLength)..]) is { Success: true } r ? r.Groups["role"].Value.Trim() : null;
                    var proposal = new ProposedRelation(subject.Name, verb, obj.Name, verb == RelationVerb.Joins ? role : null);
                    if (!result.Exists(p => p.Subject == proposal.Subject && p.Verb == proposal.Verb && p.Object == proposal.Object))
                        result.Add(proposal);
                    break;
                }
            }
            if (result.Count >= MaxProposals) break;
        }
        return [.. result.Take(MaxProposals)];
    }

    /// <summary>Reads "Andrej Karpathy joins Anthropic" (as given to <c>new --relation</c>); null when no verb fits.</summary>
    public static ProposedRelation? Parse(string text)
    {
        foreach (var name in RelationVerbs.Names.OrderByDescending(n => n.Length))
        {
            var at = text.IndexOf(" " + name + " ", StringComparison.OrdinalIgnoreCase);
            if (at <= 0) continue;
            var subject = text[..at].Trim();
            var rest = text[(at + name.Length + 2)..].Trim();
            string? role = null;
            var open = rest.LastIndexOf(" as ", StringComparison.OrdinalIgnoreCase);
            if (open > 0)
            {
                role = rest[(open + 4)..].Trim();
                rest = rest[..open].Trim();
            }
            if (subject.Length == 0 || rest.Length == 0) return null;
            return new ProposedRelation(subject, RelationVerbs.Parse(name)!.Value, rest, role is { Length: > 0 } ? role : null);
        }
        return null;
    }

    // Each phrase must end right before the object: "has joined", "is joining the", "will join".
    [GeneratedRegex(@"\b(?:has |have |had |will |is |are |to )?(?:just |now |officially |formally )?(?:joined|joins|joining|join)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Joins();

    [GeneratedRegex(@"\b(?:has |have |had |will |is |are |to )?(?:just |now |officially )?(?:left|leaves|leaving|leave|departed|departs|departing|depart from|quit|quits)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Leaves();

    [GeneratedRegex(@"\b(?:has |have |had |will |is |to )?(?:co-)?(?:founded|founds|founding|found|set up|started)\s+(?:the\s+|a\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Founds();

    [GeneratedRegex(@"\b(?:has |have |had |will |is |to )?(?:acquired|acquires|acquiring|acquire|bought|buys|buying|buy)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Acquires();

    [GeneratedRegex(@"\b(?:invested|invests|investing|invest)\b[^.;]{0,60}\bin\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex InvestsIn();

    [GeneratedRegex(@"\b(?:partnered|partners|partnering|partner|teamed up|teams up)\s+with\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PartnersWith();

    /// <summary>"Anthropic's pre-training team": the team named right after the object.</summary>
    [GeneratedRegex(@"^['’]s\s+(?<role>[\p{L}\p{N}\- ]{2,40}?)\s+team\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RoleAfter();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SentenceSplit();
}
