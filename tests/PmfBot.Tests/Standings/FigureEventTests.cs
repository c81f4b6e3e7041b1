using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Domain.Standings;
using PmfBot.Events;
using PmfBot.Standings;
using PmfBot.Storage.Outbox;
using PmfBot.Storage.Results;
using PmfBot.Storage.Standings;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Standings;

/// <summary>
/// A figure recorded (or corrected) is an event written with it; the standings follow from it,
/// right after the turn or, when that fails, from the outbox. Demo council, 7 November 2026:
/// Priya owes October's CS 02.
/// </summary>
public class FigureEventTests : UpdateCycleHost
{
    private static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    private ResultStore Results => new(Storage.Tables);

    private StandingStore Standings => new(Storage.Tables);

    private OutboxStore Outbox => new(Storage.Tables);

    private static object Entry(string value, string? actionNote = null) => new
    {
        verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value,
        commentary = "Two advisers off sick all month.", actionNote,
    };

    private async Task<string> ServiceOfCs02Async() =>
        (await new Storage.Catalogue.CatalogueStore(Storage.Tables).LoadAsync(default)).FindMeasure(Cs02)!.ServiceCode;

    private async Task<MeasureStanding> TruthAsync()
    {
        var (history, extensions) = await Results.GetHistoryAndExtensionsAsync(Cs02, default);
        var escalations = await new Storage.Escalations.EscalationStore(Storage.Tables)
            .GetForSubjectAsync(Cs02, default);
        return MeasureStanding.FromHistory(Cs02, history, extensions, escalations.Select(x => x.Escalation));
    }

    private async Task AssertStandsAsHistoryAsync()
    {
        var stored = await Standings.GetAsync(await ServiceOfCs02Async(), Cs02, default);
        Assert.NotNull(stored);
        var truth = await TruthAsync();
        var (now, then) = (stored.Standing.Latest, truth.Latest);
        Assert.True(
            truth.SameAs(stored.Standing),
            $"Stands at v{now?.Version} {now?.Value}; history says v{then?.Version} {then?.Value}.");
    }

    private Task<IReadOnlyList<PendingEvent>> PendingAsync() =>
        Outbox.GetPendingAsync(DateTimeOffset.MaxValue, 100, default);

