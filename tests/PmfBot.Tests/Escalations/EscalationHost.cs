using System.Text.Json;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Features.Demo;
using PmfBot.Storage.Escalations;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Escalations;

/// <summary>
/// The update-cycle host with the Management Team (Daniel Okoro, Helen Price) as the next level
/// and Fiona Grant as Priya's deputy. Priya Shah owns CS 02 and, as Director of Resources, is its
/// escalation owner too, so the whole journey happens in her chat (as in the Playground).
/// </summary>
public abstract class EscalationHost : UpdateCycleHost
{
    public const string HelensChat = "personal-chat-helen";
    public const string DanielsChat = "personal-chat-daniel";
    public const string FionasChat = "personal-chat-fiona";

    protected static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");
    protected static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    protected override string[] MoreSettings =>
    [
        "--Escalations:NextLevel:0", DemoPeople.DanielOkoro.Id.Value,
        "--Escalations:NextLevel:1", DemoPeople.HelenPrice.Id.Value,
        $"--Escalations:Deputies:{DemoPeople.PriyaShah.Id.Value}:0", DemoPeople.FionaGrant.Id.Value,
    ];

    protected EscalationStore Escalations => new(Storage.Tables);

    protected Task<StoredEscalation?> Cs02OctoberAsync() => Escalations.GetAsync(Cs02, October, default);

    /// <summary>Priya records a Red October figure for CS 02 (target 80%, Red below 76%) with her proposed action.</summary>
    protected async Task<string> RecordRedAsync(string value = "61.5") =>
        CardOf(await PressAsync("submitUpdate", new
        {
            verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value,
            commentary = "Two advisers off long-term sick; the new phone menu doubled transfers.",
            actionNote = "Two agency advisers for eight weeks; revert the phone menu.",
        }));

    /// <summary>Escalation cards posted into a conversation (new messages), oldest first.</summary>
    protected IReadOnlyList<string> EscalationCardsIn(string conversation = PriyasChat) =>
        [.. CardsPostedTo(conversation).Where(c => c.Contains("Escalated because", StringComparison.Ordinal))];

    protected Task InstallAsAsync(Person person, string chat) => InstallAsync(chat, person.AadObjectId, $"user-{person.Name.ToLowerInvariant().Replace(' ', '-')}");

    protected Task<JsonElement> PressAsAsync(Person person, string chat, string verb, object data) =>
        PressAsync(verb, data, person.AadObjectId, conversation: chat, user: $"user-{person.Name.ToLowerInvariant().Replace(' ', '-')}");

    protected void MoveTo(string date, string time = "09:00") =>
        Clock.MoveTo(UkTime.At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    protected static EscalationState StateOf(StoredEscalation? stored) => stored!.Escalation.State;
}
