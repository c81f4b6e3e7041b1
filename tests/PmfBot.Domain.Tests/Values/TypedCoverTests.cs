using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class TypedCoverTests
{
    [Theory]
    [InlineData("delegate CS 02 to Fiona Grant until 30 Nov", "CS 02", "Fiona Grant", "30 Nov")]
    [InlineData("Delegate all my measures to fiona till Friday.", null, "fiona", "Friday")]
    [InlineData("please delegate everything to fiona.grant@northmere.gov.uk until 2026-12-01", null, "fiona.grant@northmere.gov.uk", "2026-12-01")]
    public void Delegation_ReadsWhatWhoAndUntil(string text, string? measure, string who, string until) =>
        Assert.Equal(new TypedDelegation(measure, who, until), TypedDelegation.Parse(text));

    [Theory]
    [InlineData("delegate CS 02 to Fiona")] // no end date: a delegation always ends
    [InlineData("I need until Friday for CS 02")]
    [InlineData("42.5 — delegated to Fiona until Friday")]
    public void Delegation_IgnoresOtherText(string text) => Assert.Null(TypedDelegation.Parse(text));

    [Theory]
    [InlineData("snooze until Monday", null, "Monday")]
    [InlineData("Snooze reminders till 20 Nov", null, "20 Nov")]
    [InlineData("snooze all my reminders until Friday", null, "Friday")]
    [InlineData("snooze CS 02 until Friday.", "CS 02", "Friday")]
    [InlineData("snooze", null, null)]
    public void Snooze_ReadsWhatAndUntil(string text, string? measure, string? until) =>
        Assert.Equal(new TypedSnooze(measure, until), TypedSnooze.Parse(text));

    [Theory]
    [InlineData("snoozed it")]
    [InlineData("I need until Monday")]
    public void Snooze_IgnoresOtherText(string text) => Assert.Null(TypedSnooze.Parse(text));
}
