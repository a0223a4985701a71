using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Each brief's social card, drawn in the brief pass and published at <see cref="SocialCard.PathFor"/>. A card whose
/// inputs match the last build's is kept as it is (through <see cref="IPageMemo"/>), so a cached build draws only the
/// cards of new or retitled briefs.
/// </summary>
public sealed class SocialImages(SocialCardRenderer renderer, string siteTitle)
{
    /// <summary>People and companies named on a card.</summary>
    private const int EntitiesOnCard = 3;

    /// <summary>What the card of <paramref name="brief"/> shows.</summary>
    public SocialCard CardOf(Brief brief, BriefCard card) =>
        new(siteTitle, card.Title, card.DateText, [.. card.Companies.Concat(card.People).Take(EntitiesOnCard).Select(l => l.Name)]);

    /// <summary>Draws (or keeps) the brief's card; returns its site path.</summary>
    public string Publish(Brief brief, BriefCard card, IOutputSink sink)
    {
        var path = SocialCard.PathFor(brief.Path);
        var file = path.TrimStart('/');
        var social = CardOf(brief, card);
        if (sink is IPageMemo memo)
        {
            var key = social.Key(renderer.FontKey);
            if (!memo.TryKeepFile(file, key)) renderer.Write(social, png => memo.WriteFile(file, png, key));
        }
        else renderer.Write(social, png => sink.WriteBytes(file, png));
        return path;
    }
}
