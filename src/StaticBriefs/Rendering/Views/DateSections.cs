using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// Groups a newest-first list of briefs under date headings that each group several briefs: a month with two or more
/// briefs is its own section ("May 2024"); a run of months with one brief each becomes one section named by its range
/// ("June – September 2024"); a lone brief between busy months joins the older section next to it. A page showing a
/// single brief gets no heading at all (<see cref="MonthGroup.Label"/> empty).
/// </summary>
public static class DateSections
{
    /// <summary>The sections of <paramref name="items"/>, in their order.</summary>
    public static IReadOnlyList<MonthGroup> Of(IReadOnlyList<(Brief Brief, BriefCard Card)> items)
    {
        if (items.Count == 0) return [];
        if (items.Count == 1) return [new MonthGroup("", Dates.MonthId(items[0].Brief.Date), [items[0].Card])];
        var months = new List<List<(Brief Brief, BriefCard Card)>>();
        foreach (var item in items)
        {
            if (months.Count > 0 && Dates.MonthId(months[^1][0].Brief.Date) == Dates.MonthId(item.Brief.Date)) months[^1].Add(item);
            else months.Add([item]);
        }
        // Consecutive single-brief months merge into one section.
        var sections = new List<List<List<(Brief Brief, BriefCard Card)>>>();
        foreach (var month in months)
        {
            var last = sections.Count > 0 ? sections[^1] : null;
            if (month.Count == 1 && last is not null && last.All(m => m.Count == 1)) last.Add(month);
            else sections.Add([month]);
        }
        // A section still holding one brief joins its older neighbour (or, last on the page, its newer one).
        for (var i = 0; i < sections.Count && sections.Count > 1; i++)
        {
            if (sections[i].Sum(m => m.Count) > 1) continue;
            var into = i + 1 < sections.Count ? i + 1 : i - 1;
            if (into > i) sections[into].InsertRange(0, sections[i]);
            else sections[into].AddRange(sections[i]);
            sections.RemoveAt(i);
            i--;
        }
        return [.. sections.Select(Section)];
    }

    private static MonthGroup Section(List<List<(Brief Brief, BriefCard Card)>> months)
    {
        var newest = months[0][0].Brief.Date;
        var oldest = months[^1][0].Brief.Date;
        var label = months.Count == 1 ? Dates.Month(newest) : Range(oldest, newest);
        var id = months.Count == 1 ? Dates.MonthId(newest) : Dates.MonthId(newest) + "-to-" + Dates.MonthId(oldest);
        return new MonthGroup(label, id, [.. months.SelectMany(m => m.Select(i => i.Card))]);
    }

    /// <summary>"June – September 2024", or "November 2024 – January 2025" across a year (oldest first, as one reads a range).</summary>
    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        from.Year == to.Year
            ? $"{from.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture)} – {Dates.Month(to)}"
            : $"{Dates.Month(from)} – {Dates.Month(to)}";
}
