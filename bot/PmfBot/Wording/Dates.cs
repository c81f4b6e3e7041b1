using System.Globalization;
using PmfBot.Domain.Calendar;

namespace PmfBot.Wording;

/// <summary>Dates and times as people in the council read them, in UK time and British English.</summary>
public static class Dates
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Friday 20 November 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    /// <summary>"20 Nov 2026".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", English);

    /// <summary>"10:42 on 20 Nov 2026", UK time.</summary>
    public static string When(DateTimeOffset at) => UkTime.LocalAt(at).ToString("HH:mm 'on' d MMM yyyy", English);

    /// <summary>"1 day", "17 days".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
