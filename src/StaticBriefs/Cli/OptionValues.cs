using System.CommandLine;
using System.Globalization;

namespace StaticBriefs.Cli;

/// <summary>
/// Reads a command's option values with environment overrides, as Hugo's <c>HUGO_*</c> variables: an option given on
/// the command line wins, then <c>STATICBRIEFS_&lt;NAME&gt;</c> (the long name in capitals, dashes as underscores:
/// <c>--base-url</c> is <c>STATICBRIEFS_BASE_URL</c>), then the option's default.
/// </summary>
internal sealed class OptionValues(ParseResult parse, Func<string, string?> environment)
{
    private readonly List<string> _errors = [];

    /// <summary>Environment values that could not be read, one message each.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The variable that overrides <paramref name="option"/>.</summary>
    public static string VariableFor(Option option) =>
        "STATICBRIEFS_" + option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    /// <summary>True when the option was typed on the command line (not defaulted).</summary>
    public bool Given(Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>True when the option was typed or set through its variable.</summary>
    public bool GivenOrSet(Option option) => Given(option) || !string.IsNullOrEmpty(environment(VariableFor(option)));

    /// <summary>The value: command line, else environment, else default.</summary>
    public T Get<T>(Option<T> option)
    {
        if (Given(option)) return parse.GetValue(option)!;
        var variable = VariableFor(option);
        var text = environment(variable);
        if (string.IsNullOrEmpty(text)) return parse.GetValue(option)!;
        if (TryConvert<T>(text, out var value)) return value;
        _errors.Add($"{variable}='{text}' is not {Expected<T>()}");
        return parse.GetValue(option)!;
    }

    private static bool TryConvert<T>(string text, out T value)
    {
        object? result = null;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (type == typeof(string)) result = text;
        else if (type == typeof(bool))
        {
            result = text.Trim().ToLowerInvariant() switch
            {
                "1" or "true" or "yes" or "on" => true,
                "0" or "false" or "no" or "off" => false,
                _ => null,
            };
        }
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) result = number;
        value = result is T typed ? typed : default!;
        return result is not null;
    }

    private static string Expected<T>()
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return type == typeof(bool) ? "true or false (or 1/0, yes/no)" : type == typeof(int) ? "a whole number" : "a usable value";
    }
}
