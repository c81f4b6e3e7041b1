using PmfBot.Domain.Calendar;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;
using PmfBot.Storage.Results;

namespace PmfBot.Storage.Tests;

public class ResultStoreTests : StorageTestBase
{
    private ResultStore Store => new(Storage.Tables);

    [Fact]
    public async Task RecordAsync_ThenGet_RoundTripsValueTextAndTheJudgementSnapshot()
    {
        var result = Samples.Result(45.55m);

        var outcome = await Store.RecordAsync(result, default);

        Assert.IsType<RecordOutcome.Recorded>(outcome);
        var stored = await Store.GetAsync(result.Measure, result.Period, default);
        Assert.Equal(result, stored);
        Assert.Equal(RagStatus.Red, stored!.Rag);
        Assert.Equal(new Thresholds(50, Domain.Catalogue.Polarity.HigherIsBetter, Domain.Catalogue.Margin.Percent(5)), stored.Thresholds);
        Assert.Equal(45.55m, stored.Value); // exact: decimals are stored as text, not doubles
    }

    [Fact]
    public async Task RecordAsync_Twice_KeepsTheFirstAndSaysSo()
    {
        var first = Samples.Result(48);
        await Store.RecordAsync(first, default);

        var second = await Store.RecordAsync(Samples.Result(51, commentary: "Second press"), default);

        var already = Assert.IsType<RecordOutcome.AlreadyRecorded>(second);
        Assert.Equal(first, already.Existing);
        Assert.Equal(48, (await Store.GetAsync(first.Measure, first.Period, default))!.Value);
        Assert.Single(await Store.GetAuditTrailAsync(first.Measure, first.Period, default));
    }

    [Fact]
    public async Task RecordAsync_WritesTheAuditEntryWithTheValue()
    {
        var result = Samples.Result(48);
        await Store.RecordAsync(result, default);

        var audit = Assert.Single(await Store.GetAuditTrailAsync(result.Measure, result.Period, default));
        Assert.Equal(AuditEntry.ForRecording(result), audit);
    }

    [Fact]
    public async Task CorrectAsync_KeepsEveryVersionInTheAuditTrail()
    {
        var first = Samples.Result(48);
        await Store.RecordAsync(first, default);
        var measure = Samples.Recycling;
        var judgement = StatusRules.Judge(measure, first.Period, 51, 47, null, StatusPolicy.Default);
        var (corrected, audit) = Correction.Apply(first, measure, 51, "Late tonnage", null, judgement, Samples.Chief, DateTimeOffset.Parse("2026-10-20T10:00Z"), "Contractor's late return");

        var outcome = await Store.CorrectAsync(corrected, audit, expectedVersion: 1, default);

        Assert.IsType<CorrectionOutcome.Corrected>(outcome);
        Assert.Equal(corrected, await Store.GetAsync(first.Measure, first.Period, default));
        // What stood before is kept on the figure itself, for "as it was known then".
        var read = await Store.GetAsync(first.Measure, first.Period, default);
        Assert.Equal(FigureVersion.Of(first), Assert.Single(read!.Earlier));
        Assert.Equal(corrected, StoredJson.Figure(StoredJson.Figure(corrected)));
        var trail = await Store.GetAuditTrailAsync(first.Measure, first.Period, default);
        Assert.Equal([AuditAction.Recorded, AuditAction.Corrected], trail.Select(a => a.Action));
        Assert.Equal((48m, 51m, "Contractor's late return"), (trail[1].OldValue!.Value, trail[1].NewValue, trail[1].Reason!));
    }

    [Fact]
    public async Task CorrectAsync_FromAStaleVersion_ChangesNothing()
    {
        var first = Samples.Result(48);
        await Store.RecordAsync(first, default);
        var measure = Samples.Recycling;
        var j = StatusRules.Judge(measure, first.Period, 51, 47, null, StatusPolicy.Default);
        var (v2, a2) = Correction.Apply(first, measure, 51, "c", null, j, Samples.Chief, DateTimeOffset.UnixEpoch, "first fix");
        await Store.CorrectAsync(v2, a2, 1, default);

        // Someone still looking at version 1 corrects it too.
        var (stale, staleAudit) = Correction.Apply(first, measure, 49, "c", "a", j, Samples.Owner, DateTimeOffset.UnixEpoch, "my fix");
        var outcome = await Store.CorrectAsync(stale, staleAudit, 1, default);

        var changed = Assert.IsType<CorrectionOutcome.ChangedSinceRead>(outcome);
        Assert.Equal(51, changed.Current.Value);
        Assert.Equal(2, (await Store.GetAuditTrailAsync(first.Measure, first.Period, default)).Count);
    }

