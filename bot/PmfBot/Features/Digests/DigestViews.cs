using System.Globalization;
using PmfBot.Cards.Digests;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Digests;

/// <summary>A composed digest in words, as the channel reads it.</summary>
public static class DigestViews
{
    /// <summary>
    /// Lines shown per section; the rest are counted, and the full scorecard is a button away. Keeps the whole
    /// council's digest small.
    /// </summary>
    public const int MaxLinesPerSection = 8;

    /// <summary>
    /// Commentary and action notes are cut to this in a digest (the scorecard and escalation cards carry them whole).
    /// </summary>
    public const int MaxNoteLength = 280;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Standing[] Always = [Standing.Green, Standing.Amber, Standing.Red];

    /// <param name="late">Posted well after <see cref="Digest.To"/>: it says so.</param>
    /// <param name="mentionOwners">@mention whoever owes an overdue update (Teams notifies them), rather than only
    /// naming them.</param>
    public static DigestView Of(
        Digest digest,
        DigestScope scope,
        CouncilCatalogue council,
        string councilName,
        bool late,
        bool mentionOwners = false
    )
    {
        var name = scope.NameIn(council);
        var title = $"Weekly digest: {scope.TitleIn(council, councilName)}";
        var week =
            $"Week to {UkTime.LocalAt(digest.To).ToString("dddd d MMMM yyyy, HH:mm", English)} · "
            + $"{Plural(digest.Measures, "measure")}, {Plural(digest.NewFigures, "new figure")}";
        var lateNote = late
            ? "Posted late: PmfBot was unavailable at "
                + $"{UkTime.LocalAt(digest.To).ToString("HH:mm 'on' dddd d MMMM", English)}. This covers the week to "
                + "then."
            : null;

        if (digest.IsQuiet)
        {
            var standing = string.Join(
                ", ",
                Enum.GetValues<Standing>().Where(s => digest.Now[s] > 0).Select(s => $"{digest.Now[s]} {s.Words()}")
            );
            var quiet =
                $"A quiet week for {name}: no new figures, no changes, nothing overdue and nothing due next week."
                + (standing.Length > 0 ? $" Standing: {standing}." : string.Empty);
            return new DigestView(title, week, lateNote, quiet, [], [], scope.Key);
        }

        var counts = Enum.GetValues<Standing>()
            .Where(s => Always.Contains(s) || digest.Now[s] > 0 || digest.WeekAgo[s] > 0)
            .Select(s => new DigestCount(
                s.Words(),
                digest.Now[s],
                digest.WeekAgo[s],
                Change(digest.Now[s] - digest.WeekAgo[s])
            ))
            .ToList();

        var sections = new List<DigestSection>();
        Add(sections, "Changed status this week", digest.Changes, c => new DigestItem(
            Title(c.Measure),
            $"{c.From.Words()} → {c.To.Words()} · {Figure(c.Measure, c.Latest)}",
            c.To.Words()
        ));
        Add(sections, "Red", digest.Reds, r => new DigestItem(
            Title(r.Measure),
            Figure(r.Measure, r.Latest) + Against(r.Measure, r.Latest),
            "Red",
            Notes(r.Latest)
        ));
        var mentions = new Dictionary<string, Cards.Model.CardMention>(StringComparer.OrdinalIgnoreCase);
        Add(sections, "Overdue updates", digest.Overdue, o => new DigestItem(
            Title(o.Measure),
            $"{o.Period} · {Dates.Days(o.Deadline.DaysOverdueAt(digest.To))} overdue · "
                + $"owed by {Owner(o.Measure.PromptsGoTo)}"
        ));
        var escalationsHeading =
            $"Escalations: {digest.Opened} opened, {digest.Decided} decided, {digest.StillOpen} waiting for a decision";
        Add(sections, escalationsHeading, digest.Escalations, e => Escalation(e, council), counted: false);
        var activities = digest.Activities;
        Add(sections, "Activities late", activities.Late, a => new DigestItem(
            PlanActivityWords.Title(a),
            $"{PlanActivityWords.WhyLate(a, digest.To)} · {council.NameOf(a.PlanActivity.Owner)}",
            PlanActivityWords.StatusWords(a.Status),
            a.Escalation is { } x ? Said.EscalationStanding(x, council) : null
        ));
        Add(sections, "Activities off track", activities.OffTrack, a => new DigestItem(
            PlanActivityWords.Title(a),
            (a.Latest?.PercentComplete is { } p ? $"{p}% complete · " : string.Empty)
                + council.NameOf(a.PlanActivity.Owner),
            "Off track",
            PlanActivityWords.Notes(a, council, Cut)
        ));
        Add(sections, "Activities completed this week", activities.Completed, a => new DigestItem(
            PlanActivityWords.Title(a),
            council.NameOf(a.PlanActivity.Owner),
            "Completed"
        ));
        Add(sections, "Due next week", digest.DueNextWeek, o => new DigestItem(
            Title(o.Measure),
            $"{o.Period} · due {o.Deadline.Date.ToString("ddd d MMM", English)} · "
                + $"{council.NameOf(o.Measure.PromptsGoTo)}"
        ));

        return new DigestView(title, week, lateNote, null, counts, sections, scope.Key, [.. mentions.Values]);

        // Only someone Teams knows (an Entra object id) can be mentioned; anyone else is named.
        string Owner(Domain.Catalogue.PersonId id)
        {
            if (!mentionOwners || council.FindPerson(id) is not { AadObjectId: { Length: > 0 } aad } person)
            {
                return council.NameOf(id);
            }

            var mention = mentions.TryGetValue(aad, out var known)
                ? known
                : mentions[aad] = Cards.Model.CardMention.Of(aad, person.Name);
            return mention.Text;
        }

        // One line an escalation: what happened to it this week, and where it stands if still undecided.
        DigestItem Escalation(EscalationInWeek week, CouncilCatalogue c)
        {
            var (e, title) = (week.Escalation, Title(c.FindMeasure(week.Escalation.Measure)));
            if (week.Decision is { } decision)
            {
                var what = $"{e.Period} · {Said.DecisionWords(decision.Kind)} by {c.NameOf(decision.By)}";
                var heading = $"{(week.Opened ? "Opened and decided" : "Decided")}: {title}";
                return new(heading, what, null, Cut(decision.Note));
            }

            var state = e.State == EscalationState.Closed ? "Closed" : "Open";
            return new($"Opened: {title}", $"{e.Period} · to {c.NameOf(e.EscalationOwner)}", state);
        }
    }

