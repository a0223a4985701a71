using System.Collections.Frozen;

namespace StaticBriefs.Text;

/// <summary>
/// Folds accented and compatibility characters to plain lower-case ASCII. The table is written out
/// rather than computed with <c>string.Normalize(FormKD)</c> because the generator runs with invariant
/// globalization, where normalization is a no-op for non-ASCII text; a fixed table also keeps the
/// browser side (search.js holds the same string, checked by a test) in step whatever its ICU version.
/// Term identities and slugs use the same table, so a name folds the same way everywhere.
/// </summary>
public static class CharacterFolding
{
    /// <summary>Groups separated by spaces: the ASCII target, then every character that folds to it.</summary>
    public const string Table =
        "0０ 1１¹ 2２² 3３³ 4４ 5５ 6６ 7７ 8８ 9９ aÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặＡａ aeæÆ bḂḃḄḅḆḇＢｂ cÇçĆćĈĉĊċČčḈḉＣｃ dĎďḊḋḌḍḎḏḐḑḒḓＤｄđĐðÐ dzǄǅǆǱǲǳ eÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệＥｅ fḞḟＦｆ ffﬀ ffiﬃ fflﬄ fiﬁ flﬂ gĜĝĞğĠġĢģǦǧǴǵḠḡＧｇ hĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖＨｈħĦ iÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊịＩｉı ijĲĳ jĴĵǰＪｊ kĶķǨǩḰḱḲḳḴḵＫｋ lĹĺĻļĽľḶḷḸḹḺḻḼḽＬｌłŁ ljǇǈǉ mḾḿṀṁṂṃＭｍ nÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋＮｎ njǊǋǌ oÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợＯｏøØ oeœŒ pṔṕṖṗＰｐ qＱｑ rŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟＲｒ sŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩẛＳｓ ssßẞ stﬅﬆ tŢţŤťȚțṪṫṬṭṮṯṰṱẗＴｔ thþÞ uÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰựＵｕ vṼṽṾṿＶｖ wŴŵẀẁẂẃẄẅẆẇẈẉẘＷｗ xẊẋẌẍＸｘ yÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹＹｙ zŹźŻżŽžẐẑẒẓẔẕＺｚ";

    private static readonly FrozenDictionary<char, string> Map = BuildMap();

    /// <summary>The ASCII replacement of <paramref name="c"/>, or null when it does not fold.</summary>
    public static string? Fold(char c) => Map.TryGetValue(c, out var folded) ? folded : null;

    /// <summary>The text with every foldable character replaced (folded letters come out lower-case).</summary>
    public static string FoldText(string text)
    {
        System.Text.StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var folded = text[i] < '\u00A0' ? null : Fold(text[i]);
            if (folded is null)
            {
                builder?.Append(text[i]);
                continue;
            }
            builder ??= new System.Text.StringBuilder(text.Length + 4).Append(text, 0, i);
            builder.Append(folded);
        }
        return builder?.ToString() ?? text;
    }

    private static FrozenDictionary<char, string> BuildMap()
    {
        var map = new Dictionary<char, string>();
        foreach (var group in Table.Split(' '))
        {
            var split = 0;
            while (split < group.Length && char.IsAsciiLetterOrDigit(group[split])) split++;
            var target = group[..split];
            for (var i = split; i < group.Length; i++) map[group[i]] = target;
        }
        return map.ToFrozenDictionary();
    }
}
