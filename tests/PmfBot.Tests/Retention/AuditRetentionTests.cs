using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;
using PmfBot.Features.Demo;
using PmfBot.Storage.Results;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Features.Retention;
using PmfBot.Scheduling;
using PmfBot.Testing;

namespace PmfBot.Tests.Retention;

/// <summary>The audit retention job in the real host: the scheduler leader runs it when it starts leading, then daily.</summary>
public class AuditRetentionTests : StorageTestBase
{
    private ResultStore Results => new(Storage.Tables);

    private static MeasureResult Recorded(string measure, string period, string at)
    {
        var m = DemoCouncil.Catalogue.FindMeasure(Domain.Catalogue.MeasureReference.Parse(measure))!;
        var p = ReportingPeriod.Parse(period);
        return MeasureResult.Record(m, p, 85, "Steady month.", null, StatusRules.Judge(m, p, 85, null, null, StatusPolicy.Default), DemoPeople.PriyaShah.Id,
            DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [Fact]
    public async Task TheLeader_DeletesAuditEntriesAndPromptRecordsPastTheCouncilsRetention_AndNothingElse()
    {
        var old = Recorded("CS 02", "FY2019-M07", "2019-11-05T10:00:00Z"); // 2019/20 + 6 years: gone by 2026/27
        var kept = Recorded("CS 02", "FY2020-M07", "2020-11-05T10:00:00Z"); // 2020/21 + 6: kept until 1 April 2027
        await Results.RecordAsync(old, default);
        await Results.RecordAsync(kept, default);
        var prompts = new Storage.Prompts.PromptStore(Storage.Tables);
        var claimed = new[] { (old.Period, "2019-11-01T09:00:00Z"), (kept.Period, "2020-11-01T09:00:00Z") };
        foreach (var (period, at) in claimed)
        {
            var when = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
            var terms = new Storage.ClaimTerms("test", when, TimeSpan.FromMinutes(1), 3);
            var priya = DemoPeople.PriyaShah.Id;
            var claim = await prompts.TryClaimAsync(old.Measure, period, "prompt", priya, terms, default);
            Assert.NotNull(claim);
        }

        await using var app = PmfBotHost.Build(LoopbackHost.Args(Settings, ["--Retention:DeleteExpiredAuditEntries", "true", "--Clock:StartAt", "2026-11-07T09:00"]));
        await app.StartAsync();

        Assert.True(await EventuallyAsync(async () => (await Results.GetAuditTrailAsync(old.Measure, old.Period, default)).Count == 0), "The leader never deleted 2019/20's audit entry.");
        Assert.Single(await Results.GetAuditTrailAsync(kept.Measure, kept.Period, default));
        Assert.Equal(old, await Results.GetAsync(old.Measure, old.Period, default)); // the figure itself stays
        // who was prompted, and where their card was, went too
        Assert.Empty(await prompts.GetForPeriodAsync(old.Measure, old.Period, default));
        Assert.Single(await prompts.GetForPeriodAsync(kept.Measure, kept.Period, default));
    }

    [Fact]
    public async Task ACouncilKeepingSevenYears_KeepsTheEntryTheSixYearDefaultWouldDelete()
    {
        var old = Recorded("CS 02", "FY2019-M07", "2019-11-05T10:00:00Z");
        await Results.RecordAsync(old, default);
        await using var app = PmfBotHost.Build(LoopbackHost.Args(Settings, ["--Retention:AuditFinancialYears", "7", "--Clock:StartAt", "2026-11-07T09:00"]));

        Assert.Equal(0, await app.Services.GetRequiredService<AuditRetention>().RunAsync(default));
        Assert.Single(await Results.GetAuditTrailAsync(old.Measure, old.Period, default));
    }

    [Fact]
    public async Task WhenTheCouncilKeepsEverything_NoRetentionJobIsScheduled()
    {
        await using var keepsAll = PmfBotHost.Build(LoopbackHost.Args(Settings, ["--Updates:ScanOnSchedule", "true"])); // the tests' settings keep every audit entry
        await using var deletes = PmfBotHost.Build(LoopbackHost.Args(Settings, ["--Updates:ScanOnSchedule", "true", "--Retention:DeleteExpiredAuditEntries", "true"]));

        Assert.DoesNotContain("audit-retention", keepsAll.Services.GetRequiredService<ScheduledJobNames>());
        Assert.Contains("audit-retention", deletes.Services.GetRequiredService<ScheduledJobNames>());
    }
}