    private static void Add<T>(
        List<DigestSection> sections,
        string heading,
        IReadOnlyList<T> items,
        Func<T, DigestItem> line,
        bool counted = true
    )
    {
        if (items.Count > 0)
        {
            sections.Add(
                new DigestSection(
                    counted ? $"{heading} ({items.Count})" : heading,
                    [.. items.Take(MaxLinesPerSection).Select(line)],
                    Math.Max(0, items.Count - MaxLinesPerSection)
                )
            );
        }
    }

    private static string Title(Domain.Catalogue.Measure? measure) =>
        measure is null ? "A measure no longer in the catalogue" : $"{measure.Reference} {measure.Title}";

    private static string Figure(Domain.Catalogue.Measure measure, MeasureResult result) =>
        $"{measure.Format(result.Value)} for {result.Period}";

    private static string Against(Domain.Catalogue.Measure measure, MeasureResult result) =>
        result.Thresholds is { } t ? $" · target {MeasureWords.Target(measure, t)}" : string.Empty;

    private static string? Notes(MeasureResult result)
    {
        var parts = new[]
        {
            result.Commentary is { } c ? $"Commentary: {Cut(c)}" : null,
            result.ActionNote is { } a ? $"Action: {Cut(a)}" : null,
        }
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? "No commentary given." : string.Join("\n", parts);
    }

    private static string? Cut(string? text) =>
        text is null || text.Length <= MaxNoteLength ? text : text[..(MaxNoteLength - 1)].TrimEnd() + "…";

    private static string? Change(int by) =>
        by switch
        {
            0 => null,
            > 0 => $"+{by}",
            _ => $"−{-by}",
        };

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
