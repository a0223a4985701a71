using System.Collections.Frozen;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// How templates read the members of one view type (<c>card.title</c>), through getters written out in
/// <see cref="ViewAccessors"/> instead of Scriban's reflection (<c>PropertyInfo.GetValue</c> on every read, which
/// is most of a page's member access in the native tool). It behaves as Scriban's own accessor does for a record:
/// the same snake_case names in the same order, an unknown member is not found (null under relaxed member
/// access), and nothing can be set (view records are immutable).
/// </summary>
/// <typeparam name="T">The view type.</typeparam>
internal sealed class ViewAccessor<T> : IObjectAccessor, IViewMembers where T : class
{
    private readonly (string Name, Func<T, object?> Get)[] _members;
    private readonly string[] _names;
    private readonly FrozenDictionary<string, Func<T, object?>> _getters;

    /// <summary>Creates the accessor from the members' C# names and getters, in declaration order.</summary>
    public ViewAccessor(params (string Name, Func<T, object?> Get)[] members)
    {
        _members = members;
        _names = [.. members.Select(m => StandardMemberRenamer.Rename(m.Name))];
        _getters = members.ToFrozenDictionary(m => StandardMemberRenamer.Rename(m.Name), m => m.Get, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public IEnumerable<(string Name, Func<object, object?> Get)> Members =>
        _members.Select(m => (m.Name, (Func<object, object?>)(target => m.Get((T)target))));

    /// <inheritdoc/>
    public bool HasIndexer => false;

    /// <inheritdoc/>
    public Type? IndexType => null;

    /// <inheritdoc/>
    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _names.Length;

    /// <inheritdoc/>
    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _names;

    /// <inheritdoc/>
    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _getters.ContainsKey(member);

    /// <inheritdoc/>
    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (_getters.TryGetValue(member, out var get))
        {
            value = get((T)target);
            return true;
        }
        value = null;
        return false;
    }

    /// <inheritdoc/>
    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;

    /// <inheritdoc/>
    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
    {
        value = null;
        return false;
    }

    /// <inheritdoc/>
    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;
}

/// <summary>A view type's public properties as C# names and getters, for readers other than templates (page hashes).</summary>
internal interface IViewMembers
{
    /// <summary>Every public property, by C# name, in declaration order.</summary>
    IEnumerable<(string Name, Func<object, object?> Get)> Members { get; }
}
