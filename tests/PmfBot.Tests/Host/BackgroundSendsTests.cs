using Microsoft.Extensions.Logging.Abstractions;
using PmfBot.Bot;

namespace PmfBot.Tests.Host;

/// <summary>What a turn sets off for others waits until the turn has answered, then runs to the end.</summary>
public class BackgroundSendsTests
{
    [Fact]
    public async Task ASendStartedDuringATurn_WaitsForTheTurnsAnswer_ThenRuns()
    {
        using var sends = new BackgroundSends(NullLogger<BackgroundSends>.Instance);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var turn = sends.HoldUntilAnswered();
        sends.Start("a card", _ => { ran.SetResult(); return Task.CompletedTask; });
        await sends.WhenIdleAsync();
        var beforeTheAnswer = ran.Task.IsCompleted;
        turn.Dispose();
        await sends.WhenIdleAsync();

        Assert.False(beforeTheAnswer);
        Assert.True(ran.Task.IsCompleted);
    }

    [Fact]
    public async Task AFailingSend_IsLogged_AndLeavesTheOthersRunning()
    {
        using var sends = new BackgroundSends(NullLogger<BackgroundSends>.Instance);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        sends.Start("a failing card", _ => throw new HttpRequestException("Teams is down"));
        sends.Start("a card", _ => { second.SetResult(); return Task.CompletedTask; });
        await sends.WhenIdleAsync();

        Assert.True(second.Task.IsCompleted);
    }
}
