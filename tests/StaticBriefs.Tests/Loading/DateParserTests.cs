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
    [InlineData("2024-13-45")]
    [InlineData("2024-02-30")]
    [InlineData("yesterday")]
    [InlineData("14/05/2024")]
    [InlineData("May 14, 2024")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_rejected(string? text)
    {
        Assert.False(DateParser.TryParse(text, out _));
    }
}
