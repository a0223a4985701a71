using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Renders layouts. A Scriban <see cref="TemplateContext"/> is not thread-safe, so each worker thread gets its own,
/// reused across that thread's pages (it also caches parsed partials).
/// </summary>
public sealed class TemplateRunner : IDisposable
{
    private readonly LayoutSet _layouts;
    private readonly ThemeTemplateLoader _loader;
    private readonly ThreadLocal<EscapingTemplateContext> _contexts;
    private readonly Diagnostics.WorkMeter? _meter;
    private readonly ThreadLocal<EscapingTemplateContext> _cardContexts;
    private readonly Lazy<Template> _card;

    // The site's card partials are the built-in ones: cards are written by BuiltInCard, the same bytes without the interpreter.
    private readonly bool _builtInCard;

    // The site's base layout is the built-in one: pages are wrapped by BuiltInBase.
    private readonly bool _builtInBase;

    // The site's brief layout and its partials are the built-in ones: brief pages are written by BuiltInBrief.
    private readonly bool _builtInBrief;

    // The site's term layout, its partials and its base layout are the built-in ones: term pages are written by BuiltInTerm.
    private readonly bool _builtInTerm;

    // The site's home layout, its partials and its base layout are the built-in ones: home pages are written by BuiltInHome.
    private readonly bool _builtInHome;
    private readonly ThreadLocal<System.Text.StringBuilder> _pageBuilders = new(() => new System.Text.StringBuilder());

    // The content of a page whose layout is written in C#, kept from page to page like the page's own builder.
    private readonly ThreadLocal<System.Text.StringBuilder> _contentBuilders = new(() => new System.Text.StringBuilder());
    private readonly ConcurrentDictionary<(object Card, int Level), TrustedHtml> _cards = new(CardKeyComparer.Instance);
    private readonly CardWriter _writeCard;

    /// <summary>The layouts this runner renders with.</summary>
    public LayoutSet Layouts => _layouts;

    /// <summary>Creates a runner over parsed layouts.</summary>
    public TemplateRunner(LayoutSet layouts, Diagnostics.WorkMeter? meter = null)
    {
        _meter = meter;
        _layouts = layouts;
        _loader = new ThemeTemplateLoader(layouts.Files);
        _contexts = new ThreadLocal<EscapingTemplateContext>(() => CreateContext(withCardFunction: true));
        _cardContexts = new ThreadLocal<EscapingTemplateContext>(() => CreateContext(withCardFunction: false));
        _card = new Lazy<Template>(ParseCard);
        _writeCard = WriteCard;
        _builtInCard = BuiltInCard.Serves(layouts.Files);
        _builtInBase = BuiltInBase.Serves(layouts.Files);
        _builtInBrief = BuiltInBrief.Serves(layouts.Files);
        _builtInTerm = _builtInBase && BuiltInTerm.Serves(layouts.Files);
        _builtInHome = _builtInBase && BuiltInHome.Serves(layouts.Files);
    }

    /// <summary>
    /// The <c>card_html card level</c> template function: a brief's card rendered from <c>partials/card.sbn</c> once
    /// per build and heading level, then reused. A brief appears on the home pages and on the page of every entity it
    /// names, so listings would otherwise render the same card seven times over.
    /// </summary>
    public TrustedHtml CardHtml(object card, int level) =>
        card is ITransientCard { Transient: true }
            ? RenderCard(card, level)
            : _cards.GetOrAdd((card, level), key => RenderCard(key.Card, key.Level));

    /// <summary>How many cards <c>card_html</c> keeps for the build (for tests).</summary>
    internal int CardsKept => _cards.Count;

    /// <summary>
    /// Appends a card to a page written in C# (home and term pages). The built-in card is written straight into the
    /// page, and kept for no one: a brief's card shows on one home page, and an entity's page shows a card of its own
    /// (without its chip). Making each as a string of its own, to copy once, was the most a cached build allocated
    /// after an add (every home page shifts: 10,000 cards, some 100 MiB with the entity pages' cards, each byte a page
    /// the kernel had to hand out). A card <c>card_html</c> already keeps is copied; the site's own card template goes
    /// through <c>card_html</c>.
    /// </summary>
    internal void WriteCard(System.Text.StringBuilder html, object card, int level)
    {
        if (!_builtInCard || card is not BriefCard brief) html.Append(CardHtml(card, level).Value);
        else if (!brief.Transient && _cards.TryGetValue((card, level), out var kept)) html.Append(kept.Value);
        else BuiltInCard.Write(html, brief, level);
    }

    private TrustedHtml RenderCard(object card, int level)
    {
        if (_builtInCard && card is BriefCard brief) return new TrustedHtml(BuiltInCard.Render(brief, level));
        var context = _cardContexts.Value!;
        var globals = new ScriptObject { ["card"] = card, ["card_level"] = level };
        context.BeginPage();
        context.PushGlobal(globals);
        try
        {
            return new TrustedHtml(_card.Value.Render(context));
        }
        finally
        {
            context.PopGlobal();
        }
    }

    private Template ParseCard()
    {
        var file = _layouts.Files.Resolve("layouts/partials/card.sbn")
            ?? throw new ScriptRuntimeException(default, "partials/card.sbn is missing from the theme and input/_theme/");
        string text;
        try
        {
            text = file.ReadTextOrThrow();
        }
        catch (IOException ex)
        {
            throw new ScriptRuntimeException(default, "partials/card.sbn cannot be read: " + ex.Message);
        }
        var template = Template.Parse(text, file.Display);
        if (template.HasErrors)
        {
            var message = template.Messages[0];
            throw new ScriptRuntimeException(message.Span, message.Message);
        }
        return template;
    }

