using PmfBot.Bot;
using PmfBot.Storage.Prompts;
using PmfBot.Wording;

namespace PmfBot.Features.Updates;

/// <summary>
/// "not installed": for the performance team, who PmfBot can't reach because they have never
/// opened it in Teams, and which updates are waiting on that, so nobody is missed silently.
/// </summary>
public sealed class WaitingForInstallQuery(PromptStore prompts)
{
    public static readonly string[] Phrases =
    [
        "not installed",
        "waiting for install",
        "who is waiting for install",
        "who can't you reach",
        "who cant you reach",
        "unreachable",
    ];

    public async Task<TurnAnswer> AnswerAsync(Turn turn)
    {
        var waiting = await prompts.GetInStateAsync(PromptState.WaitingForInstall, turn.Cancellation);
        if (waiting.Count == 0)
        {
            return TurnAnswer.Say("Everyone with an update due has PmfBot in Teams: nobody is waiting for install.");
        }

        var lines = waiting
            .GroupBy(w => w.Recipient)
            .Select(g =>
                (
                    Name: turn.Catalogue.NameOf(g.Key),
                    Updates: g.Select(w => $"{w.Subject} {w.Period}").Distinct().Order(StringComparer.Ordinal).ToList()
                )
            )
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"- **{Said.Plain(p.Name)}**: {string.Join(", ", p.Updates)}");
        return TurnAnswer.Say(
            "These people have updates due but have never opened PmfBot in Teams, so I can't send them their cards "
                + "yet. "
                + "Ask them to open PmfBot in Teams (or install it for them); I'll send what's due at the next "
                + "scan.\n\n"
                + string.Join("\n", lines)
        );
    }
}