    [Fact]
    public async Task CorrectAsync_NothingRecorded_SaysSo()
    {
        var first = Samples.Result(48);
        var j = StatusRules.Judge(Samples.Recycling, first.Period, 51, null, null, StatusPolicy.Default);
        var (v2, a2) = Correction.Apply(first, Samples.Recycling, 51, "c", null, j, Samples.Chief, DateTimeOffset.UnixEpoch, "fix");
        Assert.IsType<CorrectionOutcome.NothingRecorded>(await Store.CorrectAsync(v2, a2, 1, default));
    }

    [Fact]
    public async Task GetHistoryAsync_OldestFirst_AndNotTheAuditOrExtensionRows()
    {
        var periods = Enumerable.Range(0, 8).Select(i => ReportingPeriod.Parse("Q1 2025/26")).Select((p, i) => Enumerable.Range(0, i).Aggregate(p, (x, _) => x.Next)).ToList();
        await Store.RecordManyAsync(periods.AsEnumerable().Reverse().Select((p, i) => Samples.Result(40 + i, p)), default);
        await Store.AddExtensionRequestAsync(Extension("x1"), default);

        var history = await Store.GetHistoryAsync(Samples.Recycling.Reference, default);

        Assert.Equal(periods, history.Select(r => r.Period));
    }

    [Fact]
    public async Task GetHistoryAndExtensionsAsync_InOneRead_GivesWhatTheTwoReadsGive_AndNoAuditRows()
    {
        var first = Samples.Result(48);
        await Store.RecordAsync(first, default);
        await Store.RecordAsync(Samples.Result(50, Samples.Q2.Next), default);
        var judgement = StatusRules.Judge(Samples.Recycling, first.Period, 51, null, null, StatusPolicy.Default);
        var (corrected, audit) = Correction.Apply(first, Samples.Recycling, 51, "Late tonnage", null, judgement, Samples.Chief, DateTimeOffset.Parse("2026-10-20T10:00Z"), "Contractor's late return");
        await Store.CorrectAsync(corrected, audit, expectedVersion: 1, default);
        await Store.AddExtensionRequestAsync(Extension("x1"), default);
        await Store.TryRecordExtensionDecisionAsync((await Store.GetExtensionsAsync(Samples.Recycling.Reference, Samples.Q2, default)).Single().Decide(
            true, Samples.Chief, DateTimeOffset.Parse("2026-10-07T09:00Z"), "Fine."), default);
        await Store.AddExtensionRequestAsync(Extension("x2"), default);

        var (history, extensions) = await Store.GetHistoryAndExtensionsAsync(Samples.Recycling.Reference, default);

        Assert.Equal(await Store.GetHistoryAsync(Samples.Recycling.Reference, default), history);
        Assert.Equal(await Store.GetExtensionsAsync(Samples.Recycling.Reference, Samples.Q2, default), extensions); // both requests are for Q2
        Assert.Equal((51m, 2), (history[0].Value, history[0].Version));
        Assert.Equal(2, extensions.Count);
    }

    [Fact]
    public async Task RecordManyAsync_SplitsIntoTransactionsOfAHundred_AndSkipsWhatIsThere()
    {
        var start = ReportingPeriod.Parse("Apr 2015");
        var months = Enumerable.Range(0, 130).Select(i => Enumerable.Range(0, i).Aggregate(start, (p, _) => p.Next)).ToList();
        var measure = Samples.Recycling with { Frequency = Domain.Catalogue.Frequency.Monthly };
        MeasureResult Make(ReportingPeriod p) => Samples.Result(50, p) with { Measure = measure.Reference };
        await Store.RecordAsync(Make(months[3]), default);

        var written = await Store.RecordManyAsync(months.Select(Make), default);

        Assert.Equal(129, written);
        Assert.Equal(130, (await Store.GetHistoryAsync(measure.Reference, default)).Count);
        Assert.Equal(0, await Store.RecordManyAsync(months.Select(Make), default));
    }

