namespace StaticBriefs.Rendering.Theme;

/// <summary>Appends a card's HTML at a heading level to a page being written (see <see cref="TemplateRunner.WriteCard"/>).</summary>
/// <param name="html">The page's builder.</param>
/// <param name="card">The card's view.</param>
/// <param name="level">Its heading level.</param>
internal delegate void CardWriter(System.Text.StringBuilder html, object card, int level);
