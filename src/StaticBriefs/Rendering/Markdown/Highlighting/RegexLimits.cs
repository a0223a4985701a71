using System.Runtime.InteropServices;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Bounds the work of one regular expression search in Oniguruma, the engine under the TextMate grammars. Some
/// grammars backtrack catastrophically on short, odd lines (the C++ grammar took 5 s on 100 characters of
/// <c>[{[{...</c> and a minute on 800, inside one native call that no time limit can interrupt). With a limit on the
/// backtracking steps of a search, such a search ends as "no match" after a few milliseconds, the same way on
/// every run, and the tokenizer carries on. Ordinary code never comes near it: the benchmark's samples and long
/// lines of JSON, SQL, shell, C++, HTML, YAML, Python and Rust highlighted the same with a limit of 1,000 as with
/// none; with 10,000, the 2,900-character line above takes about a second, and 1,000 characters about 0.3 s.
/// Oniguruma keeps these limits per process, so they are set once, to the same values.
/// </summary>
internal static class RegexLimits
{
    /// <summary>Backtracking steps one search may take over all its start positions.</summary>
    public const ulong StepsPerSearch = 10_000;

    /// <summary>Backtracking steps one match attempt may take (Oniguruma's default is 10,000,000).</summary>
    public const ulong StepsPerMatch = 10_000;

    private static readonly Lazy<bool> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when the limits are in force (false when the native library has no such setting).</summary>
    public static bool Ensure() => Applied.Value;

    private static bool Apply()
    {
        try
        {
            // Both return 0 (ONIG_NORMAL) on success.
            return onig_set_retry_limit_in_search(new CULong((nuint)StepsPerSearch)) == 0
                & onig_set_retry_limit_in_match(new CULong((nuint)StepsPerMatch)) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // The library the grammar package's Onigwrap loads (runtimes/<rid>/native/libonigwrap), so one Oniguruma.
    [DllImport("libonigwrap", ExactSpelling = true)]
    private static extern int onig_set_retry_limit_in_search(CULong limit);

    [DllImport("libonigwrap", ExactSpelling = true)]
    private static extern int onig_set_retry_limit_in_match(CULong limit);
}
