using Microsoft.Extensions.Options;
using PmfBot.Cards.Extensions;
using PmfBot.Delivery;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Storage.Prompts;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Features.Extensions;

/// <summary>The steps an extension request sends, as keys in the Prompts table beside the update cycle's own.</summary>
public static class ExtensionSteps
{
    private const string Prefix = "ext-";

    /// <summary>The request card to one decider: "ext-1a2b3c4d5e6f-ask-helen.price@northmere.gov.uk".</summary>
    public static string Ask(DeadlineExtension request, PersonId decider) =>
        $"{Prefix}{request.Id}-ask-{decider.Value}";

    /// <summary>The decision to the requester or owner: "ext-1a2b3c4d5e6f-approved-sam.taylor@…".</summary>
    public static string Answer(DeadlineExtension request, PersonId to) =>
        $"{Prefix}{request.Id}-{request.Decision.ToString().ToLowerInvariant()}-{to.Value}";

    public static bool IsExtension(string step) => step.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsAskFor(string step, DeadlineExtension request) =>
        step.StartsWith($"{Prefix}{request.Id}-ask-", StringComparison.Ordinal);
}

/// <summary>
/// Who hears of an extension request, each exactly once through <see cref="ClaimedSend"/>: while it
/// is pending, every decider but the requester; once decided, the requester and the measure's
/// owner. The due scan calls this too, so someone who installs PmfBot later still gets theirs.
/// </summary>
public sealed class ExtensionNotices(ClaimedSend sender, SentCards sentCards, IOptions<ExtensionOptions> options)
{
    /// <summary>
    /// The people who may decide this request: the configured deciders in the catalogue, less the requester.
    /// </summary>
    public IReadOnlyList<Person> DecidersFor(PersonId requester, CouncilCatalogue council) =>
        [.. options.Value.ApproverIds().Where(id => id != requester).Select(council.FindPerson).OfType<Person>()];

    public bool IsDecider(PersonId person) => options.Value.ApproverIds().Contains(person);

    /// <summary>
    /// Sends whatever this request still owes anyone. Returns each recipient's outcome (null: handled before).
    /// </summary>
    public async Task<IReadOnlyList<(Person Person, PromptState? State)>> DeliverAsync(
        DeadlineExtension request,
        Measure measure,
        Deadline deadline,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var sent = new List<(Person, PromptState?)>();
        if (request.Decision == ExtensionDecision.Pending)
        {
            foreach (var decider in DecidersFor(request.RequestedBy, council))
            {
                var state = await sender.SendAsync(
                    measure.Reference,
                    request.Period,
                    ExtensionSteps.Ask(request, decider.Id),
                    decider.Id,
                    council,
                    () =>
                        ExtensionCard.Build(
                            ExtensionViews.Of(request, measure, council, deadline, ExtensionAudience.Decider)
                        ),
                    cancellationToken
                );
                sent.Add((decider, state));
            }

            return sent;
        }

        foreach (var id in new[] { request.RequestedBy, measure.Owner }.Distinct())
        {
            var person = council.FindPerson(id);
            var state = await sender.SendAsync(
                measure.Reference,
                request.Period,
                ExtensionSteps.Answer(request, id),
                id,
                council,
                () =>
                    ExtensionCard.Build(
                        ExtensionViews.Of(request, measure, council, deadline, ExtensionAudience.Requester)
                    ),
                cancellationToken
            );
            if (person is not null)
            {
                sent.Add((person, state));
            }
        }

        return sent;
    }

    /// <summary>
    /// Once decided, every decider's request card shows the decision instead of its buttons (and so does the pressed
    /// one).
    /// </summary>
    public Task ShowDecidedAsync(
        DeadlineExtension decided,
        Measure measure,
        Deadline deadline,
        CouncilCatalogue council,
        Activity? pressedFrom,
        CancellationToken cancellationToken
    ) =>
        sentCards.ReplaceAsync(
            measure.Reference,
            decided.Period,
            step => ExtensionSteps.IsAskFor(step, decided),
            ExtensionCard.Build(ExtensionViews.Of(decided, measure, council, deadline, ExtensionAudience.Decider)),
            SentCards.Pressed(pressedFrom),
            cancellationToken
        );
}