    [Fact]
    public async Task GetForPeriodAsync_ReadsThatPeriodForEveryMeasure()
    {
        await Store.RecordAsync(Samples.Result(48), default);
        await Store.RecordAsync(Samples.Result(49) with { Measure = Domain.Catalogue.MeasureReference.Parse("NI 191") }, default);
        await Store.RecordAsync(Samples.Result(49, Samples.Q2.Previous), default);

        var results = await Store.GetForPeriodAsync(Samples.Q2, default);

        Assert.Equal(["NI 191", "NI 192"], results.Select(r => r.Measure.Value).Order());
    }

    [Fact]
    public async Task Extension_RequestThenDecide_OnlyTheFirstDecisionWins()
    {
        var request = Extension("ext-1");
        await Store.AddExtensionRequestAsync(request, default);
        var approve = request.Decide(true, Samples.Chief, DateTimeOffset.Parse("2026-10-08T10:00Z"), "Agreed at HoPS");
        var refuse = request.Decide(false, Samples.Owner, DateTimeOffset.Parse("2026-10-08T10:01Z"), null);

        Assert.True(await Store.TryRecordExtensionDecisionAsync(approve, default));
        Assert.False(await Store.TryRecordExtensionDecisionAsync(refuse, default));

        var stored = Assert.Single(await Store.GetExtensionsAsync(request.Measure, request.Period, default));
        Assert.Equal(approve, stored);
        Assert.Equal(new DateOnly(2026, 10, 24), DeadlinePolicy.Default.DeadlineFor(Samples.Recycling with { DeadlineRule = null }, Samples.Q2, [stored]).Date);
    }

    private static DeadlineExtension Extension(string id) => new()
    {
        Id = id,
        Measure = Samples.Recycling.Reference,
        Period = Samples.Q2,
        NewDeadline = new DateOnly(2026, 10, 24),
        Reason = "Contractor's tonnage data late",
        RequestedBy = Samples.Owner,
        RequestedAt = DateTimeOffset.Parse("2026-10-06T09:00Z"),
    };

    [Fact]
    public async Task DeleteAuditEntriesBefore_DeletesOnlyOlderEntries_InEveryPartition_AndKeepsTheResults()
    {
        static MeasureResult At(Domain.Catalogue.Measure measure, ReportingPeriod period, string recordedAt) =>
            MeasureResult.Record(measure, period, 48, "Garden waste season", "Leaflet drop",
                StatusRules.Judge(measure, period, 48, 47, null, StatusPolicy.Default), Samples.Owner, DateTimeOffset.Parse(recordedAt, System.Globalization.CultureInfo.InvariantCulture));

        // 30 years of quarterly figures on one measure (over a transaction's 100), and one old figure on another measure.
        var recycling = Samples.Recycling;
        var other = Samples.Recycling with { Reference = Domain.Catalogue.MeasureReference.Parse("NI 191") };
        var old = Enumerable.Range(1990, 30).Select(y => At(recycling, ReportingPeriod.Parse($"Q2 {y}/{(y + 1) % 100:00}"), $"{y}-10-05T09:00:00Z")).ToList();
        old.Add(At(other, ReportingPeriod.Parse("Q2 2019/20"), "2019-10-05T09:00:00Z"));
        var recent = At(recycling, ReportingPeriod.Parse("Q2 2026/27"), "2026-10-05T09:00:00Z");
        foreach (var result in old.Append(recent))
        {
            await Store.RecordAsync(result, default);
        }

        var deleted = await Store.DeleteAuditEntriesBeforeAsync(DateTimeOffset.Parse("2020-03-31T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture), default);

        Assert.Equal(old.Count, deleted);
        foreach (var result in old)
        {
            Assert.Empty(await Store.GetAuditTrailAsync(result.Measure, result.Period, default));
            Assert.Equal(result, await Store.GetAsync(result.Measure, result.Period, default)); // the figure itself stays
        }

        Assert.Single(await Store.GetAuditTrailAsync(recent.Measure, recent.Period, default));
        Assert.Equal(0, await Store.DeleteAuditEntriesBeforeAsync(DateTimeOffset.Parse("2020-03-31T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture), default));
    }
}
