using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class TypedEscalationTests
{
    [Theory]
    [InlineData("escalate NI 192", EscalationCommand.Escalate, "NI 192", null)]
    [InlineData("Escalate CS 02 because calls keep rising.", EscalationCommand.Escalate, "CS 02", "calls keep rising")]
    [InlineData("escalate cs02 — two staff off long term", EscalationCommand.Escalate, "cs02", "two staff off long term")]
    [InlineData("escalate CS 02: agency cover needed", EscalationCommand.Escalate, "CS 02", "agency cover needed")]
    [InlineData("escalation history for NI 192", EscalationCommand.History, "NI 192", null)]
    [InlineData("show escalations for WM 03?", EscalationCommand.History, "WM 03", null)]
    public void Parse_ReadsTheCommand(string text, EscalationCommand command, string measure, string? reason) =>
        Assert.Equal(new TypedEscalation(command, measure, reason), TypedEscalation.Parse(text));

    [Theory]
    [InlineData("my escalations")]
    [InlineData("escalate")]
    [InlineData("42.5 — escalate this")]
    [InlineData("")]
    public void Parse_LeavesOtherTextAlone(string text) => Assert.Null(TypedEscalation.Parse(text));
}
