using System.Globalization;
using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Digests;
using PmfBot.Cards.Payloads;
using PmfBot.Cards.Scorecards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Storage.Digests;
using PmfBot.Wording;

namespace PmfBot.Features.Digests;

/// <summary>
/// A channel's digest subscriptions, managed in the channel: "@PmfBot subscribe",
/// "subscribe Waste weekly", "subscribe Place department Mondays 9:00", "unsubscribe",
/// "unsubscribe Waste", "subscriptions". Anyone may list; changing them may be limited to
/// <see cref="DigestOptions.Managers"/>.
/// </summary>
public sealed class SubscriptionCommands(
    SubscriptionStore subscriptions,
    TimeProvider time,
    IOptions<DigestOptions> options,
    IOptions<CouncilOptions> council
)
{
    public static readonly string[] ListPhrases =
    [
        "subscriptions",
        "list subscriptions",
        "digests",
        "show subscriptions",
    ];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"subscribe …" and "unsubscribe …"; null for other text.</summary>
    public async Task<TurnAnswer?> TypedAsync(Turn turn)
    {
        var words = turn.Text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant().TrimEnd('!', '.') : string.Empty;
        var rest = words.Length > 1 ? words[1].Trim().TrimEnd('.', '!') : string.Empty;
        return verb switch
        {
            "subscribe" => await SubscribeTypedAsync(turn, rest),
            "unsubscribe" => await UnsubscribeAsync(turn, rest),
            _ => null,
        };
    }

    public async Task<TurnAnswer> ListAsync(Turn turn)
    {
        if (Channel(turn) is not { } channel)
        {
            return NotInChannel();
        }

        var list = await subscriptions.GetForChannelAsync(channel.Id, turn.Cancellation);
        return TurnAnswer.Of(
            SubscriptionsCard.Build(
                new SubscriptionsView(
                    "This channel's digests",
                    list.Count == 0
                        ? "This channel has no digest subscriptions. @mention me with \"subscribe\" (the whole "
                            + "council) or \"subscribe Waste\" to start one."
                        : null,
                    Lines(list, turn.Catalogue),
                    Footnote(turn)
                )
            )
        );
    }

    /// <summary>The button on "which did you mean?": data scope, day, time.</summary>
    public async Task<TurnAnswer> SubscribeChosenAsync(Turn turn)
    {
        var chosen = SubscribeData.Read(turn.DataText);
        if (
            !DigestScope.TryParseKey(chosen.Scope, out var scope)
            || !Enum.TryParse<DayOfWeek>(chosen.Day, out var day)
            || !TimeOnly.TryParseExact(
                chosen.Time,
                "HH:mm",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var at
            )
        )
        {
            return TurnAnswer.Say(
                "That button's details didn't come through. Please type the subscription again, e.g. subscribe Waste."
            );
        }

        if (!scope.IsIn(turn.Catalogue))
        {
            return TurnAnswer.Say(
                "That service or department is no longer in the catalogue, so nothing was subscribed. "
                    + $"{ScopeWords.Known(turn.Catalogue)}"
            );
        }

        return await SubscribeAsync(turn, scope, new DigestSchedule(day, at));
    }

    private async Task<TurnAnswer> SubscribeTypedAsync(Turn turn, string rest)
    {
        if (Channel(turn) is null)
        {
            return NotInChannel();
        }

        if (!DigestSchedule.TryParse(rest, out var schedule, out var problem))
        {
            return TurnAnswer.Say($"{problem} For example: subscribe Waste Mondays 9:00.");
        }

        schedule ??= DigestSchedule.Default;
        var named = DigestSchedule.WithoutScheduleWords(rest);
        switch (
            named.Length == 0 ? new ScopeMatch.Found(DigestScope.WholeCouncil) : ScopeFinder.Find(named, turn.Catalogue)
        )
        {
            case ScopeMatch.Found found:
                return await SubscribeAsync(turn, found.Scope, schedule);
            case ScopeMatch.Unsure unsure:
                return TurnAnswer.Of(
                    ChoiceCard.Build(
                        $"Which did you mean by \"{named}\"?",
                        [
                            .. unsure.Choices.Select(c => new ChoiceButton(
                                c.TitleIn(turn.Catalogue, council.Value.Name),
                                Verbs.Subscribe,
                                new SubscribeData(
                                    c.Key,
                                    schedule.Day.ToString(),
                                    schedule.Time.ToString("HH:mm", CultureInfo.InvariantCulture)
                                ).ToData()
                            )),
                        ]
                    )
                );
            default:
                return TurnAnswer.Say(
                    $"I don't know a service or department called \"{Said.Plain(named)}\". "
                        + ScopeWords.Known(turn.Catalogue)
                );
        }
    }

    private async Task<TurnAnswer> SubscribeAsync(Turn turn, DigestScope scope, DigestSchedule schedule)
    {
        if (Channel(turn) is not { } channel || turn.Activity.TeamsData?.Team?.Id is not { } team)
        {
            return NotInChannel();
        }

        if (Refusal(turn) is { } refused)
        {
            return refused;
        }

        var existing = await subscriptions.GetForChannelAsync(channel.Id, turn.Cancellation);
        var now = time.GetUtcNow();
        var subscription = new DigestSubscription(
            team,
            channel.Id,
            channel.Name,
            scope,
            schedule,
            turn.Person?.Id,
            turn.Activity.From?.AadObjectId,
            now
        );
        await subscriptions.SaveAsync(subscription, turn.Cancellation);

        var before = existing.FirstOrDefault(s => s.Key == subscription.Key);
        var first = schedule.NextAfter(now);
        var message =
            (
                before is null ? "This channel will get"
                : before.State == SubscriptionState.Paused ? "Restarted: this channel gets"
                : "Changed: this channel now gets"
            )
            + $" the weekly digest for {scope.NameIn(turn.Catalogue)} on {schedule} (UK time). The first is on "
            + $"{UkTime.LocalAt(first).ToString("dddd d MMMM yyyy 'at' HH:mm", English)}.";
        var all = existing.Where(s => s.Key != subscription.Key).Append(subscription).ToList();
        return TurnAnswer.Of(
            SubscriptionsCard.Build(
                new SubscriptionsView(
                    before is null ? "Subscribed" : "Subscription updated",
                    message,
                    Lines(all, turn.Catalogue),
                    Footnote(turn)
                )
            )
        );
    }

    private async Task<TurnAnswer> UnsubscribeAsync(Turn turn, string rest)
    {
        if (Channel(turn) is not { } channel)
        {
            return NotInChannel();
        }

        if (Refusal(turn) is { } refused)
        {
            return refused;
        }

        var existing = await subscriptions.GetForChannelAsync(channel.Id, turn.Cancellation);
        if (existing.Count == 0)
        {
            return TurnAnswer.Say("This channel has no digest subscriptions, so there is nothing to stop.");
        }

        var named = DigestSchedule.WithoutScheduleWords(rest);
        IReadOnlyList<DigestSubscription> stopping = existing;
        if (named.Length > 0 && !named.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var match = ScopeFinder.Find(named, turn.Catalogue);
            stopping =
                match is ScopeMatch.Found found ? [.. existing.Where(s => s.Scope == found.Scope)]
                : match is ScopeMatch.Unsure unsure ? [.. existing.Where(s => unsure.Choices.Contains(s.Scope))]
                : [];
            if (stopping.Count != 1)
            {
                return TurnAnswer.Say(
                    $"This channel has no single subscription to \"{Said.Plain(named)}\". It has: "
                        + $"{string.Join("; ", existing.Select(s => s.Scope.TypedIn(turn.Catalogue)))}. Say "
                        + "\"unsubscribe\" to stop them all."
                );
            }
        }

        foreach (var subscription in stopping)
        {
            await subscriptions.RemoveAsync(subscription, turn.Cancellation);
        }

        var left = existing.Except(stopping).ToList();
        var message =
            "Stopped: this channel no longer gets the weekly digest for "
            + $"{string.Join(" or ", stopping.Select(s => s.Scope.NameIn(turn.Catalogue)))}.";
        return TurnAnswer.Of(
            SubscriptionsCard.Build(
                new SubscriptionsView("Unsubscribed", message, Lines(left, turn.Catalogue), Footnote(turn))
            )
        );
    }

    /// <summary>When changes are limited to named managers, who isn't one is told who is.</summary>
    private TurnAnswer? Refusal(Turn turn)
    {
        var managers = options.Value.ManagerIds();
        if (managers.Count == 0 || (turn.Person is { } person && managers.Contains(person.Id)))
        {
            return null;
        }

        var names = managers.Select(turn.Catalogue.NameOf).ToList();
        var who = names.Count == 1 ? names[0] : $"{string.Join(", ", names.SkipLast(1))} or {names[^1]}";
        return TurnAnswer.Say(
            $"Only {who} can change this channel's digest subscriptions. Anyone can see them: @mention me with "
                + "\"subscriptions\"."
        );
    }

    private static Teams.Schema.ChannelInfo? Channel(Turn turn) =>
        turn.IsChannel ? turn.Activity.TeamsData?.Channel : null;

    private static TurnAnswer NotInChannel() =>
        TurnAnswer.Say(
            "Digests are posted to a team's channel. In the channel that should get one, @mention me: \"@PmfBot "
                + "subscribe Waste\" (or \"subscribe\" for the whole council)."
        );

    private IReadOnlyList<SubscriptionLine> Lines(IEnumerable<DigestSubscription> list, CouncilCatalogue catalogue) =>
        [
            .. list.OrderBy(s => s.Scope.Kind)
                .ThenBy(s => s.Scope.Code, StringComparer.Ordinal)
                .Select(s => new SubscriptionLine(
                    s.Scope.TitleIn(catalogue, council.Value.Name),
                    $"{s.Schedule} (UK time)",
                    $"since {UkTime.DateAt(s.SubscribedAt).ToString("d MMM yyyy", English)}"
                        + (s.SubscribedBy is { } by ? $", by {catalogue.NameOf(by)}" : string.Empty),
                    s.State == SubscriptionState.Paused ? s.PausedWhy ?? "PmfBot can't post here" : null
                )),
        ];

    private string Footnote(Turn turn)
    {
        var managers = options.Value.ManagerIds();
        var who =
            managers.Count == 0 ? "Anyone in the channel" : string.Join(", ", managers.Select(turn.Catalogue.NameOf));
        return $"{who} can change these: \"subscribe Place department Fridays 16:00\", \"unsubscribe Waste\".";
    }
}
