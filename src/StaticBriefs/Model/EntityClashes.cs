using System.Collections.Immutable;
using System.Globalization;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Model;

/// <summary>
/// Two entities of one kind that claim the same name or alias (after folding: "Open AI" is "OpenAI"), or one entity
/// defined twice. Before, the first definition silently won and the second's briefs were merged into it; now each
/// is an error (SB042) at the later claim, naming the earlier one's file and line.
/// </summary>
public static class EntityClashes
{
    /// <summary>Reports every clash, in file order.</summary>
    public static void Report(ImmutableArray<EntityDefinition> entities, DiagnosticBag diagnostics)
    {
        var owners = new Dictionary<(TaxonomyKind, TermKey), (EntityDefinition Entity, string Spelling, bool IsName)>();
        foreach (var entity in entities)
        {
            var nameKey = TermKey.From(entity.Name);
            if (owners.TryGetValue((entity.Kind, nameKey), out var owner) && !ReferenceEquals(owner.Entity, entity))
            {
                var message = owner.IsName
                    ? $"{entity.Kind.Singular()} '{entity.Name}' is defined twice: also at {Where(owner.Entity)}; merge the two entries into one"
                    : $"{entity.Kind.Singular()} '{entity.Name}' is already an alias of '{owner.Entity.Name}' ({Where(owner.Entity)}); remove the alias or merge the entries";
                diagnostics.Error(entity.File, entity.Line, DiagnosticCodes.EntityClash, message, entity.Column);
            }
            else
            {
                owners[(entity.Kind, nameKey)] = (entity, entity.Name, true);
            }
            for (var i = 0; i < entity.Aliases.Length; i++)
            {
                var alias = entity.Aliases[i];
                var key = TermKey.From(alias);
                if (!owners.TryGetValue((entity.Kind, key), out owner))
                {
                    owners[(entity.Kind, key)] = (entity, alias, false);
                    continue;
                }
                if (ReferenceEquals(owner.Entity, entity)) continue; // an alias that folds to the entity's own name
                var (line, column) = i < entity.AliasPositions.Length ? entity.AliasPositions[i] : (entity.Line, entity.Column);
                var what = owner.IsName ? "the name" : "an alias";
                diagnostics.Error(entity.File, line, DiagnosticCodes.EntityClash,
                    $"alias '{alias}' of '{entity.Name}' is also {what} of '{owner.Entity.Name}' ({Where(owner.Entity)}); one name can stand for one {entity.Kind.Singular()} only",
                    column);
            }
        }
    }

    private static string Where(EntityDefinition entity) =>
        string.Create(CultureInfo.InvariantCulture, $"{entity.File}:{entity.Line}");
}
