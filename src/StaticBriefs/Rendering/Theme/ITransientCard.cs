namespace StaticBriefs.Rendering.Theme;

/// <summary>A card object that may be made for one page only, and so must not be kept by <c>card_html</c>.</summary>
public interface ITransientCard
{
    /// <summary>True when the card was made for one page.</summary>
    bool Transient { get; }
}

/// <summary>Appends a card's HTML at a heading level to a page being written (see <see cref="TemplateRunner.WriteCard"/>).</summary>
/// <param name="html">The page's builder.</param>
/// <param name="card">The card's view.</param>
/// <param name="level">Its heading level.</param>
internal delegate void CardWriter(System.Text.StringBuilder html, object card, int level);
