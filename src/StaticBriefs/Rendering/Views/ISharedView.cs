namespace StaticBriefs.Rendering.Views;

/// <summary>
/// A view object shown on many pages (a card, a term link, the site's view, a feed entry in several feeds): the view
/// hasher of a cached build remembers its hash by reference. Any other view is one page's own, hashed where it is met:
/// remembering those kept every page's views, and through them every body's HTML, to the end of the build.
/// </summary>
public interface ISharedView;
