using System.Collections.Frozen;

namespace StaticBriefs.Search;

/// <summary>
/// Folds accented and compatibility characters to plain lower-case ASCII. The table is written out
/// rather than computed with <c>string.Normalize(FormKD)</c> because the generator runs with invariant
/// globalization, where normalization is a no-op for non-ASCII text; a fixed table also keeps the
/// browser side (search.js holds the same string, checked by a test) in step whatever its ICU version.
/// </summary>
internal static class SearchFolding
{
    /// <summary>Groups separated by spaces: the ASCII target, then every character that folds to it.</summary>
    internal const string Table =
        "0０ 1１¹ 2２² 3３³ 4４ 5５ 6６ 7７ 8８ 9９ aÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặＡａ aeæÆ bḂḃḄḅḆḇＢｂ cÇçĆćĈĉĊċČčḈḉＣｃ dĎďḊḋḌḍḎḏḐḑḒḓＤｄđĐðÐ dzǄǅǆǱǲǳ eÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệＥｅ fḞḟＦｆ ffﬀ ffiﬃ fflﬄ fiﬁ flﬂ gĜĝĞğĠġĢģǦǧǴǵḠḡＧｇ hĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖＨｈħĦ iÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊịＩｉı ijĲĳ jĴĵǰＪｊ kĶķǨǩḰḱḲḳḴḵＫｋ lĹĺĻļĽľḶḷḸḹḺḻḼḽＬｌłŁ ljǇǈǉ mḾḿṀṁṂṃＭｍ nÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋＮｎ njǊǋǌ oÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợＯｏøØ oeœŒ pṔṕṖṗＰｐ qＱｑ rŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟＲｒ sŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩẛＳｓ ssßẞ stﬅﬆ tŢţŤťȚțṪṫṬṭṮṯṰṱẗＴｔ thþÞ uÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰựＵｕ vṼṽṾṿＶｖ wŴŵẀẁẂẃẄẅẆẇẈẉẘＷｗ xẊẋẌẍＸｘ yÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹＹｙ zŹźŻżŽžẐẑẒẓẔẕＺｚ";

    private static readonly FrozenDictionary<char, string> Map = BuildMap();

    /// <summary>The ASCII replacement of <paramref name="c"/>, or null when it does not fold.</summary>
    internal static string? Fold(char c) => Map.TryGetValue(c, out var folded) ? folded : null;

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
