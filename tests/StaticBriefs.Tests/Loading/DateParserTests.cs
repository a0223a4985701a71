using StaticBriefs.Loading;

namespace StaticBriefs.Tests.Loading;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("2024-05-14", "2024-05-14T00:00:00+00:00")]
    [InlineData(" 2024-05-14 ", "2024-05-14T00:00:00+00:00")]
    [InlineData("2024-05-14T09:30", "2024-05-14T09:30:00+00:00")]
    [InlineData("2024-05-14T09:30:15", "2024-05-14T09:30:15+00:00")]
    [InlineData("2024-05-14T09:30:15+02:00", "2024-05-14T09:30:15+02:00")]
    [InlineData("2024-05-14T09:30:15Z", "2024-05-14T09:30:15+00:00")]
    [InlineData("2024-05-14 09:30", "2024-05-14T09:30:00+00:00")]
    [InlineData("2024-05-14T09:30:15.250-05:00", "2024-05-14T09:30:15.2500000-05:00")]
    public void Iso_dates_and_date_times_parse_with_utc_assumed(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Theory]
    [InlineData("2015-03-17 14:00:00 -4", "2015-03-17T14:00:00-04:00")]
    [InlineData("2013-11-22 5:00:00 +0000", "2013-11-22T05:00:00+00:00")]
    [InlineData("2013-05-08 23:46:11 +0200", "2013-05-08T23:46:11+02:00")]
    [InlineData("2024-05-14 09:30:00 UTC", "2024-05-14T09:30:00+00:00")]
    [InlineData("2024/05/14", "2024-05-14T00:00:00+00:00")]
    [InlineData("2024-5-4", "2024-05-04T00:00:00+00:00")]
    [InlineData("Tue, 14 May 2024 09:30:00 +0000", "2024-05-14T09:30:00+00:00")]
    [InlineData("14 May 2024", "2024-05-14T00:00:00+00:00")]
    [InlineData("May 14, 2024", "2024-05-14T00:00:00+00:00")]
    public void Forms_jekyll_and_hugo_accept_are_read_with_their_offsets(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, out var value));
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((want, want.Offset), (value, value.Offset));
    }

    [Fact]
    public void A_year_written_twice_is_read_as_jekyll_reads_it_with_a_note_saying_what_to_write()
    {
        var value = DateParser.Read("2023-01-29 18:30:22 2023 -0800", out var note);

        Assert.Equal(new DateTimeOffset(2023, 1, 29, 18, 30, 22, TimeSpan.FromHours(-8)), value);
        Assert.Contains("2023-01-29T18:30:22-08:00", note, StringComparison.Ordinal);
        Assert.Null(DateParser.Read("2023-01-29 18:30:22 2022 -0800", out _));
    }

    [Theory]
    [InlineData("git Last Modified", "Eleventy")]
    [InlineData("2024-05-14 09:30 PST", "offset")]
    [InlineData("09:30", "needs its date")]
    [InlineData("2024-02-30", "does not exist")]
    public void Refused_dates_get_advice_on_what_to_write(string text, string advice)
    {
        Assert.False(DateParser.TryParse(text, out _));
        Assert.Contains(advice, DateParser.Advice(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-05-14T09:30:00+15:00")]
    [InlineData("2024-05-14 24:00")]
    [InlineData("2024-13-45")]
    [InlineData("2024-02-30")]
    [InlineData("yesterday")]
    [InlineData("14/05/2024")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_rejected(string? text)
    {
        Assert.False(DateParser.TryParse(text, out _));
    }
}
