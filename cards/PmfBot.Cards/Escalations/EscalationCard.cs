using PmfBot.Cards.Charts;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Escalations;

/// <summary>One line of an escalation's thread: a question, an answer, a decision.</summary>
/// <param name="Who">"Priya Shah asked at 10:02 on 9 Nov 2026".</param>
public sealed record ThreadLine(string Who, string What);

/// <summary>A figure in the trend: "Aug 2026", "58.2%", "Red".</summary>
public sealed record TrendFigure(string Period, string Value, string? Status);

/// <summary>What a decider typed, kept when the decision can't be taken as it is.</summary>
public sealed record DecisionEntry(string? Note, string? Until);

/// <summary>An escalation as its escalation owner, the next level and the measure's owner see it.</summary>
/// <param name="Headline">"Escalated to you: CS 02 is Red", "Decided: remedial action approved".</param>
/// <param name="Figure">"49.0% (Red) against a target of 80.0% or more", or "No figure: 16 days overdue".</param>
/// <param name="Why">Why it was escalated: "Red: significantly off track".</param>
/// <param name="OffTrack">"3 periods running, since Aug 2026"; null when not known.</param>
/// <param name="Outcome">The decision or closure in a sentence; null while open.</param>
/// <param name="Settled">True decided or closed: colours the outcome.</param>
/// <param name="Waiting">"Waiting 3 days for Priya Shah's decision"; null once settled.</param>
/// <param name="DecideData">For a decider of an open escalation: what the decision buttons carry back. Null shows
/// none.</param>
/// <param name="OpenData">On the card everyone may see: what "Decide" carries back (the deciders get their buttons from
/// it). Null shows none.</param>
/// <param name="Refresh">Universal Actions: the Teams user ids ("29:…") shown the decider's view automatically.</param>
public sealed record EscalationView(
    string Headline,
    string Reference,
    string Title,
    string Period,
    string Service,
    string Owner,
    string EscalationOwner,
    string Figure,
    string? Target,
    IReadOnlyList<TrendFigure> Trend,
    string Why,
    string? OffTrack,
    string? Commentary,
    string? ProposedAction,
    IReadOnlyList<ThreadLine> Thread,
    string? Outcome,
    bool Settled,
    string? Waiting,
    string WhoDecides,
    IReadOnlyDictionary<string, string>? DecideData = null,
    IReadOnlyDictionary<string, string>? OpenData = null,
    IReadOnlyList<string>? Refresh = null,
    string? Notice = null,
    IReadOnlyList<string>? Problems = null,
    DecisionEntry? Entry = null
)
{
    /// <summary>
    /// On the review card of a decided escalation: what "Close it" carries back. Null shows no button.
    /// </summary>
    public IReadOnlyDictionary<string, string>? CloseData { get; init; }

    /// <summary>The measure's figures up to the escalated period against its target, seen before deciding.</summary>
    public TrendView? TrendChart { get; init; }

    /// <summary>What the figure, target and trend are called: an activity's are its status, due date and
    /// reports.</summary>
    public string FigureLabel { get; init; } = "Figure";
    public string TargetLabel { get; init; } = "Target";
    public string TrendLabel { get; init; } = "Trend";

    /// <summary>
    /// Under "Close it: reviewed": how to raise it again should it still need action (null: with the next figure).
    /// </summary>
    public string? ReviewHint { get; init; }
}

/// <summary>
/// The escalation card. Everyone who sees it sees the state (figure, trend, the owner's proposed
/// action, the thread, the outcome); only deciders get the decision buttons — in Teams through
/// the refresh (Universal Actions, userIds), elsewhere through "Decide", which checks who pressed it.
/// </summary>
public static class EscalationCard
{
    public const string NoteInput = "decisionNote";
    public const string UntilInput = "decisionUntil";
    public const string DecisionKey = "decision";

    /// <summary>The decisions, as the buttons carry them: approve, resource, ask, stop, accept.</summary>
    public static readonly IReadOnlyList<(string Value, string Title, string? Style)> Decisions =
    [
        ("approve", "Approve the action", "positive"),
        ("resource", "Allocate resource / change the action", null),
        ("ask", "Ask the owner for more", null),
        ("stop", "Stop the activity", "destructive"),
        ("accept", "Accept the risk", null),
    ];

    public static AdaptiveCard Build(EscalationView view)
    {
        var body = new List<CardElement>();
        if (view.Notice is not null)
        {
            body.Add(
                new Container([new TextBlock(CardText.Plain(view.Notice)) { Weight = "Bolder" }]) { Style = "accent" }
            );
        }

        body.Add(
            new TextBlock(CardText.Plain(view.Headline))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
                Color = view.Settled ? "Good" : "Attention",
            }
        );
        body.Add(
            new TextBlock($"**{CardText.Plain(view.Reference)}** {CardText.Plain(view.Title)}") { Spacing = "Small" }
        );

        var facts = new List<Fact>
        {
            new("Period", CardText.Plain(view.Period)),
            new("Service", CardText.Plain(view.Service)),
            new(view.FigureLabel, CardText.Plain(view.Figure)),
        };
        if (view.Target is not null)
        {
            facts.Add(new(view.TargetLabel, CardText.Plain(view.Target)));
        }

