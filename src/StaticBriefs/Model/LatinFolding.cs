using System.Text;

namespace StaticBriefs.Model;

/// <summary>
/// Folds accented Latin letters to plain ASCII ("Zoë" -> "Zoe", "Straße" -> "Strasse").
/// <c>string.Normalize</c> cannot be relied on for this: with <c>InvariantGlobalization</c> (set for the whole build)
/// it leaves non-ASCII text as it is, so "Zoë" and "Zoe" would be two terms and "Zoë" would slug to "zo".
/// The table covers Latin-1 Supplement and Latin Extended-A and -B, generated from Unicode decompositions.
/// </summary>
internal static class LatinFolding
{
    private const string From = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĸĹĺĻļĽľŁłŃńŅņŇňŊŋŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀƒƚƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǤǥǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
    private const string To = "AAAAAACEEEEIIIIDNOOOOOOUUUUYaaaaaaceeeeiiiidnoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkkLlLlLlLlNnNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzsbflOoUuAaIiOoUuUuUuUuUuAaAaGgGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy";

    /// <summary>The text with every known accented Latin letter replaced by its ASCII base letter(s).</summary>
    public static string Fold(string text)
    {
        var first = 0;
        while (first < text.Length && text[first] < '\u00C0') first++;
        if (first == text.Length) return text;

        var builder = new StringBuilder(text.Length + 4).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00C0' || c > '\u024F')
            {
                builder.Append(c);
                continue;
            }
            var index = From.IndexOf(c, StringComparison.Ordinal);
            if (index >= 0) builder.Append(To[index]);
            else builder.Append(Expand(c) ?? c.ToString());
        }
        return builder.ToString();
    }

    private static string? Expand(char c) => c switch
    {
        'Æ' => "AE",
        'Þ' => "TH",
        'ß' => "ss",
        'æ' => "ae",
        'þ' => "th",
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'Œ' => "OE",
        'œ' => "oe",
        'Ǆ' => "DZ",
        'ǅ' => "Dz",
        'ǆ' => "dz",
        'Ǉ' => "LJ",
        'ǈ' => "Lj",
        'ǉ' => "lj",
        'Ǌ' => "NJ",
        'ǋ' => "Nj",
        'ǌ' => "nj",
        'Ǳ' => "DZ",
        'ǲ' => "Dz",
        'ǳ' => "dz",
        _ => null,
    };
}
