using System.Collections.Frozen;
using Scriban.Runtime;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Relations;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The one list of what templates can read on each view record, as getters (no reflection: see
/// <see cref="ViewAccessor{T}"/>). Members are listed by their C# names, in declaration order, and reach templates
/// snake_cased as Scriban's <see cref="StandardMemberRenamer"/> names them. A view record that gains a public
/// property must gain a line here: ViewAccessorsTests compares every list with the record's public properties. A
/// type not listed here is read by Scriban's own reflection, as before.
/// </summary>
internal static class ViewAccessors
{
    private static readonly FrozenDictionary<Type, IObjectAccessor> ByType = new Dictionary<Type, IObjectAccessor>
    {
        [typeof(SiteView)] = new ViewAccessor<SiteView>(
            ("Title", v => v.Title), ("Description", v => v.Description), ("Language", v => v.Language),
            ("BaseUrl", v => v.BaseUrl), ("BasePath", v => v.BasePath), ("Nav", v => v.Nav),
            ("Taxonomies", v => v.Taxonomies), ("Styles", v => v.Styles), ("Scripts", v => v.Scripts),
            ("SearchStyles", v => v.SearchStyles), ("SearchScripts", v => v.SearchScripts), ("Year", v => v.Year)),
        [typeof(PageView)] = new ViewAccessor<PageView>(
            ("Kind", v => v.Kind), ("Title", v => v.Title), ("Description", v => v.Description), ("Url", v => v.Url),
            ("Permalink", v => v.Permalink), ("Feeds", v => v.Feeds), ("OgType", v => v.OgType), ("JsonLd", v => v.JsonLd),
            ("NoIndex", v => Box(v.NoIndex)), ("Image", v => v.Image), ("ImageAlt", v => v.ImageAlt),
            ("ImageWidth", v => v.ImageWidth), ("ImageHeight", v => v.ImageHeight)),
        [typeof(FeedLink)] = new ViewAccessor<FeedLink>(("Title", v => v.Title), ("Url", v => v.Url), ("Type", v => v.Type)),
        [typeof(LinkView)] = new ViewAccessor<LinkView>(("Name", v => v.Name), ("Url", v => v.Url), ("Count", v => v.Count)),
        [typeof(BriefCard)] = new ViewAccessor<BriefCard>(
            ("Title", v => v.Title), ("Url", v => v.Url), ("DateIso", v => v.DateIso), ("DateText", v => v.DateText),
            ("Summary", v => v.Summary), ("SummaryDerived", v => Box(v.SummaryDerived)), ("Author", v => v.Author),
            ("Authors", v => v.Authors), ("Image", v => v.Image), ("ImageAlt", v => v.ImageAlt),
            ("ReadingMinutes", v => v.ReadingMinutes), ("Companies", v => v.Companies), ("People", v => v.People),
            ("Topics", v => v.Topics), ("Transient", v => Box(v.Transient))),
        [typeof(BriefView)] = new ViewAccessor<BriefView>(
            ("Card", v => v.Card), ("Content", v => v.Content), ("Toc", v => v.Toc), ("Sources", v => v.Sources),
            ("SourceLinks", v => v.SourceLinks), ("ShowToc", v => Box(v.ShowToc)), ("TocOnPhones", v => Box(v.TocOnPhones)),
            ("UpdatedIso", v => v.UpdatedIso), ("UpdatedText", v => v.UpdatedText), ("Previous", v => v.Previous),
            ("Next", v => v.Next), ("Related", v => v.Related), ("Companies", v => v.Companies), ("People", v => v.People),
            ("Topics", v => v.Topics), ("Relations", v => v.Relations), ("Extra", v => v.Extra)),
        [typeof(TocEntry)] = new ViewAccessor<TocEntry>(("Level", v => v.Level), ("Id", v => v.Id), ("Text", v => v.Text)),
        [typeof(SourceView)] = new ViewAccessor<SourceView>(("Url", v => v.Url), ("Site", v => v.Site), ("Title", v => v.Title)),
        [typeof(DocView)] = new ViewAccessor<DocView>(
            ("Title", v => v.Title), ("Content", v => v.Content), ("Toc", v => v.Toc), ("Extra", v => v.Extra)),
        [typeof(ListView)] = new ViewAccessor<ListView>(
            ("Briefs", v => v.Briefs), ("Pager", v => v.Pager), ("Lead", v => v.Lead), ("Sections", v => v.Sections)),
        [typeof(PagerView)] = new ViewAccessor<PagerView>(
            ("Current", v => v.Current), ("Total", v => v.Total), ("PrevUrl", v => v.PrevUrl), ("NextUrl", v => v.NextUrl),
            ("Pages", v => v.Pages)),
        [typeof(PagerLink)] = new ViewAccessor<PagerLink>(
            ("Number", v => v.Number), ("Url", v => v.Url), ("IsCurrent", v => Box(v.IsCurrent))),
        [typeof(TermView)] = new ViewAccessor<TermView>(
            ("Name", v => v.Name), ("Kind", v => v.Kind), ("KindSingular", v => v.KindSingular), ("KindTitle", v => v.KindTitle),
            ("KindUrl", v => v.KindUrl), ("Count", v => v.Count), ("Description", v => v.Description),
            ("Website", v => v.Website), ("Briefs", v => v.Briefs), ("Timeline", v => v.Timeline), ("Pager", v => v.Pager),
            ("CoMentions", v => v.CoMentions), ("Related", v => v.Related), ("PeopleNow", v => v.PeopleNow),
            ("PeopleBefore", v => v.PeopleBefore), ("CompaniesInBriefs", v => v.CompaniesInBriefs), ("Chart", v => v.Chart),
            ("CurrentCompanies", v => v.CurrentCompanies), ("PastCompanies", v => v.PastCompanies),
            ("Relations", v => v.Relations), ("FeedUrl", v => v.FeedUrl), ("JsonFeedUrl", v => v.JsonFeedUrl)),
        [typeof(LinkGroup)] = new ViewAccessor<LinkGroup>(("Kind", v => v.Kind), ("Title", v => v.Title), ("Links", v => v.Links)),
        [typeof(MonthGroup)] = new ViewAccessor<MonthGroup>(("Label", v => v.Label), ("Id", v => v.Id), ("Briefs", v => v.Briefs)),
        [typeof(YearGroup)] = new ViewAccessor<YearGroup>(
            ("Year", v => v.Year), ("Count", v => v.Count), ("Months", v => v.Months), ("MonthPages", v => v.MonthPages)),
        [typeof(ArchiveYearLink)] = new ViewAccessor<ArchiveYearLink>(
            ("Year", v => v.Year), ("Count", v => v.Count), ("Url", v => v.Url), ("Months", v => v.Months)),
        [typeof(ArchiveView)] = new ViewAccessor<ArchiveView>(
            ("Years", v => v.Years), ("Year", v => v.Year), ("Month", v => v.Month), ("NewerMonth", v => v.NewerMonth),
            ("OlderMonth", v => v.OlderMonth)),
        [typeof(TermsView)] = new ViewAccessor<TermsView>(
            ("Kind", v => v.Kind), ("Title", v => v.Title), ("ByName", v => v.ByName), ("ByCount", v => v.ByCount),
            ("Top", v => v.Top), ("Letters", v => v.Letters)),
        [typeof(LetterGroup)] = new ViewAccessor<LetterGroup>(("Letter", v => v.Letter), ("Id", v => v.Id), ("Links", v => v.Links)),
        [typeof(ChartView)] = new ViewAccessor<ChartView>(("Svg", v => v.Svg), ("Summary", v => v.Summary), ("Years", v => v.Years)),
        [typeof(YearCount)] = new ViewAccessor<YearCount>(("Year", v => v.Year), ("Count", v => v.Count)),
        [typeof(CompanySpan)] = new ViewAccessor<CompanySpan>(
            ("Company", v => v.Company), ("FirstYear", v => v.FirstYear), ("LastYear", v => v.LastYear),
            ("Count", v => v.Count), ("Years", v => v.Years)),
        [typeof(RelationView)] = new ViewAccessor<RelationView>(
            ("Subject", v => v.Subject), ("Verb", v => v.Verb), ("VerbPast", v => v.VerbPast), ("Object", v => v.Object),
            ("Role", v => v.Role), ("DateIso", v => v.DateIso), ("DateText", v => v.DateText),
            ("MonthText", v => v.MonthText), ("Brief", v => v.Brief)),
        [typeof(CareerStepView)] = new ViewAccessor<CareerStepView>(
            ("Company", v => v.Company), ("Role", v => v.Role), ("Started", v => v.Started), ("FromIso", v => v.FromIso),
            ("FromText", v => v.FromText), ("ToIso", v => v.ToIso), ("ToText", v => v.ToText),
            ("FromBrief", v => v.FromBrief), ("ToBrief", v => v.ToBrief)),
        [typeof(FlowYearView)] = new ViewAccessor<FlowYearView>(
            ("Year", v => v.Year), ("Arrivals", v => v.Arrivals), ("Departures", v => v.Departures), ("Net", v => v.Net)),
        [typeof(TermRelationsView)] = new ViewAccessor<TermRelationsView>(
            ("Career", v => v.Career), ("Arrivals", v => v.Arrivals), ("ArrivalCount", v => v.ArrivalCount),
            ("Departures", v => v.Departures), ("DepartureCount", v => v.DepartureCount), ("NetByYear", v => v.NetByYear),
            ("Other", v => v.Other), ("OtherCount", v => v.OtherCount), ("Capped", v => Box(v.Capped)),
            ("MovesUrl", v => v.MovesUrl), ("JsonUrl", v => v.JsonUrl), ("IsEmpty", v => Box(v.IsEmpty))),
        [typeof(FlowView)] = new ViewAccessor<FlowView>(
            ("From", v => v.From), ("To", v => v.To), ("People", v => v.People), ("Count", v => v.Count)),
        [typeof(MovesView)] = new ViewAccessor<MovesView>(
            ("Latest", v => v.Latest), ("Flows", v => v.Flows), ("Chart", v => v.Chart), ("JsonUrl", v => v.JsonUrl)),
        [typeof(TrustedHtml)] = new ViewAccessor<TrustedHtml>(("Value", v => v.Value)),
    }.ToFrozenDictionary();

    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>The view types that have an accessor here.</summary>
    public static IEnumerable<Type> Types => ByType.Keys;

    /// <summary>The accessor of <paramref name="type"/>, or null when it is not a view record listed here.</summary>
    public static IObjectAccessor? Find(Type type) => ByType.GetValueOrDefault(type);

    /// <summary>The listed properties of a view type as C# names and getters; null for a type not listed.</summary>
    public static IEnumerable<(string Name, Func<object, object?> Get)>? MembersOf(Type type) =>
        (ByType.GetValueOrDefault(type) as IViewMembers)?.Members;

    /// <summary>One shared box per value: flags are read on every page.</summary>
    private static object Box(bool value) => value ? True : False;
}
