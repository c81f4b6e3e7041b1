using PmfBot.Storage.Prompts;

namespace PmfBot.Delivery;

/// <summary>What one run of a due job did with the steps it found due, by each claimed send's outcome.</summary>
public sealed record SendReport(int Due, int Sent, int AlreadyHandled, int WaitingForInstall, int Gone, int Failed)
{
    public static readonly SendReport None = new(0, 0, 0, 0, 0, 0);

    /// <param name="outcomes">Each due step's outcome (null: handled before, or held by another instance).</param>
    public static SendReport Of(IReadOnlyCollection<PromptState?> outcomes) =>
        new(
            outcomes.Count,
            outcomes.Count(o => o == PromptState.Sent),
            outcomes.Count(o => o is null),
            outcomes.Count(o => o == PromptState.WaitingForInstall),
            outcomes.Count(o => o == PromptState.Gone),
            outcomes.Count(o => o == PromptState.Failed)
        );

    public static SendReport operator +(SendReport a, SendReport b) =>
        new(
            a.Due + b.Due,
            a.Sent + b.Sent,
            a.AlreadyHandled + b.AlreadyHandled,
            a.WaitingForInstall + b.WaitingForInstall,
            a.Gone + b.Gone,
            a.Failed + b.Failed
        );

    public override string ToString() =>
        $"{Due} due, {Sent} sent, {AlreadyHandled} already handled, {WaitingForInstall} waiting for install, "
        + $"{Gone} gone, {Failed} failed";
}
