using System.Reflection;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using StaticBriefs.Rendering.Relations;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// View records are read through the getters <see cref="ViewAccessors"/> lists, and templates must see exactly what
/// Scriban's reflection showed them: the same members, names, order and values.
/// </summary>
public sealed class ViewAccessorsTests
{
    /// <summary>The objects pages are rendered with; everything templates reach is reached from these.</summary>
    private static readonly Type[] Roots =
        [typeof(SiteView), typeof(PageView), typeof(BriefView), typeof(ListView), typeof(TermView), typeof(TermsView),
         typeof(ArchiveView), typeof(DocView), typeof(MovesView), typeof(BriefCard)];

    public static TheoryData<string> ListedTypes() => [.. ViewAccessors.Types.Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(ListedTypes))]
    public void A_listed_view_shows_the_members_and_values_reflection_shows(string typeName)
    {
        var type = ViewAccessors.Types.Single(t => t.FullName == typeName);
        var sample = Sample(type);
        var reflection = new TemplateContext { MemberRenamer = StandardMemberRenamer.Default }.GetMemberAccessor(sample);
        var listed = new EscapingTemplateContext { MemberRenamer = StandardMemberRenamer.Default }.GetMemberAccessor(sample);
        Assert.Equal(typeof(ViewAccessor<>).MakeGenericType(type), listed.GetType());
        Assert.NotEqual(listed.GetType(), reflection.GetType());

        var expected = reflection.GetMembers(null!, default, sample).ToList();
        Assert.Equal(expected, listed.GetMembers(null!, default, sample).ToList());
        Assert.Equal(expected.Count, listed.GetMemberCount(null!, default, sample));
        foreach (var member in expected)
        {
            Assert.True(listed.HasMember(null!, default, sample, member), member);
            Assert.True(reflection.TryGetValue(null!, default, sample, member, out var want));
            Assert.True(listed.TryGetValue(null!, default, sample, member, out var got), member);
            if (want is string or ValueType) Assert.Equal(want, got);
            else Assert.Same(want, got);
        }
        Assert.False(listed.TryGetValue(null!, default, sample, "no_such_member", out var missing));
        Assert.Null(missing);
        Assert.False(listed.HasMember(null!, default, sample, "no_such_member"));
    }

    [Fact]
    public void Every_view_record_a_template_can_reach_is_listed()
    {
        var reached = new HashSet<Type>();
        var pending = new Queue<Type>(Roots);
        while (pending.TryDequeue(out var type))
        {
            if (!reached.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                foreach (var next in ViewTypesIn(property.PropertyType)) pending.Enqueue(next);
            }
        }
        var unlisted = reached.Except(ViewAccessors.Types).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(unlisted);
        Assert.Contains(typeof(TrustedHtml), reached);
        Assert.Contains(typeof(CareerStepView), reached);
    }

    [Fact]
    public void A_template_reads_listed_members_and_gets_nothing_for_unknown_ones()
    {
        var context = new EscapingTemplateContext { MemberRenamer = StandardMemberRenamer.Default, EnableRelaxedMemberAccess = true };
        context.PushGlobal(new ScriptObject
        {
            ["link"] = new LinkView("Anthropic & co", "/companies/anthropic/", 3),
            ["pager"] = new PagerView(2, 5, "/page/1/", "", [new PagerLink(1, "/", IsCurrent: false), new PagerLink(2, "/page/2/", IsCurrent: true)]),
        });
        var template = Template.Parse(
            "{{ link.name }}|{{ link.url }}|{{ link.count + 1 }}|[{{ link.nope }}]|{{ link.nope == null }}|" +
            "{{ for p in pager.pages }}{{ p.number }}{{ if p.is_current }}*{{ end }}{{ end }}|{{ pager.next_url == \"\" }}");
        Assert.False(template.HasErrors, string.Join('\n', template.Messages));

        Assert.Equal("Anthropic &amp; co|/companies/anthropic/|4|[]|true|12*|true", template.Render(context));
        Assert.IsType<ViewAccessor<LinkView>>(context.GetMemberAccessor(new LinkView("a", "b")));
    }

    [Fact]
    public void A_context_naming_members_otherwise_reads_views_by_reflection_as_before()
    {
        var context = new EscapingTemplateContext { MemberRenamer = member => member.Name };
        context.PushGlobal(new ScriptObject { ["link"] = new LinkView("Anthropic", "/companies/anthropic/") });

        Assert.IsNotType<ViewAccessor<LinkView>>(context.GetMemberAccessor(new LinkView("a", "b")));
        Assert.Equal("Anthropic /companies/anthropic/", Template.Parse("{{ link.Name }} {{ link.Url }}").Render(context));
    }

    [Fact]
    public void Setting_a_member_of_a_view_fails_as_it_did_with_reflection()
    {
        var messages = new List<string>();
        foreach (var context in new TemplateContext[] { new(), new EscapingTemplateContext() })
        {
            context.MemberRenamer = StandardMemberRenamer.Default;
            context.EnableRelaxedMemberAccess = true;
            context.PushGlobal(new ScriptObject { ["link"] = new LinkView("a", "/a/") });
            var error = Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => Template.Parse("{{ link.name = \"b\" }}").Render(context));
            messages.Add(error.OriginalMessage);
        }
        Assert.Equal(messages[0], messages[1]);
        Assert.Contains("name", messages[0], StringComparison.Ordinal);
    }

    /// <summary>View types (declared in StaticBriefs) in a property's type: itself, a list's items, a nullable's value.</summary>
    private static IEnumerable<Type> ViewTypesIn(Type type)
    {
        if (type.Assembly == typeof(ViewAccessors).Assembly && type.IsClass) yield return type;
        if (!type.IsGenericType) yield break;
        foreach (var argument in type.GetGenericArguments())
        {
            foreach (var inner in ViewTypesIn(argument)) yield return inner;
        }
    }

    /// <summary>
    /// An instance whose every field holds a value of its own (distinct strings, numbers, flags alternating, new
    /// objects), so a getter that returns the wrong member is caught.
    /// </summary>
    private static object Sample(Type type)
    {
        var sample = RuntimeHelpers.GetUninitializedObject(type);
        var n = 0;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            n++;
            var fieldType = field.FieldType;
            object? value = fieldType == typeof(string) ? $"{field.Name}-{n}"
                : fieldType == typeof(int) ? n * 7
                : fieldType == typeof(bool) ? n % 2 == 0
                : fieldType.IsGenericType && fieldType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                    ? Array.CreateInstance(fieldType.GetGenericArguments()[0], n % 3)
                : fieldType == typeof(IReadOnlyDictionary<string, object?>) ? new Dictionary<string, object?> { ["k"] = n }
                : fieldType.IsClass ? RuntimeHelpers.GetUninitializedObject(fieldType)
                : throw new InvalidOperationException($"{type.Name}.{field.Name}: no sample for {fieldType.Name}");
            field.SetValue(sample, value);
        }
        return sample;
    }
}