    /// <summary>
    /// The whole page when <paramref name="layout"/> is the built-in term or home layout and it and the base layout are
    /// written in C# (<see cref="BuiltInTerm"/>, <see cref="BuiltInHome"/>): the content is made in a kept builder and
    /// copied straight into the page. Null for any other layout.
    /// </summary>
    private PageHtml? InCSharp(string layout, ScriptObject globals)
    {
        var term = _builtInTerm && layout == "term" ? globals["term"] as TermView : null;
        var list = _builtInHome && layout == "home" ? globals["list"] as ListView : null;
        if ((term is null && list is null) || globals["site"] is not SiteView site || globals["page"] is not PageView page) return null;
        var content = _contentBuilders.Value!;
        content.Clear();
        if (term is not null) BuiltInTerm.Render(content, term, _writeCard);
        else BuiltInHome.Render(content, site, list!, _writeCard);
        var html = BuiltInBase.Write(_pageBuilders.Value!, site, page, content);
        BuiltInBase.Release(content);
        return new PageHtml(html);
    }

    /// <summary>
    /// Renders <paramref name="layout"/> with the given globals, then wraps the result in the <c>base</c> layout
    /// as <c>content</c>. Returns null after reporting a diagnostic when a template fails. A page the built-in
    /// layouts made is held in this thread's page builder: write it before the thread renders another.
    /// </summary>
    public PageHtml? RenderPage(string layout, ScriptObject globals, string pagePath, DiagnosticBag diagnostics)
    {
        var context = _contexts.Value!;
        var started = Diagnostics.WorkMeter.Start();
        context.BeginPage();
        context.PushGlobal(globals);
        try
        {
            string content;
            if (_builtInBrief && layout == "brief" && globals["brief"] is BriefView brief)
            {
                // What brief.sbn leaves in the globals, for a base layout of the site's own.
                var hasEntities = BuiltInBrief.HasEntities(brief);
                globals["has_entities"] = hasEntities;
                if (hasEntities) globals["tags"] = brief;
                if (_builtInBase && globals["site"] is SiteView briefSite && globals["page"] is PageView briefPage)
                {
                    // Both layouts in C#: the brief is made in a kept builder and copied straight into the page.
                    var built = BuiltInBrief.Render(_contentBuilders.Value!, brief);
                    var page = BuiltInBase.Write(_pageBuilders.Value!, briefSite, briefPage, built);
                    BuiltInBase.Release(built);
                    return new PageHtml(page);
                }
                content = BuiltInBrief.Render(brief);
            }
            else if (InCSharp(layout, globals) is { } written) return written;
            else content = _layouts[layout].Render(context);
            // What base.sbn reads, read after the layout ran (a layout may set variables): the generator's views only.
            if (_builtInBase && globals["site"] is SiteView site && globals["page"] is PageView view)
                return new PageHtml(BuiltInBase.Write(_pageBuilders.Value!, site, view, content));
            globals["content"] = new TrustedHtml(content);
            return new PageHtml(_layouts["base"].Render(context));
        }
        catch (ScriptRuntimeException ex)
        {
            // Templates are parsed under their display name (_theme/..., theme/..., built-in theme/...).
            var file = ex.Span.FileName is { Length: > 0 } name ? name : $"layouts/{layout}.sbn";
            diagnostics.Error(file, ex.Span.Start.Line + 1, DiagnosticCodes.TemplateError,
                $"{ex.OriginalMessage} (while rendering {pagePath})", ex.Span.Start.Column + 1);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ArithmeticException
            or InvalidCastException or FormatException or NotSupportedException or IndexOutOfRangeException
            or KeyNotFoundException or NullReferenceException)
        {
            // Scriban lets some .NET exceptions through (a structure nested too deeply to print, a bad conversion):
            // still the layout's doing, so still a diagnostic naming it, not a crash.
            diagnostics.Error($"layouts/{layout}.sbn", 0, DiagnosticCodes.TemplateError,
                $"the layout failed: {ex.Message.TrimEnd('.')} (while rendering {pagePath})");
            return null;
        }
        finally
        {
            context.PopGlobal();
            _meter?.Stop(Diagnostics.WorkKind.Templates, started);
        }
    }

    private EscapingTemplateContext CreateContext(bool withCardFunction)
    {
        // Escaping by default: a value a layout forgets to escape is escaped anyway (see EscapingTemplateContext).
        var context = new EscapingTemplateContext
        {
            TemplateLoader = _loader,
            // Archive and index pages loop over every brief: Scriban's default limit of 1000 iterations is too low.
            LoopLimit = 0,
            RecursiveLimit = 64,
            EnableRelaxedMemberAccess = true,
            MemberRenamer = StandardMemberRenamer.Default,
        };
        if (withCardFunction)
        {
            // Card rendering uses a context of its own: a template cannot render another inside its own output.
            var functions = new ScriptObject();
            functions["card_html"] = new CardHtmlFunction(CardHtml);
            context.PushGlobal(functions);
        }
        return context;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _contexts.Dispose();
        _cardContexts.Dispose();
        _pageBuilders.Dispose();
        _contentBuilders.Dispose();
    }

    /// <summary>Cards are shared view objects: the same instance is the same card.</summary>
    private sealed class CardKeyComparer : IEqualityComparer<(object Card, int Level)>
    {
        public static readonly CardKeyComparer Instance = new();

        public bool Equals((object Card, int Level) x, (object Card, int Level) y) =>
            ReferenceEquals(x.Card, y.Card) && x.Level == y.Level;

        public int GetHashCode((object Card, int Level) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Card), key.Level);
    }
}