        if (view.Trend.Count > 0)
        {
            facts.Add(
                new(
                    view.TrendLabel,
                    CardText.Plain(
                        string.Join(
                            " · ",
                            view.Trend.Select(t =>
                                t.Status is null ? $"{t.Period} {t.Value}" : $"{t.Period} {t.Value} ({t.Status})"
                            )
                        )
                    )
                )
            );
        }

        facts.Add(new("Escalated because", CardText.Plain(view.Why)));
        if (view.OffTrack is not null)
        {
            facts.Add(new("Off track", CardText.Plain(view.OffTrack)));
        }

        facts.Add(new("Owner", CardText.Plain(view.Owner)));
        facts.Add(new("Commentary", view.Commentary is null ? "—" : CardText.Plain(view.Commentary)));
        facts.Add(
            new("Proposed action", view.ProposedAction is null ? "— (none given)" : CardText.Plain(view.ProposedAction))
        );
        facts.Add(new("Escalation owner", CardText.Plain(view.EscalationOwner)));
        body.Add(new FactSet(facts));
        if (view.TrendChart is not null)
        {
            body.Add(Charts.TrendChart.Build(view.TrendChart));
        }

        if (view.Thread.Count > 0)
        {
            body.Add(new TextBlock("So far") { Weight = "Bolder", Separator = true });
            body.Add(
                new FactSet([.. view.Thread.Select(t => new Fact(CardText.Plain(t.Who), CardText.Plain(t.What)))])
                {
                    Spacing = "Small",
                }
            );
        }

        if (view.Outcome is not null)
        {
            body.Add(
                new TextBlock(CardText.Plain(view.Outcome))
                {
                    Weight = "Bolder",
                    Color = "Good",
                    Separator = true,
                }
            );
        }
        else if (view.Waiting is not null)
        {
            body.Add(
                new TextBlock(CardText.Plain(view.Waiting))
                {
                    Weight = "Bolder",
                    Color = "Warning",
                    Separator = true,
                }
            );
        }

        if (view.DecideData is { } decide)
        {
            AddDecision(body, view, decide);
        }
        else if (view.CloseData is { } close)
        {
            body.Add(
                new ActionSet([
                    ActionExecute.WithSubmitFallback("Close it: reviewed", Verbs.CloseEscalation, close) with
                    {
                        Style = "positive",
                    },
                ])
            );
            body.Add(
                new TextBlock(
                    CardText.Plain(
                        view.ReviewHint
                            ?? "If it still needs action, escalate it again with the next figure (type escalate and "
                                + "its reference)."
                    )
                )
                {
                    Size = "Small",
                    IsSubtle = true,
                    Spacing = "Small",
                }
            );
        }
        else if (view.OpenData is { } open)
        {
            body.Add(new ActionSet([ActionExecute.WithSubmitFallback("Decide", Verbs.OpenEscalation, open)]));
            body.Add(
                new TextBlock(CardText.Plain(view.WhoDecides))
                {
                    Size = "Small",
                    IsSubtle = true,
                    Spacing = "Small",
                }
            );
        }

        return new AdaptiveCard
        {
            Body = body,
            Refresh = view is { OpenData: { } data, Refresh: { Count: > 0 } ids }
                ? new CardRefresh(
                    new ActionExecute(
                        "Decide",
                        Verbs.OpenEscalation,
                        System.Text.Json.JsonSerializer.SerializeToElement(data)
                    ),
                    ids
                )
                : null,
        };
    }

    private static void AddDecision(
        List<CardElement> body,
        EscalationView view,
        IReadOnlyDictionary<string, string> data
    )
    {
        if (view.Problems is { Count: > 0 } problems)
        {
            body.Add(
                new Container([
                    .. problems.Select(p => new TextBlock(CardText.Plain(p))
                    {
                        Color = "Attention",
                        Weight = "Bolder",
                    }),
                ])
                {
                    Style = "attention",
                    Separator = true,
                }
            );
        }

        body.Add(
            new InputText(NoteInput, "Note (required to allocate resource, ask, or stop)")
            {
                IsMultiline = true,
                MaxLength = 2000,
                Placeholder =
                    "e.g. Approved: two agency crews until January. Or: what you'd like the owner to tell you.",
                Value = view.Entry?.Note,
                Separator = view.Problems is not { Count: > 0 },
            }
        );
        body.Add(
            new InputDate(UntilInput, "Review date (optional when approving; required to accept the risk)")
            {
                Value = view.Entry?.Until,
            }
        );
        body.Add(
            new ActionSet([
                .. Decisions.Select(d =>
                    ActionExecute.WithSubmitFallback(
                        d.Title,
                        Verbs.DecideEscalation,
                        new Dictionary<string, string>(data) { [DecisionKey] = d.Value }
                    ) with
                    {
                        Style = d.Style,
                    }
                ),
            ])
        );
        body.Add(
            new TextBlock("Every decision is recorded with your name and note, and the owner is told.")
            {
                Size = "Small",
                IsSubtle = true,
            }
        );
    }
}
