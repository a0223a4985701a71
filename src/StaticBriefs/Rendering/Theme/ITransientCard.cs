namespace StaticBriefs.Rendering.Theme;

/// <summary>A card object that may be made for one page only, and so must not be kept by <c>card_html</c>.</summary>
public interface ITransientCard
{
    /// <summary>True when the card was made for one page.</summary>
    bool Transient { get; }
}