    [Fact]
    public async Task ARecordedFigure_StandsInItsService_OnceTheTurnHasAnswered_AndNothingIsLeftPending()
    {
        await InstallAsync();

        var entry = Entry("73.7", actionNote: "Two temporary advisers start on Monday.");
        var card = CardOf(await PressAsync("submitUpdate", entry));

        Assert.Contains("Recorded: 73.7%", card, StringComparison.Ordinal);
        await AssertStandsAsHistoryAsync();
        var service = await Standings.GetServiceAsync(await ServiceOfCs02Async(), default);
        var stands = service.Single(s => s.Measure == Cs02);
        Assert.Equal((October, 73.7m, 1), (stands.Latest!.Period, stands.Latest.Value, stands.Latest.Version));
        Assert.Equal("Two temporary advisers start on Monday.", stands.Latest.ActionNote);
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task ACorrection_IsAnEventToo_AndTheStandingTakesTheNewVersion()
    {
        await PressAsync("submitUpdate", Entry("85"));

        await PostAsync(Personal(
            "message", "change CS 02 to 74.1 because the September calls were counted twice; action: agency cover"));

        await AssertStandsAsHistoryAsync();
        var stored = await Standings.GetAsync(await ServiceOfCs02Async(), Cs02, default);
        Assert.Equal((74.1m, 2), (stored!.Standing.Latest!.Value, stored.Standing.Latest.Version));
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task WithTheStandingsTableDown_TheFigureIsKept_TheOwnerAnswered_AndTheOutboxRunPutsItRight_Once()
    {
        await InstallAsync();
        var service = await ServiceOfCs02Async();
        var before = await Standings.GetAsync(service, Cs02, default);
        await Storage.Tables.Standings.DeleteAsync();

        var card = CardOf(await PressAsync("submitUpdate", Entry("85")));

        Assert.Contains("Recorded: 85.0%", card, StringComparison.Ordinal);
        Assert.Equal(85m, (await Results.GetAsync(Cs02, October, default))!.Value);
        var pending = Assert.Single(await PendingAsync());
        Assert.Equal((Cs02, October, 1), (pending.Measure, pending.Period, pending.Version));

        await Storage.Tables.Standings.CreateIfNotExistsAsync();
        Assert.True(await Standings.TryWriteAsync(service, before!.Standing, null, default)); // back, as it was
        var run = App.Services.GetRequiredService<OutboxRun>();
        Assert.Equal((0, 0), await run.RunOnceAsync(default)); // too young: still the turn's to handle
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal((1, 0), await run.RunOnceAsync(default));

        await AssertStandsAsHistoryAsync();
        Assert.Empty(await PendingAsync());
        Assert.Equal((0, 0), await run.RunOnceAsync(default)); // exactly once: nothing left to do
    }

    [Fact]
    public async Task AnEventWhoseMarkerFailed_IsMarkedAgainByTheDailyRepair_ThenHandled()
    {
        await InstallAsync();
        var service = await ServiceOfCs02Async();
        var before = await Standings.GetAsync(service, Cs02, default);
        await Storage.Tables.Outbox.DeleteAsync(); // the marker can't be written
        await Storage.Tables.Standings.DeleteAsync(); // and the turn's handling fails: the event stays

        Assert.Contains("Recorded: 85.0%", CardOf(await PressAsync("submitUpdate", Entry("85"))), StringComparison.Ordinal);

        await Storage.Tables.Outbox.CreateIfNotExistsAsync();
        await Storage.Tables.Standings.CreateIfNotExistsAsync();
        Assert.True(await Standings.TryWriteAsync(service, before!.Standing, null, default));
        Assert.Empty(await PendingAsync());
        var rebuildOnly = await App.Services.GetRequiredService<StandingsRepair>().RebuildAsync(default);
        Assert.Equal(0, rebuildOnly.Remarked); // a seed's or import's rebuild doesn't scan for stray events
        Assert.Equal(1, (await App.Services.GetRequiredService<StandingsRepair>().RepairAsync(default)).Remarked);
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal((1, 0), await App.Services.GetRequiredService<OutboxRun>().RunOnceAsync(default));

        await AssertStandsAsHistoryAsync();
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task AMarkerWhoseFigureWasNeverWritten_IsLetGo()
    {
        // As if the figure's transaction failed after its marker was written: storage refused the batch.
        var figure = new MeasureResult
        {
            Measure = Cs02, Period = October, Value = 80m, RecordedBy = Features.Demo.DemoPeople.PriyaShah.Id,
            RecordedAt = Clock.GetUtcNow().AddMinutes(-5),
        };
        await Storage.Tables.Outbox.AddEntityAsync(new PendingMarkerEntity
        {
            PartitionKey = PendingMarkerEntity.Partition, RowKey = FigureEvent.Of(figure).Key,
            Measure = "CS 02", Period = October.Code, Version = 1, At = figure.RecordedAt,
        });

        Assert.Equal((0, 0), await App.Services.GetRequiredService<OutboxRun>().RunOnceAsync(default));

        Assert.Empty(await PendingAsync());
        Assert.Null(await Results.GetAsync(Cs02, October, default));
    }

    [Fact]
    public async Task HandledMarkers_AreLetGoTogether_EvenWhenOneIsAlreadyGone()
    {
        var keys = new List<string>();
        foreach (var measure in new[] { "CS 02", "CS 03", "CS 04" })
        {
            var marker = new PendingMarkerEntity
            {
                PartitionKey = PendingMarkerEntity.Partition, RowKey = $"{measure}|{October.Code}|000001",
                Measure = measure, Period = October.Code, Version = 1, At = Clock.GetUtcNow(),
            };
            await Storage.Tables.Outbox.AddEntityAsync(marker);
            keys.Add(marker.RowKey);
        }

        await Storage.Tables.Outbox.DeleteEntityAsync(PendingMarkerEntity.Partition, keys[1]); // let go by a run

        await Outbox.ForgetAllAsync(keys, default);

        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task AnOlderEvent_HandledAfterANewerOne_ChangesNothing()
    {
        await InstallAsync();
        await Scan.RunAsync(default);
        await PressAsync("submitUpdate", Entry("61.5", actionNote: "Two agency advisers for eight weeks."));
        await PostAsync(Personal("message", "change CS 02 to 85 because of a recount"));
        var service = await ServiceOfCs02Async();
        var before = await Standings.GetAsync(service, Cs02, default);
        var escalation = Assert.Single(await new Storage.Escalations.EscalationStore(Storage.Tables)
            .GetForSubjectAsync(Cs02, default));
        var calls = Connector.Calls.Count;
        var first = (await Results.GetAuditTrailAsync(Cs02, October, default))[0];
        var stale = (await Results.GetAsync(Cs02, October, default))! with { Value = first.NewValue, Version = 1 };

        // Version 1 was Red: handled now, it must neither reopen the escalation nor show 61.5% anywhere.
        Assert.True(await App.Services.GetRequiredService<FigureEvents>().HandleAsync(FigureEvent.Of(stale), default));

        var after = await Standings.GetAsync(service, Cs02, default);
        Assert.Equal(before!.ETag, after!.ETag); // not even rewritten
        Assert.Equal(85m, after.Standing.Latest!.Value);
        var now = Assert.Single(await new Storage.Escalations.EscalationStore(Storage.Tables)
            .GetForSubjectAsync(Cs02, default));
        Assert.Equal((Domain.Escalations.EscalationState.Closed, escalation.ETag), (now.Escalation.State, now.ETag));
        Assert.Equal(calls, Connector.Calls.Count); // no card sent or updated
    }

    [Fact]
    public async Task WithTeamsDown_TheCardsInPlaceWaitInTheOutbox_AndAreUpdatedOnce()
    {
        await InstallAsync();
        await Scan.RunAsync(default); // the October prompt goes to Priya
        Connector.FailNext(500, "InternalServerError"); // the prompt's update after the answer

        var card = CardOf(await PressAsync("submitUpdate", Entry("85"), replyToId: "pressed-card"));

        Assert.Contains("Recorded: 85.0%", card, StringComparison.Ordinal);
        Assert.Empty(UpdatesIn());
        Assert.Single(await PendingAsync());
        await AssertStandsAsHistoryAsync(); // the standings' handler did its part

        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        var run = App.Services.GetRequiredService<OutboxRun>();
        Assert.Equal((1, 0), await run.RunOnceAsync(default));
        Assert.Equal((0, 0), await run.RunOnceAsync(default));

        var update = Assert.Single(UpdatesIn()); // the prompt, once; the pressed card shows the answer already
        var shown = AllText(update.Body!.Value.GetProperty("attachments")[0].GetProperty("content"));
        Assert.Contains("Recorded: 85.0%", shown, StringComparison.Ordinal);
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task TheRepairPass_RebuildsAStandingThatDisagreesWithHistory_AndRemovesOneKeptInTheWrongService()
    {
        var service = await ServiceOfCs02Async();
        var kept = await Standings.GetAsync(service, Cs02, default);
        Assert.True(await Standings.TryWriteAsync(service, MeasureStanding.Empty(Cs02), kept!.ETag, default));
        Assert.True(await Standings.TryWriteAsync("NOWHERE", kept.Standing, null, default));

        var summary = await App.Services.GetRequiredService<StandingsRepair>().RepairAsync(default);

        Assert.Equal((1, 1), (summary.Rebuilt, summary.Removed));
        await AssertStandsAsHistoryAsync();
        Assert.Empty(await Standings.GetServiceAsync("NOWHERE", default));
        var again = await App.Services.GetRequiredService<StandingsRepair>().RepairAsync(default);
        Assert.Equal((0, 0), (again.Rebuilt, again.Removed));
    }

    [Fact]
    public async Task TheSeededCouncil_StandsAsItsHistory_EveryMeasure()
    {
        var council = await new Storage.Catalogue.CatalogueStore(Storage.Tables).LoadAsync(default);
        var stands = await App.Services.GetRequiredService<StandingsReader>().ForAsync(council.Measures, default);

        foreach (var (measure, standing) in council.Measures.Zip(stands))
        {
            var (history, extensions) = await Results.GetHistoryAndExtensionsAsync(measure.Reference, default);
            var escalations = await new Storage.Escalations.EscalationStore(Storage.Tables)
                .GetForSubjectAsync(measure.Reference, default);
            var truth = MeasureStanding.FromHistory(
                measure.Reference, history, extensions, escalations.Select(x => x.Escalation));
            Assert.True(truth.SameAs(standing), measure.Reference.Value);
        }

        Assert.Contains(stands, s => s.Extensions.Count > 0); // the demo's pending extension request
        Assert.All(stands, s => Assert.NotNull(s.Latest));
    }

    /// <summary>
    /// A change made through the keeper (here an extension request) is in the standing when the keeper returns, not
    /// after the turn: what the person asks next ("what's due") agrees with what they were just told.
    /// </summary>
    [Fact]
    public async Task AChangeThroughTheKeeper_IsInTheStanding_WhenItReturns_AndItsMarkerIsLetGo()
    {
        await InstallAsync();
        var keeper = App.Services.GetRequiredService<StandingsKeeper>();
        var request = new Domain.Deadlines.DeadlineExtension
        {
            Id = Domain.Deadlines.DeadlineExtension.NewId(),
            Measure = Cs02,
            Period = October,
            NewDeadline = new DateOnly(2026, 11, 13),
            Reason = "The telephony supplier's report is late.",
            RequestedBy = PersonId.Parse("priya.shah@northmere.gov.uk"),
            RequestedAt = UkTime.At(new DateOnly(2026, 11, 7), new TimeOnly(10, 0)),
        };

        await keeper.ChangeAsync(StandingSource.Extensions, Cs02, October, async ct =>
        {
            await Results.AddExtensionRequestAsync(request, ct);
            return request;
        }, default);
        var stored = await Standings.GetAsync(await ServiceOfCs02Async(), Cs02, default); // no waiting on anything

        Assert.Contains(stored!.Standing.Extensions, e => e.Id == request.Id);
        Assert.Empty(await PendingAsync());
    }
}
